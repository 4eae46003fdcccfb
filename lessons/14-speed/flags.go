package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"nnscratch/lessons/internal/cli"
)

// parseFlags turns the command line into a config, checking every value.
// The -fashion run reports its progress on stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	cfg.progress = stderr
	fs := cli.NewFlagSet("speed", "Times matrix kernels and training steps; with -fashion, trains on Fashion-MNIST.", stderr)
	fs.DurationVar(&cfg.cell, "cell", cfg.cell, "least time spent on each timing")
	cli.IntVar(fs, &cfg.reps, "reps", 1, 101, "timings per figure; the median is printed")
	fs.BoolVar(&cfg.big, "big", cfg.big, "add the 512×512·512×512 product (the naive loop takes seconds)")
	fs.BoolVar(&cfg.sweep, "sweep", cfg.sweep, "run lesson 03's whole alpha sweep with the step as one fused loop, and time it")
	cli.IntVar(fs, &cfg.steps, "steps", 1, 10_000_000, "steps per learning rate of the -sweep run")
	fs.BoolVar(&cfg.fashion, "fashion", cfg.fashion, "train 784-100-10 (relu, softmax, Adam) on Fashion-MNIST and time each epoch")
	fs.StringVar(&cfg.data, "data", cfg.data, "`which` images for -fashion: embedded (the 3,000/1,000 subset in nn/data), full (/usr/share/datasets/fashion-mnist) or a directory of Fashion-MNIST IDX files")
	cli.IntVar(fs, &cfg.epochs, "epochs", 1, 1000, "epochs of the -fashion run")
	cli.IntVar(fs, &cfg.batch, "batch", 1, 60000, "mini-batch size of the -fashion run")
	cli.SeedVar(fs, &cfg.seed, "seed", "seed of the -fashion run's weights and shuffling")
	limit := cli.AddDataLimit(fs)
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	switch {
	case cfg.cell <= 0 || cfg.cell > time.Minute:
		return cfg, fmt.Errorf("-cell must be in (0, 1m], got %v", cfg.cell)
	case cfg.sweep && cfg.fashion:
		return cfg, errors.New("-sweep and -fashion are different runs: give one")
	}
	return cfg, cli.CheckData(cfg.data)
}
