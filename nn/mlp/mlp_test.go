package mlp

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
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
				got := must(c.Predict(matrix.FromRows(X)))
				if !slices.Equal(got, rc.labels) {
					t.Errorf("predict: got %v, want %v", got, rc.labels)
				}
				score = must(c.Score(matrix.FromRows(X), rc.labels))
			} else {
				f = &r.Fitted
				score = must(r.Score(matrix.FromRows(regX), regY))
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
		got := must(c.Predict(test))
		if c.NIter != rc.nIter || !close(c.Loss, rc.loss, relTol) || !slices.Equal(got, rc.labels) || c.Converged() == rc.warned {
			t.Errorf("%s: got n_iter %d, loss %.12g, %v, converged %v; want %d, %.12g, %v, %v",
				rc.name, c.NIter, c.Loss, got, c.Converged(), rc.nIter, rc.loss, rc.labels, !rc.warned)
		}
	}
}

func TestGridSearchMatchesScikitLearn(t *testing.T) {
	base := DefaultParams()
	base.RandomState = Seed(1)
	cands := ParamGrid(base, ActivationAxis(nn.Identity{}, nn.Sigmoid{}, nn.Tanh{}, nn.ReLU{}),
		SolverAxis("sgd", "adam"), HiddenAxis([]int{1}, []int{2}, []int{3}, []int{5}))
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
		if ActivationName(c.Params.Activation) != want.activation || c.Params.Solver != want.solver ||
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
		{func(p *Params) { p.Activation = nn.Softmax{} }, "'activation'"},
		{func(p *Params) { p.Activation = nn.ReLU{AtZero: 0.5} }, "'activation'"},
		{func(p *Params) { p.Solver = "rmsprop" }, "'solver'"},
		{func(p *Params) { p.LearningRate = "cosine" }, "'learning_rate'"},
		{func(p *Params) { p.Alpha = math.NaN() }, "'alpha'"},
		{func(p *Params) { p.Alpha = math.Inf(1) }, "'alpha'"},
		{func(p *Params) { p.MaxIter = -1 }, "'max_iter'"},
		{func(p *Params) { p.HiddenLayerSizes = []int{3, 0} }, "hidden_layer_sizes must be > 0"},
		{func(p *Params) { p.ValidationFraction = 1 }, "'validation_fraction'"},
		{func(p *Params) { p.EarlyStopping, p.ValidationFraction = true, -0.1 }, "'validation_fraction'"},
		{func(p *Params) { p.Momentum = 1.5 }, "'momentum'"},
		{func(p *Params) { p.Beta2 = 1 }, "'beta_2'"},
		{func(p *Params) { p.Epsilon = -1 }, "'epsilon'"},
		{func(p *Params) { p.LearningRateInit = -1 }, "'learning_rate_init'"},
		{func(p *Params) { p.BatchSize = -3 }, "'batch_size'"},
		{func(p *Params) { p.NIterNoChange = -1 }, "'n_iter_no_change'"},
		{func(p *Params) { p.MaxFun = -1 }, "'max_fun'"},
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

func TestIntegerLabels(t *testing.T) {
	p := DefaultParams()
	p.HiddenLayerSizes, p.RandomState = []int{3}, Seed(0)
	p.Activation = nn.Sigmoid{}
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

// TestPredictConcurrent predicts from four goroutines at once with one
// fitted classifier and one fitted regressor: the answers must equal the
// one-at-a-time ones, and `go test -race` must find no race.
func TestPredictConcurrent(t *testing.T) {
	p := DefaultParams()
	p.HiddenLayerSizes, p.RandomState, p.MaxIter = []int{5}, Seed(0), 30
	c := NewClassifier[string](p)
	X := matrix.FromRows(irisX)
	if err := c.Fit(X, irisY); err != nil {
		t.Fatal(err)
	}
	r := NewRegressor(p)
	R := matrix.FromRows(regX)
	if err := r.Fit(R, regY); err != nil {
		t.Fatal(err)
	}
	wantLabels, wantProba, wantReg := must(c.Predict(X)), must(c.PredictProba(X)), must(r.Predict(R))
	var wg sync.WaitGroup
	errs := make([]string, 4) // the first wrong answer of each goroutine
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := must(c.Predict(X)); !slices.Equal(got, wantLabels) {
					errs[g] = fmt.Sprintf("Predict: got %v, want %v", got, wantLabels)
				}
				if got := must(c.PredictProba(X)); !slices.Equal(got.Data, wantProba.Data) {
					errs[g] = fmt.Sprintf("PredictProba: got %v, want %v", got.Data, wantProba.Data)
				}
				if got := must(r.Predict(R)); !slices.Equal(got, wantReg) {
					errs[g] = fmt.Sprintf("Regressor.Predict: got %v, want %v", got, wantReg)
				}
			}
		}()
	}
	wg.Wait()
	for g, e := range errs {
		if e != "" {
			t.Errorf("goroutine %d: %s", g, e)
		}
	}
}

// TestZeroParamsAreDefaults checks that the zero value of every field means
// scikit-learn's default: a fit from Params with only the question's
// settings equals a fit from DefaultParams with them, to the bit, and a
// negative value asks for zero where scikit-learn accepts it.
func TestZeroParamsAreDefaults(t *testing.T) {
	short := NewClassifier[string](Params{HiddenLayerSizes: []int{3}, Activation: nn.Sigmoid{}, RandomState: Seed(0)})
	p := DefaultParams()
	p.HiddenLayerSizes, p.Activation, p.RandomState = []int{3}, nn.Sigmoid{}, Seed(0)
	long := NewClassifier[string](p)
	for _, c := range []*Classifier[string]{short, long} {
		if err := c.Fit(matrix.FromRows(bodyX), bodyY); err != nil {
			t.Fatal(err)
		}
	}
	if short.Loss != long.Loss || short.NIter != long.NIter || !slices.Equal(short.Coefs[0].Data, long.Coefs[0].Data) {
		t.Errorf("zero Params: loss %v after %d epochs, DefaultParams: %v after %d", short.Loss, short.NIter, long.Loss, long.NIter)
	}
	want := Params{HiddenLayerSizes: []int{100}, Activation: nn.ReLU{}, Solver: "adam", Alpha: 1e-4,
		LearningRate: "constant", LearningRateInit: 0.001, PowerT: 0.5, MaxIter: 200, Tol: 1e-4, Momentum: 0.9,
		ValidationFraction: 0.1, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8, NIterNoChange: 10, MaxFun: 15000}
	if got := DefaultParams(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("DefaultParams: got %+v, want %+v", got, want)
	}
	zero := Params{Alpha: -1, PowerT: -1, Tol: -1, Momentum: -1}.withDefaults()
	if zero.Alpha != 0 || zero.PowerT != 0 || zero.Tol != 0 || zero.Momentum != 0 {
		t.Errorf("negative values: got alpha %v, power_t %v, tol %v, momentum %v; want 0 each", zero.Alpha, zero.PowerT, zero.Tol, zero.Momentum)
	}
}
