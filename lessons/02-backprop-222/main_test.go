package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/nn"
)

// goldenRuns are the runs the golden files and the README quote: a name (the
// golden file's) and the command-line flags.
var goldenRuns = []struct {
	name string
	args []string
}{
	{"all", nil},
	{"buggy", []string{"-mode", "buggy"}},
	{"fixed", []string{"-mode", "fixed", "-rate", "0.5"}},
	{"worked", []string{"-mode", "worked"}},
	{"worked-updated", []string{"-mode", "worked", "-order", "updated"}},
}

// outputs runs every goldenRuns entry once and returns what each printed, by
// name; TestGolden and TestREADME share the runs.
var outputs = sync.OnceValues(func() (map[string]string, error) {
	outs := map[string]string{}
	for _, r := range goldenRuns {
		cfg, err := parseFlags(r.args, io.Discard)
		if err != nil {
			return nil, fmt.Errorf("parseFlags(%q): %w", r.args, err)
		}
		var buf bytes.Buffer
		if err := run(&buf, cfg); err != nil {
			return nil, fmt.Errorf("%s: %w", r.name, err)
		}
		outs[r.name] = buf.String()
	}
	return outs, nil
})

func TestGolden(t *testing.T) {
	outs, err := outputs()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range goldenRuns {
		t.Run(r.name, func(t *testing.T) {
			golden.Check(t, r.name, []byte(outs[r.name]))
		})
	}
}

// TestREADME checks that the README quotes today's output: the whole default
// run, the whole -mode worked run, and the first update of -order updated.
func TestREADME(t *testing.T) {
	outs, err := outputs()
	if err != nil {
		t.Fatal(err)
	}
	upd := outs["worked-updated"]
	from, to := strings.Index(upd, "after one update"), strings.Index(upd, "training, rate")
	if from < 0 || to < from {
		t.Fatalf("-order updated output has no first-update section:\n%s", upd)
	}
	for _, tc := range []struct{ name, text string }{
		{"default (-mode all)", outs["all"]},
		{"-mode worked", outs["worked"]},
		{"-mode worked -order updated, first update", upd[from:to]},
	} {
		t.Run(tc.name, func(t *testing.T) { golden.InREADME(t, "README.md", tc.text) })
	}
}

// TestWorkedExampleAlternatives checks the README's two candidates that match
// none of the post's summary figures: the updated order at any whole number
// of updates up to 20,000 never gives the published 10,000-round error, and
// updating each unit's bias weight too gives none of the summary figures in
// either order.
func TestWorkedExampleAlternatives(t *testing.T) {
	const published = "0.0000351085"
	n := workedNet()
	for k := 0; k < 2*workedSteps; k++ {
		if out := n.step(input, target, workedRate, fixedRule, updated); agrees(loss(out, target), published) {
			t.Errorf("updated order, E after %d updates: got %.12f, want it not to agree with %s", k, loss(out, target), published)
		}
	}
	for _, o := range []order{textbook, updated} {
		n := workedNet()
		n.freezeBias = false
		var e []float64 // e[k] is the error after k updates
		for range workedSteps {
			e = append(e, loss(n.step(input, target, workedRate, fixedRule, o), target))
		}
		_, out := n.forward(input)
		e = append(e, loss(out, target))
		for _, tc := range []struct {
			name      string
			got       float64
			published string
		}{
			{"E after 1 update", e[1], "0.291027924"},
			{"E after 9999 updates", e[workedSteps-1], published},
			{"E after 10000 updates", e[workedSteps], published},
			{"out_o1 after 10000 updates", out.Data[0], "0.015912196"},
			{"out_o2 after 10000 updates", out.Data[1], "0.984065734"},
		} {
			if agrees(tc.got, tc.published) {
				t.Errorf("order %d with bias updates, %s: got %.12f, want it not to agree with %s", o, tc.name, tc.got, tc.published)
			}
		}
	}
}

// TestWorkedExampleFigures compares every figure of the post's forward pass
// and first update with the computed value: each published number is rounded
// to its last printed decimal, so the tolerance is half a unit there (for
// example 5e-10 for 0.298371109).
func TestWorkedExampleFigures(t *testing.T) {
	forward, update := workedFirstStep(textbook)
	for _, f := range append(forward, update...) {
		want, err := strconv.ParseFloat(f.published, 64)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !agrees(f.got, f.published) {
			t.Errorf("%s: got %.12f, want %s (± half a unit in its last place; off by %.1e)", f.name, f.got, f.published, math.Abs(f.got-want))
		}
	}
}

