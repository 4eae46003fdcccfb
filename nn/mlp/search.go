package mlp

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// Estimator is what cross-validation needs of a model: *Classifier[L]
// is an Estimator[L] and *Regressor an Estimator[float64].
type Estimator[T any] interface {
	Fit(X *matrix.Matrix, y []T) error
	Score(X *matrix.Matrix, y []T) float64
}

// CrossValScore fits a fresh estimator from newEst on the training rows of
// every fold and returns its Score on the fold's test rows, scikit-learn's
// cross_val_score. A fit that fails scores NaN (error_score=nan). Build the
// folds with StratifiedKFold (classifiers, scikit-learn's cv=k) or KFold.
func CrossValScore[T any](newEst func() Estimator[T], X *matrix.Matrix, y []T, folds []Fold) []float64 {
	scores := make([]float64, len(folds))
	for f, fold := range folds {
		e := newEst()
		ytr, yte := pick(y, fold.Train), pick(y, fold.Test)
		if err := e.Fit(rowsOf(X, fold.Train), ytr); err != nil {
			scores[f] = math.NaN()
			continue
		}
		scores[f] = e.Score(rowsOf(X, fold.Test), yte)
	}
	return scores
}

func pick[T any](y []T, idx []int) []T {
	out := make([]T, len(idx))
	for k, i := range idx {
		out[k] = y[i]
	}
	return out
}

// Axis is one parameter of a grid: scikit-learn's name for it, the values
// as they print, and a setter that puts value i into a Params.
type Axis struct {
	Name   string
	Values []string
	Set    func(p *Params, i int)
}

// ActivationAxis is the grid axis "activation" over vals; a value prints
// as scikit-learn names it ("logistic" for nn.Sigmoid{}).
func ActivationAxis(vals ...nn.Activation) Axis {
	a := axis("activation", vals, func(p *Params, v nn.Activation) { p.Activation = v })
	for i, v := range vals {
		a.Values[i] = ActivationName(v)
	}
	return a
}

// SolverAxis is the grid axis "solver" over vals ("adam", "sgd", "lbfgs").
func SolverAxis(vals ...string) Axis {
	return axis("solver", vals, func(p *Params, v string) { p.Solver = v })
}

// HiddenAxis is the grid axis "hidden_layer_sizes" over vals; a value
// prints as a Python tuple, "(3,)" or "(8, 2)".
func HiddenAxis(vals ...[]int) Axis {
	a := axis("hidden_layer_sizes", vals, func(p *Params, v []int) { p.HiddenLayerSizes = slices.Clone(v) })
	for i, v := range vals {
		a.Values[i] = TupleString(v)
	}
	return a
}

// TupleString formats hidden layer sizes as Python prints a tuple.
func TupleString(h []int) string {
	s := strings.Trim(strings.ReplaceAll(fmt.Sprint(h), " ", ", "), "[]")
	if len(h) == 1 {
		s += ","
	}
	return "(" + s + ")"
}

func axis[V any](name string, vals []V, set func(*Params, V)) Axis {
	a := Axis{Name: name, Values: make([]string, len(vals)),
		Set: func(p *Params, i int) { set(p, vals[i]) }}
	for i, v := range vals {
		a.Values[i] = fmt.Sprint(v)
	}
	return a
}

// Candidate is one point of a grid: its Params and the value chosen on each
// axis, in the order of the axes as ParamGrid sorted them.
type Candidate struct {
	Params Params
	Values []string
}

// ParamGrid returns every combination of the axes' values applied to base,
// in scikit-learn's ParameterGrid order: axes sorted by name, the last
// varying fastest. The axes are sorted in place.
func ParamGrid(base Params, axes ...Axis) []Candidate {
	sort.SliceStable(axes, func(i, j int) bool { return axes[i].Name < axes[j].Name })
	cands := []Candidate{{Params: base}}
	for _, a := range axes {
		var next []Candidate
		for _, c := range cands {
			for i, v := range a.Values {
				p := c.Params
				p.HiddenLayerSizes = slices.Clone(p.HiddenLayerSizes)
				a.Set(&p, i)
				next = append(next, Candidate{Params: p, Values: append(slices.Clone(c.Values), v)})
			}
		}
		cands = next
	}
	return cands
}

// SearchResult is what GridSearchCV found: scikit-learn's cv_results_
// (split scores and their means), best_index_ and best_estimator_.
type SearchResult[T any] struct {
	Candidates    []Candidate
	FoldScores    [][]float64  // FoldScores[c][f]: candidate c on fold f
	MeanScores    []float64    // mean_test_score; NaN when a fold failed
	Best          int          // best_index_: highest mean, first of ties, NaN last
	BestEstimator Estimator[T] // refitted on all of X and y with the best Params
}

// GridSearchCV cross-validates every candidate on the folds, picks the one
// with the highest mean score and refits it on all the data, as
// scikit-learn's GridSearchCV does with refit=True. It returns an error if
// there are no candidates or no folds, or if the refit fails. Its cost is
// len(cands)·(len(folds)+1) fits.
func GridSearchCV[T any](newEst func(Params) Estimator[T], X *matrix.Matrix, y []T, cands []Candidate, folds []Fold) (*SearchResult[T], error) {
	if len(cands) == 0 {
		return nil, fmt.Errorf("mlp: GridSearchCV: no candidates (the parameter grid is empty)")
	}
	if len(folds) == 0 {
		return nil, fmt.Errorf("mlp: GridSearchCV: no folds to cross-validate on")
	}
	res := &SearchResult[T]{Candidates: cands, Best: -1}
	for _, c := range cands {
		s := CrossValScore(func() Estimator[T] { return newEst(c.Params) }, X, y, folds)
		res.FoldScores = append(res.FoldScores, s)
		var sum float64
		for _, v := range s {
			sum += v
		}
		m := sum / float64(len(s))
		res.MeanScores = append(res.MeanScores, m)
		if !math.IsNaN(m) && (res.Best < 0 || m > res.MeanScores[res.Best]) {
			res.Best = len(res.MeanScores) - 1
		}
	}
	if res.Best < 0 {
		res.Best = 0
	}
	best := newEst(cands[res.Best].Params)
	if err := best.Fit(X, y); err != nil {
		return res, fmt.Errorf("mlp: refitting the best candidate %v: %w", cands[res.Best].Values, err)
	}
	res.BestEstimator = best
	return res, nil
}
