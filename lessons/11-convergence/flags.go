package main

import (
	"fmt"
	"io"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/plot"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("convergence", "Trains an Elman network on the lynx series and reports when it converged.", stderr)
	cli.IntVar(fs, &cfg.hidden, "hidden", 1, 1000, "hidden units (RSNNS size); as many context units")
	cli.IntVar(fs, &cfg.lags, "lags", 1, 100, "previous years given as inputs")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η₀ (RSNNS learnFuncParams)")
	cli.IntVar(fs, &cfg.maxit, "maxit", 2, 1_000_000, "training iterations, one pass over the series each (RSNNS maxit)")
	fs.Float64Var(&cfg.tol, "tol", cfg.tol, "an iteration improves the SSE if it lowers it by at least `tol`")
	cli.IntVar(fs, &cfg.noChange, "n-no-change", 1, 1_000_000, "converged after this many iterations in a row without improvement")
	cli.IntVar(fs, &cfg.window, "window", 1, 1_000_000, "time steps per weight update, backpropagated through time (1 = RSNNS's online JE_BP)")
	fs.Float64Var(&cfg.lambda, "lambda", cfg.lambda, "weight of each context unit's link to itself (RSNNS 0.3; 0 = a pure copy)")
	fs.StringVar(&cfg.schedule, "schedule", cfg.schedule, "learning-rate schedule of the first run: constant or invscaling")
	fs.Float64Var(&cfg.powerT, "power-t", cfg.powerT, "p of invscaling, η_t = η₀/(t+1)^p, for the first run")
	powers := fs.String("powers", "0.25,0.5,0.75,1,1.5", "comma-separated p values of the schedule comparison")
	cli.SeedVar(fs, &cfg.seed, "seed", "seed of the initial weights")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write `prefix`-fit.png and prefix-schedules.png; a directory is accepted (-plot /tmp writes /tmp/convergence-fit.png …); empty for none; by default the README's figures, and none when other flags change the run")
	cli.IntVar(fs, &cfg.trace, "trace", 0, 1000, "print every quantity of the first `n` updates of the first run, as numpy prints them")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if err := cli.Finite(fs); err != nil {
		return cfg, err
	}
	switch {
	case !(cfg.rate > 0):
		return cfg, fmt.Errorf("-rate must be a positive number, got %g", cfg.rate)
	case !(cfg.tol >= 0):
		return cfg, fmt.Errorf("-tol must be a number ≥ 0, got %g", cfg.tol)
	case !(cfg.lambda >= 0 && cfg.lambda < 1):
		return cfg, fmt.Errorf("-lambda must be in [0, 1), got %g", cfg.lambda)
	case !(cfg.powerT > 0):
		return cfg, fmt.Errorf("-power-t must be a positive number, got %g", cfg.powerT)
	}
	if err := cli.OneOf("schedule", cfg.schedule, "constant", "invscaling"); err != nil {
		return cfg, err
	}
	var err error
	if cfg.powers, err = parsePowers(*powers); err != nil {
		return cfg, fmt.Errorf("-powers: %v", err)
	}
	// Only the default run (or one with -trace) writes the README's two
	// figures: a run that another flag changes draws none unless -plot
	// names a prefix or a directory.
	if cfg.plot = cli.Figure(fs, "plot", "trace"); cfg.plot != "" {
		cfg.plot = cli.FilePrefix(cfg.plot, "convergence") // -plot /tmp writes /tmp/convergence-fit.png
		if err := plot.CheckPath(cfg.plot + "-fit.png"); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}

// parsePowers parses a comma-separated list of numbers in (0, 100]; an empty
// string is an empty list.
func parsePowers(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	ps, err := cli.PositiveFloats(s)
	for _, p := range ps {
		if p > 100 {
			return nil, fmt.Errorf("%v is above the maximum 100", p)
		}
	}
	return ps, err
}
