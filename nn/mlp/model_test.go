package mlp

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// sameFitted reports the first fitted attribute in which b differs from a,
// bit for bit (NaN equal to NaN), or "".
func sameFitted(a, b *Fitted) string {
	bits := func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(u, v float64) bool { return math.Float64bits(u) == math.Float64bits(v) })
	}
	switch {
	case !bits([]float64{a.Loss, a.BestLoss, a.BestValidationScore}, []float64{b.Loss, b.BestLoss, b.BestValidationScore}):
		return "loss_, best_loss_ or best_validation_score_"
	case !bits(a.LossCurve, b.LossCurve) || (a.LossCurve == nil) != (b.LossCurve == nil):
		return "loss_curve_"
	case !bits(a.ValidationScores, b.ValidationScores) || (a.ValidationScores == nil) != (b.ValidationScores == nil):
		return "validation_scores_"
	case a.T != b.T || a.NIter != b.NIter || a.NLayers != b.NLayers || a.NOutputs != b.NOutputs ||
		a.OutActivation != b.OutActivation || a.NFeatures != b.NFeatures || a.ConvergenceWarning != b.ConvergenceWarning:
		return "t_, n_iter_, n_layers_, n_outputs_, out_activation_, n_features_in_ or the warning"
	}
	for i, w := range a.Coefs {
		if !bits(w.Data, b.Coefs[i].Data) || !bits(a.Intercepts[i].Data, b.Intercepts[i].Data) {
			return "coefs_ or intercepts_"
		}
	}
	return ""
}

func params(hidden []int, act nn.Activation, solver string, early bool) Params {
	p := DefaultParams()
	p.HiddenLayerSizes, p.Activation, p.Solver, p.EarlyStopping = hidden, act, solver, early
	p.RandomState, p.MaxIter = Seed(1), 30
	return p
}

// TestSaveLoadPredictsIdentically fits estimators of each kind, saves and
// reloads them, and checks that the reloaded ones have the same parameters
// and fitted attributes and predict the same numbers, to the bit.
func TestSaveLoadPredictsIdentically(t *testing.T) {
	iris, body := matrix.FromRows(irisX), matrix.FromRows(bodyX)
	dir := t.TempDir()
	classifiers := []struct {
		name string
		p    Params
		X    *matrix.Matrix
		y    []string
	}{
		{"iris relu adam", params([]int{5, 4}, nn.ReLU{}, "adam", false), iris, irisY},
		{"body logistic sgd early stopping", params([]int{3}, nn.Sigmoid{}, "sgd", true), body, bodyY},
		{"body tanh lbfgs", params([]int{3}, nn.Tanh{}, "lbfgs", false), body, bodyY},
	}
	for _, tt := range classifiers {
		c := NewClassifier[string](tt.p)
		if err := c.Fit(tt.X, tt.y); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		path := filepath.Join(dir, "classifier.json")
		if err := c.Save(path); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := LoadClassifier[string](path)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got.Params, c.Params) || !slices.Equal(got.Classes, c.Classes) {
			t.Errorf("%s: parameters or classes differ after the round trip", tt.name)
		}
		if d := sameFitted(&c.Fitted, &got.Fitted); d != "" {
			t.Errorf("%s: %s differ after the round trip", tt.name, d)
		}
		if !slices.Equal(must(got.Predict(tt.X)), must(c.Predict(tt.X))) ||
			!slices.Equal(must(got.PredictProba(tt.X)).Data, must(c.PredictProba(tt.X)).Data) {
			t.Errorf("%s: the reloaded classifier predicts differently", tt.name)
		}
		if tt.p.Solver != "lbfgs" {
			if err := got.PartialFit(tt.X, tt.y, nil); err != nil || math.IsNaN(got.Loss) {
				t.Errorf("%s: PartialFit after loading: %v (loss %v)", tt.name, err, got.Loss)
			}
		}
	}

	// Integer labels, a regressor.
	ci := NewClassifier[int](params([]int{4}, nn.ReLU{}, "adam", false))
	codes := []int{1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1}
	for i := range codes {
		codes[i] = codes[i]*7 - 3 // -3 and 4
	}
	if err := ci.Fit(body, codes); err != nil {
		t.Fatal(err)
	}
	r := NewRegressor(params([]int{6}, nn.Tanh{}, "adam", false))
	X := matrix.FromRows(regX)
	if err := r.Fit(X, regY); err != nil {
		t.Fatal(err)
	}
	if err := ci.Save(filepath.Join(dir, "ints.json")); err != nil {
		t.Fatal(err)
	}
	if err := r.Save(filepath.Join(dir, "regressor.json")); err != nil {
		t.Fatal(err)
	}
	gi, err := LoadClassifier[int](filepath.Join(dir, "ints.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gi.Classes, []int{-3, 4}) || !slices.Equal(must(gi.Predict(body)), must(ci.Predict(body))) {
		t.Errorf("int labels: got classes %v and other predictions, want [-3 4] and the same", gi.Classes)
	}
	gr, err := LoadRegressor(filepath.Join(dir, "regressor.json"))
	if err != nil {
		t.Fatal(err)
	}
	if d := sameFitted(&r.Fitted, &gr.Fitted); d != "" || !slices.Equal(must(gr.Predict(X)), must(r.Predict(X))) {
		t.Errorf("regressor: %s differ, or predictions", d)
	}
}

