// Example-order trains the same small network on all 150 Iris flowers one
// sample at a time (online stochastic gradient descent), once presenting the
// samples in the file's order — sorted by class, 50 setosa, then 50
// versicolor, then 50 virginica — and once in an order shuffled before every
// epoch, both from the same starting weights. It prints the accuracy and the
// loss after every epoch, what each network predicts at the end, and how the
// sorted network swings from class to class within a single pass.
//
//	go run ./lessons/08-example-order
//	go run ./lessons/08-example-order -rate 0.01 -epochs 100 -every 10
//
// The training is nn's (train.go), the engine that lessons 04, 05, 07 and
// 09 test equal to their own code; here the order of the samples is the
// subject.
//
// The network is 4-8-3: tanh hidden units, a softmax output and the
// cross-entropy loss, so one update on sample (x, y) is
//
//	h = tanh(x·W1 + b1)      a = softmax(h·W2 + b2)
//	δ2 = a − y               δ1 = δ2·W2ᵀ ⊙ (1 − h²)
//	W2 ← W2 − η·hᵀ·δ2        W1 ← W1 − η·xᵀ·δ1   (and b ← b − η·δ)
package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed   uint32  // np.random.seed for the weights and for the shuffles
	hidden int     // hidden units
	rate   float64 // learning rate η
	epochs int     // passes over the 150 samples
	every  int     // print every this many epochs
	seeds  int     // seeds 1 … seeds in the closing comparison
	plot   string  // PNG or JPEG file for the accuracy curves; "" = none
}

// defaultConfig returns the settings of a run with no flags.
func defaultConfig() config {
	return config{seed: 1, hidden: 8, rate: 0.1, epochs: 30, every: 1, seeds: 10, plot: "example-order.png"}
}

func main() { cli.Main("example-order", parseFlags, run) }

// run trains both orders from the same weights, prints their per-epoch
// accuracy and loss, their final confusion matrices and the sorted network's
// swing within one pass, compares the orders over several seeds and rates,
// and writes the accuracy curves to cfg.plot.
func run(w io.Writer, cfg config) error {
	x, y, classes := iris()
	sorted, err := train(cfg, x, y, false)
	if err != nil {
		return err
	}
	shuffled, err := train(cfg, x, y, true)
	if err != nil {
		return err
	}
	printSetup(w, cfg, x.Rows, classes)
	printEpochs(w, cfg, x.Rows, sorted, shuffled)

	fmt.Fprintf(w, "\nAfter the last epoch: true class (rows) against predicted class (columns).\n")
	printConfusion(w, "sorted by class", confusion(sorted.net, x, y), classes)
	printConfusion(w, "shuffled", confusion(shuffled.net, x, y), classes)
	printBlocks(w, x.Rows, classes, blockReplay(cfg, sorted.net, x, y))

	if cfg.seeds > 0 {
		rows, err := compareSeeds(cfg, x, y)
		if err != nil {
			return err
		}
		printSeeds(w, cfg, rows)
	}
	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg, sorted, shuffled) })
}
