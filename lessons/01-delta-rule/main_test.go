package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
)

// defaults returns the configuration of a run with no flags.
func defaults(t *testing.T) config {
	t.Helper()
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatalf("parseFlags(nil): %v", err)
	}
	return cfg
}

// defaultOutput is what the default run prints, run once for all the
// tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run)

// TestDefault guards the whole default output and the README's quote of it.
func TestDefault(t *testing.T) { lessontest.Default(t, "and", defaultOutput(t)) }

// TestPublished trains both variants with the question's settings and compares
// all 16 outputs with the literals Java printed: to 1e-12 relative with any
// exponential, and bit for bit with the correctly rounded one. As the
// README's table says, portable.Pow (math.Pow's amd64 bits) gives 10 of the
// 16 bit for bit and is at most 1.9e-15 off, portable.Exp 4 and 2.4e-15, on
// every platform.
func TestPublished(t *testing.T) {
	for _, tc := range []struct {
		pow      string
		bitExact bool
		table    string // the README's "bit for bit" and "largest relative difference"
	}{
		{"java", true, "16 0.0e+00"},
		{"go", false, "10 1.9e-15"},
		{"exp", false, "4 2.4e-15"},
	} {
		exact, worst := 0, 0.0
		cfg := defaults(t)
		cfg.pow = tc.pow
		for _, v := range []variant{crossEntropy, squaredError} {
			snaps, err := train(v, cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range snaps {
				for i, lit := range published[v.name][s.epochs] {
					want, err := strconv.ParseFloat(lit, 64)
					if err != nil {
						t.Fatalf("published literal %q: %v", lit, err)
					}
					got := s.out[i]
					if got == want {
						exact++
					}
					worst = max(worst, math.Abs(got-want)/want)
					if rel := math.Abs(got-want) / want; rel > 1e-12 {
						t.Errorf("pow %s, %s, %d epochs, probe %v: got %v, want %s (relative difference %.1e > 1e-12)",
							tc.pow, v.name, s.epochs, probes.Row(i), got, lit, rel)
					}
					if tc.bitExact && javaDouble(got) != lit {
						t.Errorf("pow %s, %s, %d epochs, probe %v: got %s, want %s bit for bit",
							tc.pow, v.name, s.epochs, probes.Row(i), javaDouble(got), lit)
					}
				}
			}
		}
		if got := fmt.Sprintf("%d %.1e", exact, worst); got != tc.table {
			t.Errorf("pow %s: bit-exact outputs and largest relative difference %s, the README's table says %s", tc.pow, got, tc.table)
		}
	}
}

// TestUpdatesAreGradients checks the README's claim: one epoch without σ'(z)
// moves the weights by −η·∇ of the summed cross-entropy, and one epoch with
// σ'(z) by −η·∇ of the summed half squared error (central differences).
func TestUpdatesAreGradients(t *testing.T) {
	sigmoid := func(w [3]float64, x [3]float64) float64 {
		return 1 / (1 + math.Exp(-(w[0]*x[0] + w[1]*x[1] + w[2]*x[2])))
	}
	losses := map[string]func(y, a float64) float64{
		crossEntropy.name: func(y, a float64) float64 { return -(y*math.Log(a) + (1-y)*math.Log(1-a)) },
		squaredError.name: func(y, a float64) float64 { return (y - a) * (y - a) / 2 },
	}
	const rate = 0.1
	for _, v := range []variant{crossEntropy, squaredError} {
		for _, start := range [][3]float64{{-2, 0, 0}, {-1.5, 0.7, -0.3}, {0.4, 2, 1.1}} {
			n := newNeuron(0, math.Exp, v.deriv)
			copy(n.weights.Data, start[:])
			n.epoch(rate)
			for i := range start {
				total := func(h float64) float64 {
					w := start
					w[i] += h
					e := 0.0
					for k := range samples.Rows {
						e += losses[v.name](targets.At(k, 0), sigmoid(w, [3]float64(samples.Row(k))))
					}
					return e
				}
				const h = 1e-6
				grad := (total(h) - total(-h)) / (2 * h)
				got, want := n.weights.Data[i]-start[i], -rate*grad
				if math.Abs(got-want) > 1e-8 {
					t.Errorf("%s from %v: Δw%d got %.10f, want −η·∂E/∂w%d = %.10f", v.name, start, i, got, i, want)
				}
			}
		}
	}
}

func TestJavaDouble(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // variables, so the sum is rounded at run time
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{1, "1.0"},
		{-2, "-2.0"},
		{100, "100.0"},
		{1234567, "1234567.0"},
		{1e7, "1.0E7"},
		{1.5e7, "1.5E7"},
		{0.001, "0.001"},
		{0.0015, "0.0015"},
		{9.999e-4, "9.999E-4"},
		{2e-5, "2.0E-5"},
		{tenth + fifth, "0.30000000000000004"},
		{math.SmallestNonzeroFloat64, "4.9E-324"},
		{math.MaxFloat64, "1.7976931348623157E308"},
		{1e23, "1.0E23"},
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"},
		{math.NaN(), "NaN"},
	} {
		if got := javaDouble(tc.x); got != tc.want {
			t.Errorf("javaDouble(%v): got %s, want %s", tc.x, got, tc.want)
		}
	}
}

