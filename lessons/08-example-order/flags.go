package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("example-order", "Trains on Iris one sample at a time, sorted by class and shuffled.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the starting weights and the shuffles")
	cli.IntVar(fs, &cfg.hidden, "hidden", 1, 1000, "hidden units")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η")
	cli.IntVar(fs, &cfg.epochs, "epochs", 1, 100000, "passes over the 150 samples")
	fs.IntVar(&cfg.every, "every", cfg.every, "print the accuracy and loss every `n` epochs")
	cli.IntVar(fs, &cfg.seeds, "seeds", 0, 1000, "compare the two orders for seeds 1 … `n` at the end (0 for none)")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the accuracy curves to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	switch {
	case !(cfg.rate > 0) || cfg.rate > 1e6:
		return cfg, fmt.Errorf("-rate must be a positive number, got %g", cfg.rate)
	case cfg.every < 1:
		return cfg, fmt.Errorf("-every must be at least 1, got %d", cfg.every)
	}
	// Only the default run writes the README's figure: a run that another
	// flag changes draws none unless -plot names a file.
	var err error
	cfg.plot, err = cli.Picture(fs, "plot")
	return cfg, err
}
