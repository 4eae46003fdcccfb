package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
)

// TestGolden guards the whole default output (without the plot line).
func TestGolden(t *testing.T) {
	cfg := defaultConfig()
	cfg.plot = ""
	var buf bytes.Buffer
	if err := report(&buf, cfg, defaultTable()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "default", buf.Bytes())
}

// TestREADME checks that the README quotes what the default run prints,
// plot line included: the shared run's report, with the plot written to a
// temporary directory and named as the default run names it.
func TestREADME(t *testing.T) {
	cfg := defaultConfig()
	name := cfg.plot
	cfg.plot = filepath.Join(t.TempDir(), name)
	var buf bytes.Buffer
	if err := report(&buf, cfg, defaultTable()); err != nil {
		t.Fatal(err)
	}
	golden.InREADME(t, "README.md", strings.ReplaceAll(buf.String(), cfg.plot, name))
}

// numpyRuns are the first iterations at which the SSE and the mean log-loss
// fall below 0.001 when the question's code, changed as the answer says,
// runs with np.random.seed(1) under numpy 1.24 on x86-64
// (lessons/04-bias/testdata/reference.py); −1 means never within 10⁶ iterations.
var numpyRuns = []struct {
	loss          string
	standardised  bool
	alpha         float64
	atSSE, atLog  int
	chaoticInputs bool // raw inputs with a rate large enough for a chaotic start
}{
	{"sse", false, 0.01, 236850, -1, false},
	{"sse", false, 0.05, 47374, -1, false},
	{"sse", false, 0.5, 6323, -1, true},
	{"sse", true, 0.01, 179352, -1, false},
	{"sse", true, 0.05, 35885, -1, false},
	{"sse", true, 0.5, 3605, -1, false},
	{"log", false, 0.01, 5997, 37855, false},
	{"log", false, 0.05, 1231, 7588, true},
	{"log", true, 0.01, 4390, 31945, false},
	{"log", true, 0.05, 879, 6410, false},
	{"log", true, 0.5, 89, 616, false},
}

// defaultTable is the default run's table, with the curves for the plot,
// trained once for all tests.
var defaultTable = sync.OnceValue(func() []*cell { return trainAll(defaultConfig(), nil) })

// trainCase returns the default table's run for one cell.
func trainCase(t *testing.T, loss string, standardised bool, alpha float64) outcome {
	t.Helper()
	for _, c := range defaultTable() {
		if c.loss == loss && c.standardised == standardised && c.alpha == alpha {
			if c.err != nil {
				t.Fatal(c.err)
			}
			return c.out
		}
	}
	t.Fatalf("no cell %s, standardised %v, α %g in the default table", loss, standardised, alpha)
	return outcome{}
}

// TestAgainstNumpy compares the counts with numpy's: equal where the run is
// smooth; on raw inputs with α 0.5 (squared error) and α 0.05 (log-loss)
// the first few hundred iterations are chaotic, last-bit differences
// between numpy's BLAS and exp and Go's grow to order 1 (lesson 04 shows
// this), and only the order of magnitude is asked for.
func TestAgainstNumpy(t *testing.T) {
	for _, c := range numpyRuns {
		o := trainCase(t, c.loss, c.standardised, c.alpha)
		for _, p := range []struct {
			what      string
			got, want int
		}{{"SSE", o.atSSE, c.atSSE}, {"log-loss", o.atLog, c.atLog}} {
			if c.loss == "sse" && p.what == "log-loss" {
				continue
			}
			same := p.got == p.want
			if c.chaoticInputs {
				same = math.Floor(math.Log10(float64(p.got))) == math.Floor(math.Log10(float64(p.want)))
			}
			if !same {
				t.Errorf("%s, standardised %v, α %g: %s below goal after %d iterations, numpy %d",
					c.loss, c.standardised, c.alpha, p.what, p.got, p.want)
			}
		}
	}
}