// multiLabelIris returns Iris's inputs and three labels of its rows
// (setosa, sepal length over 5.8, petal width over 1.3) as an indicator
// matrix.
func multiLabelIris() (X, Y *matrix.Matrix) {
	X = matrix.FromRows(irisX)
	Y = matrix.New(X.Rows, 3)
	for i, row := range irisX {
		for j, on := range []bool{irisY[i] == "setosa", row[0] > 5.8, row[3] > 1.3} {
			if on {
				Y.Set(i, j, 1)
			}
		}
	}
	return X, Y
}

// TestMultiLabelSaveLoad fits multilabel classifiers, saves and reloads
// them, and checks that the reloaded ones have the same parameters, classes
// and fitted attributes and predict the same numbers, to the bit.
func TestMultiLabelSaveLoad(t *testing.T) {
	X, Y := multiLabelIris()
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		p    Params
	}{
		{"relu adam", params([]int{5}, nn.ReLU{}, "adam", false)},
		{"logistic sgd early stopping", params([]int{4, 3}, nn.Sigmoid{}, "sgd", true)},
		{"tanh lbfgs", params([]int{3}, nn.Tanh{}, "lbfgs", false)},
	} {
		c := NewMultiLabelClassifier(tt.p)
		if err := c.Fit(X, Y); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		path := filepath.Join(dir, "multilabel.json")
		if err := c.Save(path); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := LoadMultiLabelClassifier(path)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got.Params, c.Params) || !slices.Equal(got.Classes, c.Classes) {
			t.Errorf("%s: parameters or classes %v differ after the round trip, want %v", tt.name, got.Classes, c.Classes)
		}
		if d := sameFitted(&c.Fitted, &got.Fitted); d != "" {
			t.Errorf("%s: %s differ after the round trip", tt.name, d)
		}
		if !slices.Equal(must(got.Predict(X)).Data, must(c.Predict(X)).Data) ||
			!slices.Equal(must(got.PredictProba(X)).Data, must(c.PredictProba(X)).Data) {
			t.Errorf("%s: the reloaded classifier predicts differently", tt.name)
		}
		if s, want := must(got.Score(X, Y)), must(c.Score(X, Y)); s != want {
			t.Errorf("%s: score %v after the round trip, want %v", tt.name, s, want)
		}
		if tt.p.Solver != "lbfgs" {
			if err := got.PartialFit(X, Y); err != nil || math.IsNaN(got.Loss) {
				t.Errorf("%s: PartialFit after loading: %v (loss %v)", tt.name, err, got.Loss)
			}
		}
	}
}

// TestMultiLabelLoadErrors checks that each loader refuses the other's
// model file, saying what the file holds.
func TestMultiLabelLoadErrors(t *testing.T) {
	dir := t.TempDir()
	X, Y := multiLabelIris()
	ml := NewMultiLabelClassifier(params([]int{3}, nn.ReLU{}, "adam", false))
	if err := ml.Fit(X, Y); err != nil {
		t.Fatal(err)
	}
	mlPath := filepath.Join(dir, "multilabel.json")
	if err := ml.Save(mlPath); err != nil {
		t.Fatal(err)
	}
	c := NewClassifier[string](params([]int{3}, nn.ReLU{}, "adam", false))
	if err := c.Fit(X, irisY); err != nil {
		t.Fatal(err)
	}
	cPath := filepath.Join(dir, "classifier.json")
	if err := c.Save(cPath); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(mlPath)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(dir, "edited.json")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(good), `["0", "1", "2"]`, `["0", "2", "1"]`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		load func() error
		want string
	}{
		{"classifier from a multilabel file", func() error { _, err := LoadClassifier[string](mlPath); return err },
			mlPath + ": the model is a multilabel MLPClassifier's (one logistic output per label), not an MLPClassifier's"},
		{"numeric classifier from a multilabel file", func() error { _, err := LoadClassifier[float64](mlPath); return err },
			mlPath + ": the model is a multilabel MLPClassifier's"},
		{"multilabel from a classifier's file", func() error { _, err := LoadMultiLabelClassifier(cPath); return err },
			cPath + `: the model is an "MLPClassifier"'s, not a multilabel MLPClassifier's`},
		{"regressor from a multilabel file", func() error { _, err := LoadRegressor(mlPath); return err },
			mlPath + ": the model names classes: it is a classifier's, not an MLPRegressor's"},
		{"classes out of order", func() error { _, err := LoadMultiLabelClassifier(edited); return err },
			edited + `: class 2 is named "2", want "1": a multilabel classifier's classes are its columns 0 … 2`},
	}
	for _, tt := range tests {
		if err := tt.load(); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got error %v\nwant one starting %q", tt.name, err, tt.want)
		}
	}
	if err := NewMultiLabelClassifier(DefaultParams()).Save(filepath.Join(dir, "unfitted.json")); err == nil || !strings.Contains(err.Error(), "has not been fitted") {
		t.Errorf("saving an unfitted multilabel classifier: got %v, want an error saying so", err)
	}
}

