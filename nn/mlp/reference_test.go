package mlp

import (
	"fmt"
	"math"
	"testing"

	"nnscratch/matrix"
)

// refCase is one scikit-learn 1.2.1 run, written by testdata/gen_reference.py.
type refCase struct {
	name, data          string
	partial             int // PartialFit calls; 0 means one Fit
	params              Params
	loss, bestLoss      float64
	nIter, t            int
	warned              bool
	coefs               [][][]float64
	intercepts          [][]float64
	lossCurve           []float64
	validationScores    []float64
	bestValidationScore float64
	proba               [][]float64
	labels              []string
	predictions         []float64
	score               float64
}

// gridRef is one row of GridSearchCV's cv_results_.
type gridRef struct {
	activation, solver string
	hidden             int
	mean               float64
}

// relTol is the agreement the stochastic solvers reach with scikit-learn.
const relTol = 1e-9

func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1e-3, math.Max(math.Abs(got), math.Abs(want)))
}

// fitCase trains the estimator the case describes and returns it.
func fitCase(t *testing.T, rc refCase) (*Classifier[string], *Regressor) {
	t.Helper()
	switch rc.data {
	case "reg":
		r := NewRegressor(rc.params)
		X := matrix.FromRows(regX)
		var err error
		if rc.partial == 0 {
			err = r.Fit(X, regY)
		}
		for i := 0; i < rc.partial && err == nil; i++ {
			err = r.PartialFit(X, regY)
		}
		if err != nil {
			t.Fatalf("%s: %v", rc.name, err)
		}
		return nil, r
	default:
		X, y := bodyX, bodyY
		if rc.data == "iris" {
			X, y = irisX, irisY
		}
		c := NewClassifier[string](rc.params)
		var err error
		if rc.partial == 0 {
			err = c.Fit(matrix.FromRows(X), y)
		}
		for i := 0; i < rc.partial && err == nil; i++ {
			err = c.PartialFit(matrix.FromRows(X), y, y)
		}
		if err != nil {
			t.Fatalf("%s: %v", rc.name, err)
		}
		return c, nil
	}
}

func TestStochasticMatchesScikitLearn(t *testing.T) {
	for _, rc := range stochasticCases {
		t.Run(rc.name, func(t *testing.T) {
			c, r := fitCase(t, rc)
			var f *Fitted
			if c != nil {
				f = &c.Fitted
			} else {
				f = &r.Fitted
			}
			worst := 0.0
			cmp := func(what string, got, want float64) {
				t.Helper()
				if d := math.Abs(got-want) / math.Max(1e-3, math.Abs(want)); d > worst {
					worst = d
				}
				if !close(got, want, relTol) {
					t.Errorf("%s: got %.17g, want %.17g", what, got, want)
				}
			}
			if f.NIter != rc.nIter || f.T != rc.t {
				t.Fatalf("n_iter_, t_: got %d, %d, want %d, %d", f.NIter, f.T, rc.nIter, rc.t)
			}
			if got := !f.Converged(); got != rc.warned {
				t.Errorf("convergence warning: got %v (%q), want %v", got, f.ConvergenceWarning, rc.warned)
			}
			cmp("loss_", f.Loss, rc.loss)
			for i, w := range rc.lossCurve {
				cmp(fmt.Sprintf("loss_curve_[%d]", i), f.LossCurve[i], w)
			}
			for i, w := range rc.validationScores {
				cmp(fmt.Sprintf("validation_scores_[%d]", i), f.ValidationScores[i], w)
			}
			if rc.params.EarlyStopping {
				cmp("best_validation_score_", f.BestValidationScore, rc.bestValidationScore)
			} else {
				cmp("best_loss_", f.BestLoss, rc.bestLoss)
			}
			for l, w := range rc.coefs {
				for i, row := range w {
					for j, v := range row {
						cmp(fmt.Sprintf("coefs_[%d][%d,%d]", l, i, j), f.Coefs[l].At(i, j), v)
					}
				}
				for j, v := range rc.intercepts[l] {
					cmp(fmt.Sprintf("intercepts_[%d][%d]", l, j), f.Intercepts[l].Data[j], v)
				}
			}
			if c != nil {
				X := irisX
				if rc.data == "body" {
					X = bodyX
				}
				p := c.PredictProba(matrix.FromRows(X))
				for i, row := range rc.proba {
					for j, v := range row {
						cmp(fmt.Sprintf("predict_proba[%d,%d]", i, j), p.At(i, j), v)
					}
				}
				for i, l := range c.Predict(matrix.FromRows(X)) {
					if l != rc.labels[i] {
						t.Errorf("predict[%d]: got %q, want %q", i, l, rc.labels[i])
					}
				}
			} else {
				for i, v := range r.Predict(matrix.FromRows(regX)) {
					cmp(fmt.Sprintf("predict[%d]", i), v, rc.predictions[i])
				}
				cmp("score", r.Score(matrix.FromRows(regX), regY), rc.score)
			}
			t.Logf("largest relative difference from scikit-learn: %.2g", worst)
		})
	}
}
