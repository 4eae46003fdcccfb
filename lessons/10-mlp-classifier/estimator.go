package main

import (
	"fmt"
	"slices"
	"strconv"

	"nnscratch/matrix"
	"nnscratch/nn/mlp"
)

// dataset is a table to fit or predict: the features, their names, and the
// target columns, as text (one class column) or numbers (several columns,
// or a regression target).
type dataset struct {
	name     string
	X        *matrix.Matrix
	features []string
	targets  []string
	labels   []string       // the class column's fields (a classifier with one target)
	Y        *matrix.Matrix // the numeric targets (a regressor; multilabel 0/1 columns)
}

// estimator is what the command does with any of nn/mlp's estimators:
// the classifier of text or of numeric labels, the multilabel classifier
// and the regressor.
type estimator interface {
	fit(d *dataset) error
	fitted() *mlp.Fitted
	params() *mlp.Params
	name() string      // "MLPClassifier" or "MLPRegressor"
	classes() []string // classes_ as printed; nil for a regressor
	score(d *dataset) (float64, error)
	// predict returns one row of fields per row of X (a label, or one
	// field per target) and the probabilities (nil for a regressor).
	predict(X *matrix.Matrix) ([][]string, *matrix.Matrix, error)
}

// newEstimator returns the estimator that fits d as kind says: a
// regressor; a multilabel classifier for several target columns; a
// classifier of numbers, ordered numerically as scikit-learn orders them,
// when every label is a number; else a classifier of text labels.
func newEstimator(kind string, d *dataset, p mlp.Params) estimator {
	switch {
	case kind == regressor:
		return &regressorEst{mlp.NewRegressor(p)}
	case len(d.targets) > 1:
		return &multiLabelEst{mlp.NewMultiLabelClassifier(p)}
	case numeric(d.labels) != nil:
		return &classifierEst[float64]{c: mlp.NewClassifier[float64](p), label: numeric, format: formatFloat}
	}
	return &classifierEst[string]{c: mlp.NewClassifier[string](p),
		label: func(s []string) []string { return s }, format: func(s string) string { return s }}
}

// numeric returns the labels as numbers, or nil if one is not a number.
func numeric(labels []string) []float64 {
	out := make([]float64, len(labels))
	for i, l := range labels {
		v, err := strconv.ParseFloat(l, 64)
		if err != nil {
			return nil
		}
		out[i] = v
	}
	return out
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// classifierEst is a Classifier of one class column, its labels text or
// numbers.
type classifierEst[L float64 | string] struct {
	c      *mlp.Classifier[L]
	label  func([]string) []L
	format func(L) string
}

func (e *classifierEst[L]) fit(d *dataset) error { return e.c.Fit(d.X, e.label(d.labels)) }
func (e *classifierEst[L]) fitted() *mlp.Fitted  { return &e.c.Fitted }
func (e *classifierEst[L]) params() *mlp.Params  { return &e.c.Params }
func (e *classifierEst[L]) name() string         { return "MLPClassifier" }

func (e *classifierEst[L]) classes() []string {
	out := make([]string, len(e.c.Classes))
	for i, c := range e.c.Classes {
		out[i] = e.format(c)
	}
	return out
}

func (e *classifierEst[L]) score(d *dataset) (float64, error) {
	return e.c.Score(d.X, e.label(d.labels))
}

func (e *classifierEst[L]) predict(X *matrix.Matrix) ([][]string, *matrix.Matrix, error) {
	labels, err := e.c.Predict(X)
	if err != nil {
		return nil, nil, err
	}
	proba, err := e.c.PredictProba(X)
	out := make([][]string, len(labels))
	for i, l := range labels {
		out[i] = []string{e.format(l)}
	}
	return out, proba, err
}

// multiLabelEst is a MultiLabelClassifier of several 0/1 columns.
type multiLabelEst struct{ c *mlp.MultiLabelClassifier }

func (e *multiLabelEst) fit(d *dataset) error { return e.c.Fit(d.X, d.Y) }
func (e *multiLabelEst) fitted() *mlp.Fitted  { return &e.c.Fitted }
func (e *multiLabelEst) params() *mlp.Params  { return &e.c.Params }
func (e *multiLabelEst) name() string         { return "MLPClassifier" }

func (e *multiLabelEst) classes() []string {
	out := make([]string, len(e.c.Classes))
	for i, c := range e.c.Classes {
		out[i] = strconv.Itoa(c)
	}
	return out
}

func (e *multiLabelEst) score(d *dataset) (float64, error) { return e.c.Score(d.X, d.Y) }

func (e *multiLabelEst) predict(X *matrix.Matrix) ([][]string, *matrix.Matrix, error) {
	ind, err := e.c.Predict(X)
	if err != nil {
		return nil, nil, err
	}
	proba, err := e.c.PredictProba(X)
	return fields(ind), proba, err
}

// regressorEst is a Regressor of one or several numeric columns.
type regressorEst struct{ r *mlp.Regressor }

func (e *regressorEst) fit(d *dataset) error { return e.r.FitMulti(d.X, d.Y) }
func (e *regressorEst) fitted() *mlp.Fitted  { return &e.r.Fitted }
func (e *regressorEst) params() *mlp.Params  { return &e.r.Params }
func (e *regressorEst) name() string         { return "MLPRegressor" }
func (e *regressorEst) classes() []string    { return nil }

func (e *regressorEst) score(d *dataset) (float64, error) { return e.r.ScoreMulti(d.X, d.Y) }

func (e *regressorEst) predict(X *matrix.Matrix) ([][]string, *matrix.Matrix, error) {
	pred, err := e.r.PredictMulti(X)
	if err != nil {
		return nil, nil, err
	}
	return fields(pred), nil, nil
}

// fields formats every row of m as text, the shortest form that reads
// back to the same number.
func fields(m *matrix.Matrix) [][]string {
	out := make([][]string, m.Rows)
	for i := range out {
		out[i] = make([]string, m.Cols)
		for j, v := range m.Row(i) {
			out[i][j] = formatFloat(v)
		}
	}
	return out
}

// checkClasses refuses class labels a classifier cannot learn from: one
// class only, or a column with a different value in most rows, such as a
// row number or a name, which is an identifier rather than a class.
// It runs before anything is allocated for the network.
func checkClasses(d *dataset) error {
	distinct := slices.Clone(d.labels)
	slices.Sort(distinct)
	distinct = slices.Compact(distinct)
	switch {
	case len(distinct) < 2:
		return fmt.Errorf("%s: column %q holds one class only, %q: a classifier needs at least two", d.name, d.targets[0], distinct[0])
	case len(distinct) > len(d.labels)/2:
		hint := "name the class column with -target"
		if numeric(d.labels) != nil {
			hint += ", or fit numbers with -estimator regressor"
		}
		return fmt.Errorf("%s: column %q has %d different values in %d rows: it looks like an identifier, not a class (%s)",
			d.name, d.targets[0], len(distinct), len(d.labels), hint)
	}
	return nil
}