// TestJavaDoubleRoundTrip reads every published literal and prints it back:
// the text must come out unchanged, so the column Java printed and the column
// this lesson prints are the same function of the same double.
func TestJavaDoubleRoundTrip(t *testing.T) {
	for name, byEpochs := range published {
		for epochs, lits := range byEpochs {
			for _, lit := range lits {
				x, err := strconv.ParseFloat(lit, 64)
				if err != nil {
					t.Fatalf("%s %d: %v", name, epochs, err)
				}
				if got := javaDouble(x); got != lit {
					t.Errorf("%s %d: javaDouble(ParseFloat(%q)): got %s, want %s", name, epochs, lit, got, lit)
				}
			}
		}
	}
}

// TestExpOfLnJavaE checks the constant ln(Math.E): exponentiating it in
// double-double must give back Math.E with a negligible remainder.
func TestExpOfLnJavaE(t *testing.T) {
	got := ddExp(lnJavaE)
	if got.hi != math.E || math.Abs(got.lo) > 1e-29 {
		t.Errorf("ddExp(lnJavaE): got %v + %v, want %v + (|lo| ≤ 1e-29)", got.hi, got.lo, math.E)
	}
}

// TestJavaPowE compares javaPowE with correctly rounded references (glibc's
// pow through Python's math.pow(math.e, y)) and, over a range of arguments,
// with math.Pow, which is accurate to a few ulps but not correctly rounded.
func TestJavaPowE(t *testing.T) {
	for _, tc := range []struct{ y, want float64 }{
		{-14.58, 4.65571571578309e-07},
		{-10.794638, 2.050917932681785e-05},
		{-3.3, 0.03688316740124002},
		{-0.5, 0.6065306597126334},
		{0.25, 1.2840254166877414},
		{1, 2.718281828459045},
		{2.5, 12.182493960703471},
		{7.08081, 1188.931162827401},
		{14.581746, 2151650.9733391497},
	} {
		if got := javaPowE(tc.y); got != tc.want {
			t.Errorf("javaPowE(%v): got %v, want %v", tc.y, got, tc.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		y := 60 * (rng.Float64() - 0.5)
		got, ref := javaPowE(y), math.Pow(math.E, y)
		if rel := math.Abs(got-ref) / ref; rel > 1e-15 {
			t.Fatalf("javaPowE(%v): got %v, math.Pow gives %v (relative difference %.1e, want ≤ 1e-15)", y, got, ref, rel)
		}
	}
}

func TestParseFlags(t *testing.T) {
	// Each error must name the flag.
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-epochs", "10000,x"}, Want: "-epochs"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs"},
		{Args: []string{"-epochs", "100,100"}, Want: "-epochs"},
		{Args: []string{"-epochs", "20000000"}, Want: "-epochs"},
		{Args: []string{"-rate", "0"}, Want: "-rate"},
		{Args: []string{"-rate", "-0.5"}, Want: "-rate"},
		{Args: []string{"-rate", "NaN"}, Want: "-rate"},
		{Args: []string{"-rate", "+Inf"}, Want: "-rate"},
		{Args: []string{"-rate", "fast"}, Want: "-rate"},
		{Args: []string{"-bias-init", "NaN"}, Want: "-bias-init"},
		{Args: []string{"-bias-init", "1e9"}, Want: "-bias-init"},
		{Args: []string{"-variant", "mse"}, Want: "-variant"},
		{Args: []string{"-pow", "fast"}, Want: "-pow"},
		{Args: []string{"-trace", "-1"}, Want: "-trace"},
		{Args: []string{"-trace", "101"}, Want: "-trace must be in 0 … 100, got 101"},
	})
	cfg, err := parseFlags([]string{"-epochs", "5, 50", "-rate", "0.5", "-bias-init", "1", "-variant", "squared-error", "-pow", "go"}, io.Discard)
	if err != nil {
		t.Fatalf("parseFlags(valid): %v", err)
	}
	if len(cfg.epochs) != 2 || cfg.epochs[0] != 5 || cfg.epochs[1] != 50 || cfg.rate != 0.5 || cfg.biasInit != 1 ||
		len(cfg.variants) != 1 || cfg.variants[0] != squaredError || cfg.pow != "go" {
		t.Errorf("parseFlags(valid): got %+v, want epochs [5 50], rate 0.5, bias 1, squared-error, pow go", cfg)
	}
}