// TestWorkedExampleSummary checks which update order reproduces each of the
// post's summary figures, the finding the README reports: the first-round
// error and the final outputs come from the updated order, the 10,000-round
// error from the textbook order's error in the forward pass of round 10,000.
func TestWorkedExampleSummary(t *testing.T) {
	tb, up := trainWorked(workedSteps, workedRate, textbook, nil), trainWorked(workedSteps, workedRate, updated, nil)
	for _, tc := range []struct {
		name      string
		got       float64
		published string
		want      bool
	}{
		{"updated order, E after 1 update", up.e1, "0.291027924", true},
		{"textbook order, E after 1 update", tb.e1, "0.291027924", false},
		{"textbook order, E after 9999 updates", tb.eBeforeLast, "0.0000351085", true},
		{"textbook order, E after 10000 updates", tb.eLast, "0.0000351085", false},
		{"updated order, E after 10000 updates", up.eLast, "0.0000351085", false},
		{"updated order, out_o1 after 10000 updates", up.out[0], "0.015912196", true},
		{"updated order, out_o2 after 10000 updates", up.out[1], "0.984065734", true},
		{"textbook order, out_o1 after 10000 updates", tb.out[0], "0.015912196", false},
	} {
		if got := agrees(tc.got, tc.published); got != tc.want {
			t.Errorf("%s: %.12f agrees with %s: got %v, want %v", tc.name, tc.got, tc.published, got, tc.want)
		}
	}
}

// TestQuestionOutput reproduces the question's printout: the buggy update at
// rate 5, forward pass after 999 updates.
func TestQuestionOutput(t *testing.T) {
	n := questionNet()
	for range questionSteps - 1 {
		n.step(input, target, questionRate, buggyRule, textbook)
	}
	_, out := n.forward(input)
	for i, lit := range questionOutput {
		want, _ := strconv.ParseFloat(lit, 64)
		if rel := math.Abs(out.Data[i]-want) / want; rel > 1e-12 {
			t.Errorf("output %d: got %v, want %s (relative difference %.1e > 1e-12)", i+1, out.Data[i], lit, rel)
		}
	}
	// The README: the second output agrees with the question's first fifteen
	// significant digits and differs in the sixteenth.
	got15, got16 := strconv.FormatFloat(out.Data[1], 'g', 15, 64), strconv.FormatFloat(out.Data[1], 'g', 16, 64)
	if want := questionOutput[1]; got15 != strconv.FormatFloat(0.9892866637557137, 'g', 15, 64) || got16 == want {
		t.Errorf("output 2: %s to 15 and %s to 16 significant digits; want the question's %s to agree in the first and differ in the second", got15, got16, want)
	}
}

// TestBuggyUpdateSticksAtHalf trains the question's network for 10,000 steps
// at several rates: with the buggy update output 1 stays at 0.5, with the
// fixed one it approaches its target 0.01.
func TestBuggyUpdateSticksAtHalf(t *testing.T) {
	for _, rate := range []float64{0.5, 1, 5} {
		buggy, fixed := questionNet(), questionNet()
		for range 10000 {
			buggy.step(input, target, rate, buggyRule, textbook)
			fixed.step(input, target, rate, fixedRule, textbook)
		}
		_, b := buggy.forward(input)
		_, f := fixed.forward(input)
		if math.Abs(b.Data[0]-0.5) > 1e-3 {
			t.Errorf("rate %v, buggy: output 1 got %.6f, want 0.5 ± 1e-3", rate, b.Data[0])
		}
		if math.Abs(f.Data[0]-0.01) > 0.01 {
			t.Errorf("rate %v, fixed: output 1 got %.6f, want 0.01 ± 0.01", rate, f.Data[0])
		}
	}
}

// TestStepIsGradientDescent checks backpropagation against central
// differences: one fixed, textbook-order step must move every weight that is
// not frozen by −η·∂E/∂w, and leave the frozen bias weights alone.
func TestStepIsGradientDescent(t *testing.T) {
	const rate, h = 0.5, 1e-6
	for name, build := range map[string]func() *network{"question": questionNet, "worked": workedNet} {
		n := build()
		before := []*matrix.Matrix{n.weights[0].Clone(), n.weights[1].Clone()}
		n.step(input, target, rate, fixedRule, textbook)
		for l, w := range before {
			for i := range w.Data {
				e := func(d float64) float64 {
					m := build()
					m.weights[l].Data[i] += d
					_, out := m.forward(input)
					return loss(out, target)
				}
				want := -rate * (e(h) - e(-h)) / (2 * h)
				if n.freezeBias && n.bias[l] && i%w.Cols == w.Cols-1 {
					want = 0
				}
				if got := n.weights[l].Data[i] - w.Data[i]; math.Abs(got-want) > 1e-9 {
					t.Errorf("%s network, weights[%d] element %d: Δw got %.12f, want %.12f", name, l, i, got, want)
				}
			}
		}
	}
}

