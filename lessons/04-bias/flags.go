package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"nnscratch/lessons/internal/cli"
)

// Budgets: -max-iter is at most maxIter (each iteration takes about a
// microsecond, so a run of every variant stays under a minute), and -trace
// prints at most maxTrace steps of each run.
const (
	maxIter  = 10_000_000
	maxTrace = 100
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("bias", "Counts the forum network's iterations to reach the error goal, with and without its bugs.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the initial weights")
	fs.Float64Var(&cfg.alpha, "alpha", cfg.alpha, "learning rate α")
	fs.Float64Var(&cfg.goal, "goal", cfg.goal, "stop once the sum of squared errors is below this")
	cli.IntVar(fs, &cfg.maxIter, "max-iter", 1, maxIter, "give up after this many iterations")
	scale := fs.String("scale", "both", "inputs: raw, standard (mean 0, sd 1) or both")
	names := make([]string, len(variants))
	for i, v := range variants {
		names[i] = v.name
	}
	which := fs.String("variant", "all", "one of "+strings.Join(names, ", ")+", or all")
	cli.IntVar(fs, &cfg.trace, "trace", 0, maxTrace, "print every intermediate of each run's first `n` steps in numpy's format")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	switch {
	case !(cfg.alpha > 0) || math.IsInf(cfg.alpha, 0):
		return cfg, fmt.Errorf("-alpha must be a positive number, got %g", cfg.alpha)
	case !(cfg.goal > 0) || math.IsInf(cfg.goal, 0):
		return cfg, fmt.Errorf("-goal must be a positive number, got %g", cfg.goal)
	}
	if err := cli.OneOf("scale", *scale, "raw", "standard", "both"); err != nil {
		return cfg, err
	}
	if *scale != "both" {
		cfg.scales = []bool{*scale == "standard"}
	}
	if err := cli.OneOf("variant", *which, append(names, "all")...); err != nil {
		return cfg, err
	}
	if i := slices.Index(names, *which); i >= 0 {
		cfg.variants = variants[i : i+1]
	}
	return cfg, nil
}
