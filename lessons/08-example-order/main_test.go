package main

import (
	"bytes"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn"
)

// defaultOutput is what the default run prints (without the picture),
// run once for all the tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run, "-plot", "")

// TestDefault guards the whole default output (without the plot line) and
// the README's quote of it.
func TestDefault(t *testing.T) {
	lessontest.Default(t, "default", defaultOutput(t))
}

// TestREADME checks the README's excerpts of the -rate 1 and -rate 0.01
// runs (without the comparison over seeds, which the excerpts do not reach).
func TestREADME(t *testing.T) {
	for _, tt := range []struct {
		rate        float64
		first, last string // the excerpt's first line and a prefix of its last
		nth         int    // the excerpt ends at the nth line with prefix last
	}{
		{1, "   30 ", "  predicted", 2},
		{0.01, "  after the block of", "  virginica", 1},
	} {
		cfg := defaultConfig()
		cfg.rate, cfg.seeds, cfg.plot = tt.rate, 0, ""
		var buf bytes.Buffer
		if err := run(&buf, cfg); err != nil {
			t.Fatal(err)
		}
		golden.InREADME(t, "README.md", excerpt(t, buf.String(), tt.first, tt.last, tt.nth))
	}
}

// excerpt returns the lines of out from the first one starting with first
// to the nth one after it starting with last, inclusive.
func excerpt(t *testing.T, out, first, last string, nth int) string {
	t.Helper()
	lines := strings.SplitAfter(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, first) {
			continue
		}
		seen := 0
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], last) {
				if seen++; seen == nth {
					return strings.Join(lines[i:j+1], "")
				}
			}
		}
	}
	t.Fatalf("output has no excerpt from %q to line %d after it starting %q:\n%s", first, nth, last, out)
	return ""
}

// finalAccuracies trains both orders and returns their accuracy after the
// last epoch.
func finalAccuracies(t *testing.T, cfg config) (sorted, shuffled float64) {
	t.Helper()
	x, y, _ := iris()
	var acc [2]float64
	for k, shuffle := range []bool{false, true} {
		h, err := train(cfg, x, y, shuffle)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.epochs) != cfg.epochs {
			t.Fatalf("got %d epochs measured, want %d", len(h.epochs), cfg.epochs)
		}
		acc[k] = h.epochs[len(h.epochs)-1].accuracy
	}
	return acc[0], acc[1]
}

// TestShuffledWins checks the answer's claim: the shuffled order ends more
// accurate than the sorted one for the default seed and for most of seeds
// 1 … 10.
func TestShuffledWins(t *testing.T) {
	cfg := defaultConfig()
	if so, sh := finalAccuracies(t, cfg); !(sh > so) {
		t.Errorf("seed %d: shuffled accuracy %.4f, want above sorted %.4f", cfg.seed, sh, so)
	}
	wins := 0
	for s := uint32(1); s <= 10; s++ {
		cfg.seed = s
		if so, sh := finalAccuracies(t, cfg); sh > so {
			wins++
		}
	}
	if wins <= 5 {
		t.Errorf("shuffled ends ahead for %d of 10 seeds, want most", wins)
	}
}

// TestSameStart checks that both orders start from the same weights, and
// that the sorted order is what the file gives: 50 of each class in turn.
func TestSameStart(t *testing.T) {
	cfg := defaultConfig()
	a, b := newNet(cfg), newNet(cfg)
	for l := range a.Layers {
		for i, v := range a.Layers[l].W.Data {
			if b.Layers[l].W.Data[i] != v {
				t.Fatalf("layer %d weight %d: %v and %v from the same seed", l+1, i, v, b.Layers[l].W.Data[i])
			}
		}
	}
	_, y, classes := iris()
	for i := range y.Rows {
		if got, want := nn.Argmax(y.Row(i)), i/50; got != want {
			t.Fatalf("row %d: class %s, want %s (the file is sorted by class)", i, classes[got], classes[want])
		}
	}
}

// TestForgetting checks the mechanism: within one sorted pass, the block of
// versicolor updates makes the network call more flowers versicolor than
// there are, and the block of virginica after it takes them back.
func TestForgetting(t *testing.T) {
	cfg := defaultConfig()
	x, y, _ := iris()
	h, err := train(cfg, x, y, false)
	if err != nil {
		t.Fatal(err)
	}
	blocks := blockReplay(cfg, h.net, x, y)
	if len(blocks) != 3 {
		t.Fatalf("got %d blocks, want 3", len(blocks))
	}
	if got := blocks[1][1]; got <= 50 {
		t.Errorf("after the versicolor block: %d flowers called versicolor, want more than the 50 there are", got)
	}
	if got := blocks[2][2]; got <= blocks[1][2] {
		t.Errorf("after the virginica block: %d called virginica, want more than the %d after the versicolor block", got, blocks[1][2])
	}
}

// TestRerunsIdentical checks that a run repeats exactly.
func TestRerunsIdentical(t *testing.T) {
	cfg := defaultConfig()
	cfg.epochs = 5
	x, y, _ := iris()
	a, err := train(cfg, x, y, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := train(cfg, x, y, true)
	if err != nil {
		t.Fatal(err)
	}
	for e := range a.epochs {
		if a.epochs[e] != b.epochs[e] {
			t.Errorf("epoch %d: got %+v then %+v", e+1, a.epochs[e], b.epochs[e])
		}
	}
}

func TestPlot(t *testing.T) {
	lessontest.Plot(t, parseFlags, run, 400, 300, "-epochs", "3", "-seeds", "0")
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-rate", "0.01", "-epochs", "100", "-every", "10", "-hidden", "4", "-seeds", "0"}, Want: ""},
		{Args: []string{"-rate", "0"}, Want: "-rate must be a positive number"},
		{Args: []string{"-rate", "NaN"}, Want: "-rate must be a positive number"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs must be in 1 … 100000"},
		{Args: []string{"-every", "0"}, Want: "-every must be at least 1"},
		{Args: []string{"-hidden", "0"}, Want: "-hidden must be in 1 … 1000"},
		{Args: []string{"-seeds", "-1"}, Want: "-seeds must be in 0 … 1000"},
		{Args: []string{"-seed", "4294967296"}, Want: "-seed must be in 0 … 4294967295"},
	})
}

// TestExperimentKeepsFigure checks that an experiment draws no picture
// unless asked, so that it never overwrites the README's figure.
func TestExperimentKeepsFigure(t *testing.T) {
	lessontest.KeepsFigure(t, parseFlags, func(c config) string { return c.plot }, "example-order.png")
}
