package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn/data"
)

// storyOutput is what the lesson prints with its default flags, run once
// for TestGolden, TestSeedsAgainstScikitLearn and TestREADME.
var storyOutput = lessontest.Output(parseFlags, run)

func TestGolden(t *testing.T) {
	out := string(storyOutput(t))
	golden.Check(t, "story", []byte(out))
}

// TestSeedsAgainstScikitLearn compares step 1 of the story with what
// scikit-learn 1.2.1 prints for the same random_state
// (MLPClassifier(hidden_layer_sizes=(3,), activation='logistic',
// solver='adam', alpha=1e-4), fitted on the same 11 rows; the README quotes
// the run): iterations, loss at the printed precision, predictions, score.
func TestSeedsAgainstScikitLearn(t *testing.T) {
	out := string(storyOutput(t))
	sklearn := []struct {
		nIter   int
		loss    float64
		predict string
		score   float64
	}{
		{200, 0.6499208679187889, "[female male]", 1.0},
		{200, 0.6638678253143276, "[male male]", 0.5},
		{12, 0.6944108846043293, "[male male]", 0.5},
		{81, 0.6950165554715472, "[female female]", 0.5},
		{23, 0.6570163353830374, "[male male]", 0.5},
		{200, 0.7368765106053484, "[female female]", 0.5},
		{200, 0.6970096006636128, "[male male]", 0.5},
		{20, 0.6930195025851555, "[male male]", 0.5},
	}
	for seed, sk := range sklearn {
		var line string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), fmt.Sprintf("random_state=%d ", seed)) {
				line = l
			}
		}
		var nIter int
		var loss, score float64
		var note, predict string
		f := strings.Fields(line)
		if len(f) < 9 {
			t.Errorf("random_state=%d: no line of step 1 for it in\n%s", seed, out)
			continue
		}
		// random_state=S  n_iter_ N  loss_ L  NOTE...  predict [A B]  score X
		fmt.Sscan(f[2], &nIter)
		fmt.Sscan(f[4], &loss)
		fmt.Sscan(f[len(f)-1], &score)
		note = strings.Join(f[5:len(f)-5], " ")
		predict = strings.Join(f[len(f)-4:len(f)-2], " ")
		wantNote := "stopped early"
		if sk.nIter == 200 {
			wantNote = "ConvergenceWarning"
		}
		if nIter != sk.nIter || math.Abs(loss-sk.loss) > 5e-7 || note != wantNote || predict != sk.predict || score != sk.score {
			t.Errorf("random_state=%d: got n_iter_ %d loss_ %.6f %s predict %s score %.1f, want scikit-learn's %d %.6f %s %s %.1f",
				seed, nIter, loss, note, predict, score, sk.nIter, sk.loss, wantNote, sk.predict, sk.score)
		}
	}
}

// csvRuns are the fits of testdata/body.csv the README quotes, by flags.
var csvRuns = [][]string{
	{"-hidden", "3", "-activation", "logistic", "-random-state", "2"},
	{"-hidden", "3", "-activation", "logistic", "-random-state", "2", "-solver", "lbfgs"},
	{"-hidden", "3", "-activation", "logistic", "-random-state", "0", "-max-iter", "20000"},
}

// TestREADME checks that the README quotes today's output: the whole story,
// and the fits of testdata/body.csv. Those run from the package directory,
// so their output names the file relative to it; the README's commands run
// from the repository root, so the test names it from there.
func TestREADME(t *testing.T) {
	out := string(storyOutput(t))
	golden.InREADME(t, "README.md", out)
	const csv, fromRoot = "testdata/body.csv", "lessons/10-mlp-classifier/testdata/body.csv"
	for _, args := range csvRuns {
		out := lessontest.Run(t, parseFlags, run, append([]string{"-csv", csv}, args...)...)
		golden.InREADME(t, "README.md", strings.ReplaceAll(out, csv, fromRoot))
	}
}

