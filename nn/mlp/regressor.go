package mlp

import (
	"fmt"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// Regressor is scikit-learn's MLPRegressor for one real-valued target: an
// identity output unit trained on half the mean squared error,
//
//	E = (1/2n) Σ (y − ŷ)² + α/(2n) Σ‖W‖².
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

// Fit trains the regressor from scratch on the rows of X and the targets y,
// scikit-learn's fit. Its errors are Classifier.Fit's, less the class check.
func (r *Regressor) Fit(X *matrix.Matrix, y []float64) error {
	return r.train(X, y, false)
}

// PartialFit runs one epoch over X and y, scikit-learn's partial_fit,
// starting from the current weights (fresh ones on the first call).
func (r *Regressor) PartialFit(X *matrix.Matrix, y []float64) error {
	if r.Solver == solverLBFGS {
		return fmt.Errorf("mlp: partial_fit is only available for stochastic optimizers. %s is not stochastic", r.Solver)
	}
	return r.train(X, y, true)
}

func (r *Regressor) train(X *matrix.Matrix, y []float64, incremental bool) error {
	if err := r.Params.Validate("MLPRegressor"); err != nil {
		return err
	}
	if err := checkXY(X, len(y)); err != nil {
		return err
	}
	Y := matrix.FromSlice(len(y), 1, append([]float64(nil), y...))
	tk := task{est: "MLPRegressor", out: nn.Identity{}, loss: &squaredLoss{}, score: func(pred *matrix.Matrix, rows []int) float64 {
		want := make([]float64, len(rows))
		for k, i := range rows {
			want[k] = y[i]
		}
		return R2(want, pred.Data)
	}}
	r.tr.f = &r.Fitted
	return r.tr.train(&r.Params, X, Y, incremental, tk)
}

// Predict returns the prediction for every row of X. It panics if the
// regressor has not been fitted, and with an error wrapping matrix.ErrShape
// if X has the wrong number of columns.
func (r *Regressor) Predict(X *matrix.Matrix) []float64 {
	if r.tr.net == nil {
		panic("mlp: Regressor used before Fit")
	}
	return r.tr.net.Predict(X).Data
}

// Score returns the coefficient of determination R² of Predict(X) against
// y. It panics as Predict does, and if y's length differs from X's rows.
func (r *Regressor) Score(X *matrix.Matrix, y []float64) float64 {
	if len(y) != X.Rows {
		panic(fmt.Errorf("mlp: Score on %d rows with %d targets: %w", X.Rows, len(y), matrix.ErrShape))
	}
	return R2(y, r.Predict(X))
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
	den := nn.PairwiseSum(t)
	switch {
	case den != 0:
		return 1 - num/den
	case num == 0:
		return 1
	}
	return 0
}
