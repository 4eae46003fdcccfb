package main

import (
	"flag"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/plot"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("regression", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", int64(cfg.seed), "np.random.seed value for the starting weights (0 … 2³²−1)")
	fs.IntVar(&cfg.askerEpochs, "asker-epochs", cfg.askerEpochs, "epochs of the question's update rule")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η of gradient descent")
	fs.IntVar(&cfg.epochs, "epochs", cfg.epochs, "epochs of gradient descent")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the fitted lines to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	fs.IntVar(&cfg.trace, "trace", 0, "print every quantity of the first `n` steps of the question's rule and of gradient descent (0 … 1000)")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	cfg.plot = cli.Figure(fs, "plot", "trace")
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	switch {
	case cfg.askerEpochs < 1 || cfg.askerEpochs > 10_000_000:
		return cfg, fmt.Errorf("-asker-epochs must be in 1 … 10000000, got %d", cfg.askerEpochs)
	case !(cfg.rate > 0 && cfg.rate <= 10):
		return cfg, fmt.Errorf("-rate must be in (0, 10], got %v", cfg.rate)
	case cfg.epochs < 1 || cfg.epochs > 10_000_000:
		return cfg, fmt.Errorf("-epochs must be in 1 … 10000000, got %d", cfg.epochs)
	case cfg.trace < 0 || cfg.trace > 1000:
		return cfg, fmt.Errorf("-trace must be in 0 … 1000, got %d", cfg.trace)
	}
	if cfg.plot != "" {
		if err := plot.CheckPath(cfg.plot); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}