// TestBodyCSV checks that testdata/body.csv holds the story's rows, so the
// README's refits train on the same data.
func TestBodyCSV(t *testing.T) {
	f, err := os.Open("testdata/body.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := data.ReadCSV(f, "testdata/body.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != len(bodyX) || tab.Cols != len(bodyX[0]) {
		t.Fatalf("testdata/body.csv: got %dx%d, want %dx%d", tab.Rows, tab.Cols, len(bodyX), len(bodyX[0]))
	}
	for i, row := range bodyX {
		for j, want := range row {
			if got := tab.X[i*tab.Cols+j]; got != want {
				t.Errorf("testdata/body.csv row %d column %d: got %v, want %v", i+1, j+1, got, want)
			}
		}
		if tab.Labels[i] != bodyY[i] {
			t.Errorf("testdata/body.csv row %d label: got %q, want %q", i+1, tab.Labels[i], bodyY[i])
		}
	}
}

func TestJSON(t *testing.T) {
	cfg, err := parseFlags([]string{"-json", "-hidden", "3", "-activation", "logistic", "-random-state", "0"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	var got fittedJSON
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.String())
	}
	// scikit-learn 1.2.1, random_state=0: loss_ 0.6499208679187889, n_iter_ 200.
	if got.NIter != 200 || got.Converged || len(got.LossCurve) != 200 ||
		len(got.Coefs) != 2 || len(got.Coefs[0]) != 3 || len(got.Coefs[0][0]) != 3 ||
		got.Loss < 0.64992086 || got.Loss > 0.64992088 || strings.Join(got.Classes, ",") != "female,male" {
		t.Errorf("got n_iter %d converged %v loss %v classes %v coefs %v, want 200 false 0.6499208679 [female male] 3x3,3x1",
			got.NIter, got.Converged, got.Loss, got.Classes, got.Coefs)
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("h,w,s,sex\n181,80,44,m\n160,60,38,f\n154,54,37,f\n190,90,47,m\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("h,w,s,sex\n181,80,44,m\n160,x,38,f\n"), 0o644)
	tests := []struct {
		args []string
		want string // in the output or the error
	}{
		{[]string{"-csv", good, "-hidden", "2", "-solver", "lbfgs", "-random-state", "1"}, "4 rows, 3 features, classes [f m]"},
		{[]string{"-csv", bad}, "bad.csv:3"},
		{[]string{"-csv", good, "-target", "nope"}, "nope"},
	}
	for _, tt := range tests {
		cfg, err := parseFlags(tt.args, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		err = run(&buf, cfg)
		got := buf.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("%v: got %q, want it to contain %q", tt.args, got, tt.want)
		}
	}
}

func TestBadFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-activation", "softplus"}, Want: "'activation'"},
		{Args: []string{"-hidden", "3,x"}, Want: "-hidden"},
		{Args: []string{"-hidden", "0"}, Want: "hidden_layer_sizes must be > 0, got [0]."},
		{Args: []string{"-hidden", "10,99999999999"}, Want: "more than this command allows (10000)"},
		{Args: []string{"-validation-fraction", "1.5"}, Want: "'validation_fraction'"},
		{Args: []string{"-max-iter", "ten"}, Want: "-max-iter"},
	})
}

// TestEstimatorFlagsFitOnce checks that an estimator flag without -csv fits
// the body-metrics data once with it, rather than retelling the story.
func TestEstimatorFlagsFitOnce(t *testing.T) {
	cfg, err := parseFlags([]string{"-hidden", "3", "-activation", "logistic", "-random-state", "0"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	want := "body metrics: 11 rows, 3 features, classes [female male]\nn_iter_ 200, loss_ 0.649921, training accuracy 1.0000\n"
	if got := buf.String(); !strings.HasPrefix(got, want) || !strings.Contains(got, "predict [female male]") {
		t.Errorf("output =\n%s\nwant it to start with\n%s(random_state=0 as in the story) and to predict [female male]", got, want)
	}
}
