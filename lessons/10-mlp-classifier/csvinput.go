package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// readTable reads the CSV file path, within the budget lim, with the
// target columns targets (none for the last) and returns it as a dataset
// for the estimator kind, checked by checkTable. Every error is bad input
// and names the file; a file over the budget says that -max-mb raises it.
func readTable(path string, lim data.Limits, targets []string, kind string, p mlp.Params) (*dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cli.BadInput(err)
	}
	defer f.Close()
	return parseTable(f, path, lim, targets, kind, p)
}

// parseTable is readTable reading from r, with name for the messages.
func parseTable(r io.Reader, name string, lim data.Limits, targets []string, kind string, p mlp.Params) (*dataset, error) {
	first := ""
	if len(targets) > 0 {
		first = targets[0]
	}
	t, err := lim.ReadCSV(r, name, first)
	if err != nil {
		return nil, cli.DataError(err)
	}
	d, err := split(t, targets, kind)
	if err != nil {
		return nil, cli.BadInput(err)
	}
	if err := checkTable(d, kind, p); err != nil {
		return nil, cli.BadInput(err)
	}
	return d, nil
}

// split takes the targets out of the table: the column ReadCSV kept as
// text, and the other target columns from among its numbers. A regressor,
// and a classifier of several columns, need numbers in every target.
func split(t *data.Table, targets []string, kind string) (*dataset, error) {
	d := &dataset{name: t.Name, targets: []string{t.Target}, labels: t.Labels}
	rest := make([]int, 0, len(targets))
	for _, name := range targets[min(1, len(targets)):] {
		j := slices.Index(t.Header, name)
		if j < 0 || slices.Contains(d.targets, name) {
			return nil, fmt.Errorf("%s: no target column %q among the numeric columns %s, or named twice", t.Name, name, strings.Join(t.Header, ", "))
		}
		rest = append(rest, j)
		d.targets = append(d.targets, name)
	}
	for j, h := range t.Header {
		if !slices.Contains(rest, j) {
			d.features = append(d.features, h)
		}
	}
	if len(d.features) == 0 {
		return nil, fmt.Errorf("%s: no feature columns left beside the targets %s", t.Name, strings.Join(d.targets, ", "))
	}
	d.X = matrix.New(t.Rows, len(d.features))
	if kind == regressor || len(d.targets) > 1 {
		first, err := t.TargetValues()
		if err != nil {
			return nil, err
		}
		d.Y = matrix.New(t.Rows, len(d.targets))
		for i := range t.Rows {
			d.Y.Data[i*len(d.targets)] = first[i]
		}
	}
	for i := range t.Rows {
		row, k := t.Row(i), 0
		for j, v := range row {
			if r := slices.Index(rest, j); r >= 0 {
				d.Y.Data[i*len(d.targets)+1+r] = v
				continue
			}
			d.X.Data[i*d.X.Cols+k] = v
			k++
		}
	}
	return d, nil
}

// checkTable refuses a table an estimator cannot learn from, or that would
// make the network larger than the lessons' budget (cli.MaxFloats per
// matrix): for a classifier, the class checks of checkClasses, or target
// columns other than 0/1 for several; and weight or output matrices over
// the budget.
func checkTable(d *dataset, kind string, p mlp.Params) error {
	outputs := len(d.targets)
	if kind == classifier && len(d.targets) == 1 {
		if err := checkClasses(d); err != nil {
			return err
		}
		if outputs = distinct(d.labels); outputs == 2 {
			outputs = 1 // one logistic unit for two classes
		}
	}
	if kind == classifier && len(d.targets) > 1 {
		for i, v := range d.Y.Data {
			if v != 0 && v != 1 {
				return fmt.Errorf("%s: column %q row %d is %v: several target columns of a classifier are labels, each 0 or 1 (or fit numbers with -estimator regressor)",
					d.name, d.targets[i%len(d.targets)], i/len(d.targets)+1, v)
			}
		}
	}
	in := d.X.Cols
	hidden := p.HiddenLayerSizes
	if hidden == nil {
		hidden = []int{100}
	}
	for i, h := range append(slices.Clone(hidden), outputs) {
		if err := cli.CheckFloats(fmt.Sprintf("%s: weight matrix %d (%d × %d)", d.name, i+1, in, h), in, h); err != nil {
			return err
		}
		in = h
	}
	return cli.CheckFloats(fmt.Sprintf("%s: the predictions (%d rows × %d outputs)", d.name, d.X.Rows, outputs), d.X.Rows, outputs)
}

// distinct returns the number of different labels.
func distinct(labels []string) int {
	seen := make(map[string]bool)
	for _, l := range labels {
		seen[l] = true
	}
	return len(seen)
}

// readFeatures reads the CSV file path of rows to predict, within the
// budget lim: a header row naming at least the columns features (in any
// order, others ignored), and numbers in them. Every error is bad input and
// names the file.
func readFeatures(path string, lim data.Limits, features []string) (*matrix.Matrix, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cli.BadInput(err)
	}
	defer f.Close()
	// The header decides which column ReadCSV keeps as text: a target
	// column if the file has one, else the last (parsed back to numbers).
	// (An unreadable header is left for ReadCSV to report.)
	header, _ := csv.NewReader(io.LimitReader(f, 1<<20)).Read()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, cli.BadInput(err)
	}
	lastIsFeature := false
	if len(header) > 0 {
		last := strings.TrimSpace(strings.TrimPrefix(header[len(header)-1], "\uFEFF"))
		lastIsFeature = slices.Contains(features, last)
	}
	t, err := lim.ReadCSV(f, path, "")
	if err != nil {
		return nil, cli.DataError(err)
	}
	cols := t.Header
	var lastValues []float64
	if lastIsFeature {
		if lastValues, err = t.TargetValues(); err != nil {
			return nil, cli.BadInput(err)
		}
		cols = append(slices.Clone(cols), t.Target)
	}
	X := matrix.New(t.Rows, len(features))
	for k, name := range features {
		j := slices.Index(cols, name)
		if j < 0 {
			return nil, cli.BadInput(fmt.Errorf("%s: no column %q; the estimator was fitted on %s", path, name, strings.Join(features, ", ")))
		}
		for i := range t.Rows {
			if j < t.Cols {
				X.Data[i*X.Cols+k] = t.X[i*t.Cols+j]
			} else {
				X.Data[i*X.Cols+k] = lastValues[i]
			}
		}
	}
	return X, nil
}

// checkLoss returns an error if a fit ended with a loss that is not a
// number, as a too-large -alpha or -learning-rate-init causes: the fitted
// model would be meaningless.
func checkLoss(name string, loss float64) error {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return fmt.Errorf("%s: training diverged: loss_ is %v (try a smaller -alpha or -learning-rate-init)", name, loss)
	}
	return nil
}
