package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("regression", "Fits a line with the question's 1-1-1 network: its own update rule, then gradient descent done right.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the starting weights")
	cli.IntVar(fs, &cfg.askerEpochs, "asker-epochs", 1, 10_000_000, "epochs of the question's update rule")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η of gradient descent")
	cli.IntVar(fs, &cfg.epochs, "epochs", 1, 10_000_000, "epochs of gradient descent")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the fitted lines to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	cli.IntVar(fs, &cfg.trace, "trace", 0, 1000, "print every quantity of the first `n` steps of the question's rule and of gradient descent")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if !(cfg.rate > 0 && cfg.rate <= 10) {
		return cfg, fmt.Errorf("-rate must be in (0, 10], got %v", cfg.rate)
	}
	var err error
	cfg.plot, err = cli.Picture(fs, "plot", "trace")
	return cfg, err
}