// TestLoadEstimatorErrors checks that a model file of the wrong estimator,
// or whose meta does not fit its network, is refused in the file's terms.
func TestLoadEstimatorErrors(t *testing.T) {
	dir := t.TempDir()
	c := NewClassifier[string](params([]int{3}, nn.Sigmoid{}, "adam", false))
	if err := c.Fit(matrix.FromRows(bodyX), bodyY); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "body.json")
	if err := c.Save(path); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) func() error {
		return func() error {
			p := filepath.Join(dir, "edited.json")
			if err := os.WriteFile(p, []byte(strings.Replace(string(good), old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadClassifier[string](p)
			return err
		}
	}
	tests := []struct {
		name string
		load func() error
		want string
	}{
		{"regressor from a classifier's file", func() error { _, err := LoadRegressor(path); return err },
			path + ": the model names classes: it is a classifier's, not an MLPRegressor's"},
		{"int labels from string classes", func() error { _, err := LoadClassifier[int](path); return err },
			path + `: class 1: "female" is not a label of type int`},
		{"wrong type", edit(`"alpha":0.0001`, `"alpha":"small"`), `: meta: params.alpha is a JSON string, want a number`},
		{"unknown field", edit(`"alpha":`, `"alpah":`), `: meta: unknown field "alpah"`},
		{"invalid parameter", edit(`"alpha":0.0001`, `"alpha":-1`), `: meta: mlp: The 'alpha' parameter of MLPClassifier must be a float in the range [0, inf). Got -1 instead.`},
		{"hidden activation", edit(`"activation":"logistic"`, `"activation":"tanh"`), `: layer 1: activation sigmoid, want tanh`},
		{"hidden sizes", edit(`"hidden_layer_sizes":[3]`, `"hidden_layer_sizes":[4]`), `: the network's sizes [3 3 1] do not follow from hidden_layer_sizes [4]`},
		{"estimator", edit(`"MLPClassifier"`, `"MLPRegressor"`), `: the model is an "MLPRegressor"'s, not an MLPClassifier's`},
		{"unsorted classes", edit(`["female", "male"]`, `["male", "female"]`), `: classes are not in the sorted order Fit leaves them in ("male" before "female")`},
	}
	for _, tt := range tests {
		err := tt.load()
		if err == nil || !strings.HasSuffix(err.Error(), tt.want) || !strings.Contains(err.Error(), dir) {
			t.Errorf("%s: got error %v\nwant one naming the file and ending %q", tt.name, err, tt.want)
		}
	}
	if err := NewRegressor(DefaultParams()).Save(filepath.Join(dir, "unfitted.json")); err == nil || !strings.Contains(err.Error(), "has not been fitted") {
		t.Errorf("saving an unfitted regressor: got %v, want an error saying so", err)
	}
}

// TestModelMetaCoversParams checks that every field of Params is saved:
// paramsJSON must list them all (the conversion between the two compiles
// only while it does), and the file must name each one.
func TestModelMetaCoversParams(t *testing.T) {
	c := NewClassifier[string](params([]int{3}, nn.Sigmoid{}, "adam", false))
	if err := c.Fit(matrix.FromRows(bodyX), bodyY); err != nil {
		t.Fatal(err)
	}
	m, err := c.Model()
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(paramsJSON{})
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("json"); !strings.Contains(string(m.Meta), `"`+tag+`":`) {
			t.Errorf("meta has no %q", tag)
		}
	}
}
