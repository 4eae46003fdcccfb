package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"

	"nnscratch/nn/data"
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

	printSweep(w, s, values, runs)
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
