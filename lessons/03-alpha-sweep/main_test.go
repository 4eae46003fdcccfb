package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/nn"
)

// defaultOutput is what the default run prints (without the picture),
// run once for all the tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run, "-plot", "")

// TestDefault guards the whole default output and the README's quote of it.
func TestDefault(t *testing.T) {
	lessontest.Default(t, "default", defaultOutput(t))
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
// numpy's values to 1e-9 relative. BLAS and libm round differently from Go in
// the last bits; the chaotic alpha 100 run drifts most: 1.1e-10 (as the
// README says, on every platform, since portable.Exp rounds alike
// everywhere), and the others at most 1e-14.
func TestPublishedErrors(t *testing.T) {
	const tol = 1e-9
	results := sweep(defaultConfig())
	byAlpha := map[float64][]float64{}
	for _, r := range results {
		byAlpha[r.alpha] = r.printed
	}
	for alpha, want := range numpyRun {
		worst := 0.0
		for i, w := range want {
			worst = max(worst, math.Abs(byAlpha[alpha][i]-w)/w)
		}
		if got := fmt.Sprintf("%.1e", worst); alpha == 100 && got != "1.1e-10" {
			t.Errorf("alpha 100: largest relative difference from numpy %s, the README says 1.1e-10", got)
		} else if alpha != 100 && worst > 1e-14 {
			t.Errorf("alpha %g: largest relative difference from numpy %.1e, want at most 1e-14", alpha, worst)
		}
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
	lessontest.Plot(t, parseFlags, run, 400, 300, "-alphas", "1,10", "-steps", "2000")
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-alphas", "0.5,5", "-steps", "100", "-every", "10"}, Want: ""},
		{Args: []string{"-alphas", "0.5,x"}, Want: `-alphas: "x" is not a number`},
		{Args: []string{"-alphas", "-1"}, Want: `-alphas: -1 is not a positive number`},
		{Args: []string{"-steps", "0"}, Want: "-steps must be in 1 … 10000000"},
		{Args: []string{"-steps", "2000000000", "-record", "1"}, Want: "-steps must be in 1 … 10000000"},
		{Args: []string{"-steps", "10000000", "-record", "1"}, Want: "-record 1 keeps 10000000 errors per learning rate"},
		{Args: []string{"-steps", "10000000", "-every", "10"}, Want: "-every 10 keeps 1000000 errors"},
		{Args: []string{"-trace", "-1"}, Want: "-trace must be in 0 … 100"},
		{Args: []string{"-trace", "1", "-fused"}, Want: "-trace prints step.go's quantities"},
		{Args: []string{"-every", "-3"}, Want: "-every must be at least 1"},
		{Args: []string{"-seed", "4294967296"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-digits", "18"}, Want: "-digits must be in 0 … 17"},
		{Args: []string{"-plot", "sweep.gif"}, Want: `-plot: sweep.gif: unknown image extension ".gif"`},
		{Args: []string{"-plot", "/nonexistent/sweep.png"}, Want: "directory /nonexistent does not exist"},
	})
}

// TestTrainAllocations checks that the training loop reuses its buffers: a
// run of many steps allocates no more than a run of few.
func TestTrainAllocations(t *testing.T) {
	cfg := defaultConfig()
	cfg.every, cfg.record = 1<<30, 1<<30
	allocs := func(steps int) float64 {
		cfg.steps = steps
		return testing.AllocsPerRun(3, func() { train(cfg, 1, nil); trainFused(cfg, 1) })
	}
	if few, many := allocs(10), allocs(2000); many != few && !lessontest.RaceEnabled {
		t.Errorf("train and trainFused allocate %v times for 2000 steps and %v for 10: a step allocates", many, few)
	}
}

// TestFusedMatchesStep checks that the fused loop -fused runs gives bit for
// bit what step.go's matrix operations give, for every learning rate of the
// notebook and a few more.
func TestFusedMatchesStep(t *testing.T) {
	cfg := defaultConfig()
	cfg.steps, cfg.every, cfg.record = 3000, 500, 7
	for _, alpha := range []float64{0.001, 0.1, 1, 10, 100, 1000, 3.7} {
		want, got := train(cfg, alpha, nil), trainFused(cfg, alpha)
		if !reflect.DeepEqual(got.printed, want.printed) || !reflect.DeepEqual(got.curve, want.curve) {
			t.Errorf("alpha %g: fused errors %v, matrix errors %v", alpha, got.printed, want.printed)
		}
		if !matrix.Equal(got.w0, want.w0) || !matrix.Equal(got.w1, want.w1) {
			t.Errorf("alpha %g: fused weights\n%v\n%v\nmatrix weights\n%v\n%v", alpha, got.w0, got.w1, want.w0, want.w1)
		}
	}
}

// regimeChange is a step at which the α = 1000 network's four outputs change
// regime: all below 1e-5 ("low"), all above 1 − 1e-5 ("high") or neither.
type regimeChange struct {
	step   int
	regime string
}

func regime(layer2 *matrix.Matrix) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range layer2.Data {
		lo, hi = min(lo, v), max(hi, v)
	}
	switch {
	case hi < 1e-5:
		return "low"
	case lo > 1-1e-5:
		return "high"
	}
	return "mid"
}

// alpha1000Changes are the README's story of α = 1000: the steps at which
// the outputs change regime, the same in Go and in numpy.
var alpha1000Changes = []regimeChange{{0, "mid"}, {3, "low"}, {222, "mid"}, {275, "high"}, {1870, "mid"}, {1924, "low"}, {2050, "mid"}, {2104, "low"}}

// TestAlpha1000 checks the README's account of α = 1000: the outputs swing
// between all ≈ 0 and all ≈ 1 at the steps of alpha1000Changes, and from
// step 2104 on sit below 1e-40 with the synapses frozen to the last bit;
// numpy (testdata/alpha1000.py) changes regime at the same steps and ends
// between 1e-63 and 1e-61. Where they end depends on the last bits of the
// step before the fall, so on the last bits of every exponential: with
// portable.Exp, on every platform, between 1e-54 and 1e-52 (with arm64's
// math.Exp it was near 2e-47, with amd64's without FMA near 3e-52).
func TestAlpha1000(t *testing.T) {
	n := newNetwork(1)
	var got []regimeChange
	var frozen0, frozen1 *matrix.Matrix
	for step := 0; step < 60000; step++ {
		n.step(1000)
		if r := regime(n.layer2); len(got) == 0 || got[len(got)-1].regime != r {
			got = append(got, regimeChange{step, r})
		}
		if step == 2104 {
			frozen0, frozen1 = n.synapse0.Clone(), n.synapse1.Clone()
		}
	}
	if !reflect.DeepEqual(got, alpha1000Changes) {
		t.Errorf("regime changes: got %v, want %v", got, alpha1000Changes)
	}
	lo, hi := 1e-54, 1e-52
	for _, v := range n.layer2.Data {
		if !(v >= lo && v <= hi) {
			t.Errorf("output after 60,000 steps: got %g, want it in [%g, %g]", v, lo, hi)
		}
	}
	if !matrix.Equal(n.synapse0, frozen0) || !matrix.Equal(n.synapse1, frozen1) {
		t.Errorf("synapses changed after step 2104; want them frozen")
	}

	out := lessontest.Numpy(t, "testdata/alpha1000.py")
	var numpy []regimeChange
	var last float64
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c regimeChange
		if _, err := fmt.Sscanf(line, "%d %s", &c.step, &c.regime); err == nil {
			numpy = append(numpy, c)
		} else if _, err := fmt.Sscanf(line, "max %g", &last); err != nil {
			t.Fatalf("alpha1000.py printed %q", line)
		}
	}
	if !reflect.DeepEqual(numpy, alpha1000Changes) {
		t.Errorf("numpy's regime changes: got %v, want %v", numpy, alpha1000Changes)
	}
	if last < 1e-63 || last > 1e-61 {
		t.Errorf("numpy's largest output after 60,000 steps: got %g, want it in [1e-63, 1e-61]", last)
	}
}