// TestStuck checks the question's "stuck at 0.69314716": log-loss with the
// squared error's rate α 0.5 on raw inputs never gets there. numpy ends at
// an SSE of 2.3999999899527182 and a mean log-loss of 0.6730116649160727.
func TestStuck(t *testing.T) {
	o := trainCase(t, "log", false, 0.5)
	if o.atSSE >= 0 || math.Abs(o.sse-2.3999999899527182) > 1e-6 || math.Abs(o.logLoss-0.6730116649160727) > 1e-6 {
		t.Errorf("log-loss, raw, α 0.5: reached SSE goal at %d, ended with SSE %.17g and log-loss %.17g; numpy never reached it and ended at 2.3999999899527182 and 0.6730116649160727",
			o.atSSE, o.sse, o.logLoss)
	}
}

// TestPublishedMagnitudes checks the answer's orders of magnitude where
// this data reproduces them: about 10⁵ iterations for squared error on raw
// inputs (at α 0.01), 3·10⁴–6·10⁴ for log-loss on raw inputs at α 0.01
// when stopping on the mean log-loss, and under 1,000 with standardised
// inputs (log-loss, α 0.5).
func TestPublishedMagnitudes(t *testing.T) {
	for _, c := range []struct {
		name   string
		got    func() int
		lo, hi int
	}{
		{"squared error, raw, α 0.01", func() int { return trainCase(t, "sse", false, 0.01).atSSE }, 100000, 999999},
		{"log-loss, raw, α 0.01, mean log-loss", func() int { return trainCase(t, "log", false, 0.01).atLog }, 30000, 64331},
		{"log-loss, standard, α 0.5, mean log-loss", func() int { return trainCase(t, "log", true, 0.5).atLog }, 1, 999},
	} {
		if got := c.got(); got < c.lo || got > c.hi {
			t.Errorf("%s: %d iterations, want %d … %d", c.name, got, c.lo, c.hi)
		}
	}
}

// TestDeltaCancels checks the identity the lesson rests on: for a sigmoid
// output, the chain-rule delta of the summed log-loss, ∂E/∂a ⊙ a(1−a),
// equals a − y.
func TestDeltaCancels(t *testing.T) {
	z := matrix.FromSlice(4, 1, []float64{-3, -0.2, 0.7, 2.5})
	y := matrix.FromSlice(4, 1, []float64{0, 1, 0, 1})
	a := matrix.New(4, 1)
	nn.Sigmoid{}.Forward(a, z)
	chain, short := matrix.New(4, 1), matrix.New(4, 1)
	nn.ChainRuleDelta(chain, z, a, y, nn.Sigmoid{}, nn.LogLoss{Sum: true})
	nn.OutputDelta(short, z, a, y, nn.Sigmoid{}, nn.LogLoss{Sum: true})
	for i := range 4 {
		want := a.Data[i] - y.Data[i]
		if math.Abs(chain.Data[i]-want) > 1e-15 || short.Data[i] != want {
			t.Errorf("z = %g: chain-rule delta %.17g, closed form %.17g, want a − y = %.17g", z.Data[i], chain.Data[i], short.Data[i], want)
		}
	}
}

func TestPlot(t *testing.T) {
	lessontest.Plot(t, parseFlags, run, 400, 300, "-alphas", "0.5,0.05", "-max-iter", "20000")
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-seed", "3", "-alphas", "0.1,1", "-goal", "0.01", "-max-iter", "100", "-scale", "standard", "-loss", "log", "-plot", ""}, Want: ""},
		{Args: []string{"-alphas", "0.1,x"}, Want: `-alphas: "x" is not a number`},
		{Args: []string{"-alphas", "0.1,0"}, Want: `-alphas: 0 is not a positive number`},
		{Args: []string{"-alphas", "0.1", "-plot", "x.png"}, Want: "-plot: no run uses α 0.5"},
		{Args: []string{"-alphas", "0.1,0.2,0.3", "-loss", "log", "-scale", "raw"}, Want: ""},
		{Args: []string{"-seed", "4294967296"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-goal", "0"}, Want: "-goal must be a positive number"},
		{Args: []string{"-max-iter", "-5"}, Want: "-max-iter must be in 1 … 100000000, got -5"},
		{Args: []string{"-trace", "-1"}, Want: "-trace must be in 0 … 1000, got -1"},
		{Args: []string{"-scale", "unit"}, Want: `-scale must be raw, standard or both, got "unit"`},
		{Args: []string{"-loss", "mse"}, Want: `-loss must be sse, log or both, got "mse"`},
	})
}

