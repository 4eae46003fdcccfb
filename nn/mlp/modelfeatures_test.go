package mlp

import (
	"path/filepath"
	"slices"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// TestSaveLoadNewFeatures saves a fitted classifier (numeric labels), a
// regressor of two targets without hidden layer and a one-class classifier,
// loads them back, and checks that they predict the same numbers to the
// bit and that a warm start goes on from the loaded weights.
func TestSaveLoadNewFeatures(t *testing.T) {
	dir := t.TempDir()
	X := matrix.FromRows(irisX)
	y := make([]float64, len(irisY))
	for i, l := range irisY {
		y[i] = map[string]float64{"setosa": 100, "versicolor": 7, "virginica": 12}[l]
	}
	c := NewClassifier[float64](Params{HiddenLayerSizes: []int{4}, Activation: nn.Tanh{}, MaxIter: 20, RandomState: Seed(1)})
	if err := c.Fit(X, y); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "c.model")
	if err := c.Save(path); err != nil {
		t.Fatal(err)
	}
	lc, err := LoadClassifier[float64](path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lc.Classes, []float64{7, 12, 100}) || !slices.Equal(must(lc.PredictProba(X)).Data, must(c.PredictProba(X)).Data) {
		t.Errorf("loaded classifier: classes %v, probabilities differ from the saved one's", lc.Classes)
	}
	lc.WarmStart, lc.MaxIter, lc.RandomState = true, 5, Seed(1)
	if err := lc.Fit(X, y); err != nil || lc.NIter != c.NIter+5 || lc.T != c.T+5*X.Rows {
		t.Errorf("warm start after load: %v, n_iter_ %d, t_ %d, want %d, %d", err, lc.NIter, lc.T, c.NIter+5, c.T+5*X.Rows)
	}

	r := NewRegressor(Params{HiddenLayerSizes: []int{}, MaxIter: 10, RandomState: Seed(2)})
	if err := r.FitMulti(matrix.FromRows(regX), matrix.FromRows(reg2Y)); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "r.model")
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	lr, err := LoadRegressor(path)
	if err != nil {
		t.Fatal(err)
	}
	R := matrix.FromRows(regX)
	if !slices.Equal(must(lr.PredictMulti(R)).Data, must(r.PredictMulti(R)).Data) || lr.NOutputs != 2 || len(lr.HiddenLayerSizes) != 0 {
		t.Errorf("loaded regressor predicts differently, or has %d outputs and hidden sizes %v", lr.NOutputs, lr.HiddenLayerSizes)
	}
	if _, err := LoadClassifier[string](path); err == nil {
		t.Errorf("a regressor's file loaded as a classifier")
	}
	one := NewClassifier[string](Params{HiddenLayerSizes: []int{2}, MaxIter: 3, RandomState: Seed(0)})
	if err := one.Fit(matrix.FromRows(bodyX), slices.Repeat([]string{"a"}, len(bodyX))); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "one.model")
	if err := one.Save(path); err != nil {
		t.Fatal(err)
	}
	if l, err := LoadClassifier[string](path); err != nil || !slices.Equal(l.Classes, []string{"a"}) {
		t.Errorf("one-class classifier: loaded %v, %v, want classes [a]", l, err)
	}
	if err := NewRegressor(Params{}).Save(path); err == nil {
		t.Errorf("an unfitted regressor saved")
	}
}
