package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// TestREADMEExamples runs the commands of the README's console blocks and
// checks that each prints what the README shows after it. A command is a
// line "$ go run ./lessons/10-mlp-classifier ARGS" (run in this package,
// paths under lessons/10-mlp-classifier/ made relative to it, every other
// relative path put in a temporary directory) or "$ cat FILE"; its output
// is the lines up to the next command or the end of the block, with the
// temporary directory and the package's paths written as from the
// repository root.
func TestREADMEExamples(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prefix, pkg = "lessons/10-mlp-classifier/", "$ go run ./lessons/10-mlp-classifier"
	dir := t.TempDir()
	local := func(arg string) string {
		switch {
		case strings.HasPrefix(arg, prefix):
			return strings.TrimPrefix(arg, prefix)
		case strings.HasSuffix(arg, ".csv") || strings.HasSuffix(arg, ".model"):
			return filepath.Join(dir, arg)
		}
		return arg
	}
	blocks := 0
	for _, block := range strings.Split(string(b), "```console\n")[1:] {
		block = block[:strings.Index(block, "```")]
		blocks++
		var cmd string
		var want []string
		check := func() {
			if cmd == "" {
				return
			}
			got := runREADME(t, cmd, pkg, local)
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, "testdata/", prefix+"testdata/")
			if w := strings.Join(want, ""); got != w {
				t.Errorf("%s\nprints\n%s\nthe README shows\n%s", cmd, got, w)
			}
		}
		for _, line := range strings.SplitAfter(block, "\n") {
			if strings.HasPrefix(line, "$ ") {
				check()
				cmd, want = strings.TrimSpace(line), nil
				continue
			}
			want = append(want, line)
		}
		check()
	}
	if blocks < 7 {
		t.Errorf("the README has %d console blocks, want the 7 examples of its own-data section", blocks)
	}
}

// runREADME runs one README command and returns what it printed: standard
// output, then standard error.
func runREADME(t *testing.T, cmd, pkg string, local func(string) string) string {
	t.Helper()
	if name, ok := strings.CutPrefix(cmd, "$ cat "); ok {
		b, err := os.ReadFile(local(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	rest, ok := strings.CutPrefix(cmd, pkg)
	if !ok {
		t.Fatalf("README command %q is neither %q nor cat", cmd, pkg)
	}
	args := shellWords(rest)
	for i, a := range args {
		args[i] = local(a)
	}
	var stdout, stderr bytes.Buffer
	cli.Run("mlp-classifier", args, &stdout, &stderr, func(args []string, _ io.Writer) (config, error) {
		return parseFlags(args, io.Discard)
	}, run)
	return stdout.String() + stderr.String()
}

// shellWords splits s at spaces as a shell does, keeping what double
// quotes enclose together ("()" is one word, ()).
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	in, started := false, false
	for _, r := range s {
		switch {
		case r == '"':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}

// TestREADMEFigures checks the figures the README's text states: the
// defaults of the question's estimator, the data, and what the story and
// the first fit of testdata/body.csv print.
func TestREADMEFigures(t *testing.T) {
	p := mlp.DefaultParams() // questionParams leaves these fields zero: the defaults
	heights := 0.0
	for _, x := range bodyX {
		heights += x[0]
	}
	folds, err := mlp.StratifiedKFold(bodyY, 3)
	if err != nil {
		t.Fatal(err)
	}
	small, large := len(bodyX), 0
	for _, k := range folds {
		small, large = min(small, len(k.Test)), max(large, len(k.Test))
	}
	out := string(storyOutput(t))
	twice := lessontest.Find(t, out, `loss_ (\d\.\d+)  n_iter_ \d+ .*\n.*\n   loss_ (\d\.\d+) `)
	if twice[1] != twice[2] {
		t.Errorf("step 2: losses %s and %s, the README says the same twice", twice[1], twice[2])
	}
	const activations, solvers, sizes = 4, 3, 21
	cands := lessontest.Find(t, out, `(\d+) candidates`)[1]
	if cands != fmt.Sprint(activations*solvers*sizes) {
		t.Errorf("step 3: %s candidates, the README says %d × %d × %d", cands, activations, solvers, sizes)
	}
	csv := lessontest.Run(t, parseFlags, run, append([]string{"-csv", "testdata/body.csv"}, csvRuns[0]...)...)
	lessontest.Prose(t, "README.md",
		fmt.Sprintf("trained on %d people", len(bodyX)),
		fmt.Sprintf("`[%g, %g, %g]` and `[%g, %g, %g]`", testX[0][0], testX[0][1], testX[0][2], testX[1][0], testX[1][1], testX[1][2]),
		fmt.Sprintf("(η = %g, β₁ = %g, β₂ = %g, ε = %s)", p.LearningRateInit, p.Beta1, p.Beta2, short(p.Epsilon)),
		fmt.Sprintf("`tol` = %s for %d epochs in a row — or at `max_iter` = %d", short(p.Tol), p.NIterNoChange+1, p.MaxIter),
		fmt.Sprintf("(heights near %.0f)", math.Round(heights/float64(len(bodyX))/10)*10),
		"gets the same "+twice[1]+" twice",
		fmt.Sprintf("%d activations × %d solvers × hidden sizes 1…%d (%s candidates", activations, solvers, sizes, cands),
		fmt.Sprintf("each fold holds %d or %d people", small, large),
		fmt.Sprintf("of the %d lbfgs candidates", activations*sizes),
		fmt.Sprintf("refits the best on all %d rows", len(bodyX)),
		"With `random_state=2` it stops after "+lessontest.Find(t, csv, `n_iter_ (\d+),`)[1]+" epochs",
		fmt.Sprintf("within a budget of %d MiB", data.DefaultMaxBytes>>20),
		"the codes "+firstSeen(t, "testdata/numeric.csv")+" of `testdata/numeric.csv`",
	)
}

// short formats x as the README writes numbers such as 1e-8.
func short(x float64) string { return strings.Replace(fmt.Sprintf("%.0e", x), "e-0", "e-", 1) }

// firstSeen returns the distinct values of the last column of the CSV
// file at path in the order they first appear, as "a, b and c".
func firstSeen(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		v := line[strings.LastIndex(line, ",")+1:]
		if !slices.Contains(seen, v) {
			seen = append(seen, v)
		}
	}
	if len(seen) < 2 {
		t.Fatalf("%s: classes %q, want several", path, seen)
	}
	return strings.Join(seen[:len(seen)-1], ", ") + " and " + seen[len(seen)-1]
}
