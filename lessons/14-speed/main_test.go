package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// timings matches every measured figure: a decimal number, with the
// speed-up sign when it has one. Percentages of zeros are data, not
// timings, and are kept.
var timings = regexp.MustCompile(`[0-9]+\.[0-9]+(×|%)?`)

// mask replaces the timings in out by "#" and squeezes the spaces around
// them, so that the golden file holds the structure of the output and the
// numbers that do not depend on the clock: shapes, zero fractions, bytes
// and allocations per step, losses and accuracies.
func mask(out string) string {
	out = timings.ReplaceAllStringFunc(out, func(s string) string {
		if strings.HasSuffix(s, "%") {
			return s
		}
		return "#"
	})
	return regexp.MustCompile(` +`).ReplaceAllString(out, " ")
}

// quick is the default configuration with the shortest timings.
func quick() config {
	cfg := defaultConfig()
	cfg.cell, cfg.reps = time.Millisecond, 1
	return cfg
}

// quickOutput is what the default run prints with the shortest timings,
// run once for the tests that read it.
var quickOutput = golden.Output(func(w io.Writer) error { return run(w, quick()) })

// TestGolden guards the default output with its timings masked.
func TestGolden(t *testing.T) {
	golden.Check(t, "default", []byte(mask(string(quickOutput(t)))))
}

// TestREADMEFigures checks the figures of the README's text that do not
// depend on the clock against what the default run prints: the zeros of
// the Fashion-MNIST batch, the allocations and bytes of the numpy-style
// step, and numpy's time per step the lesson quotes.
func TestREADMEFigures(t *testing.T) {
	out := string(quickOutput(t))
	zeros := lessontest.Find(t, out, `X·W₁ +(\d+\.\d%)`)[1]
	step := `pure functions \(numpy style\) +\S+ +(\S+) +(\d+)\n`
	tiny := lessontest.Find(t, out, `3-4-1 sigmoid, XOR \(lesson 03\) +`+step)
	big := lessontest.Find(t, out, `784-100-10 sigmoid, batch of 200 +`+step)
	kB, err := strconv.ParseFloat(big[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	lessontest.Prose(t, "README.md",
		"200×784·784×100 X·W₁ "+zeros,
		"the notebook's step allocates "+tiny[2]+" of them",
		"On the tiny network the "+tiny[2]+" allocations",
		fmt.Sprintf("the allocations add %.0f MB a step", kB/1000),
		"numpy's ~"+lessontest.Find(t, out, `cost it ~(\d+) µs`)[1]+" µs per step",
	)
}

// TestFashionEmbedded trains for one epoch on the embedded subset: the
// losses and the accuracy do not depend on the clock, the times are masked.
func TestFashionEmbedded(t *testing.T) {
	cfg := quick()
	cfg.fashion, cfg.data, cfg.epochs = true, "embedded", 2
	var buf, progress bytes.Buffer
	cfg.progress = &progress
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	// The padding of a time goes too: an epoch of 10 s or more (under
	// emulation) is one character wider.
	out := regexp.MustCompile(` *[0-9]+\.[0-9]+ s`).ReplaceAllString(buf.String(), " # s")
	golden.Check(t, "fashion-embedded", []byte(out))
	if got := strings.Count(progress.String(), "speed: epoch "); got != 2 {
		t.Errorf("progress has %d epoch lines, want 2:\n%s", got, progress.String())
	}
}

// TestStepsAgree checks that the three ways of writing the notebook's step
// (pure functions, Into functions, one fused loop) leave the same weights,
// bit for bit, after many steps of the XOR network and a few of the
// 784-100-10 one.
func TestStepsAgree(t *testing.T) {
	x, y := fashionBatch()
	tests := []struct {
		name  string
		net   func() *sigmoidNet
		steps int
	}{
		{"3-4-1 XOR", xorNet, 2000},
		{"784-100-10", func() *sigmoidNet { return newSigmoidNet(x, y, 100, 0.08, 0.01, nprand.New(1)) }, 3},
	}
	for _, tt := range tests {
		pure, into, fused := tt.net(), tt.net(), tt.net()
		for range tt.steps {
			pure.stepPure()
			into.stepInto()
			fused.stepFused()
		}
		for _, c := range []struct {
			name string
			net  *sigmoidNet
		}{{"pure", pure}, {"fused", fused}} {
			if !matrix.Equal(c.net.w0, into.w0) || !matrix.Equal(c.net.w1, into.w1) {
				t.Errorf("%s: %s step: weights differ from the Into step's by up to %g, want identical",
					tt.name, c.name, max(matrix.MaxAbsDiff(c.net.w0, into.w0), matrix.MaxAbsDiff(c.net.w1, into.w1)))
			}
		}
	}
}

// TestIntoStepAllocs checks the claim of the step table: the Into step
// allocates nothing.
func TestIntoStepAllocs(t *testing.T) {
	net := xorNet()
	if got := testing.AllocsPerRun(100, net.stepInto); got != 0 {
		t.Errorf("stepInto allocates %v times per step, want 0", got)
	}
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: nil, Want: ""},
		{Args: []string{"-big", "-cell", "5ms", "-reps", "5"}, Want: ""},
		{Args: []string{"-fashion", "-data", "embedded", "-epochs", "3", "-batch", "100", "-seed", "7"}, Want: ""},
		{Args: []string{"-sweep", "-steps", "1000"}, Want: ""},
		{Args: []string{"-steps", "0"}, Want: "-steps must be in 1"},
		{Args: []string{"-sweep", "-fashion"}, Want: "-sweep and -fashion"},
		{Args: []string{"-cell", "0s"}, Want: "-cell must be in"},
		{Args: []string{"-reps", "0"}, Want: "-reps must be in 1"},
		{Args: []string{"-data", ""}, Want: "-data must be embedded, full or a directory"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs must be in 1"},
		{Args: []string{"-batch", "-5"}, Want: "-batch must be in 1"},
		{Args: []string{"-seed", "-1"}, Want: "-seed must be in 0"},
		{Args: []string{"-seed", "4294967296"}, Want: "-seed must be in 0"},
	})
	var progress bytes.Buffer
	cfg, err := parseFlags([]string{"-fashion", "-data", "embedded", "-epochs", "3", "-seed", "7"}, &progress)
	if err != nil || !cfg.fashion || cfg.data != "embedded" || cfg.epochs != 3 || cfg.seed != 7 || cfg.progress != &progress {
		t.Errorf("parseFlags: got %+v, %v, want -fashion, -data embedded, 3 epochs, seed 7, progress on stderr", cfg, err)
	}
}

