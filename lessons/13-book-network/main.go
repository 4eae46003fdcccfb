// Book-network trains the network of Tariq Rashid's "Make Your Own Neural
// Network" — 784 inputs, 100 sigmoid hidden units, 10 sigmoid outputs, no
// biases — one image at a time on ten-class Fashion-MNIST, prints the test
// accuracy after every epoch and a confusion matrix, draws the misclassified
// test images, and then fits scikit-learn's MLPClassifier (a Go port:
// relu, adam, batches of 200) to the same data for comparison.
//
//	go run ./lessons/13-book-network                    # embedded 3,000/1,000 subset, seconds
//	go run ./lessons/13-book-network -data full          # all 60,000/10,000 images, minutes
//	go run ./lessons/13-book-network -data ~/mnist -classes digits
//
// One step, for an image x (a row, scaled to 0.01…1) and target t (0.01 or
// 0.99), with h = σ(x·W1) and o = σ(h·W2):
//
//	e   = t − o                    e_h = e·W2ᵀ
//	W2 += lr · hᵀ·(e ⊙ o(1−o))     W1 += lr · xᵀ·(e_h ⊙ h(1−h))
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
	"nnscratch/nn/plot"
)

// config holds the lesson's settings, one per flag.
type config struct {
	data     string      // "embedded", "full" or a directory of MNIST-format files
	limits   data.Limits // the budget of each file read for -data
	classes  string      // class names of a -data directory: "fashion" or "digits"
	hidden   int         // hidden units
	lr       float64     // learning rate
	epochs   int         // passes over the training images
	initOut  bool        // weights from N(0, fan_out^−½) instead of N(0, fan_in^−½)
	gradient bool        // true-gradient update instead of the book's
	seed     uint32      // seed of the weights (and of MLPClassifier's random_state)
	trainN   int         // use only the first trainN training images; 0 = all
	testN    int         // use only the first testN test images; 0 = all
	wrong    int         // misclassified images in the picture
	picture  string      // PNG or JPEG file for them; "" = none
	mlpIter  int         // MLPClassifier's max_iter; 0 = skip the comparison
	progress io.Writer
	times    bool // print how long each part took
}

// defaultConfig returns the book's settings on the embedded subset.
func defaultConfig() config {
	return config{
		data: "embedded", classes: "fashion", hidden: 100, lr: 0.1, epochs: 5, seed: 1,
		wrong: 24, picture: "misclassified.png", mlpIter: 10, times: true,
	}
}

