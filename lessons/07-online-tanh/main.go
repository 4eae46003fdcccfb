// Online-tanh trains the forum question's small tanh network one random
// sample at a time, on OR (the question's data) and XOR (the answer's),
// prints the question's "Epoch N, Inputs …, Outputs …, Targets …" lines, and
// measures how the initial weight scale and the learning rate change the
// number of steps it takes to get the outputs within 0.02 of their targets.
//
//	go run ./lessons/07-online-tanh
//	go run ./lessons/07-online-tanh -seed 7 -answer-rate 0.3 -seeds 50
//	go run ./lessons/07-online-tanh -trace 1 -steps 1 -seeds 0
//
// One step of the question's loop (step.go, which the default run executes),
// for a row (x, t) drawn by randint(0, 4), with x a column:
//
//	h = tanh(W1·x + b1)            a = tanh(W2·h + b2)
//	δ2 = (a − t)·(1 − a²)          δ1 = W2ᵀ·δ2 ⊙ (1 − h²)
//	W2 −= η·δ2·hᵀ   b2 −= η·δ2     W1 −= η·δ1·xᵀ   b1 −= η·δ1
package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/nn/plot"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed        uint32  // np.random.seed for every run
	hidden      int     // hidden tanh units
	steps       int     // steps (samples) per printed run
	testfreq    int     // print every testfreq steps
	rate, scale float64 // the question's learning rate and weight scale
	answerRate  float64 // the answer's larger learning rate
	answerScale float64 // the answer's larger weight scale
	seeds       int     // seeds 1 … seeds in the sweep
	long        int     // steps per run in the sweep
	plot        string  // PNG or JPEG of accuracy against step; "" = none
	trace       int     // print every quantity of the first trace steps of the first run
}

func defaultConfig() config {
	return config{seed: 32, hidden: 3, steps: 2000, testfreq: 100, rate: 0.1, scale: 1,
		answerRate: 0.2, answerScale: 2, seeds: 20, long: 10000, plot: "online-tanh.png"}
}

func main() { cli.Main("online-tanh", parseFlags, run) }

// run prints the two logged runs, the epoch and forward-pass checks, the
// table of settings and the seed sweep, and writes the plot.
func run(w io.Writer, cfg config) error {
	question := setting{"question", cfg.scale, cfg.rate}
	answer := setting{"answer", cfg.answerScale, cfg.answerRate}
	settings := []setting{question, {"rate only", cfg.scale, cfg.answerRate}, {"scale only", cfg.answerScale, cfg.rate}, answer}
	printSetup(w, cfg)

	tr := trace.New(w, cfg.trace) // the first run's first steps
	logged := map[string]history{}
	for _, r := range []struct {
		t task
		s setting
	}{{or, question}, {xor, answer}} {
		h := online(r.t, r.s, cfg.hidden, cfg.seed, cfg.steps, cfg.testfreq, questionLoop, tr)
		tr = nil
		logged[r.t.name+r.s.name] = h
		printLogged(w, cfg, r.t, r.s, h)
	}

	q := logged["ORquestion"]
	var acc []float64
	if cfg.steps >= 4 {
		var err error
		if acc, err = epochs(or, question, cfg.hidden, cfg.seed, cfg.steps/4); err != nil {
			return err
		}
	}
	printEpochs(w, cfg, q, acc)
	a := online(or, question, cfg.hidden, cfg.seed, cfg.steps, cfg.testfreq, answerLoop, nil)
	fmt.Fprintf(w, "\nThe forward pass inside backprop: backpropagate_error calls forward_propagate first, so\n")
	fmt.Fprintf(w, "adding a forward pass to every step changes nothing: same weights to the last bit: %v\n",
		sameWeights(q.net, a.net))

	fmt.Fprintf(w, "\nSeed %d, accuracy after 1000 and %d steps and the first step with accuracy ≥ %g:\n", cfg.seed, cfg.steps, goal)
	var curves []plot.Series
	for _, t := range []task{or, xor} {
		for _, s := range settings {
			h := online(t, s, cfg.hidden, cfg.seed, cfg.steps, cfg.steps+1, questionLoop, nil)
			fmt.Fprintf(w, "  %-4s %-36v %s  %.4f  %s\n", t.name, s, at(h, 1000), h.acc[cfg.steps], stepOrNever(h.first()))
			if s == question || s == answer { // the plot's font is ASCII: x for ×
				name := fmt.Sprintf("%s, %s (weights x%g, rate %g)", t.name, s.name, s.scale, s.rate)
				curves = append(curves, plot.Series{Name: name, Y: h.acc})
			}
		}
	}
	if cfg.seeds > 0 {
		marks := sweepMarks(cfg.long)
		printSweep(w, cfg, marks, sweep([]task{or, xor}, settings, cfg.hidden, cfg.seeds, cfg.long, marks))
	}
	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg, curves) })
}

// sweepMarks returns the step counts the sweep tallies: 1000 and 2000 when
// the runs are longer, and the runs' length.
func sweepMarks(long int) []int {
	var marks []int
	for _, m := range []int{1000, 2000} {
		if m < long {
			marks = append(marks, m)
		}
	}
	return append(marks, long)
}
