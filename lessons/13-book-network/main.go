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
	"fmt"
	"io"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
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
