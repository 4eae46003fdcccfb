package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"

	"nnscratch/nn/data"
	"nnscratch/nn/plot"
)

// A sweep is one -tune parameter: its name in tables, the file its chart
// goes to, the values tried by default, how to set it and what is valid.
type sweep struct {
	symbol   string // column heading
	title    string // legend prefix and chart title (ASCII: the chart font's)
	desc     string // what the table's heading calls it
	file     string
	defaults []float64
	set      func(h *hyper, v float64)
	valid    func(v float64) string
}

// The bounds of -hidden and -batch, which -tune hidden and -tune batch
// respect too, and of -epochs.
const (
	maxHidden = 10000
	maxBatch  = 60000
	maxEpochs = 100000
)

// wholeUpTo returns a check that a value is a whole number from 1 to hi.
func wholeUpTo(hi int) func(v float64) string {
	return func(v float64) string {
		if v < 1 || v != math.Trunc(v) || v > float64(hi) {
			return fmt.Sprintf("want a whole number from 1 to %d", hi)
		}
		return ""
	}
}

// sweeps holds the homework's five sweeps, over ranges of its kind written
// for this lesson's mean gradient (see the README for the conversion).
var sweeps = map[string]sweep{
	"lr": {"η", "learning rate", "the learning rate η", "lr-test-accuracy.jpg",
		[]float64{0.001, 0.003, 0.01, 0.03, 0.1, 0.3},
		func(h *hyper, v float64) { h.lr = v },
		func(v float64) string {
			if !(v > 0) || math.IsInf(v, 0) {
				return "want a positive number"
			}
			return ""
		}},
	"batch": {"batch", "mini-batch size", "the mini-batch size", "batch-test-accuracy.jpg",
		[]float64{10, 50, 100, 500, 1000},
		func(h *hyper, v float64) { h.batch = int(v) }, wholeUpTo(maxBatch)},
	"hidden": {"hidden", "hidden units", "the number of hidden units", "hidden-units-test-accuracy.jpg",
		[]float64{10, 50, 100, 500, 1000},
		func(h *hyper, v float64) { h.hidden = int(v) }, wholeUpTo(maxHidden)},
	"momentum": {"μ", "momentum", "the momentum μ", "momentum-test-accuracy.jpg",
		[]float64{0, 0.6, 0.7, 0.8, 0.9},
		func(h *hyper, v float64) { h.momentum = v },
		func(v float64) string {
			if !(v >= 0 && v < 1) {
				return "want a number in [0, 1)"
			}
			return ""
		}},
	"l2": {"λ", "L2 penalty", "the L2 penalty λ", "l2-test-accuracy.jpg",
		[]float64{0, 1e-4, 1e-3, 1e-2, 1e-1},
		func(h *hyper, v float64) { h.l2 = v },
		func(v float64) string {
			if !(v >= 0) || math.IsInf(v, 0) {
				return "want a number ≥ 0"
			}
			return ""
		}},
}