func main() { cli.Main("book-network", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
// Progress lines will go to stderr, where the usage goes.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	cfg.progress = stderr
	fs := flag.NewFlagSet("book-network", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.data, "data", cfg.data, "`data`: embedded (3,000/1,000 subset), full (installed Fashion-MNIST) or a directory of MNIST-format files")
	fs.StringVar(&cfg.classes, "classes", cfg.classes, "class names of a -data directory: fashion or digits")
	fs.IntVar(&cfg.hidden, "hidden", cfg.hidden, "hidden units")
	fs.Float64Var(&cfg.lr, "lr", cfg.lr, "learning rate")
	fs.IntVar(&cfg.epochs, "epochs", cfg.epochs, "passes over the training images")
	initFlag := fs.String("init", "in", "initial weights N(0, n^-1/2) with n the incoming links (in) or the layer's own size (out)")
	rule := fs.String("rule", "book", "update: book (hidden error Wᵀ·e) or gradient (true gradient of ½Σ(t−o)²)")
	seed := fs.Int64("seed", int64(cfg.seed), "seed of the initial weights and of MLPClassifier (0 … 2³²−1)")
	fs.IntVar(&cfg.trainN, "train", 0, "train on the first `n` training images only (0 = all)")
	fs.IntVar(&cfg.testN, "test", 0, "test on the first `n` test images only (0 = all)")
	fs.IntVar(&cfg.wrong, "wrong", cfg.wrong, "misclassified images to draw")
	fs.StringVar(&cfg.picture, "picture", cfg.picture, "write the misclassified images to this `file` (.png or .jpg; empty for none)")
	fs.IntVar(&cfg.mlpIter, "mlp-iter", cfg.mlpIter, "MLPClassifier's max_iter (0 skips the comparison)")
	fs.BoolVar(&cfg.times, "times", cfg.times, "print how long training took")
	limit := cli.AddDataLimit(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: book-network [flags]\n\nTrains the book's 784-100-10 sigmoid network one image at a time on Fashion-MNIST.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	switch {
	case cfg.data != "embedded" && cfg.data != "full" && !isDir(cfg.data):
		return cfg, fmt.Errorf("-data must be embedded, full or a directory, got %q", cfg.data)
	case cfg.classes != "fashion" && cfg.classes != "digits":
		return cfg, fmt.Errorf("-classes must be fashion or digits, got %q", cfg.classes)
	case cfg.hidden < 1 || cfg.hidden > 10000:
		return cfg, fmt.Errorf("-hidden must be in 1 … 10000, got %d", cfg.hidden)
	case !(cfg.lr > 0 && cfg.lr <= 100):
		return cfg, fmt.Errorf("-lr must be in (0, 100], got %g", cfg.lr)
	case cfg.epochs < 1 || cfg.epochs > maxEpochs:
		return cfg, fmt.Errorf("-epochs must be in 1 … %d, got %d", maxEpochs, cfg.epochs)
	case *initFlag != "in" && *initFlag != "out":
		return cfg, fmt.Errorf("-init must be in or out, got %q", *initFlag)
	case *rule != "book" && *rule != "gradient":
		return cfg, fmt.Errorf("-rule must be book or gradient, got %q", *rule)
	case cfg.trainN < 0:
		return cfg, fmt.Errorf("-train must not be negative, got %d", cfg.trainN)
	case cfg.testN < 0:
		return cfg, fmt.Errorf("-test must not be negative, got %d", cfg.testN)
	case cfg.wrong < 1:
		return cfg, fmt.Errorf("-wrong must be at least 1, got %d", cfg.wrong)
	case cfg.mlpIter < 0:
		return cfg, fmt.Errorf("-mlp-iter must not be negative, got %d", cfg.mlpIter)
	}
	cfg.initOut, cfg.gradient = *initFlag == "out", *rule == "gradient"
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	if cfg.picture != "" {
		if err := plot.CheckPath(cfg.picture); err != nil {
			return cfg, fmt.Errorf("-picture: %v", err)
		}
	}
	return cfg, nil
}

// maxEpochs bounds -epochs: a million passes over even the embedded subset
// would take months.
const maxEpochs = 1000000

// isDir reports whether path names a directory.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// run loads the data, trains the book's network and reports on it, then
// runs the MLPClassifier comparison.
func run(w io.Writer, cfg config) error {
	train, test, source, err := load(cfg)
	if err != nil {
		return err
	}
	inputs, classes := train.Images.Size(), len(train.Classes)
	if err := checkSizes(cfg, train, test); err != nil {
		return err
	}
	fmt.Fprintf(w, "data: %s\n", source)
	rule, initDesc := "the book's update (hidden error e_h = e·W2ᵀ)", "N(0, fan_in^-1/2)"
	if cfg.gradient {
		rule = "the true gradient of ½Σ(t−o)² (hidden error (e ⊙ o(1−o))·W2ᵀ)"
	}
	if cfg.initOut {
		initDesc = "N(0, fan_out^-1/2)"
	}
	fmt.Fprintf(w, "network: %d-%d-%d sigmoid, no biases, weights %s (seed %d)\n", inputs, cfg.hidden, classes, initDesc, cfg.seed)
	fmt.Fprintf(w, "training: one image at a time in file order, learning rate %g, %s\n", cfg.lr, rule)
	fmt.Fprintf(w, "inputs x/255·0.99 + 0.01, targets 0.01 and 0.99\n\n")

	b := newBookNet(inputs, cfg.hidden, classes, cfg.lr, cfg.initOut, cfg.gradient, nprand.New(cfg.seed))
	var tick func()
	if cfg.progress != nil {
		tick = newProgress(cfg.progress, cfg.epochs, train.Len()).tick
	}
	var pred []int
	start := time.Now()
	for e := 1; e <= cfg.epochs; e++ {
		b.epoch(train, tick)
		pred = predict(b.net, test)
		right := correct(pred, test.Labels)
		fmt.Fprintf(w, "epoch %d: test accuracy %s%s\n", e, percent(right, test.Len()), took(cfg, start))
	}
	fmt.Fprintln(w)
	writeConfusion(w, confusion(pred, test.Labels, classes), test.Classes)
	if cfg.picture != "" {
		n, err := writeWrong(cfg.picture, test, pred, cfg.wrong)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\nwrote %s (%d misclassified test images)\n", cfg.picture, n)
	}
	if cfg.mlpIter > 0 {
		fmt.Fprintln(w)
		return compareMLP(w, cfg, train, test)
	}
	return nil
}
