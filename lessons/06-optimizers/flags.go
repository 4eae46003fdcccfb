package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("optimizers", "Races gradient descent, momentum, Nesterov and Adam on the question's 2-3-1 network.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value for the starting weights")
	fs.Float64Var(&cfg.mu, "mu", cfg.mu, "momentum coefficient μ for momentum and Nesterov, in [0, 1)")
	fs.Float64Var(&cfg.goal, "goal", cfg.goal, "stop once the summed squared error Σ(a − y)² is below this")
	cli.IntVar(fs, &cfg.maxIter, "max-iter", 1, 100_000_000, "give up after `n` iterations")
	gd := fs.String("gd-rates", joinFloats(cfg.gdRates), "comma-separated learning rates η for gradient descent")
	mom := fs.String("momentum-rates", joinFloats(cfg.momRates), "comma-separated learning rates η for momentum and Nesterov")
	adam := fs.String("adam-rates", joinFloats(cfg.adamRates), "comma-separated learning rates η for Adam")
	fs.BoolVar(&cfg.time, "time", false, "also time each optimiser at its best rate (varies from run to run)")
	cli.IntVar(fs, &cfg.reps, "reps", 1, 1000, "with -time, time each run `n` times and print the fastest")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the loss curves to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	cli.IntVar(fs, &cfg.trace, "trace", 0, 1000, "print every quantity of the first `n` steps of each rule at its first rate on Iris, raw inputs")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	for _, l := range []struct {
		name string
		s    string
		dst  *[]float64
	}{{"-gd-rates", *gd, &cfg.gdRates}, {"-momentum-rates", *mom, &cfg.momRates}, {"-adam-rates", *adam, &cfg.adamRates}} {
		v, err := cli.PositiveFloats(l.s)
		if err != nil {
			return cfg, fmt.Errorf("%s: %v", l.name, err)
		}
		*l.dst = v
	}
	switch {
	case !(cfg.mu >= 0 && cfg.mu < 1):
		return cfg, fmt.Errorf("-mu must be in [0, 1), got %g", cfg.mu)
	case !(cfg.goal > 0) || cfg.goal > 1e300:
		return cfg, fmt.Errorf("-goal must be a positive number, got %g", cfg.goal)
	}
	var err error
	cfg.plot, err = cli.Picture(fs, "plot", "trace", "time", "reps")
	return cfg, err
}

// joinFloats writes a list of rates as cli.PositiveFloats reads it, for the
// flag defaults.
func joinFloats(v []float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.Join(s, ",")
}
