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
package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
)

// config holds the settings of one run; parseFlags fills it from the command
// line. Zero steps or rate mean the source's value.
type config struct {
	mode  string // all, buggy, fixed or worked
	steps int    // training steps (updates)
	rate  float64
	order order
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

// run writes the chosen mode's output to w.
func run(w io.Writer, cfg config) error {
	switch cfg.mode {
	case "buggy", "fixed", "all":
		if err := runQuestion(w, cfg); err != nil || cfg.mode != "all" {
			return err
		}
		fmt.Fprintln(w)
	}
	return runWorked(w, cfg)
}

// runQuestion trains the question's network with the buggy update, the fixed
// one, or both side by side, and prints the outputs after 0, 1, 10, 100, …
// updates and after steps−1 and steps.
func runQuestion(w io.Writer, cfg config) error {
	steps, rate := or(cfg.steps, questionSteps), orF(cfg.rate, questionRate)
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
	nets := make([]*network, len(rules))
	for i := range nets {
		nets[i] = questionNet()
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
	}
	return nil
}

// isPowerOf10 reports whether k is 0 or 1, 10, 100, ….
func isPowerOf10(k int) bool {
	for k >= 10 && k%10 == 0 {
		k /= 10
	}
	return k <= 1
}

// or returns v, or def when v is zero.
func or(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// orF returns v, or def when v is zero.
func orF(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// parseFlags parses and validates the command line. An invalid value gives an
// error that names its flag; -h gives flag.ErrHelp after printing the usage.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("backprop-222", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mode := fs.String("mode", "all", "what to run: buggy, fixed, worked, or all (buggy and fixed side by side, then worked)")
	steps := fs.Int("steps", 0, "training steps (0: the source's, 1000 for the question, 10000 for the worked example)")
	rate := fs.String("rate", "0", "learning rate η > 0 (0: the source's, 5 for the question, 0.5 for the worked example)")
	ord := fs.String("order", "textbook", "hidden deltas from the output weights before this step's update (textbook) or after it (updated)")
	if err := cli.Parse(fs, args); err != nil {
		return config{}, err
	}
	cfg := config{mode: *mode, steps: *steps}
	switch cfg.mode {
	case "all", "buggy", "fixed", "worked":
	default:
		return config{}, fmt.Errorf("-mode: want buggy, fixed, worked or all, got %q", cfg.mode)
	}
	if cfg.steps < 0 || cfg.steps > 10_000_000 {
		return config{}, fmt.Errorf("-steps: want 0 to 10000000, got %d", cfg.steps)
	}
	r, err := strconv.ParseFloat(strings.TrimSpace(*rate), 64)
	if err != nil || r < 0 || r > 1e6 || r != r {
		return config{}, fmt.Errorf("-rate: want a number from 0 to 1e6, got %q", *rate)
	}
	cfg.rate = r
	switch *ord {
	case "textbook":
		cfg.order = textbook
	case "updated":
		cfg.order = updated
	default:
		return config{}, fmt.Errorf("-order: want textbook or updated, got %q", *ord)
	}
	return cfg, nil
}

// String names the order as the -order flag does.
func (o order) String() string {
	if o == updated {
		return "updated"
	}
	return "textbook"
}
