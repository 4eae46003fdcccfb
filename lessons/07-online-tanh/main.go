// Online-tanh trains the forum question's small tanh network one random
// sample at a time, on OR (the question's data) and XOR (the answer's),
// prints the question's "Epoch N, Inputs …, Outputs …, Targets …" lines, and
// measures how the initial weight scale and the learning rate change the
// number of steps it takes to get the outputs within 0.02 of their targets.
//
//	go run ./lessons/07-online-tanh
//	go run ./lessons/07-online-tanh -seed 7 -answer-rate 0.3 -seeds 50
//
// One step of the question's loop, for a row (x, t) drawn by randint(0, 4):
//
//	h = tanh(W1·x + b1)            a = tanh(W2·h + b2)
//	δ2 = (a − t)·(1 − a²)          δ1 = W2ᵀ·δ2 ⊙ (1 − h²)
//	W2 −= η·δ2·hᵀ   b2 −= η·δ2     W1 −= η·δ1·xᵀ   b1 −= η·δ1
package main

import (
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
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
	fmt.Fprintf(w, "Layer sizes [2 %d 1], tanh on the hidden and the output layer; weights randn(out, in)·scale,\n", cfg.hidden)
	fmt.Fprintf(w, "biases randn(out), np.random.seed(%d); each step trains on one row drawn by randint(0, 4).\n", cfg.seed)
	fmt.Fprintf(w, "accuracy = 1 − mean over the 4 patterns of |output − target|, measured before each step.\n")

	logged := map[string]trace{}
	for _, r := range []struct {
		t task
		s setting
	}{{or, question}, {xor, answer}} {
		tr := online(r.t, r.s, cfg.hidden, cfg.seed, cfg.steps, cfg.testfreq, false)
		logged[r.t.name+r.s.name] = tr
		fmt.Fprintf(w, "\n%s, %v, a line every %d steps:\n", r.t.name, r.s, cfg.testfreq)
		for _, p := range tr.printed {
			fmt.Fprintf(w, "Epoch %d, Inputs %s, Outputs %s, Targets %s\n", p.step, intArray(r.t.x.Row(p.row)),
				numpyArray(p.output), intArray(r.t.y.Row(p.row)))
		}
		fmt.Fprintf(w, "after %d steps: outputs %s, accuracy %.4f, first ≥ %g at %s\n", cfg.steps,
			outputs(tr, r.t), tr.acc[cfg.steps], goal, stepOrNever(tr.first()))
	}

	q := logged["ORquestion"]
	fmt.Fprintf(w, "\nWhat \"epoch\" counts: the loop's counter counts samples. %d \"epochs\" = %d samples = %d epochs of all 4.\n",
		cfg.steps, cfg.steps, cfg.steps/4)
	fmt.Fprintf(w, "  random draws (OR run above) used the rows %d, %d, %d and %d times: accuracy %.4f\n",
		q.counts[0], q.counts[1], q.counts[2], q.counts[3], q.acc[cfg.steps])
	if cfg.steps >= 4 {
		acc, err := epochs(or, question, cfg.hidden, cfg.seed, cfg.steps/4)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %d real epochs (nn.Train, batch size 1, shuffled), same start: each row %d times: accuracy %.4f\n",
			cfg.steps/4, cfg.steps/4, acc[len(acc)-1])
	}
	extra := online(or, question, cfg.hidden, cfg.seed, cfg.steps, cfg.testfreq, true)
	fmt.Fprintf(w, "\nThe forward pass inside backprop: backpropagate_error calls forward_propagate first, so\n")
	fmt.Fprintf(w, "adding a forward pass to every step changes nothing: same weights to the last bit: %v\n",
		sameWeights(q, extra))

	fmt.Fprintf(w, "\nSeed %d, accuracy after 1000 and %d steps and the first step with accuracy ≥ %g:\n", cfg.seed, cfg.steps, goal)
	var curves []plot.Series
	for _, t := range []task{or, xor} {
		for _, s := range settings {
			tr := online(t, s, cfg.hidden, cfg.seed, cfg.steps, cfg.steps+1, false)
			fmt.Fprintf(w, "  %-4s %-36v %s  %.4f  %s\n", t.name, s, at(tr, 1000), tr.acc[cfg.steps], stepOrNever(tr.first()))
			if s == question || s == answer { // the plot's font is ASCII: x for ×
				name := fmt.Sprintf("%s, %s (weights x%g, rate %g)", t.name, s.name, s.scale, s.rate)
				curves = append(curves, plot.Series{Name: name, Y: tr.acc})
			}
		}
	}
	if cfg.seeds > 0 {
		marks := []int{1000, 2000, cfg.long}
		fmt.Fprintf(w, "\nSeeds 1 … %d, %d steps each: how many reach accuracy ≥ %g within %d, %d and %d steps,\n", cfg.seeds, cfg.long, goal, marks[0], marks[1], marks[2])
		fmt.Fprintf(w, "the median first step (never = more than half never did), the median mean |error| at the end:\n")
		for _, tl := range sweep([]task{or, xor}, settings, cfg.hidden, cfg.seeds, cfg.long, marks) {
			fmt.Fprintf(w, "  %-4s %-36v %3d %3d %3d   %6s   %.5f\n", tl.t.name, tl.s, tl.by[0], tl.by[1], tl.by[2],
				stepOrNever(tl.medianFirst), tl.medianLastErr)
		}
	}
	if cfg.plot == "" {
		return nil
	}
	chart := plot.LineChart{
		Title:  fmt.Sprintf("Online tanh network: accuracy by step (seed %d)", cfg.seed),
		XLabel: "step (one sample each)", YLabel: "1 - mean |error|", Series: curves,
	}
	if err := plot.Save(cfg.plot, chart.Render()); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", cfg.plot)
	return nil
}

// outputs lists the network's four outputs at the end of tr.
func outputs(tr trace, t task) string {
	out := tr.net.Forward(t.x)
	return fmt.Sprintf("%.4f %.4f %.4f %.4f", out.Data[0], out.Data[1], out.Data[2], out.Data[3])
}

// at formats the accuracy before step s, or "-" if the run was shorter.
func at(tr trace, s int) string {
	if s >= len(tr.acc) {
		return "     -"
	}
	return fmt.Sprintf("%.4f", tr.acc[s])
}

func stepOrNever(s int) string {
	if s < 0 {
		return "never"
	}
	return fmt.Sprint(s)
}

// sameWeights reports whether two runs ended with bit-identical parameters.
func sameWeights(a, b trace) bool {
	pa, pb := a.net.Params(), b.net.Params()
	for i := range pa {
		for j, v := range pa[i].Value.Data {
			if math.Float64bits(v) != math.Float64bits(pb[i].Value.Data[j]) {
				return false
			}
		}
	}
	return true
}
