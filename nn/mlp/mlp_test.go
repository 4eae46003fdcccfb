package mlp

import (
	"math"
	"slices"
	"strings"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

func TestLBFGSNearScikitLearn(t *testing.T) {
	for _, rc := range lbfgsCases {
		t.Run(rc.name, func(t *testing.T) {
			c, r := fitCase(t, rc)
			var f *Fitted
			var score float64
			if c != nil {
				f = &c.Fitted
				X := bodyX
				if rc.data == "iris" {
					X = irisX
				}
				got := c.Predict(matrix.FromRows(X))
				if !slices.Equal(got, rc.labels) {
					t.Errorf("predict: got %v, want %v", got, rc.labels)
				}
				score = c.Score(matrix.FromRows(X), rc.labels)
			} else {
				f = &r.Fitted
				score = r.Score(matrix.FromRows(regX), regY)
				if math.Abs(score-rc.score) > 0.02 {
					t.Errorf("R²: got %.4f, want %.4f ± 0.02", score, rc.score)
				}
			}
			// A loss within 5% of scikit-learn's, or below it.
			if f.Loss > rc.loss*1.05+1e-4 {
				t.Errorf("loss: got %.6g, want at most 5%% above scikit-learn's %.6g", f.Loss, rc.loss)
			}
			t.Logf("loss %.6g (scikit-learn %.6g), %d iterations (scikit-learn %d), score %.4f",
				f.Loss, rc.loss, f.NIter, rc.nIter, score)
		})
	}
}

func TestSeedsMatchScikitLearn(t *testing.T) {
	test := matrix.FromRows([][]float64{{179, 69, 40}, {175, 72, 45}})
	for _, rc := range bodySeeds {
		c := NewClassifier[string](rc.params)
		if err := c.Fit(matrix.FromRows(bodyX), bodyY); err != nil {
			t.Fatal(err)
		}
		got := c.Predict(test)
		if c.NIter != rc.nIter || !close(c.Loss, rc.loss, relTol) || !slices.Equal(got, rc.labels) || c.Converged() == rc.warned {
			t.Errorf("%s: got n_iter %d, loss %.12g, %v, converged %v; want %d, %.12g, %v, %v",
				rc.name, c.NIter, c.Loss, got, c.Converged(), rc.nIter, rc.loss, rc.labels, !rc.warned)
		}
	}
}

func TestGridSearchMatchesScikitLearn(t *testing.T) {
	base := DefaultParams()
	base.RandomState = 1
	cands := ParamGrid(base, ActivationAxis(Identity, Logistic, Tanh, Relu),
		SolverAxis(SGD, Adam), HiddenAxis([]int{1}, []int{2}, []int{3}, []int{5}))
	folds, err := StratifiedKFold(bodyY, 3)
	if err != nil {
		t.Fatal(err)
	}
	newEst := func(p Params) Estimator[string] { return NewClassifier[string](p) }
	res, err := GridSearchCV(newEst, matrix.FromRows(bodyX), bodyY, cands, folds)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range bodyGrid {
		c := res.Candidates[i]
		if c.Params.Activation != Activation(want.activation) || c.Params.Solver != Solver(want.solver) ||
			c.Params.HiddenLayerSizes[0] != want.hidden || !close(res.MeanScores[i], want.mean, 1e-12) {
			t.Errorf("candidate %d: got %v mean %.4f, want %s %s (%d,) mean %.4f",
				i, c.Values, res.MeanScores[i], want.activation, want.solver, want.hidden, want.mean)
		}
	}
	if res.Best != bodyGridBest {
		t.Errorf("best index: got %d, want %d", res.Best, bodyGridBest)
	}
}

func TestStratifiedKFold(t *testing.T) {
	folds, err := StratifiedKFold(bodyY, 3)
	if err != nil {
		t.Fatal(err)
	}
	// sklearn: StratifiedKFold(3).split(X, y) on the body data.
	want := [][]int{{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10}}
	for f, w := range want {
		if !slices.Equal(folds[f].Test, w) {
			t.Errorf("fold %d test: got %v, want %v", f, folds[f].Test, w)
		}
	}
	kf, _ := KFold(11, 3)
	if !slices.Equal(kf[2].Test, []int{8, 9, 10}) || !slices.Equal(kf[0].Test, []int{0, 1, 2, 3}) {
		t.Errorf("KFold(11, 3): got %v", kf)
	}
}

func TestApproximateMode(t *testing.T) {
	// The examples of scikit-learn's _approximate_mode docstring.
	tests := []struct {
		counts []int
		draws  int
		seed   uint32
		want   []int
	}{
		{[]int{4, 2}, 3, 0, []int{2, 1}},
		{[]int{5, 2}, 4, 0, []int{3, 1}},
		{[]int{2, 2, 2, 1}, 2, 0, []int{0, 1, 1, 0}},
		{[]int{2, 2, 2, 1}, 2, 42, []int{1, 1, 0, 0}},
	}
	for _, tt := range tests {
		if got := approximateMode(tt.counts, tt.draws, nprand.New(tt.seed)); !slices.Equal(got, tt.want) {
			t.Errorf("approximateMode(%v, %d, %d): got %v, want %v", tt.counts, tt.draws, tt.seed, got, tt.want)
		}
	}
}

func TestInvalidParams(t *testing.T) {
	tests := []struct {
		set  func(*Params)
		name string // the parameter the error must name
	}{
		{func(p *Params) { p.Activation = "softplus" }, "'activation'"},
		{func(p *Params) { p.Solver = "rmsprop" }, "'solver'"},
		{func(p *Params) { p.LearningRate = "cosine" }, "'learning_rate'"},
		{func(p *Params) { p.Alpha = -1 }, "'alpha'"},
		{func(p *Params) { p.MaxIter = 0 }, "'max_iter'"},
		{func(p *Params) { p.HiddenLayerSizes = []int{3, 0} }, "'hidden_layer_sizes'"},
		{func(p *Params) { p.HiddenLayerSizes = nil }, "'hidden_layer_sizes'"},
		{func(p *Params) { p.ValidationFraction = 1 }, "'validation_fraction'"},
		{func(p *Params) { p.EarlyStopping, p.ValidationFraction = true, 0 }, "'validation_fraction'"},
		{func(p *Params) { p.Momentum = 1.5 }, "'momentum'"},
		{func(p *Params) { p.Beta2 = 1 }, "'beta_2'"},
		{func(p *Params) { p.Epsilon = 0 }, "'epsilon'"},
		{func(p *Params) { p.LearningRateInit = 0 }, "'learning_rate_init'"},
		{func(p *Params) { p.BatchSize = -3 }, "'batch_size'"},
		{func(p *Params) { p.NIterNoChange = 0 }, "'n_iter_no_change'"},
		{func(p *Params) { p.MaxFun = 0 }, "'max_fun'"},
	}
	for _, tt := range tests {
		p := DefaultParams()
		tt.set(&p)
		c := NewClassifier[string](p)
		err := c.Fit(matrix.FromRows(bodyX), bodyY)
		if err == nil || !strings.Contains(err.Error(), tt.name) {
			t.Errorf("%s: got error %v, want one naming %s", tt.name, err, tt.name)
		}
		if c.Coefs != nil {
			t.Errorf("%s: trained despite the invalid parameter", tt.name)
		}
	}
}

func TestOneClassIsAnError(t *testing.T) {
	c := NewClassifier[int](DefaultParams())
	err := c.Fit(matrix.FromRows(bodyX[:3]), []int{1, 1, 1})
	if err == nil || !strings.Contains(err.Error(), "one class") {
		t.Errorf("got %v, want an error saying y has one class", err)
	}
}

func TestIntegerLabels(t *testing.T) {
	p := DefaultParams()
	p.HiddenLayerSizes, p.RandomState = []int{3}, 0
	p.Activation = Logistic
	ci := NewClassifier[int](p)
	y := make([]int, len(bodyY))
	for i, l := range bodyY {
		if l == "male" {
			y[i] = 10
		} else {
			y[i] = 2
		}
	}
	if err := ci.Fit(matrix.FromRows(bodyX), y); err != nil {
		t.Fatal(err)
	}
	cs := NewClassifier[string](p)
	cs.Fit(matrix.FromRows(bodyX), bodyY)
	// 2 < 10 as 'female' < 'male': the same encoding, the same weights.
	if !slices.Equal(ci.Classes, []int{2, 10}) || ci.Loss != cs.Loss {
		t.Errorf("integer labels: got classes %v loss %v, want [2 10] loss %v", ci.Classes, ci.Loss, cs.Loss)
	}
}

func TestPairwiseSum(t *testing.T) {
	for _, n := range []int{0, 3, 8, 13, 128, 129, 1000} {
		x := make([]float64, n)
		want := 0.0
		for i := range x {
			x[i] = float64(i%7) + 0.5
			want += x[i]
		}
		if got := pairwiseSum(x); got != want {
			t.Errorf("pairwiseSum of %d values: got %v, want %v", n, got, want)
		}
	}
}

// TestGridSearchEmpty checks that an empty grid or no folds is an error,
// not a panic.
func TestGridSearchEmpty(t *testing.T) {
	X := matrix.FromRows([][]float64{{0}, {1}, {2}, {3}})
	y := []string{"a", "b", "a", "b"}
	newEst := func(p Params) Estimator[string] { return NewClassifier[string](p) }
	folds, err := StratifiedKFold(y, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := GridSearchCV(newEst, X, y, nil, folds); err == nil || !strings.Contains(err.Error(), "no candidates") {
		t.Errorf("GridSearchCV with no candidates: error %v, want one saying there are none", err)
	}
	cands := ParamGrid(DefaultParams(), HiddenAxis([]int{2}))
	if _, err := GridSearchCV(newEst, X, y, cands, nil); err == nil || !strings.Contains(err.Error(), "no folds") {
		t.Errorf("GridSearchCV with no folds: error %v, want one saying there are none", err)
	}
}
