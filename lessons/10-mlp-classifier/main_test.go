package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
)

func TestGolden(t *testing.T) {
	cfg, err := parseFlags(nil, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "story", buf.Bytes())
}

// The lesson's numbers against scikit-learn 1.2.1's for the same
// random_state (MLPClassifier(hidden_layer_sizes=(3,), activation='logistic',
// solver='adam', alpha=1e-4, learning_rate='constant')).
func TestSeedsAgainstScikitLearn(t *testing.T) {
	var buf bytes.Buffer
	if err := story(&buf, false); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"random_state=0  n_iter_ 200  loss_ 0.649921  ConvergenceWarning  predict [female male]",
		"random_state=2  n_iter_  12  loss_ 0.694411  stopped early       predict [male male]",
		"random_state=3  n_iter_  81  loss_ 0.695017  stopped early       predict [female female]",
		"random_state=7  n_iter_  20  loss_ 0.693020  stopped early       predict [male male]",
	}
	for _, w := range want {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("output lacks scikit-learn's %q; got\n%s", w, buf.String())
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
	var got struct {
		Loss       float64       `json:"loss"`
		NIter      int           `json:"n_iter"`
		Converged  bool          `json:"converged"`
		Classes    []string      `json:"classes"`
		Coefs      [][][]float64 `json:"coefs"`
		Intercepts [][]float64   `json:"intercepts"`
		LossCurve  []float64     `json:"loss_curve"`
	}
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
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-activation", "softplus"}, "'activation'"},
		{[]string{"-hidden", "3,x"}, "-hidden"},
		{[]string{"-hidden", "0"}, "'hidden_layer_sizes'"},
		{[]string{"-validation-fraction", "1.5"}, "'validation_fraction'"},
		{[]string{"-max-iter", "ten"}, "-max-iter"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		_, err := parseFlags(tt.args, &stderr)
		if err == nil || !strings.Contains(err.Error()+stderr.String(), tt.want) {
			t.Errorf("%v: got %v, want an error naming %s", tt.args, err, tt.want)
		}
	}
}
