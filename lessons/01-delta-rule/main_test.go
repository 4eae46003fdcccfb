package main

import (
	"errors"
	"flag"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
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

// defaultOutput runs the lesson once with no flags and returns what it
// printed; TestGolden and TestREADME share the run.
var defaultOutput = golden.Output(func(w io.Writer) error {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		return err
	}
	return run(w, cfg)
})

// TestGolden guards the whole default output.
func TestGolden(t *testing.T) {
	out := defaultOutput(t)
	golden.Check(t, "and", out)
}

// TestREADME checks that the README quotes the default output as it is today.
func TestREADME(t *testing.T) {
	out := defaultOutput(t)
	golden.InREADME(t, "README.md", string(out))
}

// TestPublished trains both variants with the question's settings and compares
// all 16 outputs with the literals Java printed: to 1e-12 relative with any
// exponential, and bit for bit with the correctly rounded one.
func TestPublished(t *testing.T) {
	for _, tc := range []struct {
		pow      string
		bitExact bool
	}{
		{"java", true},
		{"go", false},
		{"exp", false},
	} {
		cfg := defaults(t)
		cfg.pow = tc.pow
		for _, v := range []variant{crossEntropy, squaredError} {
			for _, s := range train(v, cfg) {
				for i, lit := range published[v.name][s.epochs] {
					want, err := strconv.ParseFloat(lit, 64)
					if err != nil {
						t.Fatalf("published literal %q: %v", lit, err)
					}
					got := s.out[i]
					if rel := math.Abs(got-want) / want; rel > 1e-12 {
						t.Errorf("pow %s, %s, %d epochs, probe %v: got %v, want %s (relative difference %.1e > 1e-12)",
							tc.pow, v.name, s.epochs, probes[i], got, lit, rel)
					}
					if tc.bitExact && javaDouble(got) != lit {
						t.Errorf("pow %s, %s, %d epochs, probe %v: got %s, want %s bit for bit",
							tc.pow, v.name, s.epochs, probes[i], javaDouble(got), lit)
					}
				}
			}
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
			n := neuron{w: start, exp: math.Exp}
			n.epoch(rate, v.deriv)
			for i := range start {
				total := func(h float64) float64 {
					w := start
					w[i] += h
					e := 0.0
					for k, x := range samples {
						e += losses[v.name](targets[k], sigmoid(w, x))
					}
					return e
				}
				const h = 1e-6
				grad := (total(h) - total(-h)) / (2 * h)
				got, want := n.w[i]-start[i], -rate*grad
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
		{Args: []string{"extra"}, Want: `unexpected argument "extra"`},
	})
	if _, err := parseFlags([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("parseFlags(-h): got %v, want flag.ErrHelp", err)
	}
	cfg, err := parseFlags([]string{"-epochs", "5, 50", "-rate", "0.5", "-bias-init", "1", "-variant", "squared-error", "-pow", "go"}, io.Discard)
	if err != nil {
		t.Fatalf("parseFlags(valid): %v", err)
	}
	if len(cfg.epochs) != 2 || cfg.epochs[0] != 5 || cfg.epochs[1] != 50 || cfg.rate != 0.5 || cfg.biasInit != 1 ||
		len(cfg.variants) != 1 || cfg.variants[0] != squaredError || cfg.pow != "go" {
		t.Errorf("parseFlags(valid): got %+v, want epochs [5 50], rate 0.5, bias 1, squared-error, pow go", cfg)
	}
}