// traceOutput is the trace section of the lesson's output for the given
// flags: what follows its "Trace of …" line.
func traceOutput(t *testing.T, args ...string) string {
	t.Helper()
	return lessontest.After(t, parseFlags, run, "Trace of each learning rate", args...)
}

// TestTraceAgainstNumpy checks that -trace 1 prints what the notebook's
// loop prints with a print line after each statement
// (testdata/trace.py, numpy's own formatting), character for character.
func TestTraceAgainstNumpy(t *testing.T) {
	got := traceOutput(t, "-steps", "1", "-plot", "", "-trace", "1")
	want := lessontest.Numpy(t, "testdata/trace.py", "1")
	lessontest.Same(t, "-trace 1", got, want)
}

// TestTraceGolden guards the trace of two steps of two learning rates.
func TestTraceGolden(t *testing.T) {
	golden.Check(t, "trace", []byte(traceOutput(t, "-alphas", "0.1,1000", "-steps", "3", "-every", "1", "-plot", "", "-trace", "2")))
}

// TestREADMETrace checks the README's trace excerpt: the first lines of
// -alphas 10 -steps 1 -trace 1.
func TestREADMETrace(t *testing.T) {
	lines := strings.SplitAfter(traceOutput(t, "-alphas", "10", "-steps", "1", "-plot", "", "-trace", "1"), "\n")
	golden.InREADME(t, "README.md", strings.Join(lines[:readmeTraceLines], ""))
}

// readmeTraceLines is how many lines of the trace the README quotes.
const readmeTraceLines = 22