// TestStepMatchesEngine checks step.go against nn's engine on the default
// run's settings (rate 0.021, w₀ = −2, 10,000 and 35,000 epochs, both
// variants), with e^-z as portable.Exp (-pow exp, nn's Sigmoid) in both. The
// engine's neuron is an nn.Layer without a bias row (the bias is input 0),
// trained by nn.GD with nn.LogLoss{Sum: true} for the rule without σ′ and
// nn.HalfSSE for the rule with it. The orders of operations differ: the
// lesson, as the Java, multiplies each sample's error by η (and, with σ′,
// computes ((η·e)·a)·(1 − a)) and adds Xᵀ·δ to w; nn computes a − y (with σ′,
// (a − y)·(a(1 − a))), sums Xᵀ·δ and subtracts η times the sum. The two
// weights then differ in their last bits along the way (from the first
// epoch) and mostly merge again, since a small Δw rarely moves w's rounding.
// Where they stand at the checkpoints depends on the last bits of every
// e^-z, which portable.Exp makes the same on every platform: the rule
// without σ′ agrees bit for bit and the rule with it within 2e-15 relative
// (measured: 9.1e-16).
func TestStepMatchesEngine(t *testing.T) {
	cfg := defaults(t)
	cfg.pow = "exp"
	for _, tc := range []struct {
		v     variant
		loss  nn.Loss
		bound float64
	}{{crossEntropy, nn.LogLoss{Sum: true}, 0}, {squaredError, nn.HalfSSE{}, 2e-15}} {
		bound := tc.bound
		snaps, err := train(tc.v, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		w := matrix.FromSlice(3, 1, []float64{cfg.biasInit, 0, 0})
		net := nn.NewNetwork(nn.NewLayer(w, nil, nn.Sigmoid{}))
		done := 0
		for _, s := range snaps {
			for ; done < s.epochs; done++ {
				net.Step(samples, targets, tc.loss, 0, nn.GD{}, cfg.rate)
			}
			out := net.Predict(probes)
			for i, got := range append(w.Data[:3:3], out.Data...) {
				want := append(s.w[:], s.out[:]...)[i]
				if rel := math.Abs(got-want) / math.Abs(want); !(rel <= bound) {
					t.Errorf("%s, %d epochs, value %d: nn %v, step.go %v (relative difference %.1e > %g)", tc.v.name, s.epochs, i, got, want, rel, bound)
				}
			}
		}
	}
}

// TestDivergence checks that a rate so large that the weights overflow
// stops the run with an error naming the epoch instead of printing NaN.
func TestDivergence(t *testing.T) {
	cfg := defaults(t)
	cfg.rate = 1e308
	err := run(io.Discard, cfg)
	if err == nil || !strings.Contains(err.Error(), "diverged at epoch 2: w0 is -Inf") {
		t.Errorf("-rate 1e308: got error %v, want one saying it diverged at epoch 2", err)
	}
	if code := cli.Run("delta-rule", []string{"-rate", "1e308"}, io.Discard, io.Discard, parseFlags, run); code != 1 {
		t.Errorf("-rate 1e308: exit status %d, want 1", code)
	}
}

// TestJavaPowEOutsideRange checks that javaPowE gives portable.Exp's value where
// double-double arithmetic would overflow, so that a large rate prints
// saturated outputs (1.0) instead of NaN.
func TestJavaPowEOutsideRange(t *testing.T) {
	for _, y := range []float64{700, -700, 800, -800, 1e19, -1e19, math.Inf(1), math.Inf(-1)} {
		if got, want := javaPowE(y), portable.Exp(y); got != want {
			t.Errorf("javaPowE(%v): got %v, want portable.Exp's %v", y, got, want)
		}
	}
	cfg := defaults(t)
	cfg.rate, cfg.epochs = 1e19, []int{1, 100}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.Contains(out, "NaN") {
		t.Errorf("-rate 1e19 -epochs 1,100 prints NaN:\n%s", out)
	}
}

// traceOutput is the trace section of the output for the given flags.
func traceOutput(t *testing.T, args ...string) string {
	t.Helper()
	return lessontest.After(t, parseFlags, run, "Trace of each variant's first epochs", args...)
}

// TestTraceGolden guards the trace of both variants' first two epochs, and
// the README quotes the squared-error variant's first.
func TestTraceGolden(t *testing.T) {
	golden.Check(t, "trace", []byte(traceOutput(t, "-epochs", "2", "-trace", "2")))
	tr := traceOutput(t, "-epochs", "1", "-trace", "1", "-variant", "squared-error")
	golden.InREADME(t, "README.md", tr)
}

// TestREADMEFigures checks the figures the README's prose states: how far
// each neuron's worst output is from its target after 35,000 epochs, when
// the cross-entropy neuron beats that, and what -rate 0.21 and
// -bias-init 0 give.
func TestREADMEFigures(t *testing.T) {
	// worst returns the largest |target − output| over the four probes and
	// the probe where it is.
	worst := func(out [4]float64) (float64, int) {
		w, at := 0.0, 0
		for i, a := range out {
			if d := math.Abs(probeTarget(i) - a); d > w {
				w, at = d, i
			}
		}
		return w, at
	}
	snapsOf := func(v variant, mod func(*config)) []snapshot {
		cfg := defaults(t)
		mod(&cfg)
		s, err := train(v, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	same := func(*config) {}
	ce, se := snapsOf(crossEntropy, same)[1], snapsOf(squaredError, same)[1]
	for _, tc := range []struct {
		name string
		out  [4]float64
		want string
	}{{"cross-entropy", ce.out, "0.0096 at (1,1)"}, {"squared-error", se.out, "0.078 at (1,1)"}} {
		w, at := worst(tc.out)
		if got := fmt.Sprintf("%.2g at (%v,%v)", w, probes.At(at, 1), probes.At(at, 2)); got != tc.want {
			t.Errorf("%s after 35,000 epochs: worst output off by %s, the README says %s", tc.name, got, tc.want)
		}
	}
	seWorst, _ := worst(se.out)
	first := snapsOf(crossEntropy, func(c *config) { c.epochs = []int{4037, 4038} })
	if w0, _ := worst(first[0].out); w0 <= seWorst {
		t.Errorf("cross-entropy after 4,037 epochs: worst %v, want it above the squared-error neuron's %v", w0, seWorst)
	}
	if w1, _ := worst(first[1].out); w1 >= seWorst {
		t.Errorf("cross-entropy after 4,038 epochs: worst %v, want it below the squared-error neuron's %v", w1, seWorst)
	}
	if got := fmt.Sprintf("%.8f %.8f %.8f", first[0].out[0], first[1].out[0], se.out[0]); got != "0.92187584 0.92189305 0.92187732" {
		t.Errorf("(1,1) after 4,037 and 4,038 epochs and squared error's after 35,000: %s, the README says 0.92187584 0.92189305 0.92187732", got)
	}
	fast := snapsOf(squaredError, func(c *config) { c.rate = 0.21 })[1]
	if w, _ := worst(fast.out); fmt.Sprintf("%.2g", w) != "0.023" {
		t.Errorf("-rate 0.21, squared error after 35,000 epochs: worst %.2g, the README says 0.023", w)
	}
	zero := func(c *config) { c.biasInit, c.epochs = 0, []int{100, 1000} }
	c0, s0 := snapsOf(crossEntropy, zero), snapsOf(squaredError, zero)
	if got := fmt.Sprintf("%.3f %.3f %.3f %.3f", c0[0].out[0], s0[0].out[0], c0[1].out[0], s0[1].out[0]); got != "0.427 0.423 0.760 0.562" {
		t.Errorf("-bias-init 0, (1,1) after 100 and 1,000 epochs: %s, the README says 0.427 0.423 0.760 0.562", got)
	}
	if got := fmt.Sprintf("%.3f %.3f", 1/(1+math.Exp(2)), 1/(1+math.Exp(2))*(1-1/(1+math.Exp(2)))); got != "0.119 0.105" {
		t.Errorf("σ(−2) and σ′(−2): %s, the README says 0.119 and 0.105", got)
	}
}

// probeTarget is AND of probe i's two inputs.
func probeTarget(i int) float64 { return probes.At(i, 1) * probes.At(i, 2) }

// TestEpochAllocations checks that an epoch reuses the neuron's matrices.
func TestEpochAllocations(t *testing.T) {
	for _, deriv := range []bool{false, true} {
		n := newNeuron(-2, javaPowE, deriv)
		if a := testing.AllocsPerRun(100, func() { n.epoch(0.021) }); a != 0 && !lessontest.RaceEnabled {
			t.Errorf("deriv %v: an epoch allocates %v times, want 0", deriv, a)
		}
	}
}
