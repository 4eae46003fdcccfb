package mlp

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnscratch/matrix"
)

// featureCase is one scikit-learn 1.2.1 run of testdata/gen_features.py:
// warm_start, multi-output, multilabel, no hidden layer, one class, the
// batch_size warning, n_iter_no_change=inf and verbose.
type featureCase struct {
	name, data          string
	fits                int // Fit calls (with WarmStart), or −n for n PartialFit calls
	params              Params
	loss, bestLoss      float64
	nIter, t            int
	convergence         string // the last call's ConvergenceWarning, "" for none
	batchWarning        string // the last call's UserWarning about batch_size
	coefs               [][][]float64
	intercepts          [][]float64
	lossCurve           []float64
	validationScores    []float64
	bestValidationScore float64
	predictions         [][]float64 // regressors: rows × targets
	proba, logProba     [][]float64 // classifiers
	indicators          [][]float64 // multilabel predictions
	labels, classes     []string
	score               float64
	verbose             string // what verbose=True printed over all calls
}

// featureData returns the case's X and y (labels, or a matrix of targets or
// indicators).
func featureData(data string) (X *matrix.Matrix, labels []string, Y *matrix.Matrix) {
	switch data {
	case "body":
		return matrix.FromRows(bodyX), bodyY, nil
	case "one":
		return matrix.FromRows(bodyX), slices.Repeat([]string{"a"}, len(bodyX)), nil
	case "iris":
		return matrix.FromRows(irisX), irisY, nil
	case "irisl":
		return matrix.FromRows(irisX), nil, matrix.FromRows(irisL)
	case "reg":
		return matrix.FromRows(regX), nil, matrix.FromSlice(len(regY), 1, slices.Clone(regY))
	case "reg2":
		return matrix.FromRows(regX), nil, matrix.FromRows(reg2Y)
	}
	panic("unknown data " + data)
}

// fitFeatureCase fits as the case says, printing verbose output into out,
// and returns the fitted state and functions giving the predictions.
func fitFeatureCase(t *testing.T, fc featureCase, out *bytes.Buffer) (f *Fitted, proba, pred func() *matrix.Matrix, labels func() []string, score func() float64) {
	t.Helper()
	X, y, Y := featureData(fc.data)
	p := fc.params
	p.Verbose = out
	calls := max(fc.fits, -fc.fits)
	var err error
	switch {
	case y != nil:
		c := NewClassifier[string](p)
		for range calls {
			if fc.fits > 0 {
				err = c.Fit(X, y)
			} else {
				err = c.PartialFit(X, y, y)
			}
			if err != nil {
				break
			}
		}
		f = &c.Fitted
		proba = func() *matrix.Matrix { return must(c.PredictProba(X)) }
		labels = func() []string { return must(c.Predict(X)) }
		score = func() float64 { return must(c.Score(X, y)) }
		if !slices.Equal(c.Classes, fc.classes) {
			t.Errorf("classes_: got %v, want %v", c.Classes, fc.classes)
		}
		logp := must(c.PredictLogProba(X))
		compareMatrix(t, "predict_log_proba", logp, fc.logProba)
	case fc.data == "irisl":
		c := NewMultiLabelClassifier(p)
		for range calls {
			if fc.fits > 0 {
				err = c.Fit(X, Y)
			} else {
				err = c.PartialFit(X, Y)
			}
			if err != nil {
				break
			}
		}
		f = &c.Fitted
		proba = func() *matrix.Matrix { return must(c.PredictProba(X)) }
		pred = func() *matrix.Matrix { return must(c.Predict(X)) }
		score = func() float64 { return must(c.Score(X, Y)) }
		compareMatrix(t, "predict_log_proba", must(c.PredictLogProba(X)), fc.logProba)
	default:
		r := NewRegressor(p)
		for range calls {
			if fc.fits > 0 {
				err = r.FitMulti(X, Y)
			} else {
				err = r.PartialFitMulti(X, Y)
			}
			if err != nil {
				break
			}
		}
		f = &r.Fitted
		pred = func() *matrix.Matrix { return must(r.PredictMulti(X)) }
		score = func() float64 { return must(r.ScoreMulti(X, Y)) }
	}
	if err != nil {
		t.Fatal(err)
	}
	return f, proba, pred, labels, score
}

// worstFeature is the largest relative difference from scikit-learn that
// compareMatrix and TestFeaturesMatchScikitLearn have seen.
var worstFeature float64

