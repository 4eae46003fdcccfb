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
// The network is 4-8-3: tanh hidden units, a softmax output and the
// cross-entropy loss, so one update on sample (x, y) is
//
//	h = tanh(x·W1 + b1)      a = softmax(h·W2 + b2)
//	δ2 = a − y               δ1 = δ2·W2ᵀ ⊙ (1 − h²)
//	W2 ← W2 − η·hᵀ·δ2        W1 ← W1 − η·xᵀ·δ1   (and b ← b − η·δ)
package main

import (
	"flag"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/plot"
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

func defaultConfig() config {
	return config{seed: 1, hidden: 8, rate: 0.1, epochs: 30, every: 1, seeds: 10, plot: "example-order.png"}
}

func main() { cli.Main("example-order", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("example-order", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", int64(cfg.seed), "np.random.seed value for the starting weights and the shuffles (0 … 2³²−1)")
	fs.IntVar(&cfg.hidden, "hidden", cfg.hidden, "hidden units")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η")
	fs.IntVar(&cfg.epochs, "epochs", cfg.epochs, "passes over the 150 samples")
	fs.IntVar(&cfg.every, "every", cfg.every, "print the accuracy and loss every `n` epochs")
	fs.IntVar(&cfg.seeds, "seeds", cfg.seeds, "compare the two orders for seeds 1 … `n` at the end (0 for none)")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the accuracy curves to this `file` (.png or .jpg; empty for none)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: example-order [flags]\n\nTrains on Iris one sample at a time, sorted by class and shuffled.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	switch {
	case cfg.hidden < 1 || cfg.hidden > 1000:
		return cfg, fmt.Errorf("-hidden must be in 1 … 1000, got %d", cfg.hidden)
	case !(cfg.rate > 0) || cfg.rate > 1e6:
		return cfg, fmt.Errorf("-rate must be a positive number, got %g", cfg.rate)
	case cfg.epochs < 1 || cfg.epochs > 100000:
		return cfg, fmt.Errorf("-epochs must be in 1 … 100000, got %d", cfg.epochs)
	case cfg.every < 1:
		return cfg, fmt.Errorf("-every must be at least 1, got %d", cfg.every)
	case cfg.seeds < 0 || cfg.seeds > 1000:
		return cfg, fmt.Errorf("-seeds must be in 0 … 1000, got %d", cfg.seeds)
	}
	if cfg.plot != "" {
		if err := plot.CheckPath(cfg.plot); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}
