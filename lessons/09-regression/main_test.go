package main

import (
	"math"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
)

// defaultOutput is what the default run prints (without the picture),
// run once for all the tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run, "-plot", "")

// TestDefault guards the whole default output (without the plot line) and
// the README's quote of it.
func TestDefault(t *testing.T) { lessontest.Default(t, "default", defaultOutput(t)) }

// TestExactLinearFit checks that the linear 1-1-1 network finds the line
// itself from several starts: slope w2·w1 = 0.12, offset w2·b1 + b2 = 0.1.
func TestExactLinearFit(t *testing.T) {
	xs, ys := data(10)
	for seed := uint32(0); seed < 5; seed++ {
		w1, w2 := startWeights(seed)
		net := newNet(w1, w2, identity, identitySlope)
		if _, err := fit(net, column(xs, 1), column(ys, 1), linearRate, 20000, nil); err != nil {
			t.Fatal(err)
		}
		pw1, pb1, pw2, pb2 := net.params()
		if got := pw2 * pw1; math.Abs(got-0.12) > 1e-9 {
			t.Errorf("seed %d: slope w2·w1 got %.12f, want 0.12", seed, got)
		}
		if got := pw2*pb1 + pb2; math.Abs(got-0.1) > 1e-9 {
			t.Errorf("seed %d: offset w2·b1 + b2 got %.12f, want 0.1", seed, got)
		}
	}
}

// TestAskerRuleSign checks the first mistake: the hidden "error" σ′(e_out)·w2
// has the sign of w2 whatever the output error, so one step changes w1 in
// the direction sign(w1·w2) both when the output is too low and too high.
// With Edit 2 the sign of e_out gets through.
func TestAskerRuleSign(t *testing.T) {
	for _, tc := range []struct {
		w1, w2   float64
		keepSign bool
		target   float64
		wantUp   bool // w1 grows
	}{
		{0.5, 0.5, false, 0.99, true},
		{0.5, 0.5, false, 0.01, true},
		{0.5, -0.5, false, 0.99, false},
		{0.5, -0.5, false, 0.01, false},
		{0.5, 0.5, true, 0.99, true},
		{0.5, 0.5, true, 0.01, false},
	} {
		r := askerRun{w1: tc.w1, w2: tc.w2, keepSign: tc.keepSign}
		r.epoch([]float64{1}, []float64{tc.target})
		if up := r.w1 > tc.w1; up != tc.wantUp {
			t.Errorf("w1 %v, w2 %v, keepSign %v, target %v: w1 %v → %v, want growing %v", tc.w1, tc.w2, tc.keepSign, tc.target, tc.w1, r.w1, tc.wantUp)
		}
	}
}

// TestAskerRuns checks the question's observations with the default start:
// with /10 the first weight runs off to infinity and every output is the
// same; with /100 the second weight goes to 0 and every output is 0.5.
func TestAskerRuns(t *testing.T) {
	w1, w2 := startWeights(0)
	for _, tc := range []struct {
		div  float64
		want func(r askerRun) bool
		what string
	}{
		{10, func(r askerRun) bool { return math.IsInf(r.w1, 1) }, "w1 = +Inf"},
		{100, func(r askerRun) bool { return math.Abs(r.w2) < 1e-300 }, "|w2| < 1e-300"},
	} {
		xs, ys := data(tc.div)
		r := askerRun{w1: w1, w2: w2}
		for range 100000 {
			r.epoch(xs, ys)
		}
		if !tc.want(r) {
			t.Errorf("/%g: got w1 = %g, w2 = %g, want %s", tc.div, r.w1, r.w2, tc.what)
		}
		out := r.outputs(xs)
		if spread := out[len(out)-1] - out[0]; math.Abs(spread) > 1e-9 {
			t.Errorf("/%g: outputs range over %g, want all equal", tc.div, spread)
		}
	}
}

// TestSaturation checks the σ′ figures: with a weight of 1, the input 9
// gets a slope over 1000 times smaller than the input 1; scaled, about the
// same.
func TestSaturation(t *testing.T) {
	if r := sigmoidPrime(1) / sigmoidPrime(9); r < 1000 {
		t.Errorf("σ′(1)/σ′(9) got %.1f, want > 1000", r)
	}
	if r := sigmoidPrime(0.1) / sigmoidPrime(0.9); r > 1.25 {
		t.Errorf("σ′(0.1)/σ′(0.9) got %.3f, want < 1.25", r)
	}
}