// TestStepAllocations checks that the training loop, with its per-iteration
// SSE and log-loss, allocates nothing per iteration. The race detector
// changes allocation counts, so under -race the counts are not compared.
func TestStepAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	x, y := data.EpochsQuestionIris()
	for _, l := range []string{"sse", "log"} {
		allocs := func(n int) float64 {
			return testing.AllocsPerRun(3, func() {
				if _, err := train(x, y, 1, l, 0.5, 1e-300, n, 0, nil); err != nil {
					t.Fatal(err)
				}
			})
		}
		if few, many := allocs(10), allocs(2000); many != few && !lessontest.RaceEnabled {
			t.Errorf("%s: train allocates %v times for 2000 iterations and %v for 10", l, many, few)
		}
	}
}

// TestDefaultPlotDropped checks that rates the plot can't show drop the
// default plot instead of failing after the run.
func TestDefaultPlotDropped(t *testing.T) {
	cfg, err := parseFlags([]string{"-alphas", "0.1,0.2"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.plot != "" {
		t.Errorf("plot = %q with -alphas 0.1,0.2, want none", cfg.plot)
	}
}

// traceArgs is the README's -trace example: one step of the answer's
// log-loss run on raw inputs.
var traceArgs = []string{"-loss", "log", "-scale", "raw", "-alphas", "0.05", "-max-iter", "1", "-trace", "1"}

// TestTrace guards the -trace output of the README's example and checks
// that the README quotes its excerpt: the output error and delta, which is
// the error itself on log-loss.
func TestTrace(t *testing.T) {
	out := lessontest.Run(t, parseFlags, run, traceArgs...)
	golden.Check(t, "trace", []byte(out))
	golden.InREADME(t, "README.md", lessontest.Excerpt(t, out, "layer_2_error =", "layer_1_error ="))
}

// TestDivergedPrintsNothing checks that a run that diverges reports it
// before printing any of the table.
func TestDivergedPrintsNothing(t *testing.T) {
	cfg, err := parseFlags([]string{"-alphas", "1e308", "-max-iter", "10"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = run(&buf, cfg)
	if err == nil || !strings.Contains(err.Error(), "log-loss, raw inputs, α 1e+308: diverged at iteration 2") {
		t.Errorf("got error %v, want log-loss, raw inputs, α 1e+308: diverged at iteration 2", err)
	}
	if buf.Len() > 0 {
		t.Errorf("a diverging run printed\n%s", buf.String())
	}
}

// TestExperimentKeepsFigure checks that an experiment draws no picture
// unless asked, so that it never overwrites the README's figure.
func TestExperimentKeepsFigure(t *testing.T) {
	lessontest.KeepsFigure(t, parseFlags, func(c config) string { return c.plot }, "log-loss.png")
}

// TestBracketing runs testdata/bracketing.py, which backs the README's
// word on lesson 06's count: in numpy, the same chaotic run (squared error,
// raw inputs, α 0.5) stops at another iteration when only the rounding of
// err·a(1 − a) changes; both counts stay of the same size.
func TestBracketing(t *testing.T) {
	out := lessontest.Numpy(t, "testdata/bracketing.py")
	var grouped, leftToRight int
	if _, err := fmt.Sscanf(string(out), "err * (a*(1-a)): %d\n(err*a)*(1-a): %d", &grouped, &leftToRight); err != nil {
		t.Fatalf("cannot read %q: %v", out, err)
	}
	if grouped == leftToRight || grouped < 1000 || grouped > 9999 || leftToRight < 1000 || leftToRight > 9999 {
		t.Errorf("numpy counts %d (grouped) and %d (left to right), want two different counts in 1000 … 9999", grouped, leftToRight)
	}
}

// TestTraceNumpy checks the -trace output against numpy's: testdata/trace.py
// is the question's code with a print line after each of its lines.
func TestTraceNumpy(t *testing.T) {
	want := lessontest.Numpy(t, "testdata/trace.py")
	got, _, _ := strings.Cut(lessontest.Run(t, parseFlags, run, traceArgs...), "Iterations until")
	lessontest.Same(t, "-trace", got, want)
}
