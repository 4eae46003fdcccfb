package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nnscratch/lessons/internal/cli"
)

// Budgets: at most maxSteps updates (each allocates a few small matrices,
// about a microsecond) and maxTrace traced steps.
const (
	maxSteps = 10_000_000
	maxTrace = 100
)

// parseFlags parses and validates the command line. An invalid value gives an
// error that names its flag; -h gives flag.ErrHelp after printing the usage.
// A flag that is not given leaves its config field 0: the source's value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := cli.NewFlagSet("backprop-222", "Trains the forum question's 2-2-2 network with its bug and with the fix, then the worked example.", stderr)
	mode := fs.String("mode", "all", "what to run: buggy, fixed, worked, or all (buggy and fixed side by side, then worked)")
	steps := fs.Int("steps", 0, fmt.Sprintf("training steps, 1 … %d (default: the source's, 1000 for the question, 10000 for the worked example, which needs at least 2)", maxSteps))
	rate := fs.String("rate", "", "learning rate η, 0 < η ≤ 1e6 (default: the source's, 5 for the question, 0.5 for the worked example)")
	ord := fs.String("order", "textbook", "hidden deltas from the output weights before this step's update (textbook) or after it (updated)")
	cli.IntVar(fs, &cfg.trace, "trace", 0, maxTrace, "print every quantity of each training's first `n` steps, in the worked example's notation")
	if err := cli.Parse(fs, args); err != nil {
		return config{}, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	cfg.mode = *mode
	if err := cli.OneOf("mode", cfg.mode, "buggy", "fixed", "worked", "all"); err != nil {
		return config{}, err
	}
	if set["steps"] {
		least := 1
		if cfg.mode == "worked" {
			least = 2 // the summary reports the error after 1, steps−1 and steps updates
		}
		if *steps < least || *steps > maxSteps {
			return config{}, fmt.Errorf("-steps must be in %d … %d with -mode %s, got %d", least, maxSteps, cfg.mode, *steps)
		}
		cfg.steps = *steps
	}
	if set["rate"] {
		r, err := strconv.ParseFloat(strings.TrimSpace(*rate), 64)
		if err != nil || !(r > 0) || r > 1e6 {
			return config{}, fmt.Errorf("-rate must be a number above 0 and at most 1e6, got %q", *rate)
		}
		cfg.rate = r
	}
	if err := cli.OneOf("order", *ord, "textbook", "updated"); err != nil {
		return config{}, err
	}
	if *ord == "updated" {
		cfg.order = updated
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
