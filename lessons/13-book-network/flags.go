package main

import (
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
)

// maxEpochs bounds -epochs: a million passes over even the embedded subset
// would take months.
const maxEpochs = 1000000

// parseFlags turns the command line into a config, checking every value.
// Progress lines will go to stderr, where the usage goes.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	cfg.progress = stderr
	fs := cli.NewFlagSet("book-network", "Trains the book's 784-100-10 sigmoid network one image at a time on Fashion-MNIST.", stderr)
	fs.StringVar(&cfg.data, "data", cfg.data, "`which` images: embedded (the 3,000/1,000 subset in nn/data), full (/usr/share/datasets/fashion-mnist) or a directory of MNIST-format IDX files (see -classes)")
	fs.StringVar(&cfg.classes, "classes", cfg.classes, "class names of a -data directory: fashion or digits")
	cli.IntVar(fs, &cfg.hidden, "hidden", 1, 10000, "hidden units")
	fs.Float64Var(&cfg.lr, "lr", cfg.lr, "learning rate")
	cli.IntVar(fs, &cfg.epochs, "epochs", 1, maxEpochs, "passes over the training images")
	initFlag := fs.String("init", "in", "initial weights N(0, n^-1/2) with n the incoming links (in) or the layer's own size (out)")
	rule := fs.String("rule", "book", "update: book (hidden error Wᵀ·e) or gradient (true gradient of ½Σ(t−o)²)")
	cli.SeedVar(fs, &cfg.seed, "seed", "seed of the initial weights and of MLPClassifier")
	cli.IntVar(fs, &cfg.trainN, "train", 0, math.MaxInt32, "train on the first `n` training images only (0 = all)")
	cli.IntVar(fs, &cfg.testN, "test", 0, math.MaxInt32, "test on the first `n` test images only (0 = all)")
	cli.IntVar(fs, &cfg.wrong, "wrong", 1, 10000, "misclassified images to draw")
	fs.StringVar(&cfg.picture, "picture", cfg.picture, "write the misclassified images to this `file` (.png or .jpg; empty for none; by default the README's figure, and none when other flags change the run)")
	cli.IntVar(fs, &cfg.mlpIter, "mlp-iter", 0, 1_000_000, "MLPClassifier's max_iter (0 skips the comparison)")
	fs.BoolVar(&cfg.times, "times", cfg.times, "print how long training took")
	limit := cli.AddDataLimit(fs)
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if err := cli.CheckData(cfg.data); err != nil {
		return cfg, err
	}
	if !(cfg.lr > 0 && cfg.lr <= 100) {
		return cfg, fmt.Errorf("-lr must be in (0, 100], got %g", cfg.lr)
	}
	for _, f := range []struct{ name, v, a, b string }{
		{"classes", cfg.classes, "fashion", "digits"}, {"init", *initFlag, "in", "out"}, {"rule", *rule, "book", "gradient"},
	} {
		if err := cli.OneOf(f.name, f.v, f.a, f.b); err != nil {
			return cfg, err
		}
	}
	cfg.initOut, cfg.gradient = *initFlag == "out", *rule == "gradient"
	var err error
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	// Only the default run writes the README's figure: a run that another
	// flag changes draws none unless -picture names a file. Neither -times
	// nor -mlp-iter changes the book network's mistakes.
	cfg.picture, err = cli.Picture(fs, "picture", "times", "mlp-iter")
	return cfg, err
}