// runSweep trains one network per value of the tuned parameter, all else as
// cfg says, and prints a table of their errors and times; it draws each run's
// test accuracy per epoch into the sweep's JPEG.
func runSweep(w io.Writer, cfg config, train, test *data.Set) error {
	s := sweeps[cfg.tune]
	values := cfg.values
	if values == nil {
		values = s.defaults
	}
	h := cfg.h
	fmt.Fprintf(w, "sweep of %s; otherwise hidden %d, η = %g, batch %d, μ = %g, λ = %g, ReLU'(0) = %g, %d epochs, seed %d\n\n",
		s.desc, h.hidden, h.lr, h.batch, h.momentum, h.l2, h.relu0, h.epochs, h.seed)

	prog := newProgress(cfg.progress, len(values)*h.epochs)
	var runs []history
	for i, v := range values {
		hv := h
		s.set(&hv, v)
		prog.label = fmt.Sprintf("%s = %g (run %d/%d): ", s.symbol, v, i+1, len(values))
		runs = append(runs, trainRun(hv, train, test, prog))
	}

	fmt.Fprintf(w, "%8s   train error   test error   test accuracy   best test accuracy (epoch)   time (s)\n", s.symbol)
	for i, r := range runs {
		last, best := r.final(), bestTest(r)
		name := strconv.FormatFloat(values[i], 'g', -1, 64)
		if last.diverged {
			fmt.Fprintf(w, "%8s   diverged in epoch %d%52.1f\n", name, last.epoch, r.seconds)
			continue
		}
		fmt.Fprintf(w, "%8s   %10.2f%%   %9.2f%%   %12.2f%%   %18.2f%% (%3d)   %8.1f\n", name,
			100*last.trainErr, 100*last.testErr, 100*(1-last.testErr), 100*(1-best.testErr), best.epoch, r.seconds)
	}
	if cfg.out == "" {
		return nil
	}
	path := filepath.Join(cfg.out, s.file)
	if err := writeSweepChart(path, s, values, runs); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", path)
	return nil
}

// bestTest returns the epoch (after the first) with the lowest test error.
func bestTest(r history) measure {
	best := r.rows[min(1, len(r.rows)-1)]
	for _, m := range r.rows[1:] {
		if m.testErr < best.testErr {
			best = m
		}
	}
	return best
}

// writeSweepChart draws test accuracy (%) against epoch, one line per value.
func writeSweepChart(path string, s sweep, values []float64, runs []history) error {
	chart := plot.LineChart{
		Title:  "Test accuracy by " + s.title,
		XLabel: "epoch", YLabel: "test accuracy (%)",
	}
	lo, hi := 100.0, 0.0
	for i, r := range runs {
		var xs, ys []float64
		for _, m := range r.rows[1:] {
			acc := 100 * (1 - m.testErr)
			if m.diverged {
				acc = math.NaN()
			} else {
				lo, hi = min(lo, acc), max(hi, acc)
			}
			xs, ys = append(xs, float64(m.epoch)), append(ys, acc)
		}
		name := s.title + " " + strconv.FormatFloat(values[i], 'g', -1, 64)
		chart.Series = append(chart.Series, plot.Series{Name: name, X: xs, Y: ys})
	}
	// Whole percents around the accuracies reached, but never below 45%:
	// a run stuck at chance would squash the others into a line.
	if lo <= hi {
		chart.YRange = [2]float64{max(math.Floor(lo)-1, 45), min(math.Ceil(hi)+1, 100)}
	}
	return plot.Save(path, chart.Render())
}

// writeRunCharts draws one run's objective and error rate per epoch.
func writeRunCharts(r history, objPath, errPath string) error {
	n := len(r.rows)
	xs := make([]float64, n)
	trObj, teObj, trErr, teErr := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, m := range r.rows {
		xs[i] = float64(m.epoch)
		trObj[i], teObj[i], trErr[i], teErr[i] = m.trainObj, m.testObj, 100*m.trainErr, 100*m.testErr
	}
	h := r.h
	sub := fmt.Sprintf(" per epoch (%d hidden, batch %d, eta %g)", h.hidden, h.batch, h.lr)
	obj := plot.LineChart{
		Title:  "Objective" + sub,
		XLabel: "epoch", YLabel: "cross-entropy + L2 term",
		Series: []plot.Series{{Name: "train", X: xs, Y: trObj}, {Name: "test", X: xs, Y: teObj}},
	}
	if err := plot.Save(objPath, obj.Render()); err != nil {
		return err
	}
	er := plot.LineChart{
		Title:  "Error rate" + sub,
		XLabel: "epoch", YLabel: "error rate (%)",
		Series: []plot.Series{{Name: "train", X: xs, Y: trErr}, {Name: "test", X: xs, Y: teErr}},
	}
	return plot.Save(errPath, er.Render())
}