func TestParseFlags(t *testing.T) {
	// Each error must name the flag.
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-mode", "sgd"}, Want: "-mode"},
		{Args: []string{"-steps", "-1"}, Want: "-steps"},
		{Args: []string{"-steps", "many"}, Want: "-steps"},
		{Args: []string{"-steps", "20000000"}, Want: "-steps"},
		{Args: []string{"-rate", "-1"}, Want: "-rate"},
		{Args: []string{"-rate", "NaN"}, Want: "-rate"},
		{Args: []string{"-rate", "fast"}, Want: "-rate"},
		{Args: []string{"-order", "new"}, Want: "-order"},
		{Args: []string{"-rate", "0"}, Want: "-rate must be a number above 0"},
		{Args: []string{"-steps", "0"}, Want: "-steps must be in 1 … 10000000"},
		{Args: []string{"-mode", "worked", "-steps", "1"}, Want: "-steps must be in 2 … 10000000 with -mode worked, got 1"},
		{Args: []string{"-trace", "-1"}, Want: "-trace must be in 0 … 100, got -1"},
		{Args: []string{"-mode", "buggy", "-steps", "1", "-trace", "1"}, Want: ""},
	})
	cfg, err := parseFlags([]string{"-mode", "worked", "-steps", "50", "-rate", "0.1", "-order", "updated"}, io.Discard)
	if err != nil {
		t.Fatalf("parseFlags(valid): %v", err)
	}
	if want := (config{mode: "worked", steps: 50, rate: 0.1, order: updated}); cfg != want {
		t.Errorf("parseFlags(valid): got %+v, want %+v", cfg, want)
	}
}

// frozenBias is nn.GD that leaves the bias rows unchanged, as the worked
// example does.
type frozenBias struct{}

// Step applies W ← W − η·∂E/∂W to every weight matrix.
func (frozenBias) Step(params []nn.Param, eta float64) {
	for _, p := range params {
		if p.Name[0] == 'W' {
			matrix.AddScaledInto(p.Value, p.Value, -eta, p.Grad)
		}
	}
}

// engineNet returns n as an nn.Network: nn's layers compute a·W + b for
// rows a, so each W is network.go's matrix without its bias column,
// transposed, and the bias column becomes the bias row.
func engineNet(n *network) *nn.Network {
	var layers []*nn.Layer
	for l, w := range n.weights {
		cols := w.Cols
		var b *matrix.Matrix
		if n.bias[l] {
			cols--
			b = matrix.New(1, w.Rows)
			for i := range w.Rows {
				b.Data[i] = w.At(i, cols)
			}
		}
		wt := matrix.Generate(cols, w.Rows, func(i, j int) float64 { return w.At(j, i) })
		layers = append(layers, nn.NewLayer(wt, b, nn.Sigmoid{}))
	}
	return nn.NewNetwork(layers...)
}

// TestStepMatchesEngine checks network.go's step, with the fixed update in
// the textbook order, against nn's engine (the same layers, nn.HalfSSE,
// nn.GD, or GD that skips the bias rows for the worked example): the
// question's network at rate 5 for 1000 steps and the worked example at
// rate 0.5 for 10,000, as the default run trains them, give the same
// weights to the last bit. (The buggy update is not gradient descent, so
// the engine has no counterpart for it; the updated order neither.)
func TestStepMatchesEngine(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func() *network
		rate  float64
		steps int
		opt   nn.Optimizer
	}{
		{"question", questionNet, questionRate, questionSteps, nn.GD{}},
		{"worked", workedNet, workedRate, workedSteps, frozenBias{}},
	} {
		n := tc.build()
		net := engineNet(n)
		x, y := matrix.Transpose(input), matrix.Transpose(target)
		for range tc.steps {
			n.step(input, target, tc.rate, fixedRule, textbook)
			net.Step(x, y, nn.HalfSSE{}, 0, tc.opt, tc.rate)
		}
		for l, want := range engineNet(n).Layers {
			got := net.Layers[l]
			if !matrix.Equal(got.W, want.W) || (want.B != nil && !matrix.Equal(got.B, want.B)) {
				t.Errorf("%s network, layer %d after %d steps: nn gives\n%v %v\nnetwork.go\n%v %v", tc.name, l+1, tc.steps, got.W, got.B, want.W, want.B)
			}
		}
	}
}

// traceOutput is the trace section of the output for the given flags.
func traceOutput(t *testing.T, args ...string) string {
	t.Helper()
	return lessontest.After(t, parseFlags, run, "Trace of each training's first steps", args...)
}

// TestTrace guards the trace of the first two steps of every training of
// the default run, and checks the README's excerpt (the worked example's
// first step, textbook order) and that its numbers are the post's.
func TestTrace(t *testing.T) {
	golden.Check(t, "trace", []byte(traceOutput(t, "-trace", "2")))
	worked := traceOutput(t, "-mode", "worked", "-trace", "1")
	excerpt, _, _ := strings.Cut(worked, "worked example, updated order:")
	golden.InREADME(t, "README.md", excerpt)
	for _, want := range []string{"[[0.3775]", "[[0.59326999]", "[[0.75136507]", "0.2983711087600027", "[[ 0.08216704", "[[0.35891648", "[[0.00043857", "[[0.14978072 0.19956143"} {
		if !strings.Contains(excerpt, want) {
			t.Errorf("trace of the worked example's first step lacks %q", want)
		}
	}
}
