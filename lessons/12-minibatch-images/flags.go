package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/plot"
)

// parseFlags turns the command line into a config, checking every value.
// Progress lines will go to stderr, where the usage goes.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	cfg.progress = stderr
	h := &cfg.h
	fs := cli.NewFlagSet("minibatch-images", "Trains a 784-h-1 ReLU/sigmoid network on Fashion-MNIST T-shirts/tops against shirts.", stderr)
	fs.StringVar(&cfg.data, "data", cfg.data, "`which` images: embedded (the 2,000/500 subset in nn/data), full (/usr/share/datasets/fashion-mnist) or a directory of Fashion-MNIST IDX files")
	cli.IntVar(fs, &h.hidden, "hidden", 1, maxHidden, "hidden ReLU units")
	fs.Float64Var(&h.lr, "lr", h.lr, "learning rate η")
	fs.Float64Var(&h.momentum, "momentum", h.momentum, "momentum μ in v ← μv − η·grad (0 ≤ μ < 1)")
	cli.IntVar(fs, &h.batch, "batch", 1, maxBatch, "mini-batch size")
	cli.IntVar(fs, &h.epochs, "epochs", 1, maxEpochs, "passes over the training images")
	fs.Float64Var(&h.l2, "l2", h.l2, "L2 coefficient λ of (λ/2)(‖W1‖² + ‖W2‖²); scikit-learn's alpha is λ·batch")
	fs.Float64Var(&h.relu0, "relu0", h.relu0, "ReLU'(0), the subgradient used where z1 is exactly 0 (0 … 1)")
	cli.SeedVar(fs, &h.seed, "seed", "seed of the numpy-compatible source for the starting weights and the shuffles")
	fs.StringVar(&cfg.out, "out", cfg.out, "`directory` for the charts (empty for none; by default the README's figures in the current directory, and none when other flags change the run)")
	fs.StringVar(&cfg.tune, "tune", "", "sweep one `parameter`: lr, batch, hidden, momentum or l2")
	values := fs.String("values", "", "comma-separated values for -tune (default: the homework's kind of range)")
	limit := cli.AddDataLimit(fs)
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if err := cli.CheckData(cfg.data); err != nil {
		return cfg, err
	}
	switch {
	case !(h.lr > 0) || math.IsInf(h.lr, 0):
		return cfg, fmt.Errorf("-lr must be a positive number, got %g", h.lr)
	case !(h.momentum >= 0 && h.momentum < 1):
		return cfg, fmt.Errorf("-momentum must be in [0, 1), got %g", h.momentum)
	case !(h.l2 >= 0) || math.IsInf(h.l2, 0):
		return cfg, fmt.Errorf("-l2 must be a number ≥ 0, got %g", h.l2)
	case !(h.relu0 >= 0 && h.relu0 <= 1):
		return cfg, fmt.Errorf("-relu0 must be in [0, 1], got %g", h.relu0)
	}
	var err error
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	// Only the default run writes the README's charts: a run that another
	// flag changes draws none unless -out names a directory (-max-mb does
	// not change the run).
	if cfg.out = cli.Figure(fs, "out", "max-mb"); cfg.out != "" {
		if err := plot.CheckPath(filepath.Join(cfg.out, "objective.png")); err != nil {
			return cfg, fmt.Errorf("-out: %v", err)
		}
	}
	if cfg.tune == "" {
		if *values != "" {
			return cfg, fmt.Errorf("-values needs -tune")
		}
		return cfg, nil
	}
	if err := cli.OneOf("tune", cfg.tune, "lr", "batch", "hidden", "momentum", "l2"); err != nil {
		return cfg, err
	}
	s := sweeps[cfg.tune]
	if *values == "" {
		return cfg, nil
	}
	if cfg.values, err = parseValues(*values, s.valid); err != nil {
		return cfg, fmt.Errorf("-values for -tune %s: %v", cfg.tune, err)
	}
	return cfg, nil
}

// checkSizes checks, once the images' size is known, that the run's largest
// matrices fit the lessons' budget (cli.MaxFloats): the first weight matrix
// and a mini-batch, for every value a sweep tries.
func checkSizes(cfg config, inputs int) error {
	hs := []hyper{cfg.h}
	if cfg.tune != "" {
		s, values := sweeps[cfg.tune], cfg.values
		if values == nil {
			values = s.defaults
		}
		hs = hs[:0]
		for _, v := range values {
			h := cfg.h
			s.set(&h, v)
			hs = append(hs, h)
		}
	}
	for _, h := range hs {
		if err := cli.CheckFloats(fmt.Sprintf("the first weight matrix (%d pixels × %d hidden units)", inputs, h.hidden), inputs, h.hidden); err != nil {
			return err
		}
		if err := cli.CheckFloats(fmt.Sprintf("a mini-batch (%d images × %d pixels)", h.batch, inputs), h.batch, inputs); err != nil {
			return err
		}
	}
	return nil
}

// parseValues parses a comma-separated list of numbers, each checked by
// valid, which returns what is wrong with it or "".
func parseValues(s string, valid func(float64) string) ([]float64, error) {
	vs, err := cli.Floats(s)
	for _, v := range vs {
		if msg := valid(v); msg != "" {
			return nil, fmt.Errorf("%v: %s", v, msg)
		}
	}
	return vs, err
}
