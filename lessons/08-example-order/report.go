package main

import (
	"fmt"
	"io"
	"strings"

	"nnscratch/nn/plot"
)

// printSetup prints what the run trains: the data, the network, the two
// orders.
func printSetup(w io.Writer, cfg config, n int, classes []string) {
	fmt.Fprintf(w, "Iris: %d flowers, 4 measurements standardised, 3 classes (%s).\n", n, strings.Join(classes, ", "))
	fmt.Fprintf(w, "Network 4-%d-3: tanh hidden units, softmax output, cross-entropy loss;\n", cfg.hidden)
	fmt.Fprintf(w, "Glorot weights from np.random.seed(%d), the same for both orders.\n", cfg.seed)
	fmt.Fprintf(w, "Online gradient descent: one flower per update, η = %g, %d epochs.\n", cfg.rate, cfg.epochs)
	fmt.Fprintf(w, "Sorted: the file's order, 50 setosa, 50 versicolor, 50 virginica, every epoch.\n")
	fmt.Fprintf(w, "Shuffled: a new random order before every epoch.\n")
}

// printEpochs prints both orders' accuracy and loss on all n flowers after
// the first epoch, every cfg.every epochs and the last.
func printEpochs(w io.Writer, cfg config, n int, sorted, shuffled history) {
	fmt.Fprintf(w, "\nMeasured on all %d flowers at the end of each epoch:\n", n)
	fmt.Fprintf(w, "         sorted by class      shuffled\n")
	fmt.Fprintf(w, "epoch   accuracy   loss    accuracy   loss\n")
	for e := range cfg.epochs {
		if (e+1)%cfg.every != 0 && e != 0 && e != cfg.epochs-1 {
			continue
		}
		a, b := sorted.epochs[e], shuffled.epochs[e]
		fmt.Fprintf(w, "%5d   %6.1f%%  %7.4f   %6.1f%%  %7.4f\n", e+1, 100*a.accuracy, a.loss, 100*b.accuracy, b.loss)
	}
}

// printBlocks prints blockReplay's counts: the flowers called each class
// right after each block of 50 same-class updates.
func printBlocks(w io.Writer, n int, classes []string, blocks [][]int) {
	fmt.Fprintf(w, "\nOne more pass in sorted order from the sorted network: how many of the %d\n", n)
	fmt.Fprintf(w, "flowers it calls each class right after each block of 50 same-class updates.\n")
	fmt.Fprintf(w, "  %-22s %10s %10s %10s\n", "after the block of", classes[0], classes[1], classes[2])
	for b, counts := range blocks {
		fmt.Fprintf(w, "  %-22s %10d %10d %10d\n", classes[b], counts[0], counts[1], counts[2])
	}
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

// printSeeds prints compareSeeds' rows: for each rate, the mean final
// accuracy of each order over seeds 1 … cfg.seeds and in how many seeds the
// shuffled network ends more accurate, as accurate, or less.
func printSeeds(w io.Writer, cfg config, rows []seedRow) {
	fmt.Fprintf(w, "\nFinal accuracy after %d epochs, mean over seeds 1 … %d, and the seeds where\n", cfg.epochs, cfg.seeds)
	fmt.Fprintf(w, "the shuffled order ends ahead of, level with, or behind the sorted order:\n")
	fmt.Fprintf(w, "  %6s %8s %9s %7s %7s %7s\n", "η", "sorted", "shuffled", "ahead", "level", "behind")
	for _, r := range rows {
		fmt.Fprintf(w, "  %6g %7.1f%% %8.1f%% %7d %7d %7d\n", r.rate, r.sorted, r.shuffled, r.ahead, r.level, r.behind)
	}
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
