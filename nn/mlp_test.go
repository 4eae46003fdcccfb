package nn_test

import (
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/mlp"
)

// TestMLPAliases fits the body-metrics question's classifier through the nn
// names and checks it is the nn/mlp estimator: the same run, to the bit.
func TestMLPAliases(t *testing.T) {
	x := matrix.FromRows([][]float64{{181, 80, 44}, {177, 70, 43}, {160, 60, 38}, {154, 54, 37}, {166, 65, 40},
		{190, 90, 47}, {175, 64, 39}, {177, 70, 40}, {159, 55, 37}, {171, 75, 42}, {181, 85, 43}})
	y := []string{"male", "male", "female", "female", "male", "male", "female", "female", "female", "male", "male"}
	p := mlp.DefaultParams()
	p.HiddenLayerSizes, p.Activation, p.RandomState = []int{3}, mlp.Logistic, 0
	a := nn.NewMLPClassifier[string](p)
	b := mlp.NewClassifier[string](p)
	if err := a.Fit(x, y); err != nil {
		t.Fatal(err)
	}
	if err := b.Fit(x, y); err != nil {
		t.Fatal(err)
	}
	if a.Loss != b.Loss || a.NIter != b.NIter {
		t.Errorf("nn.MLPClassifier: loss %v after %d iterations, mlp.Classifier: %v after %d", a.Loss, a.NIter, b.Loss, b.NIter)
	}
	r := nn.NewMLPRegressor(p)
	if err := r.Fit(x, []float64{1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1}); err != nil {
		t.Fatal(err)
	}
}
