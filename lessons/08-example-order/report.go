package main

import (
	"fmt"
	"io"
	"strings"

	"nnscratch/matrix"
	"nnscratch/nn/plot"
)

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
	fmt.Fprintf(w, "Iris: %d flowers, 4 measurements standardised, 3 classes (%s).\n", x.Rows, strings.Join(classes, ", "))
	fmt.Fprintf(w, "Network 4-%d-3: tanh hidden units, softmax output, cross-entropy loss;\n", cfg.hidden)
	fmt.Fprintf(w, "Glorot weights from np.random.seed(%d), the same for both orders.\n", cfg.seed)
	fmt.Fprintf(w, "Online gradient descent: one flower per update, η = %g, %d epochs.\n", cfg.rate, cfg.epochs)
	fmt.Fprintf(w, "Sorted: the file's order, 50 setosa, 50 versicolor, 50 virginica, every epoch.\n")
	fmt.Fprintf(w, "Shuffled: a new random order before every epoch.\n")

	fmt.Fprintf(w, "\nMeasured on all %d flowers at the end of each epoch:\n", x.Rows)
	fmt.Fprintf(w, "         sorted by class      shuffled\n")
	fmt.Fprintf(w, "epoch   accuracy   loss    accuracy   loss\n")
	for e := range cfg.epochs {
		if (e+1)%cfg.every != 0 && e != 0 && e != cfg.epochs-1 {
			continue
		}
		a, b := sorted.epochs[e], shuffled.epochs[e]
		fmt.Fprintf(w, "%5d   %6.1f%%  %7.4f   %6.1f%%  %7.4f\n", e+1, 100*a.accuracy, a.loss, 100*b.accuracy, b.loss)
	}

	fmt.Fprintf(w, "\nAfter the last epoch: true class (rows) against predicted class (columns).\n")
	printConfusion(w, "sorted by class", confusion(sorted.net, x, y), classes)
	printConfusion(w, "shuffled", confusion(shuffled.net, x, y), classes)

	fmt.Fprintf(w, "\nOne more pass in sorted order from the sorted network: how many of the %d\n", x.Rows)
	fmt.Fprintf(w, "flowers it calls each class right after each block of 50 same-class updates.\n")
	fmt.Fprintf(w, "  %-22s %10s %10s %10s\n", "after the block of", classes[0], classes[1], classes[2])
	for b, counts := range blockReplay(cfg, sorted.net, x, y) {
		fmt.Fprintf(w, "  %-22s %10d %10d %10d\n", classes[b], counts[0], counts[1], counts[2])
	}

	if cfg.seeds > 0 {
		if err := printSeeds(w, cfg, x, y); err != nil {
			return err
		}
	}
	if cfg.plot == "" {
		return nil
	}
	if err := writePlot(cfg, sorted, shuffled); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", cfg.plot)
	return nil
}

// printConfusion prints one confusion matrix with its predicted totals.
func printConfusion(w io.Writer, title string, m [][]int, classes []string) {
	fmt.Fprintf(w, "  %s:\n  %-12s %10s %10s %10s\n", title, "", classes[0], classes[1], classes[2])
	totals := make([]int, len(classes))
	for i, row := range m {
		fmt.Fprintf(w, "  %-12s %10d %10d %10d\n", classes[i], row[0], row[1], row[2])
		for j, v := range row {
			totals[j] += v
		}
	}
	fmt.Fprintf(w, "  %-12s %10d %10d %10d\n", "predicted", totals[0], totals[1], totals[2])
}

// seedRates are the learning rates of the closing comparison.
var seedRates = []float64{0.01, 0.03, 0.1, 0.3}

// printSeeds trains both orders for seeds 1 … cfg.seeds at each of
// seedRates and prints the mean final accuracy of each order and in how many
// seeds the shuffled network ends more accurate, as accurate, or less.
func printSeeds(w io.Writer, cfg config, x, y *matrix.Matrix) error {
	fmt.Fprintf(w, "\nFinal accuracy after %d epochs, mean over seeds 1 … %d, and the seeds where\n", cfg.epochs, cfg.seeds)
	fmt.Fprintf(w, "the shuffled order ends ahead of, level with, or behind the sorted order:\n")
	fmt.Fprintf(w, "  %6s %8s %9s %7s %7s %7s\n", "η", "sorted", "shuffled", "ahead", "level", "behind")
	for _, rate := range seedRates {
		c := cfg
		c.rate = rate
		var sum [2]float64
		var ahead, level, behind int
		for s := 1; s <= cfg.seeds; s++ {
			c.seed = uint32(s)
			var acc [2]float64
			for k, shuffle := range []bool{false, true} {
				h, err := train(c, x, y, shuffle)
				if err != nil {
					return err
				}
				acc[k] = h.epochs[len(h.epochs)-1].accuracy
				sum[k] += acc[k]
			}
			switch {
			case acc[1] > acc[0]:
				ahead++
			case acc[1] == acc[0]:
				level++
			default:
				behind++
			}
		}
		n := float64(cfg.seeds)
		fmt.Fprintf(w, "  %6g %7.1f%% %8.1f%% %7d %7d %7d\n", rate, 100*sum[0]/n, 100*sum[1]/n, ahead, level, behind)
	}
	return nil
}

// writePlot draws the accuracy of both orders by epoch.
func writePlot(cfg config, sorted, shuffled history) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("Iris, online SGD (eta %g, seed %d): accuracy after each epoch", cfg.rate, cfg.seed),
		XLabel: "epoch", YLabel: "accuracy on all 150 flowers (%)",
		Markers: cfg.epochs <= 60,
	}
	for _, s := range []struct {
		name string
		h    history
	}{{"sorted by class", sorted}, {"shuffled every epoch", shuffled}} {
		xs, ys := make([]float64, len(s.h.epochs)), make([]float64, len(s.h.epochs))
		for i, e := range s.h.epochs {
			xs[i], ys[i] = float64(i+1), 100*e.accuracy
		}
		chart.Series = append(chart.Series, plot.Series{Name: s.name, X: xs, Y: ys})
	}
	return plot.Save(cfg.plot, chart.Render())
}