// featureDiff returns |got − want| relative to |want| (at least 10⁻³), and
// records it in worstFeature.
func featureDiff(got, want float64) float64 {
	if got == want {
		return 0
	}
	d := math.Abs(got-want) / math.Max(1e-3, math.Abs(want))
	worstFeature = max(worstFeature, d)
	return d
}

// compareMatrix checks got against scikit-learn's want to relTol,
// infinities (log 0) included.
func compareMatrix(t *testing.T, what string, got *matrix.Matrix, want [][]float64) {
	t.Helper()
	if got.Rows != len(want) || (len(want) > 0 && got.Cols != len(want[0])) {
		t.Fatalf("%s: got %dx%d, want %dx%d", what, got.Rows, got.Cols, len(want), len(want[0]))
	}
	for i, row := range want {
		for j, w := range row {
			if g := got.At(i, j); featureDiff(g, w) > 0 && !close(g, w, relTol) {
				t.Errorf("%s[%d,%d]: got %.17g, want %.17g", what, i, j, g, w)
			}
		}
	}
}

func TestFeaturesMatchScikitLearn(t *testing.T) {
	for _, fc := range featureCases {
		t.Run(fc.name, func(t *testing.T) {
			var out bytes.Buffer
			f, proba, pred, labels, score := fitFeatureCase(t, fc, &out)
			if f.NIter != fc.nIter || f.T != fc.t {
				t.Fatalf("n_iter_, t_: got %d, %d, want %d, %d", f.NIter, f.T, fc.nIter, fc.t)
			}
			if f.ConvergenceWarning != fc.convergence || f.BatchSizeWarning != fc.batchWarning {
				t.Errorf("warnings: got %q and %q, want %q and %q", f.ConvergenceWarning, f.BatchSizeWarning, fc.convergence, fc.batchWarning)
			}
			cmp := func(what string, got, want float64) {
				t.Helper()
				if featureDiff(got, want) > 0 && !close(got, want, relTol) {
					t.Errorf("%s: got %.17g, want %.17g", what, got, want)
				}
			}
			cmp("loss_", f.Loss, fc.loss)
			if len(f.LossCurve) != len(fc.lossCurve) {
				t.Fatalf("loss_curve_: got %d epochs, want %d", len(f.LossCurve), len(fc.lossCurve))
			}
			for i, w := range fc.lossCurve {
				cmp(fmt.Sprintf("loss_curve_[%d]", i), f.LossCurve[i], w)
			}
			switch {
			case fc.params.Solver == "lbfgs": // no best_loss_
			case fc.params.EarlyStopping:
				if !slices.EqualFunc(f.ValidationScores, fc.validationScores, func(a, b float64) bool { return close(a, b, relTol) }) {
					t.Errorf("validation_scores_: got %v, want %v", f.ValidationScores, fc.validationScores)
				}
				cmp("best_validation_score_", f.BestValidationScore, fc.bestValidationScore)
			default:
				cmp("best_loss_", f.BestLoss, fc.bestLoss)
			}
			if len(f.Coefs) != len(fc.coefs) {
				t.Fatalf("coefs_: got %d layers, want %d", len(f.Coefs), len(fc.coefs))
			}
			for l := range fc.coefs {
				compareMatrix(t, fmt.Sprintf("coefs_[%d]", l), f.Coefs[l], fc.coefs[l])
				compareMatrix(t, fmt.Sprintf("intercepts_[%d]", l), f.Intercepts[l], [][]float64{fc.intercepts[l]})
			}
			if proba != nil {
				compareMatrix(t, "predict_proba", proba(), fc.proba)
			}
			if labels != nil && !slices.Equal(labels(), fc.labels) {
				t.Errorf("predict: got %v, want %v", labels(), fc.labels)
			}
			if fc.indicators != nil {
				compareMatrix(t, "predict", pred(), fc.indicators)
			} else if fc.predictions != nil {
				compareMatrix(t, "predict", pred(), fc.predictions)
			}
			cmp("score", score(), fc.score)
			if got := out.String(); got != fc.verbose {
				t.Errorf("verbose output:\n%s\nwant scikit-learn's\n%s", got, fc.verbose)
			}
		})
	}
	t.Logf("largest relative difference from scikit-learn over every case: %.2g", worstFeature)
}

