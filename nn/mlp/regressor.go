package mlp

import (
	"fmt"
	"math"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// Regressor is scikit-learn's MLPRegressor: identity output units trained
// on half the mean squared error,
//
//	E = (1/2nk) Σ (y − ŷ)² + α/(2n) Σ‖W‖²
//
// over n rows of k targets. Fit, Predict and Score take one target per
// row; FitMulti, PredictMulti and ScoreMulti take a matrix of k targets
// per row (scikit-learn's y of shape (n, k)). As in scikit-learn, the
// gradient of the output is (ŷ − y)/n for any k, which is the gradient of
// E only for k = 1: with k targets the stochastic solvers descend k·E.
//
// It is used like Classifier and, like it, may predict from several
// goroutines at once when no Fit or PartialFit is running.
type Regressor struct {
	Params
	Fitted
	tr trainer
}

// NewRegressor returns an unfitted regressor with hyper-parameters p.
func NewRegressor(p Params) *Regressor { return &Regressor{Params: p} }

// Fit trains the regressor on the rows of X and the targets y,
// scikit-learn's fit. Its errors are Classifier.Fit's, less the classes.
func (r *Regressor) Fit(X *matrix.Matrix, y []float64) error {
	return r.train(X, column(y), false)
}

// FitMulti trains the regressor on the rows of X and the rows of Y, one
// column per target: scikit-learn's fit with a y of shape (n, k). Its
// errors are Fit's, and one when WarmStart meets a different number of
// targets.
func (r *Regressor) FitMulti(X, Y *matrix.Matrix) error {
	return r.train(X, Y, false)
}

// PartialFit runs one epoch over X and y, scikit-learn's partial_fit,
// starting from the current weights (fresh ones on the first call).
func (r *Regressor) PartialFit(X *matrix.Matrix, y []float64) error {
	return r.PartialFitMulti(X, column(y))
}

// PartialFitMulti is PartialFit for a matrix of targets, as FitMulti.
func (r *Regressor) PartialFitMulti(X, Y *matrix.Matrix) error {
	if r.Params.withDefaults().Solver == solverLBFGS {
		return fmt.Errorf("mlp: partial_fit is only available for stochastic optimizers. %s is not stochastic.", r.Solver)
	}
	return r.train(X, Y, true)
}

// column returns y as an n×1 matrix, or nil for a nil y.
func column(y []float64) *matrix.Matrix {
	if y == nil {
		return nil
	}
	return matrix.FromSlice(len(y), 1, y)
}

func (r *Regressor) train(X, Y *matrix.Matrix, incremental bool) error {
	if err := r.Params.Validate("MLPRegressor"); err != nil {
		return err
	}
	if err := checkX(X, "MLPRegressor"); err != nil {
		return err
	}
	if Y == nil || Y.Cols == 0 {
		return inputError("y is empty; want one target per row of X")
	}
	if err := checkFinite(Y.Data, Y.Cols, "y", "MLPRegressor"); err != nil {
		return err
	}
	if err := checkLengths(X, Y.Rows); err != nil {
		return err
	}
	Y = Y.Clone()
	tk := task{est: "MLPRegressor", out: nn.Identity{}, loss: &squaredLoss{}, score: func(pred *matrix.Matrix, rows []int) float64 {
		return R2Multi(rowsOf(Y, rows), pred)
	}}
	r.tr.f = &r.Fitted
	return r.tr.train(&r.Params, X, Y, incremental, tk)
}

// Predict returns the prediction for every row of X of a regressor fitted
// to one target. It returns an error wrapping ErrNotFitted before the
// first Fit, one wrapping ErrInput if X has the wrong number of columns
// or holds a NaN or an infinity, and one if the regressor was fitted to
// several targets (use PredictMulti).
func (r *Regressor) Predict(X *matrix.Matrix) ([]float64, error) {
	out, err := r.PredictMulti(X)
	if err != nil {
		return nil, err
	}
	if out.Cols != 1 {
		return nil, fmt.Errorf("mlp: MLPRegressor was fitted to %d targets; PredictMulti returns them", out.Cols)
	}
	return out.Data, nil
}

// PredictMulti returns the rows×targets matrix of predictions for X. Its
// errors are Predict's, less the last.
func (r *Regressor) PredictMulti(X *matrix.Matrix) (*matrix.Matrix, error) {
	return r.tr.predict(X, "MLPRegressor")
}

// Score returns the coefficient of determination R² of Predict(X) against
// y. Its errors are Predict's, and one when y's length differs from X's
// rows.
func (r *Regressor) Score(X *matrix.Matrix, y []float64) (float64, error) {
	return r.ScoreMulti(X, column(y))
}

// ScoreMulti returns the mean over the targets of the R² of
// PredictMulti(X) against Y's columns, scikit-learn's score (r2_score with
// multioutput='uniform_average'). Its errors are PredictMulti's, and one
// when Y's shape differs from the predictions'.
func (r *Regressor) ScoreMulti(X, Y *matrix.Matrix) (float64, error) {
	pred, err := r.PredictMulti(X)
	if err != nil {
		return math.NaN(), err
	}
	if Y == nil || Y.Rows != pred.Rows || Y.Cols != pred.Cols {
		return math.NaN(), inputError(fmt.Sprintf("y has %s, the predictions %d×%d", shape(Y), pred.Rows, pred.Cols))
	}
	return R2Multi(Y, pred), nil
}

// R2 returns the coefficient of determination of the predictions pred for
// the targets y, scikit-learn's r2_score:
//
//	R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²
//
// with R² = 1 for a perfect fit of constant targets and 0 for an imperfect
// one. The sums are numpy's pairwise sums. It panics with an error wrapping
// matrix.ErrShape if the lengths differ.
func R2(y, pred []float64) float64 {
	if len(y) != len(pred) {
		panic(fmt.Errorf("mlp: R2 of %d targets and %d predictions: %w", len(y), len(pred), matrix.ErrShape))
	}
	t := make([]float64, len(y))
	for i := range y {
		e := y[i] - pred[i]
		t[i] = e * e
	}
	num := nn.PairwiseSum(t)
	mean := nn.PairwiseSum(y) / float64(len(y))
	for i := range y {
		e := y[i] - mean
		t[i] = e * e
	}
	return r2(num, nn.PairwiseSum(t))
}

// R2Multi returns the mean over the columns of R2 of Y's and pred's
// columns, scikit-learn's r2_score(Y, pred) with its default
// multioutput='uniform_average'. With one column it is R2; with more, each
// column's sums run down the rows in order, as numpy's column sums of a
// row-major array do. It panics with an error wrapping matrix.ErrShape if
// the shapes differ.
func R2Multi(Y, pred *matrix.Matrix) float64 {
	if Y.Rows != pred.Rows || Y.Cols != pred.Cols {
		panic(fmt.Errorf("mlp: R2Multi of %dx%d targets and %dx%d predictions: %w", Y.Rows, Y.Cols, pred.Rows, pred.Cols, matrix.ErrShape))
	}
	if Y.Cols == 1 {
		return R2(Y.Data, pred.Data)
	}
	k := Y.Cols
	num, sum, den := make([]float64, k), make([]float64, k), make([]float64, k)
	for i := range Y.Rows {
		for j, v := range Y.Row(i) {
			e := v - pred.Data[i*k+j]
			num[j] += float64(e * e)
			sum[j] += v
		}
	}
	for i := range Y.Rows {
		for j, v := range Y.Row(i) {
			e := v - sum[j]/float64(Y.Rows)
			den[j] += float64(e * e)
		}
	}
	total := 0.0
	for j := range k {
		total += r2(num[j], den[j])
	}
	return total / float64(k)
}

// r2 is 1 − num/den, scikit-learn's value where den is 0: 1 for a perfect
// fit, 0 otherwise.
func r2(num, den float64) float64 {
	switch {
	case den != 0:
		return 1 - num/den
	case num == 0:
		return 1
	}
	return 0
}
