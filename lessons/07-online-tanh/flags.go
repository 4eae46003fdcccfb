package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("online-tanh", "Trains the question's tanh network one random sample at a time, on OR and XOR.", stderr)
	cli.SeedVar(fs, &cfg.seed, "seed", "np.random.seed value")
	cli.IntVar(fs, &cfg.hidden, "hidden", 1, 100, "hidden tanh units")
	cli.IntVar(fs, &cfg.steps, "steps", 1, 10_000_000, "training steps (one sample each) in the printed runs")
	fs.IntVar(&cfg.testfreq, "testfreq", cfg.testfreq, "print a sample every `n` steps")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "the question's learning rate")
	fs.Float64Var(&cfg.scale, "scale", cfg.scale, "the question's initial weight scale")
	fs.Float64Var(&cfg.answerRate, "answer-rate", cfg.answerRate, "the answer's learning rate")
	fs.Float64Var(&cfg.answerScale, "answer-scale", cfg.answerScale, "the answer's initial weight scale")
	cli.IntVar(fs, &cfg.seeds, "seeds", 0, 1000, "seeds 1 … `n` in the sweep (0 skips it)")
	cli.IntVar(fs, &cfg.long, "long", 1, 1_000_000, "steps per run in the sweep")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write accuracy against step to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	cli.IntVar(fs, &cfg.trace, "trace", 0, 1000, "print every quantity of the first `n` steps of the first run, as numpy prints them")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	positive := func(v float64) bool { return v > 0 && v <= 100 }
	switch {
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
	}
	var err error
	cfg.plot, err = cli.Picture(fs, "plot", "trace")
	return cfg, err
}