// TestMessagesMatchScikitLearn checks each refusal against the message
// scikit-learn 1.2.1 gives for the same input (testdata/gen_features.py).
// A NaN in X gives scikit-learn's first two sentences, not its advice on
// imputers; every message of X's or y's values then says where the first
// bad value is.
func TestMessagesMatchScikitLearn(t *testing.T) {
	X4 := matrix.FromRows([][]float64{{0, 1}, {1, 0}, {1, 1}, {0, 0}})
	Y4 := []string{"a", "b", "a", "b"}
	small := Params{HiddenLayerSizes: []int{2}, MaxIter: 3, RandomState: Seed(0)}
	fitted := NewClassifier[string](small)
	fittedR := NewRegressor(small)
	warm := small
	warm.WarmStart = true
	warmC := NewClassifier[string](warm)
	part := NewClassifier[string](Params{HiddenLayerSizes: []int{2}, RandomState: Seed(0)})
	for _, err := range []error{fitted.Fit(X4, Y4), fittedR.Fit(X4, []float64{0, 1, 2, 3}), warmC.Fit(X4, Y4), part.PartialFit(X4, Y4, Y4)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	three := matrix.FromRows([][]float64{{1, 2, 3}})
	nanX := matrix.FromRows([][]float64{{math.NaN(), 1}, {1, 0}})
	second := func(_ any, err error) error { return err }
	tests := []struct {
		name string
		err  error
	}{
		{"nan_x", NewClassifier[string](Params{}).Fit(nanX, []string{"a", "b"})},
		{"inf_x", NewClassifier[string](Params{}).Fit(matrix.FromRows([][]float64{{1, math.Inf(1)}, {1, 0}}), []string{"a", "b"})},
		{"nan_y", NewRegressor(Params{}).Fit(X4, []float64{0, math.NaN(), 1, 2})},
		{"inf_y", NewRegressor(Params{}).Fit(X4, []float64{0, 1, math.Inf(-1), 2})},
		{"nan_y_classifier", NewClassifier[float64](Params{}).Fit(X4, []float64{0, math.NaN(), 1, 0})},
		{"nan_x_regressor", NewRegressor(Params{}).Fit(nanX, []float64{0, 1})},
		{"nan_x_predict", second(fitted.Predict(matrix.FromRows([][]float64{{math.NaN(), 1}})))},
		{"not_fitted_classifier", second(NewClassifier[string](Params{}).Predict(X4))},
		{"not_fitted_proba", second(NewClassifier[string](Params{}).PredictProba(X4))},
		{"not_fitted_regressor", second(NewRegressor(Params{}).Predict(X4))},
		{"features_classifier", second(fitted.Predict(three))},
		{"features_regressor", second(fittedR.Predict(three))},
		{"features_warm", warmC.Fit(matrix.FromRows([][]float64{{1, 2, 3}, {3, 2, 1}}), []string{"a", "b"})},
		{"classes_warm", warmC.Fit(X4, []string{"a", "b", "c", "a"})},
		{"classes_partial", part.PartialFit(X4, []string{"a", "b", "c", "d"}, nil)},
		{"empty_x", NewClassifier[string](Params{}).Fit(matrix.New(0, 2), nil)},
		{"lengths", NewClassifier[string](Params{}).Fit(X4, []string{"a", "b", "a"})},
		{"n_iter_no_change_0", NewClassifier[string](Params{NIterNoChange: -1}).Fit(X4, Y4)},
		{"hidden_0", NewClassifier[string](Params{HiddenLayerSizes: []int{3, 0}}).Fit(X4, Y4)},
		{"partial_lbfgs", NewClassifier[string](Params{Solver: "lbfgs"}).PartialFit(X4, Y4, Y4)},
		{"batch_size_0", second(ParseBatchSize("MLPClassifier", "0"))},
		{"random_state_-1", second(ParseRandomState("MLPClassifier", "-1"))},
		{"n_iter_no_change_0", second(ParseNIterNoChange("MLPClassifier", "0"))},
		{"hidden_0", second(ParseHiddenLayerSizes("3,0"))},
	}
	for _, tt := range tests {
		want := sklearnMessages[tt.name]
		if tt.err == nil {
			t.Errorf("%s: no error, want %q", tt.name, want)
			continue
		}
		if tt.name == "n_iter_no_change_0" && !strings.Contains(tt.err.Error(), "Got 0") { // Params has no 0: −1 is refused with the same words
			want = strings.Replace(want, "Got 0", "Got -1", 1)
		}
		if strings.HasPrefix(want, "Input X contains NaN.") {
			want = want[:strings.Index(want, "natively.")+len("natively.")]
		}
		if got := tt.err.Error(); !strings.HasPrefix(got, "mlp: "+want) {
			t.Errorf("%s: got %q, want scikit-learn's %q", tt.name, got, want)
		}
		kind := map[string]error{"not_fitted_classifier": ErrNotFitted, "not_fitted_proba": ErrNotFitted, "not_fitted_regressor": ErrNotFitted,
			"nan_x": ErrInput, "inf_y": ErrInput, "features_classifier": ErrInput, "features_warm": ErrInput, "empty_x": ErrInput, "lengths": ErrInput}[tt.name]
		if kind != nil && !errors.Is(tt.err, kind) {
			t.Errorf("%s: %v does not wrap %v", tt.name, tt.err, kind)
		}
	}
}

func TestParsers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
	}{{"10,5", []int{10, 5}}, {"(3,)", []int{3}}, {"()", []int{}}, {"", []int{}}, {" 8 , 2 ", []int{8, 2}}} {
		got, err := ParseHiddenLayerSizes(tt.in)
		if err != nil || !slices.Equal(got, tt.want) || got == nil {
			t.Errorf("ParseHiddenLayerSizes(%q): got %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseHiddenLayerSizes("3,x"); err == nil || !strings.Contains(err.Error(), `"x" is not an integer`) {
		t.Errorf("ParseHiddenLayerSizes(3,x): got %v", err)
	}
	if n, err := ParseBatchSize("MLPRegressor", "auto"); n != 0 || err != nil {
		t.Errorf("ParseBatchSize(auto): got %d, %v, want 0", n, err)
	}
	if _, err := ParseBatchSize("MLPRegressor", "big"); err == nil || !strings.HasSuffix(err.Error(), "Got 'big' instead.") {
		t.Errorf("ParseBatchSize(big): got %v", err)
	}
	if s, err := ParseRandomState("MLPClassifier", "None"); s != nil || err != nil {
		t.Errorf("ParseRandomState(None): got %v, %v, want nil", s, err)
	}
	if s, err := ParseRandomState("MLPClassifier", "4294967295"); err != nil || *s != 4294967295 {
		t.Errorf("ParseRandomState(4294967295): got %v, %v", s, err)
	}
	if n, err := ParseNIterNoChange("MLPClassifier", "inf"); n != NIterNoChangeInf || err != nil {
		t.Errorf("ParseNIterNoChange(inf): got %d, %v", n, err)
	}
}

// TestFeatureDataIsCurrent reruns testdata/gen_features.py with
// scikit-learn, when /usr/bin/python3 has scikit-learn 1.2.1 and the
// reference BLAS is installed, and checks that it writes
// features_data_test.go as stored (spacing aside): the reference numbers
// and messages are scikit-learn's of today. Without them it skips.
func TestFeatureDataIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs scikit-learn")
	}
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import sklearn; assert sklearn.__version__ == '1.2.1'").Run(); err != nil {
		t.Skipf("no scikit-learn 1.2.1 at %s: %v", py, err)
	}
	const blas, lapack = "/usr/lib/x86_64-linux-gnu/blas", "/usr/lib/x86_64-linux-gnu/lapack"
	for _, dir := range []string{blas, lapack} {
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("no reference BLAS: %v", err)
		}
	}
	dst := filepath.Join(t.TempDir(), "features.go")
	cmd := exec.Command(py, "gen_features.py", dst)
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), "LD_LIBRARY_PATH="+blas+":"+lapack)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen_features.py: %v\n%s", err, out)
	}
	got, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := os.ReadFile("features_data_test.go")
	if err != nil {
		t.Fatal(err)
	}
	squeeze := func(b []byte) string { return strings.Join(strings.Fields(string(b)), "") }
	if squeeze(got) != squeeze(stored) {
		t.Errorf("gen_features.py now writes other numbers than features_data_test.go holds; rerun it (see its doc)")
	}
}

// FuzzParsers feeds arbitrary text to the parameter parsers: none may
// panic, and what one accepts Validate accepts.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{"auto", "0", "-1", "10,5", "(3,)", "()", "inf", "None", "4294967296", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Params
		var err error
		if p.HiddenLayerSizes, err = ParseHiddenLayerSizes(s); err != nil {
			p.HiddenLayerSizes = nil
		}
		if p.BatchSize, err = ParseBatchSize("MLPClassifier", s); err != nil {
			p.BatchSize = 0
		}
		if p.RandomState, err = ParseRandomState("MLPClassifier", s); err != nil {
			p.RandomState = nil
		}
		if p.NIterNoChange, err = ParseNIterNoChange("MLPClassifier", s); err != nil {
			p.NIterNoChange = 0
		}
		if err := p.Validate("MLPClassifier"); err != nil {
			t.Errorf("%q: parsed %+v, which Validate refuses: %v", s, p, err)
		}
	})
}
