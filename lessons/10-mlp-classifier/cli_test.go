package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// cliRun is one command line of the lesson and what scikit-learn 1.2.1
// computes for the same estimator and data (testdata/gen_cli.py).
type cliRun struct {
	name        string
	args        []string
	loss        float64
	nIter       int
	score       float64
	classes     []string
	predictions [][]float64 // of predict.csv's rows with -predict, else of the training rows
	proba       [][]float64 // nil for a regressor
	verbose     string      // what verbose=True printed
}

// cliMessage is a command line scikit-learn's parameter validation
// refuses, and its message.
type cliMessage struct {
	args    []string
	message string
}

// runJSON runs the lesson with args and -json and returns what it printed
// before the JSON object and the object.
func runJSON(t *testing.T, args []string) (string, fittedJSON) {
	t.Helper()
	cfg, err := parseFlags(append(args, "-json"), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	out := buf.String()
	cut := strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n") + 1
	var j fittedJSON
	if err := json.Unmarshal([]byte(out[cut:]), &j); err != nil {
		t.Fatalf("%v: the last line is not JSON: %v\n%s", args, err, out)
	}
	return out[:cut], j
}

// near reports whether got is want to a relative 1e-9, the agreement the
// package's reference tests demand.
func near(got, want float64) bool {
	return got == want || math.Abs(got-want) <= 1e-9*math.Max(1e-3, math.Abs(want))
}

// TestCLIMatchesScikitLearn runs each command line of testdata/gen_cli.py
// and compares loss_, n_iter_, the training score, classes_, the
// predictions and probabilities (in -json and in the -predict CSV file)
// and the verbose lines with scikit-learn's. The warm-start line is run
// as -save, then -load -warm-start: scikit-learn's two fits with
// warm_start=True.
func TestCLIMatchesScikitLearn(t *testing.T) {
	for _, want := range cliRuns {
		t.Run(want.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string(nil), want.args...)
			out := filepath.Join(dir, "predictions.csv")
			args = append(args, "-out", out)
			if want.name == "warm start" {
				model := filepath.Join(dir, "m.model")
				runJSON(t, append(args, "-save", model))
				args = []string{"-csv", "testdata/numeric.csv", "-load", model, "-warm-start", "-max-iter", "30", "-random-state", "0"}
			}
			verbose, got := runJSON(t, args)
			if !near(got.Loss, want.loss) || got.NIter != want.nIter || !near(got.TrainScore, want.score) {
				t.Errorf("loss_, n_iter_, score: got %.17g, %d, %.17g, want %.17g, %d, %.17g",
					got.Loss, got.NIter, got.TrainScore, want.loss, want.nIter, want.score)
			}
			if strings.Join(got.Classes, ",") != strings.Join(want.classes, ",") {
				t.Errorf("classes_: got %v, want %v", got.Classes, want.classes)
			}
			if verbose != want.verbose {
				t.Errorf("verbose output:\n%s\nwant scikit-learn's\n%s", verbose, want.verbose)
			}
			comparePredictions(t, "-json", got.Predictions, got.Probabilities, want)
			if !strings.Contains(strings.Join(want.args, " "), "-predict") {
				return
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var preds []any
			var proba [][]float64
			width := len(want.predictions[0])
			for _, rec := range recs[1:] {
				vals := make([]any, width)
				for k := range width {
					vals[k], _ = strconv.ParseFloat(rec[k], 64)
				}
				if width == 1 {
					preds = append(preds, vals[0])
				} else {
					preds = append(preds, vals)
				}
				var p []float64
				for _, s := range rec[width:] {
					v, _ := strconv.ParseFloat(s, 64)
					p = append(p, v)
				}
				proba = append(proba, p)
			}
			comparePredictions(t, out, preds, proba, want)
		})
	}
}

// comparePredictions checks predictions (a number, or a list of numbers,
// per row) and probabilities against scikit-learn's.
func comparePredictions(t *testing.T, where string, preds []any, proba [][]float64, want cliRun) {
	t.Helper()
	if len(preds) != len(want.predictions) {
		t.Fatalf("%s: %d predictions, want %d", where, len(preds), len(want.predictions))
	}
	for i, p := range preds {
		row, ok := p.([]any)
		if !ok {
			row = []any{p}
		}
		for k, v := range row {
			if x, ok := v.(float64); !ok || !near(x, want.predictions[i][k]) {
				t.Errorf("%s: prediction [%d][%d]: got %v, want %v", where, i, k, v, want.predictions[i][k])
			}
		}
		if want.proba == nil {
			continue
		}
		for k, w := range want.proba[i] {
			if k >= len(proba[i]) || !near(proba[i][k], w) {
				t.Errorf("%s: probability [%d][%d]: got %v, want %v", where, i, k, proba[i], w)
				break
			}
		}
	}
}

