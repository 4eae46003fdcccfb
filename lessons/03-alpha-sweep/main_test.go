package main

import (
	"bytes"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
)

// defaultOutput runs the lesson once with its default flags (without the
// plot) and returns what it printed; the tests share the run.
var defaultOutput = golden.Output(func(w io.Writer) error {
	cfg := defaultConfig()
	cfg.plot = ""
	return run(w, cfg)
})

// TestGolden guards the whole default output.
func TestGolden(t *testing.T) {
	golden.RequireExp(t)
	out := defaultOutput(t)
	golden.Check(t, "default", out)
}

// published holds the "Error after N iterations" values the notebook prints
// (its output stops after alpha 0.1 at 40,000 steps).
var published = map[float64][]float64{
	0.001: {0.49641003190272537, 0.49516402549338606, 0.4935960431880486, 0.4916063585594306, 0.48910016654420474, 0.48597785784615843},
	0.01:  {0.49641003190272537, 0.45743107444190134, 0.35909720256339894, 0.2393581371589725, 0.14307065901337035, 0.09859642980892715},
	0.1:   {0.49641003190272537, 0.0428880170001158, 0.024098994228521613, 0.018110652146797846, 0.01498761627221092},
}

// numpyRun holds what the notebook's code prints for the other alphas with
// numpy 1.24 on x86-64 (the run is in the README); the notebook's own output
// was cut off before them.
var numpyRun = map[float64][]float64{
	0.1:  {0.4964100319027255, 0.042888017000115755, 0.02409899422852161, 0.018110652146797853, 0.014987616272210909, 0.013014490538142583},
	1:    {0.4964100319027255, 0.008584525653247157, 0.0057894598625078085, 0.004629176776769985, 0.0039587652802736475, 0.003510122567861678},
	10:   {0.4964100319027255, 0.0031293887630118276, 0.002144595579852177, 0.0017239754995622258, 0.0014782145122907984, 0.0013127406283356725},
	100:  {0.4964100319027255, 0.12547698385380932, 0.12533033352910083, 0.1252677287667577, 0.12523107366284103, 0.12520635275876102},
	1000: {0.4964100319027255, 0.5, 0.5, 0.5, 0.5, 0.5},
}

// TestPublishedErrors compares every printed error with the notebook's and
// numpy's values to 1e-9 relative. BLAS and libm round differently from Go
// in the last bits; the chaotic alpha 100 run drifts most, about 1.1e-10.
func TestPublishedErrors(t *testing.T) {
	const tol = 1e-9
	results := sweep(defaultConfig())
	byAlpha := map[float64][]float64{}
	for _, r := range results {
		byAlpha[r.alpha] = r.printed
	}
	for name, table := range map[string]map[float64][]float64{"notebook": published, "numpy 1.24": numpyRun} {
		for alpha, want := range table {
			got := byAlpha[alpha]
			for i, w := range want {
				if rel := math.Abs(got[i]-w) / w; !(rel <= tol) {
					t.Errorf("alpha %g, step %d: got %.17g, %s printed %.17g (relative difference %.2g > %g)",
						alpha, i*10000, got[i], name, w, rel, tol)
				}
			}
		}
	}
}

// TestInitialSynapses checks the numpy-seeded weights against the notebook's
// printout, digit for digit.
func TestInitialSynapses(t *testing.T) {
	w0, w1 := initialWeights(1)
	want0 := "[[-0.16595599  0.44064899 -0.99977125 -0.39533485]\n [-0.70648822 -0.81532281 -0.62747958 -0.30887855]\n [-0.20646505  0.07763347 -0.16161097  0.370439  ]]"
	want1 := "[[-0.5910955 ]\n [ 0.75623487]\n [-0.94522481]\n [ 0.34093502]]"
	if got := w0.String(); got != want0 {
		t.Errorf("synapse 0 =\n%s\nwant\n%s", got, want0)
	}
	if got := w1.String(); got != want1 {
		t.Errorf("synapse 1 =\n%s\nwant\n%s", got, want1)
	}
}

func TestPlot(t *testing.T) {
	cfg := defaultConfig()
	cfg.alphas, cfg.steps = []float64{1, 10}, 2000
	cfg.plot = filepath.Join(t.TempDir(), "sweep.png")
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	lessontest.Image(t, cfg.plot, 400, 300)
	if !strings.Contains(buf.String(), "wrote "+cfg.plot) {
		t.Errorf("output does not say where the plot went:\n%s", buf.String())
	}
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-alphas", "0.5,5", "-steps", "100", "-every", "10"}, Want: ""},
		{Args: []string{"-alphas", "0.5,x"}, Want: `-alphas: "x" is not a number`},
		{Args: []string{"-alphas", "-1"}, Want: `-alphas: -1 is not a positive number`},
		{Args: []string{"-steps", "0"}, Want: "-steps must be at least 1"},
		{Args: []string{"-every", "-3"}, Want: "-every must be at least 1"},
		{Args: []string{"-seed", "4294967296"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-digits", "18"}, Want: "-digits must be in 0 … 17"},
		{Args: []string{"-plot", "sweep.gif"}, Want: `-plot: sweep.gif: unknown image extension ".gif"`},
		{Args: []string{"-plot", "/nonexistent/sweep.png"}, Want: "directory /nonexistent does not exist"},
		{Args: []string{"-nope"}, Want: "flag provided but not defined: -nope"},
		{Args: []string{"extra"}, Want: `unexpected argument "extra"`},
	})
}

// TestTrainAllocations checks that the training loop reuses its buffers: a
// run of many steps allocates no more than a run of few.
func TestTrainAllocations(t *testing.T) {
	cfg := defaultConfig()
	cfg.every, cfg.record = 1<<30, 1<<30
	allocs := func(steps int) float64 {
		cfg.steps = steps
		return testing.AllocsPerRun(3, func() { train(cfg, 1); trainFused(cfg, 1) })
	}
	if few, many := allocs(10), allocs(2000); many != few {
		t.Errorf("train and trainFused allocate %v times for 2000 steps and %v for 10: a step allocates", many, few)
	}
}

// TestREADME checks that the README quotes the default output as it is today.
func TestREADME(t *testing.T) {
	golden.RequireExp(t)
	out := defaultOutput(t)
	golden.InREADME(t, "README.md", string(out))
}

// TestFusedMatchesMatrix checks that the fused loop the sweep runs gives
// bit for bit what the matrix-call loop of train.go gives, for every
// learning rate of the notebook and a few more.
func TestFusedMatchesMatrix(t *testing.T) {
	cfg := defaultConfig()
	cfg.steps, cfg.every, cfg.record = 3000, 500, 7
	for _, alpha := range []float64{0.001, 0.1, 1, 10, 100, 1000, 3.7} {
		want, got := train(cfg, alpha), trainFused(cfg, alpha)
		if !reflect.DeepEqual(got.printed, want.printed) || !reflect.DeepEqual(got.curve, want.curve) {
			t.Errorf("alpha %g: fused errors %v, matrix errors %v", alpha, got.printed, want.printed)
		}
		if !matrix.Equal(got.w0, want.w0) || !matrix.Equal(got.w1, want.w1) {
			t.Errorf("alpha %g: fused weights\n%v\n%v\nmatrix weights\n%v\n%v", alpha, got.w0, got.w1, want.w0, want.w1)
		}
	}
}