// TestScalingHelps checks that gradient descent with the sigmoid hidden unit
// fits every target to within 0.02 both ways, and sooner with scaled inputs.
func TestScalingHelps(t *testing.T) {
	xs, ys := data(10)
	y := column(ys, 1)
	for seed := uint32(0); seed < 4; seed++ {
		w1, w2 := startWeights(seed)
		var first [2]int
		for i, div := range []float64{1, 10} {
			net := newNet(w1, w2, sigmoid, sigmoidSlope)
			f, err := fit(net, column(xs, div), y, 0.1, 3000, nil)
			if err != nil {
				t.Fatal(err)
			}
			if f < 0 {
				t.Errorf("seed %d, inputs /%g: never within %g of every target in 3000 epochs", seed, div, closeEnough)
			}
			first[i] = f
		}
		if first[1] >= first[0] {
			t.Errorf("seed %d: scaled inputs fit at epoch %d, unscaled at %d; want scaled sooner", seed, first[1], first[0])
		}
	}
}

func TestPlot(t *testing.T) {
	lessontest.Plot(t, parseFlags, run, 400, 300, "-asker-epochs", "10", "-epochs", "10")
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-seed", "3", "-rate", "0.05", "-epochs", "100"}, Want: ""},
		{Args: []string{"-seed", "-1"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-asker-epochs", "0"}, Want: "-asker-epochs must be in 1 … 10000000"},
		{Args: []string{"-rate", "0"}, Want: "-rate must be in (0, 10]"},
		{Args: []string{"-rate", "NaN"}, Want: "-rate must be in (0, 10]"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs must be in 1 … 10000000"},
		{Args: []string{"-trace", "1001"}, Want: "-trace must be in 0 … 1000, got 1001"},
	})
}

// traceArgs is the README's -trace example.
var traceArgs = []string{"-trace", "2", "-asker-epochs", "1", "-epochs", "1", "-plot", ""}

// TestTrace guards the -trace output of the README's example and checks
// that the README quotes the question's rule's first step. The question's
// rule prints every value in full, as its Java does, so the last bits of
// one e^-z show: portable.Exp makes them the same on every platform (arm64's
// math.Exp gives 0.8046612069054386 for e^-0.21733395113744775, amd64's and
// portable.Exp 0.8046612069054385).
func TestTrace(t *testing.T) {
	out := lessontest.Run(t, parseFlags, run, traceArgs...)
	golden.Check(t, "trace", []byte(out))
	golden.InREADME(t, "README.md", lessontest.Excerpt(t, out, "--- step 0 ---", "--- step 1 ---"))
}

// TestExperimentKeepsFigure checks that an experiment draws no picture
// unless asked, so that it never overwrites the README's figure.
func TestExperimentKeepsFigure(t *testing.T) {
	lessontest.KeepsFigure(t, parseFlags, func(c config) string { return c.plot }, "regression.png")
}

// TestSlipsMatter checks that the question's rule differs from gradient
// descent in the lines the README names: on one sample with output too
// high, gradient descent lowers w2 (h > 0) while the question's rule moves
// it by a step with the sign of the error times w2.
func TestSlipsMatter(t *testing.T) {
	r := askerRun{w1: 0.5, w2: 0.5}
	r.step(1, 0.01) // out ≈ 0.56 > 0.01: e_out < 0, so Δw2 = e_out·σ′(e_out)·w2 < 0
	n := newNet(0.5, 0.5, sigmoid, sigmoidSlope)
	n.step(column([]float64{1}, 1), column([]float64{0.01}, 1), 1)
	if !(r.w2 < 0.5) || !(n.w2.Data[0] < 0.5) {
		t.Errorf("w2 after one step on a too-high output: question's rule %v, gradient descent %v, want both below 0.5", r.w2, n.w2.Data[0])
	}
	r2 := askerRun{w1: 0.5, w2: -0.5}
	r2.step(1, 0.99) // e_out > 0 and w2 < 0: the question's e_h = σ′(e_out)·w2 < 0 whatever e_out
	r3 := askerRun{w1: 0.5, w2: -0.5}
	r3.step(1, 0.01)
	if (r2.w1 < 0.5) != (r3.w1 < 0.5) {
		t.Errorf("the question's rule moved w1 to %v and %v for errors of opposite sign, want the same direction (the lost sign)", r2.w1, r3.w1)
	}
}

// TestStepAllocations checks that a gradient-descent step allocates nothing.
func TestStepAllocations(t *testing.T) {
	n := newNet(0.5, 0.5, sigmoid, sigmoidSlope)
	x, y := column([]float64{0.3}, 1), column([]float64{0.4}, 1)
	if a := testing.AllocsPerRun(100, func() { n.step(x, y, 0.1) }); a != 0 {
		t.Errorf("a step allocates %v times, want 0", a)
	}
}