// TestStepMatchesEngine checks that step.go's loop, on the default run,
// gives what nn's engine gives for the same network (3-4-1, sigmoid, no
// biases, ½·SSE, plain gradient descent) bit for bit: every printed error
// and both trained synapses, for all seven learning rates.
func TestStepMatchesEngine(t *testing.T) {
	cfg := defaultConfig()
	if testing.Short() {
		cfg.steps = 5000
	}
	for _, alpha := range cfg.alphas {
		want := train(cfg, alpha, nil)
		w0, w1 := initialWeights(cfg.seed)
		net := nn.NewNetwork(nn.NewLayer(w0, nil, nn.Sigmoid{}), nn.NewLayer(w1, nil, nn.Sigmoid{}))
		var printed []float64
		errs := matrix.New(4, 1)
		for step := 0; step < cfg.steps; step++ {
			if step%cfg.every == 0 {
				printed = append(printed, meanAbs(matrix.SubInto(errs, net.Forward(inputs), targets)))
			}
			net.Step(inputs, targets, nn.HalfSSE{}, 0, nn.GD{}, alpha)
		}
		if !reflect.DeepEqual(printed, want.printed) {
			t.Errorf("alpha %g: nn's errors %v, step.go's %v", alpha, printed, want.printed)
		}
		if !matrix.Equal(w0, want.w0) || !matrix.Equal(w1, want.w1) {
			t.Errorf("alpha %g: nn's synapses\n%v\n%v\nstep.go's\n%v\n%v", alpha, w0, w1, want.w0, want.w1)
		}
	}
}

// TestPlotName checks the rule that keeps the README's figure: only the
// default run (or one that changes nothing plotted) writes alpha-sweep.png;
// other runs draw no picture unless -plot names one.
func TestPlotName(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, figure},
		{[]string{"-digits", "0", "-fused", "-every", "5000"}, figure},
		{[]string{"-alphas", "2,5"}, ""},
		{[]string{"-steps", "100"}, ""},
		{[]string{"-seed", "7", "-plot", "mine.png"}, "mine.png"},
	} {
		cfg, err := parseFlags(tc.args, io.Discard)
		if err != nil {
			t.Errorf("parseFlags(%q): %v", tc.args, err)
		} else if cfg.plot != tc.want {
			t.Errorf("parseFlags(%q): plot %q, want %q", tc.args, cfg.plot, tc.want)
		}
	}
}

// TestREADMETable checks every row of the README's table beside the
// notebook: the notebook's value (published), this lesson's at full
// precision, and their relative difference as printed.
func TestREADMETable(t *testing.T) {
	doc, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	byAlpha := map[float64][]float64{}
	for _, r := range sweep(defaultConfig()) {
		byAlpha[r.alpha] = r.printed
	}
	rows := 0
	for _, line := range strings.Split(string(doc), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 7 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		alpha, err1 := strconv.ParseFloat(f[1], 64)
		step, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			continue
		}
		rows++
		got := byAlpha[alpha][step/10000]
		if want := strconv.FormatFloat(got, 'g', -1, 64); f[4] != want {
			t.Errorf("README row %q: this lesson's value %s, want %s", line, f[4], want)
		}
		pub := published[alpha]
		if step/10000 >= len(pub) {
			if f[3] != "(cut off)" || f[5] != "" {
				t.Errorf("README row %q: the notebook printed no value here", line)
			}
			continue
		}
		p := pub[step/10000]
		if f[3] != strconv.FormatFloat(p, 'g', -1, 64) || f[5] != fmt.Sprintf("%.1e", math.Abs(got-p)/p) {
			t.Errorf("README row %q: want notebook %v, relative difference %.1e", line, p, math.Abs(got-p)/p)
		}
	}
	if rows != 18 {
		t.Errorf("README table has %d rows, want 18", rows)
	}
}

// TestAlpha100 checks the README's account of α = 100 after 60,000 steps:
// the first three patterns are right (within 1e-3), but for input (1, 1)
// every hidden unit is off (below 1e-6), so the output is σ(0) = 0.5 (within
// 1e-5) and the mean error 0.125.
func TestAlpha100(t *testing.T) {
	n := newNetwork(1)
	for range 60000 {
		n.step(100)
	}
	for i, want := range []float64{0, 1, 1} {
		if got := n.layer2.Data[i]; math.Abs(got-want) > 1e-3 {
			t.Errorf("output for pattern %d: got %v, want %v ± 1e-3", i, got, want)
		}
	}
	if got := n.layer2.Data[3]; math.Abs(got-0.5) > 1e-5 {
		t.Errorf("output for (1, 1): got %v, want 0.5 ± 1e-5", got)
	}
	for j, h := range n.layer1.Row(3) {
		if h > 1e-6 {
			t.Errorf("hidden unit %d for (1, 1): got %v, want it below 1e-6", j, h)
		}
	}
}