// TestCLIMessagesMatchScikitLearn checks that what scikit-learn's
// parameter validation refuses, the flags refuse in its words.
func TestCLIMessagesMatchScikitLearn(t *testing.T) {
	for _, m := range cliMessages {
		_, err := parseFlags(m.args, &bytes.Buffer{})
		if err == nil || !strings.HasSuffix(err.Error(), "mlp: "+m.message) {
			t.Errorf("%v: got %v, want scikit-learn's %q", m.args, err, m.message)
		}
	}
}

// TestCLIDataIsCurrent reruns testdata/gen_cli.py with scikit-learn, when
// /usr/bin/python3 has scikit-learn 1.2.1, and checks that it writes
// cli_data_test.go as stored (spacing aside). Without that Python it
// skips.
func TestCLIDataIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs scikit-learn")
	}
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import sklearn; assert sklearn.__version__ == '1.2.1'").Run(); err != nil {
		t.Skipf("no scikit-learn 1.2.1 at %s: %v", py, err)
	}
	dst := filepath.Join(t.TempDir(), "cli.go")
	cmd := exec.Command(py, "gen_cli.py", dst)
	cmd.Dir = "testdata"
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen_cli.py: %v\n%s", err, out)
	}
	got, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := os.ReadFile("cli_data_test.go")
	if err != nil {
		t.Fatal(err)
	}
	squeeze := func(b []byte) string { return strings.Join(strings.Fields(string(b)), "") }
	if squeeze(got) != squeeze(stored) {
		t.Errorf("gen_cli.py now writes other numbers than cli_data_test.go holds; rerun it (see its doc)")
	}
}

// TestCLIErrors runs the command lines that must fail: each gives one line
// naming the problem, exit status 2, and leaves no output file behind.
func TestCLIErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.csv")
	os.WriteFile(missing, []byte("sepal_length,petal_length\n5,1.4\n"), 0o644)
	out := filepath.Join(dir, "out.csv")
	fit := func(args ...string) []string {
		return append([]string{"-csv", "testdata/numeric.csv", "-max-iter", "2", "-random-state", "0"}, args...)
	}
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: fit("-predict", "testdata/predict.csv", "-out", dir), Code: 2, Want: dir + " is a directory; -out names the file to write"},
		{Args: fit("-predict", "testdata/predict.csv", "-out", filepath.Join(dir, "no", "x.csv")), Code: 2, Want: "x.csv: cannot write beside it: no such file or directory"},
		{Args: fit("-predict", corpus+"empty.csv", "-out", out), Code: 2, Want: "empty.csv: empty file, want a header row"},
		{Args: fit("-predict", corpus+"ragged.csv", "-out", out), Code: 2, Want: "ragged.csv:3: 2 fields, want 3"},
		{Args: fit("-predict", corpus+"header-only.csv", "-out", out), Code: 2, Want: "header-only.csv: no data rows after the header"},
		{Args: fit("-predict", missing, "-out", out), Code: 2, Want: `missing.csv: no column "sepal_width"; the estimator was fitted on sepal_length, sepal_width, petal_length, petal_width`},
		{Args: []string{"-csv", "testdata/labels.csv", "-target", "long,sepal_width"}, Code: 2, Want: `column "sepal_width" row 1 is 3.5: several target columns of a classifier are labels, each 0 or 1`},
		{Args: []string{"-csv", "testdata/targets.csv", "-estimator", "regressor", "-target", "y0,nope"}, Code: 2, Want: `no target column "nope"`},
		{Args: []string{"-csv", "testdata/targets.csv", "-target", "x0"}, Code: 2, Want: "it looks like an identifier, not a class (name the class column with -target, or fit numbers with -estimator regressor)"},
		{Args: []string{"-csv", "testdata/numeric.csv", "-estimator", "regressor", "-target", "code", "-predict", "testdata/predict.csv", "-out", out, "-hidden", "10001"}, Code: 2, Want: "more than this command allows (10000)"},
		{Args: []string{"-warm-start"}, Code: 2, Want: "-warm-start goes on from a fitted estimator: give it with -load"},
		{Args: []string{"-estimator", "tree"}, Code: 2, Want: `-estimator must be classifier or regressor, got "tree"`},
		{Args: []string{"-estimator", "regressor"}, Code: 2, Want: "-estimator regressor needs a -csv file with numeric targets"},
		{Args: fit("-load", filepath.Join(dir, "none.model")), Code: 2, Want: "none.model: no such file or directory"},
		{Args: []string{"-n-iter-no-change", "ten"}, Code: 2, Want: "Got 'ten' instead."},
		{Args: []string{"-hidden-layer-sizes", "3,x"}, Code: 2, Want: `"x" is not an integer`},
	})
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s exists after failed runs (%v)", out, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%s holds %d files, want only missing.csv: a temporary file was left behind", dir, len(entries))
	}
}

