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
	fs := flag.NewFlagSet("online-tanh", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", int64(cfg.seed), "np.random.seed value (0 … 2³²−1)")
	fs.IntVar(&cfg.hidden, "hidden", cfg.hidden, "hidden tanh units")
	fs.IntVar(&cfg.steps, "steps", cfg.steps, "training steps (one sample each) in the printed runs")
	fs.IntVar(&cfg.testfreq, "testfreq", cfg.testfreq, "print a sample every `n` steps")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "the question's learning rate")
	fs.Float64Var(&cfg.scale, "scale", cfg.scale, "the question's initial weight scale")
	fs.Float64Var(&cfg.answerRate, "answer-rate", cfg.answerRate, "the answer's learning rate")
	fs.Float64Var(&cfg.answerScale, "answer-scale", cfg.answerScale, "the answer's initial weight scale")
	fs.IntVar(&cfg.seeds, "seeds", cfg.seeds, "seeds 1 … `n` in the sweep (0 skips it)")
	fs.IntVar(&cfg.long, "long", cfg.long, "steps per run in the sweep")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write accuracy against step to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	fs.IntVar(&cfg.trace, "trace", 0, "print every quantity of the first `n` steps of the first run, as numpy prints them (0 … 1000)")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	cfg.plot = cli.Figure(fs, "plot", "trace")
	positive := func(v float64) bool { return v > 0 && v <= 100 }
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	switch {
	case cfg.hidden < 1 || cfg.hidden > 100:
		return cfg, fmt.Errorf("-hidden must be in 1 … 100, got %d", cfg.hidden)
	case cfg.steps < 1 || cfg.steps > 10_000_000:
		return cfg, fmt.Errorf("-steps must be in 1 … 10000000, got %d", cfg.steps)
	case cfg.testfreq < 1:
		return cfg, fmt.Errorf("-testfreq must be at least 1, got %d", cfg.testfreq)
	case !positive(cfg.rate):
		return cfg, fmt.Errorf("-rate must be in (0, 100], got %v", cfg.rate)
	case !positive(cfg.scale):
		return cfg, fmt.Errorf("-scale must be in (0, 100], got %v", cfg.scale)
	case !positive(cfg.answerRate):
		return cfg, fmt.Errorf("-answer-rate must be in (0, 100], got %v", cfg.answerRate)
	case !positive(cfg.answerScale):
		return cfg, fmt.Errorf("-answer-scale must be in (0, 100], got %v", cfg.answerScale)
	case cfg.seeds < 0 || cfg.seeds > 1000:
		return cfg, fmt.Errorf("-seeds must be in 0 … 1000, got %d", cfg.seeds)
	case cfg.trace < 0 || cfg.trace > 1000:
		return cfg, fmt.Errorf("-trace must be in 0 … 1000, got %d", cfg.trace)
	case cfg.long < 1 || cfg.long > 1_000_000:
		return cfg, fmt.Errorf("-long must be in 1 … 1000000, got %d", cfg.long)
	}
	if cfg.plot != "" {
		if err := plot.CheckPath(cfg.plot); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}
