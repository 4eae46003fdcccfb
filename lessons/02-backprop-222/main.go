// Backprop-222 trains the 2-2-2 sigmoid network of a "Make Your Own Neural
// Network" style forum question, built from matrix products the way its code
// is, first with the question's bug (the gradient is multiplied elementwise by
// the weights, so the first output sticks at 0.5) and then with the fix. It
// then replays the hand-worked backpropagation example the network comes from
// (Matt Mazur's "A Step by Step Backpropagation Example") and prints each of
// its published figures beside the computed one.
//
//	go run ./lessons/02-backprop-222
//	go run ./lessons/02-backprop-222 -mode worked -order updated
//	go run ./lessons/02-backprop-222 -mode worked -steps 2 -trace 1
//
// One step, in network.go (network.step), every layer a column and a layer
// with a bias getting a 1 appended below its units:
//
//	net = W·in         out = σ(net)                     (forward, layer by layer)
//	δ_o = (out_o − target) ∘ out_o(1 − out_o)
//	∂E/∂W₁ = δ_o·in₁ᵀ          δ_h = (W₁ᵀ·δ_o) ∘ out_h(1 − out_h)
//	∂E/∂W₀ = δ_h·in₀ᵀ          W ← W − η·∂E/∂W  (the question's bug: W ← W + (−η·W) ∘ ∂E/∂W)
package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
)

// config holds the settings of one run; parseFlags fills it from the command
// line. steps and rate are 0 when the flag was not given: each network then
// uses its source's value.
type config struct {
	mode  string // all, buggy, fixed or worked
	steps int    // training steps (updates)
	rate  float64
	order order
	trace int // print every quantity of the first trace steps of each training
}

// questionRate and questionSteps reproduce the question's printed output; its
// learning rate was lost in scraping, and 5 is the value that gives its
// printout digit for digit.
const (
	questionRate  = 5.0
	questionSteps = 1000
	workedRate    = 0.5
	workedSteps   = 10000
)

// questionOutput is what the question printed after its loop of 1000
// iterations: the forward pass of the last iteration, after 999 updates.
var questionOutput = [2]string{"0.5", "0.9892866637557137"}

func main() { cli.Main("backprop-222", parseFlags, run) }

// run writes the chosen mode's output to w, then the trace if asked for.
func run(w io.Writer, cfg config) error {
	var traces bytes.Buffer
	switch cfg.mode {
	case "buggy", "fixed", "all":
		runQuestion(w, &traces, cfg)
		if cfg.mode == "all" {
			fmt.Fprintln(w)
		}
	}
	if cfg.mode == "worked" || cfg.mode == "all" {
		if err := runWorked(w, &traces, cfg); err != nil {
			return err
		}
	}
	if cfg.trace > 0 {
		fmt.Fprintf(w, "\nTrace of each training's first steps (-trace %d), in the worked example's notation:\n", cfg.trace)
		w.Write(traces.Bytes())
	}
	return nil
}

// runQuestion trains the question's network with the buggy update, the fixed
// one, or both side by side, and prints the outputs after 0, 1, 10, 100, …
// updates and after steps−1 and steps; it writes the trace of each
// training's first cfg.trace steps to traces.
func runQuestion(w, traces io.Writer, cfg config) {
	steps, rate := cmp.Or(cfg.steps, questionSteps), cmp.Or(cfg.rate, questionRate)
	rules := map[string][]rule{"buggy": {buggyRule}, "fixed": {fixedRule}, "all": {buggyRule, fixedRule}}[cfg.mode]
	names := map[rule]string{buggyRule: "buggy: W += (−η·W) ∘ G", fixedRule: "fixed: W −= η·G"}
	fmt.Fprintf(w, "The question's 2-2-2 network: input (0.05, 0.10, 1), target (0.01, 0.99), rate %v, %s order\n", rate, cfg.order)
	head, cols := fmt.Sprintf("%-8s", "updates"), fmt.Sprintf("%-8s", "")
	for _, r := range rules {
		head += fmt.Sprintf("  %-38s", names[r])
		cols += fmt.Sprintf("  %-12s %-12s %-12s", "out1", "out2", "E")
	}
	line(w, "%s", head)
	line(w, "%s", cols)
	nets, bufs := make([]*network, len(rules)), make([]bytes.Buffer, len(rules))
	for i := range nets {
		nets[i] = questionNet()
		if nets[i].tr = trace.New(&bufs[i], cfg.trace); nets[i].tr != nil {
			fmt.Fprintf(&bufs[i], "question's network, %s:\n", names[rules[i]])
		}
	}
	for k := 0; k <= steps; k++ {
		show := k == steps || k == steps-1 || isPowerOf10(k)
		row := ""
		if show {
			row = fmt.Sprintf("%-8d", k)
		}
		for i, n := range nets {
			var out *matrix.Matrix
			if k < steps {
				n.tr.Step(k)
				out = n.step(input, target, rate, rules[i], cfg.order)
			} else {
				_, out = n.forward(input)
			}
			if show {
				row += fmt.Sprintf("  %-12.9f %-12.9f %-12.9f", out.Data[0], out.Data[1], loss(out, target))
			}
		}
		if show {
			line(w, "%s", row)
		}
	}
	if rate == questionRate && steps == questionSteps && cfg.order == textbook && cfg.mode != "fixed" {
		fmt.Fprintf(w, "the question printed (%s, %s) after its %d iterations, i.e. after %d updates\n",
			questionOutput[0], questionOutput[1], questionSteps, questionSteps-1)
	}
	for i, n := range nets {
		fmt.Fprintf(w, "%s, weights after %d updates:\n%s\n%s\n", names[rules[i]], steps, n.weights[0].Format(9), n.weights[1].Format(9))
		traces.Write(bufs[i].Bytes())
	}
}
