package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// corpus is nn/data's collection of malformed and unexpected CSV files.
const corpus = "../../nn/data/testdata/hostile/"

// TestHostileCSV fits the hostile CSV files: each must give one line naming
// the file and the problem, with exit status 2 for bad input and 1 for a
// fit that diverged, and never a panic, a NaN or a huge allocation.
func TestHostileCSV(t *testing.T) {
	dir := t.TempDir()
	var wide strings.Builder
	for j := range 100000 {
		fmt.Fprintf(&wide, "c%d,", j)
	}
	wide.WriteString("class\n")
	for i := range 4 {
		wide.WriteString(strings.Repeat("1,", 100000) + fmt.Sprintf("%c\n", 'x'+i%2))
	}
	widePath := filepath.Join(dir, "wide.csv")
	if err := os.WriteFile(widePath, []byte(wide.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	csv := func(name string, args ...string) []string {
		return append([]string{"-csv", corpus + name, "-max-iter", "3"}, args...)
	}
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: csv("empty.csv"), Code: 2, Want: "empty.csv: empty file, want a header row"},
		{Args: csv("header-only.csv"), Code: 2, Want: "header-only.csv: no data rows after the header"},
		{Args: csv("ragged.csv"), Code: 2, Want: "ragged.csv:3: 2 fields, want 3"},
		{Args: csv("nul.csv"), Code: 2, Want: `nul.csv:3: column "b": "4\x00" is not a number`},
		{Args: csv("unterminated-quote.csv"), Code: 2, Want: `extraneous or missing " in quoted-field`},
		{Args: csv("one-class.csv"), Code: 2, Want: `one-class.csv: column "class" holds one class only, "x": a classifier needs at least two`},
		{Args: csv("id-target.csv", "-target", "id"), Code: 2, Want: `id-target.csv: column "id" has 6 different values in 6 rows: it looks like an identifier`},
		{Args: csv("bom.csv"), Code: 0, Want: "bom.csv: 4 rows, 2 features, classes [x y]"},
		{Args: csv("crlf.csv"), Code: 0, Want: "crlf.csv: 4 rows, 2 features, classes [x y]"},
		{Args: csv("id-target.csv", "-target", "nope"), Code: 2, Want: `no target column "nope" (columns: id, a, b)`},
		{Args: csv("nonexistent.csv"), Code: 2, Want: "no such file or directory"},
		{Args: []string{"-csv", widePath, "-max-iter", "2", "-hidden", "2"}, Code: 0, Want: "4 rows, 100000 features, classes [x y]"},
		{Args: []string{"-csv", widePath, "-hidden", "1000"}, Code: 2, Want: "weight matrix 1 (100000 × 1000) needs"},
		{Args: []string{"-alpha", "1e308", "-max-iter", "5"}, Code: 1, Want: "body metrics: training diverged"},
		{Args: []string{"-alpha", "1e308", "-max-iter", "5", "-json"}, Code: 1, Want: "training diverged"},
		{Args: []string{"-tol", "Inf"}, Code: 2, Want: "-tol must be a finite number, got +Inf"},
		{Args: []string{"-epsilon", "Inf"}, Code: 2, Want: "-epsilon must be a finite number, got +Inf"},
		{Args: []string{"-power-t", "-Inf"}, Code: 2, Want: "-power-t must be a finite number, got -Inf"},
		{Args: []string{"-target", "abc"}, Code: 2, Want: "-target needs -csv"},
	})
}

// TestMaxMB checks -max-mb: a CSV file over the budget, to fit or to
// predict, is refused with a message that names it and the flag, and a
// larger budget reads it. The file is 1.2 MiB, over a budget of 1 MiB.
func TestMaxMB(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("a,b,class\n")
	for i := 0; b.Len() < 1200<<10; i++ {
		fmt.Fprintf(&b, "%d.25,%d.5,%c\n", i%97, i%89, 'x'+i%2)
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	fit := []string{"-hidden", "2", "-max-iter", "1", "-random-state", "0"}
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: append([]string{"-csv", big, "-max-mb", "1"}, fit...), Code: 2,
			Want: big + ": more than 1048576 bytes of text: more than the budget of 1 MiB (-max-mb raises the budget)"},
		{Args: append([]string{"-csv", big, "-max-mb", "2"}, fit...), Code: 0, Want: "big.csv: "},
		{Args: append([]string{"-csv", "testdata/body.csv", "-max-mb", "1", "-predict", big, "-out", filepath.Join(dir, "p.csv")}, fit...), Code: 2,
			Want: "more than the budget of 1 MiB (-max-mb raises the budget)"},
		{Args: []string{"-csv", big, "-max-mb", "0"}, Code: 2, Want: "-max-mb must be in 1 … 65536, got 0"},
	})
	if cfg, err := parseFlags([]string{"-max-mb", "512"}, io.Discard); err != nil || cfg.custom || cfg.limits.MaxBytes != 512<<20 {
		t.Errorf("-max-mb 512: got custom %v, budget %d, error %v; want the story, 512 MiB", cfg.custom, cfg.limits.MaxBytes, err)
	}
}

// FuzzCSVFit feeds arbitrary text and target columns through the lesson's
// CSV path (nn/data's parser, the lesson's checks of the targets and sizes,
// a short fit of a classifier and of a regressor):
// it must not panic, every error must name the file, and a fit that returns
// no error must have a finite loss and a prediction for every row.
func FuzzCSVFit(f *testing.F) {
	f.Add("a,b,class\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n", "")
	f.Add("h,w,s,sex\n180,80,44,male\n160,55,38,female\n175,70,42,male\n158,50,37,female\n", "sex")
	f.Add("\uFEFFx;y\r\n1;a\r\n", "y")
	f.Add("a,class\n1e308,x\n-1e308,y\n1e308,x\n-1e308,y\n", "class")
	f.Add("id,a\n1,0\n2,0\n", "id")
	f.Add("x0,x1,y0,y1\n0,1,0.5,2\n1,0,1.5,-2\n", "y0,y1")
	f.Add("a,b,l1,l2\n1,2,0,1\n3,4,1,1\n5,6,1,0\n", "l1,l2")
	f.Fuzz(func(t *testing.T, in, target string) {
		p := mlp.DefaultParams()
		p.HiddenLayerSizes, p.MaxIter, p.RandomState = []int{3}, 3, mlp.Seed(0)
		var targets targetList
		targets.Set(target)
		for _, kind := range []string{classifier, regressor} {
			d, err := parseTable(strings.NewReader(in), "fuzz.csv", data.Limits{}, targets, kind, p)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz.csv") || !cli.IsBadInput(err) {
					t.Errorf("%s: error %q does not name the file or is not bad input", kind, err)
				}
				continue
			}
			est := newEstimator(kind, d, p)
			if err := est.fit(d); err != nil {
				continue // the lesson reports it as bad input, naming the file
			}
			if err := checkLoss("fuzz.csv", est.fitted().Loss); err != nil {
				continue
			}
			if got, _, err := est.predict(d.X); err != nil || len(got) != d.X.Rows {
				t.Errorf("%s: %d predictions for %d rows (%v)", kind, len(got), d.X.Rows, err)
			}
		}
	})
}
