package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"nnscratch/nn/plot"
)

// printEpochs prints one run's objective and error rate on both sets, a row
// per epoch from 0 (before training).
func printEpochs(w io.Writer, r history) {
	fmt.Fprintln(w, "epoch   train objective   test objective   train error   test error")
	for _, m := range r.rows {
		fmt.Fprintf(w, "%5d   %15.5f   %14.5f   %10.2f%%   %9.2f%%\n",
			m.epoch, m.trainObj, m.testObj, 100*m.trainErr, 100*m.testErr)
	}
}

// printSweep prints a sweep's table: a row per value of the tuned parameter
// with its final errors, its best test accuracy and its training time.
func printSweep(w io.Writer, s sweep, values []float64, runs []history) {
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
