package main

import (
	"fmt"
	"io"
	"math"
	"os"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// readTable reads the CSV file path with the class column target ("" for
// the last) and returns its features and class labels, checked by
// checkTable. Every error is bad input and names the file.
func readTable(path, target string, p mlp.Params) (*matrix.Matrix, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, cli.BadInput(err)
	}
	defer f.Close()
	return parseTable(f, path, target, p)
}

// parseTable is readTable reading from r, with name for the messages.
func parseTable(r io.Reader, name, target string, p mlp.Params) (*matrix.Matrix, []string, error) {
	t, err := data.ReadCSV(r, name, target)
	if err != nil {
		return nil, nil, cli.BadInput(err)
	}
	if err := checkTable(t, p); err != nil {
		return nil, nil, cli.BadInput(err)
	}
	return matrix.FromSlice(t.Rows, t.Cols, t.X), t.Labels, nil
}

// checkTable refuses a table a classifier cannot learn from, or that would
// make the network larger than the lessons' budget (cli.MaxFloats per
// matrix): one class only; a target with a different value in most rows,
// such as a row number or a name, which is an identifier rather than a
// class; and weight or output matrices over the budget.
func checkTable(t *data.Table, p mlp.Params) error {
	names, _ := t.Classes()
	switch {
	case len(names) < 2:
		return fmt.Errorf("%s: column %q holds one class only, %q: a classifier needs at least two", t.Name, t.Target, names[0])
	case len(names) > t.Rows/2:
		return fmt.Errorf("%s: column %q has %d different values in %d rows: it looks like an identifier, not a class (name the class column with -target)",
			t.Name, t.Target, len(names), t.Rows)
	}
	outputs := len(names)
	if outputs == 2 {
		outputs = 1 // one logistic unit for two classes
	}
	in := t.Cols
	for i, h := range append(append([]int(nil), p.HiddenLayerSizes...), outputs) {
		if err := cli.CheckFloats(fmt.Sprintf("%s: weight matrix %d (%d × %d)", t.Name, i+1, in, h), in, h); err != nil {
			return err
		}
		in = h
	}
	return cli.CheckFloats(fmt.Sprintf("%s: the predicted probabilities (%d rows × %d classes)", t.Name, t.Rows, outputs), t.Rows, outputs)
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
