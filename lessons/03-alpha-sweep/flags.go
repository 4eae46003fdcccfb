package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// Budgets: -steps is at most maxSteps (about ten seconds per learning rate),
// and a run keeps at most maxPoints printed or recorded errors per learning
// rate (8 bytes each), so no flag value can make it grow without bound.
const (
	maxSteps  = 10_000_000
	maxPoints = 100_000
	maxTrace  = 100
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("alpha-sweep", "Trains the notebook's 3-4-1 XOR network once per learning rate.", stderr)
	alphas := fs.String("alphas", "0.001,0.01,0.1,1,10,100,1000", "comma-separated learning rates α to sweep")
	cli.IntVar(fs, &cfg.steps, "steps", 1, maxSteps, "training steps per learning rate")
	fs.IntVar(&cfg.every, "every", cfg.every, "print the mean absolute error every `n` steps")
	fs.IntVar(&cfg.record, "record", cfg.record, "record the error for the plot every `n` steps")
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the initial weights")
	cli.IntVar(fs, &cfg.digits, "digits", 0, 17, "significant digits of the printed errors (0 = all, as Python prints them)")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the error curves to this `file` (.png or .jpg; empty for none); a run that changes -alphas, -steps, -record or -seed draws none unless -plot is given")
	fs.BoolVar(&cfg.fused, "fused", false, "run the fused loop of fused.go (same bits, faster) instead of step.go")
	cli.IntVar(fs, &cfg.trace, "trace", 0, maxTrace, "print every intermediate of the first `n` steps of each learning rate in numpy's format")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.alphas, err = cli.PositiveFloats(*alphas); err != nil {
		return cfg, fmt.Errorf("-alphas: %v", err)
	}
	switch {
	case cfg.every < 1:
		return cfg, fmt.Errorf("-every must be at least 1, got %d", cfg.every)
	case cfg.record < 1:
		return cfg, fmt.Errorf("-record must be at least 1, got %d", cfg.record)
	case cfg.trace > 0 && cfg.fused:
		return cfg, fmt.Errorf("-trace prints step.go's quantities, which -fused does not compute; drop one of them")
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"every", cfg.every}, {"record", cfg.record}} {
		if points := (cfg.steps-1)/f.n + 1; points > maxPoints {
			return cfg, fmt.Errorf("-%s %d keeps %d errors per learning rate over %d steps, more than the budget of %d; raise -%s",
				f.name, f.n, points, cfg.steps, maxPoints, f.name)
		}
	}
	// Only the default run writes the README's figure: a run that another
	// flag changes draws no picture unless -plot names one.
	cfg.plot, err = cli.Picture(fs, "plot", "every", "digits", "fused", "trace")
	return cfg, err
}