// TestLoadKeepsParams checks that -load keeps the saved parameters but for
// the flags given: a warm start of a saved sgd fit goes on with sgd, as the
// same two fits with the package do, and every estimator flag is one that
// a loaded estimator takes (paramFlags) or refuses.
func TestLoadKeepsParams(t *testing.T) {
	model := filepath.Join(t.TempDir(), "sgd.model")
	first := []string{"-csv", "testdata/numeric.csv", "-solver", "sgd", "-hidden", "4", "-activation", "tanh",
		"-learning-rate-init", "0.05", "-max-iter", "10", "-random-state", "3", "-save", model}
	runJSON(t, first)
	_, got := runJSON(t, []string{"-csv", "testdata/numeric.csv", "-load", model, "-warm-start", "-max-iter", "5"})

	d, err := readTable("testdata/numeric.csv", data.Limits{}, nil, classifier, mlp.Params{})
	if err != nil {
		t.Fatal(err)
	}
	c := mlp.NewClassifier[float64](mlp.Params{Solver: "sgd", HiddenLayerSizes: []int{4}, Activation: nn.Tanh{},
		LearningRateInit: 0.05, MaxIter: 10, RandomState: mlp.Seed(3)})
	y := numeric(d.labels)
	if err := c.Fit(d.X, y); err != nil {
		t.Fatal(err)
	}
	c.WarmStart, c.MaxIter = true, 5
	if err := c.Fit(d.X, y); err != nil {
		t.Fatal(err)
	}
	if got.Loss != c.Loss || got.NIter != 15 {
		t.Errorf("-load -warm-start: loss_ %v after %d epochs, want the package's %v after 15", got.Loss, got.NIter, c.Loss)
	}

	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-csv", "testdata/numeric.csv", "-load", model, "-activation", "relu"}, Code: 2,
			Want: "-activation: the estimator loaded from " + model + " keeps its network's hidden layers (4,) and activation tanh"},
	})

	var usage bytes.Buffer
	parseFlags([]string{"-h"}, &usage)
	notParams := map[string]bool{"csv": true, "target": true, "estimator": true, "predict": true, "out": true, "save": true,
		"load": true, "json": true, "grid": true, "max-mb": true, "verbose": true, "hidden": true, "hidden-layer-sizes": true, "activation": true}
	for _, line := range strings.Split(usage.String(), "\n") {
		name, ok := strings.CutPrefix(line, "  -")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, " ")
		if _, ok := paramFlags[name]; !ok && !notParams[name] {
			t.Errorf("flag -%s is neither in paramFlags nor a flag a loaded estimator need not take", name)
		}
	}
}

// TestMultiLabelSaveLoad saves the multilabel fit of cliRuns, loads it and
// predicts predict.csv again: the same file, to the last digit, and
// scikit-learn's numbers; a loaded multilabel classifier refuses other
// target columns, and the classifier of one column its model file.
func TestMultiLabelSaveLoad(t *testing.T) {
	var want cliRun
	for _, r := range cliRuns {
		if r.name == "multilabel" {
			want = r
		}
	}
	if want.args == nil {
		t.Fatal("cliRuns has no multilabel run")
	}
	dir := t.TempDir()
	model, fitted, loaded := filepath.Join(dir, "labels.model"), filepath.Join(dir, "fitted.csv"), filepath.Join(dir, "loaded.csv")
	_, first := runJSON(t, append(append([]string(nil), want.args...), "-out", fitted, "-save", model))
	load := []string{"-csv", "testdata/labels.csv", "-target", "long,wide,broad", "-load", model, "-predict", "testdata/predict.csv", "-out", loaded}
	_, got := runJSON(t, load)
	if got.Loss != first.Loss || got.NIter != first.NIter || got.TrainScore != first.TrainScore ||
		strings.Join(got.Classes, ",") != strings.Join(first.Classes, ",") {
		t.Errorf("loaded: loss_ %v, n_iter_ %d, score %v, classes %v; want the fit's %v, %d, %v, %v",
			got.Loss, got.NIter, got.TrainScore, got.Classes, first.Loss, first.NIter, first.TrainScore, first.Classes)
	}
	comparePredictions(t, "-load -json", got.Predictions, got.Probabilities, want)
	a, errA := os.ReadFile(fitted)
	b, errB := os.ReadFile(loaded)
	if errA != nil || errB != nil || len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("-load -predict wrote\n%s\nwant what the fit wrote\n%s\n(%v, %v)", b, a, errA, errB)
	}

	classifierModel := filepath.Join(dir, "long.model")
	runJSON(t, []string{"-csv", "testdata/labels.csv", "-target", "long", "-max-iter", "2", "-random-state", "0", "-save", classifierModel})
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-csv", "testdata/labels.csv", "-target", "long,wide", "-load", model}, Code: 2,
			Want: "labels.csv: the multilabel classifier in " + model + " has 3 labels, -target names 2 ([long wide])"},
		{Args: []string{"-csv", "testdata/labels.csv", "-target", "long", "-load", model}, Code: 2,
			Want: model + ": the model is a multilabel MLPClassifier's (one logistic output per label), not an MLPClassifier's"},
		{Args: []string{"-csv", "testdata/labels.csv", "-target", "long,wide,broad", "-load", classifierModel}, Code: 2,
			Want: classifierModel + `: the model is an "MLPClassifier"'s, not a multilabel MLPClassifier's`},
	})
}
