package main

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
)

// defaultOutput is what the default run prints, run once for all the
// tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run)

// amd64Output returns the default output, skipping t unless math.Exp
// rounds as on the machine that made the golden file and README: the
// raw-input counts are chaotic (TestRawRunsAreChaotic) and depend on the
// last bits of math.Exp, which differ between Go's variants of it.
func amd64Output(t *testing.T) []byte {
	t.Helper()
	return defaultOutput(t)
}

// TestDefault guards the whole default output and the README's quote of it.
func TestDefault(t *testing.T) { lessontest.Default(t, "default", amd64Output(t)) }

func variantNamed(t *testing.T, name string) variant {
	t.Helper()
	for _, v := range variants {
		if v.name == name {
			return v
		}
	}
	t.Fatalf("no variant %q", name)
	return variant{}
}

func inputs(standardised bool) *matrix.Matrix {
	x, _ := data.EpochsQuestionIris()
	if standardised {
		return new(nn.StandardScaler).FitTransform(x)
	}
	return x
}

func trainSeed1(t *testing.T, name string, standardised bool) outcome {
	t.Helper()
	_, y := data.EpochsQuestionIris()
	o, err := trainRun(newNetwork(1, 10), inputs(standardised), y, variantNamed(t, name), 0.5, 0.001, 1000000, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// numpyCounts are the iterations the question's code (with the variant's
// lines) prints as "Goal reached after i iterations" for np.random.seed(1),
// alpha 0.5, goal 0.001, run with numpy 1.24 on x86-64 (testdata/reference.py).
var numpyCounts = []struct {
	variant      string
	standardised bool
	count        int
}{
	{"fixed", true, 3605},
	{"flipped", true, 3605},
	{"shared-bias", true, 3706},
	{"fixed", false, 6323},
	{"flipped", false, 6323},
	{"shared-bias", false, 5195},
}

// TestIterationsAgainstNumpy compares the iteration counts with numpy's.
// On standardised inputs the runs are smooth and the counts are equal. On
// raw inputs the first few hundred iterations are chaotic
// (TestRawRunsAreChaotic), so only the order of magnitude is asked for.
func TestIterationsAgainstNumpy(t *testing.T) {
	for _, c := range numpyCounts {
		got := trainSeed1(t, c.variant, c.standardised).iterations
		same := got == c.count
		if !c.standardised {
			same = math.Floor(math.Log10(float64(got))) == math.Floor(math.Log10(float64(c.count)))
		}
		if !same {
			t.Errorf("%s, standardised %v: got %d iterations, numpy %d", c.variant, c.standardised, got, c.count)
		}
	}
}

// numpyWeights are the parameters numpy learns on standardised inputs
// (testdata/reference.py, seed 1): weights_1, bias_1, weights_2, bias_2,
// each flattened in C order.
var numpyWeights = map[string][][]float64{
	"fixed": {
		{1.8183500645525896, 2.056876335039601, -1.0079637635890506, -4.128022760020099, -4.5239951375098375, -0.8154932381850937},
		{-1.3136271968249476, -1.424488213075979, 0.4413162278472833},
		{-5.090092933352839, -5.864321356475051, 0.6114478680072621},
		{4.909186075488967},
	},
	"shared-bias": {
		{1.9455539060631488, 2.1820025532853995, -0.60039803963801, -4.102469416101267, -4.593465935426683, -1.2604828748681125},
		{-1.3723236631498668, -1.6115681023499913, -1.079518130363061},
		{-4.983757933420588, -5.819620841977103, -0.18767465459863494},
		{5.168548258358555},
	},
}

// TestWeightsAgainstNumpy compares the weights learned on standardised
// inputs with numpy's to 1e-9: BLAS and libm round differently from Go in
// the last bits, and thousands of steps let that grow a little.
func TestWeightsAgainstNumpy(t *testing.T) {
	const tol = 1e-9
	for name, want := range numpyWeights {
		for k, p := range params(trainSeed1(t, name, true).net) {
			for i, w := range want[k] {
				if got := p.m.Data[i]; math.Abs(got-w) > tol {
					t.Errorf("%s: %s[%d] = %.17g, numpy %.17g (difference %.2g > %g)", name, p.name, i, got, w, math.Abs(got-w), tol)
				}
			}
		}
	}
}

// TestRawRunsAreChaotic shows why the raw-input counts cannot match numpy's
// exactly: moving one starting weight by four ulps (about 1e-16) changes the
// raw count by up to hundreds of iterations, depending on the weight, and
// leaves the standardised count where it was (give or take one).
func TestRawRunsAreChaotic(t *testing.T) {
	_, y := data.EpochsQuestionIris()
	for _, tt := range []struct {
		standardised bool
		minSpread    int // the counts of the six nudged runs must spread at least this far
		maxSpread    int // and at most this far
	}{{false, 100, math.MaxInt}, {true, 0, 1}} {
		x := inputs(tt.standardised)
		lo, hi := math.MaxInt, 0
		for k := range 6 {
			net := newNetwork(1, 10)
			w := &net.weights1.Data[k]
			for range 4 {
				*w = math.Nextafter(*w, math.Inf(1))
			}
			o, err := trainRun(net, x, y, variants[0], 0.5, 0.001, 1000000, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			lo, hi = min(lo, o.iterations), max(hi, o.iterations)
		}
		if spread := hi - lo; spread < tt.minSpread || spread > tt.maxSpread {
			t.Errorf("standardised %v: nudging each weight_1 by 4 ulps gave counts from %d to %d; want a spread in [%d, %d]",
				tt.standardised, lo, hi, tt.minSpread, tt.maxSpread)
		}
		// The README's figures, the same on every platform.
		if !tt.standardised && (lo != 4579 || hi != 6291) {
			t.Errorf("raw: nudged counts from %d to %d, the README says 4,579 to 6,291", lo, hi)
		}
	}

	// One ulp on weights_1[0][1] moves the SSE by more than 0.5 first at
	// iteration 82.
	a, err := trainRun(newNetwork(1, 10), inputs(false), y, variants[0], 0.5, 0.001, 200, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := newNetwork(1, 10)
	n.weights1.Data[1] = math.Nextafter(n.weights1.Data[1], math.Inf(1))
	b, err := trainRun(n, inputs(false), y, variants[0], 0.5, 0.001, 200, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := -1
	for i := range a.curve {
		if math.Abs(a.curve[i]-b.curve[i]) > 0.5 {
			first = i
			break
		}
	}
	if first != 82 {
		t.Errorf("one ulp on weights_1[0][1]: the SSE first moves by more than 0.5 at iteration %d, the README says 82", first)
	}
}

// TestSeedSurvey checks the README's survey of seeds 0–299 with the fixed
// code: the smallest, largest and middle counts, and the 31st and 270th
// smallest, on raw and standardised inputs.
func TestSeedSurvey(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 600 runs")
	}
	_, y := data.EpochsQuestionIris()
	for _, tt := range []struct {
		standardised bool
		want         [5]int // smallest, 31st, median (150th), 270th, largest
	}{{false, [5]int{1807, 3262, 4426, 6381, 119289}}, {true, [5]int{2292, 2342, 2578, 3426, 4744}}} {
		var counts []int
		for seed := range 300 {
			o, err := trainRun(newNetwork(uint32(seed), 10), inputs(tt.standardised), y, variants[0], 0.5, 0.001, 1000000, 0, nil)
			if err != nil || !o.reached {
				t.Fatalf("seed %d: reached %v, %v", seed, o.reached, err)
			}
			counts = append(counts, o.iterations)
		}
		slices.Sort(counts)
		if got := [5]int{counts[0], counts[30], counts[149], counts[269], counts[299]}; got != tt.want {
			t.Errorf("standardised %v: smallest, 31st, 150th, 270th and largest counts %v, want %v", tt.standardised, got, tt.want)
		}
	}
}

// TestBracketingMovesNumpyCount checks the README's explanation of lesson
// 06's numpy count: the question's code with δ written as
// (l2 − Y)·(l2(1 − l2)) (as here) and as (l2 − Y)·l2·(1 − l2) multiplied
// left to right (lesson 06's script) reach the goal more than 1,000
// iterations apart on raw inputs with numpy.
func TestBracketingMovesNumpyCount(t *testing.T) {
	out := lessontest.Numpy(t, "testdata/bracketing.py")
	var here, left int
	if _, err := fmt.Sscanf(out, "%d %d", &here, &left); err != nil {
		t.Fatalf("bracketing.py printed %q: %v", out, err)
	}
	if here < 1000 || left < 1000 || max(here-left, left-here) <= 1000 {
		t.Errorf("numpy counts %d (this lesson's bracketing) and %d (lesson 06's): want both at least 1000 and more than 1000 apart", here, left)
	}
}

// TestInitialWeights checks the seeded draw against numpy's
// 2*np.random.random(shape) - 1 after np.random.seed(1).
func TestInitialWeights(t *testing.T) {
	want := []string{
		"[[-0.16595599  0.44064899 -0.99977125]\n [-0.39533485 -0.70648822 -0.81532281]]",
		"[[ 0.07763347 -0.16161097  0.370439  ]]",
		"[[-0.62747958]\n [-0.30887855]\n [-0.20646505]]",
		"[[-0.5910955]]",
	}
	for k, p := range params(newNetwork(1, 10)) {
		if got := p.m.String(); got != want[k] {
			t.Errorf("%s =\n%s\nwant\n%s", p.name, got, want[k])
		}
	}
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-seed", "7", "-alpha", "1", "-goal", "0.01", "-max-iter", "5000", "-scale", "raw", "-variant", "shared-bias"}, Want: ""},
		{Args: []string{"-seed", "-1"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-alpha", "0"}, Want: "-alpha must be a positive number"},
		{Args: []string{"-alpha", "NaN"}, Want: "-alpha must be a positive number"},
		{Args: []string{"-goal", "-0.1"}, Want: "-goal must be a positive number"},
		{Args: []string{"-max-iter", "0"}, Want: "-max-iter must be in 1 … 10000000"},
		{Args: []string{"-max-iter", "2000000000"}, Want: "-max-iter must be in 1 … 10000000"},
		{Args: []string{"-trace", "101"}, Want: "-trace must be in 0 … 100"},
		{Args: []string{"-scale", "minmax"}, Want: `-scale must be raw, standard or both, got "minmax"`},
		{Args: []string{"-variant", "axis0"}, Want: `-variant must be fixed, flipped, shared-bias, flip-error, flip-update or all, got "axis0"`},
	})
}

// TestStepAllocations checks that the training loop reuses its buffers: a
// run of many iterations allocates no more than a run of few.
func TestStepAllocations(t *testing.T) {
	x, y := data.EpochsQuestionIris()
	for _, v := range variants {
		allocs := func(n int) float64 {
			return testing.AllocsPerRun(3, func() {
				if _, err := trainRun(newNetwork(1, 10), x, y, v, 0.5, 1e-300, n, 0, nil); err != nil {
					t.Fatal(err)
				}
			})
		}
		if few, many := allocs(10), allocs(2000); many != few && !lessontest.RaceEnabled {
			t.Errorf("%s: train allocates %v times for 2000 iterations and %v for 10: the step allocates", v.name, many, few)
		}
	}
}

// param is one of the network's parameters with the question's name.
type param struct {
	name string
	m    *matrix.Matrix
}

// params returns the parameters in nn's order: weights_1, bias_1,
// weights_2, bias_2.
func params(n *network) []param {
	return []param{{"weights_1", n.weights1}, {"bias_1", n.bias1}, {"weights_2", n.weights2}, {"bias_2", n.bias2}}
}

// reversedError is the question's first error line, layer_2_error =
// Y − layer_2, as an nn.Loss: its gradient is y − a, the negative of
// HalfSSE's; its Value is HalfSSE's.
type reversedError struct{ nn.HalfSSE }

// Grad sets dst = y − a.
func (reversedError) Grad(dst, a, y *matrix.Matrix) { matrix.SubInto(dst, y, a) }

// engineUpdate is a variant's update rule as an nn.Optimizer:
//
//	W ← W − α·∂E/∂W       (flip: W ← W + α·∂E/∂W)
//	b ← b − α·Σ_rows δ    (shared: every b_j ← b_j − α·Σ_rows Σ_units δ)
type engineUpdate struct{ flip, sharedBias bool }

// Step applies one update to every parameter.
func (u engineUpdate) Step(params []nn.Param, eta float64) {
	s := -eta
	if u.flip {
		s = eta
	}
	for _, p := range params {
		if u.sharedBias && p.Name[0] == 'b' {
			total := matrix.Sum(p.Grad) // the column sums of δ, added up
			for i := range p.Value.Data {
				p.Value.Data[i] += float64(s * total)
			}
			continue
		}
		matrix.AddScaledInto(p.Value, p.Value, s, p.Grad)
	}
}

// TestStepMatchesEngine checks that step.go, on the default run, gives what
// nn's engine gives bit for bit: the same network (nn.New with biases,
// sigmoid, ½·SSE) trained by nn.Train with each variant's error as an
// nn.Loss and its update as an nn.Optimizer, from the same start, reaches
// the goal at the same iteration with the same error and parameters, and
// climbs through the same errors.
func TestStepMatchesEngine(t *testing.T) {
	cfg := defaultConfig()
	_, y := data.EpochsQuestionIris()
	for _, v := range variants {
		for _, s := range cfg.scales {
			maxIter, record := cfg.maxIter, 0
			if !v.descends() {
				maxIter, record = ascentMarks[len(ascentMarks)-1]+1, ascentMarks[len(ascentMarks)-1]+1
			}
			want, err := trainRun(newNetwork(cfg.seed, 10), inputs(s), y, v, cfg.alpha, cfg.goal, maxIter, record, nil)
			if err != nil {
				t.Fatal(err)
			}
			lesson := newNetwork(cfg.seed, 10)
			net := nn.NewNetwork(nn.NewLayer(lesson.weights1, lesson.bias1, nn.Sigmoid{}), nn.NewLayer(lesson.weights2, lesson.bias2, nn.Sigmoid{}))
			var loss nn.Loss = nn.HalfSSE{}
			if v.flipError {
				loss = reversedError{}
			}
			var curve []float64
			res, err := net.Train(inputs(s), y, nn.TrainConfig{
				Loss: loss, Schedule: nn.Constant(cfg.alpha), MaxEpochs: maxIter,
				Optimizer: engineUpdate{flip: v.flipUpdate, sharedBias: v.sharedBias},
				Goal:      cfg.goal / 2, // ½·SSE < goal/2 exactly when SSE < goal: halving is exact
				Callback: func(e nn.Epoch) error {
					if e.N <= record {
						curve = append(curve, 2*e.Loss)
					}
					return nil
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			name := v.name + ", " + scaleName(s)
			if res.Epochs-1 != want.iterations || (res.Reason == nn.StopGoal) != want.reached || 2*res.Loss != want.sse {
				t.Errorf("%s: nn stops at %d (%v, SSE %v), step.go at %d (reached %v, SSE %v)",
					name, res.Epochs-1, res.Reason, 2*res.Loss, want.iterations, want.reached, want.sse)
			}
			if !reflect.DeepEqual(curve, want.curve) {
				t.Errorf("%s: nn's errors differ from step.go's", name)
			}
			if !sameWeights(lesson, want.net) {
				t.Errorf("%s: nn's parameters differ from step.go's", name)
			}
		}
	}
}

// traceOutput is the trace section of the lesson's output for the given
// flags: what follows its "Trace of …" line.
func traceOutput(t *testing.T, args ...string) string {
	t.Helper()
	return lessontest.After(t, parseFlags, run, "Trace of each run's first steps", args...)
}

// TestTraceAgainstNumpy checks that -trace 1 prints what the question's
// loop prints with a print line after each statement (testdata/trace.py,
// numpy's own formatting), character for character, for the fixed and the
// flipped code on raw and standardised inputs. (The shared-bias code's
// numpy.sum(δ) adds in numpy's pairwise order, which may differ from this
// lesson's in the last bit, and prints all 17 digits.)
func TestTraceAgainstNumpy(t *testing.T) {
	var got strings.Builder
	runs := []string{"2"}
	for _, v := range []string{"fixed", "flipped"} {
		for _, s := range []string{"raw", "standard"} {
			got.WriteString(traceOutput(t, "-variant", v, "-scale", s, "-max-iter", "2", "-trace", "2"))
			runs = append(runs, v+","+s)
		}
	}
	want := lessontest.Numpy(t, "testdata/trace.py", runs...)
	lessontest.Same(t, "-trace 2", got.String(), want)
}

// TestTraceGolden guards the trace of the first step of every variant.
func TestTraceGolden(t *testing.T) {
	golden.Check(t, "trace", []byte(traceOutput(t, "-scale", "standard", "-max-iter", "1", "-trace", "1")))
}

// TestREADMETrace checks the README's trace excerpts: the first and the
// last lines of -variant shared-bias -scale standard -max-iter 1 -trace 1,
// and the last lines of the same with -variant fixed.
func TestREADMETrace(t *testing.T) {
	for _, v := range []string{"shared-bias", "fixed"} {
		lines := strings.SplitAfter(traceOutput(t, "-variant", v, "-scale", "standard", "-max-iter", "1", "-trace", "1"), "\n")
		if v == "shared-bias" {
			golden.InREADME(t, "README.md", strings.Join(lines[:readmeTraceHead], ""))
		}
		golden.InREADME(t, "README.md", strings.Join(lines[len(lines)-readmeTraceTail-1:], ""))
	}
}

// The README quotes the first readmeTraceHead lines of the trace and its
// last readmeTraceTail.
const (
	readmeTraceHead = 14
	readmeTraceTail = 14
)

// TestREADMECode checks that every line of the README's Go excerpts is a
// line of step.go (spaces aside), so the excerpt is the code that runs.
func TestREADMECode(t *testing.T) {
	doc, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("step.go")
	if err != nil {
		t.Fatal(err)
	}
	code := strings.Join(strings.Fields(string(src)), " ")
	blocks := strings.Split(string(doc), "```go\n")
	if len(blocks) < 2 {
		t.Fatal("README.md has no Go excerpt")
	}
	for _, b := range blocks[1:] {
		b, _, _ = strings.Cut(b, "```")
		for _, line := range strings.Split(b, "\n") {
			if l := strings.Join(strings.Fields(line), " "); l != "" && !strings.Contains(code, l) {
				t.Errorf("README's Go excerpt has %q, which is not in step.go", l)
			}
		}
	}
}

// BenchmarkStep times one step of the question's network on the raw inputs.
func BenchmarkStep(b *testing.B) {
	x, y := data.EpochsQuestionIris()
	n := newNetwork(1, x.Rows)
	b.ReportAllocs()
	for b.Loop() {
		n.step(x, y, 0.5, variants[0])
	}
}