// TestExitCode checks that a bad flag value exits with status 2 and a
// message naming the flag, and that a missing data directory is an error
// that names it.
func TestExitCode(t *testing.T) {
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-reps", "0"}, Code: 2, Want: "-reps must be in"},
		{Args: []string{"-fashion", "-data", "/nonexistent-dir"}, Code: 2, Want: "/nonexistent-dir"},
	})
}

// TestSweepMatchesLesson03 runs the sweep with the fused step for 10,001
// steps per rate and checks that its errors at steps 0 and 10,000 are
// lesson 03's printed lines, character for character, on every platform:
// the α = 100 run is chaotic, but both lessons' exponentials are
// portable.Exp's, the same bits everywhere.
func TestSweepMatchesLesson03(t *testing.T) {
	want, err := os.ReadFile("../03-alpha-sweep/testdata/default.golden")
	if err != nil {
		t.Skipf("lesson 03's golden file: %v", err)
	}
	cfg := quick()
	cfg.sweep, cfg.steps = true, 10001
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	lines := regexp.MustCompile(`(?m)^(Training With Alpha: .*|Error after  (0|10000)  iterations: .*)$`)
	got, wantLines := lines.FindAllString(buf.String(), -1), lines.FindAllString(string(want), -1)
	if len(got) != 21 || strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("sweep lines:\n%s\nwant lesson 03's:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
}
