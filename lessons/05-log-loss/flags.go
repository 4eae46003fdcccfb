package main

import (
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("log-loss", "Tabulates iterations to the error goal for squared error and log-loss.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the initial weights")
	alphas := fs.String("alphas", "0.01,0.05,0.5", "comma-separated learning rates α")
	fs.Float64Var(&cfg.goal, "goal", cfg.goal, "stop once the sum of squared errors (and, on log-loss, the mean log-loss) is below this")
	cli.IntVar(fs, &cfg.maxIter, "max-iter", 1, 100_000_000, "give up after this many iterations")
	scale := fs.String("scale", "both", "inputs: raw, standard (mean 0, sd 1) or both")
	loss := fs.String("loss", "both", "loss to train on: sse, log or both")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the SSE curves to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	cli.IntVar(fs, &cfg.trace, "trace", 0, 1000, "print every quantity of the first `n` steps of the table's first run, as numpy prints them")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.alphas, err = cli.PositiveFloats(*alphas); err != nil {
		return cfg, fmt.Errorf("-alphas: %v", err)
	}
	if !(cfg.goal > 0) || math.IsInf(cfg.goal, 0) {
		return cfg, fmt.Errorf("-goal must be a positive number, got %g", cfg.goal)
	}
	if err := cli.OneOf("scale", *scale, "raw", "standard", "both"); err != nil {
		return cfg, err
	}
	if *scale != "both" {
		cfg.scales = []bool{*scale == "standard"}
	}
	if err := cli.OneOf("loss", *loss, "sse", "log", "both"); err != nil {
		return cfg, err
	}
	if *loss != "both" {
		cfg.losses = []string{*loss}
	}
	if cfg.plot, err = cli.Picture(fs, "plot", "trace"); err != nil {
		return cfg, err
	}
	// The plot shows squared error at α 0.5 and log-loss at α 0.05. A run
	// that changes -alphas or -loss draws no plot unless -plot is given
	// (cli.Picture); given, it is an error now, before any training, if no
	// run uses either rate.
	if cfg.plot != "" && !plotsSomething(cfg) {
		return cfg, fmt.Errorf("-plot: no run uses α %g (squared error) or α %g (log-loss), the rates the plot shows; add one to -alphas or give -plot \"\"", plotAlphaSSE, plotAlphaLog)
	}
	return cfg, nil
}

// plotsSomething reports whether cfg trains a run that the plot shows.
func plotsSomething(cfg config) bool {
	for _, l := range cfg.losses {
		for _, a := range cfg.alphas {
			if a == map[string]float64{"sse": plotAlphaSSE, "log": plotAlphaLog}[l] {
				return true
			}
		}
	}
	return false
}
