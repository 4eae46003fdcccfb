package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// defaultOutput is what the default run prints (without the charts), run
// once for the tests that read it: the embedded subset, seed 1, 20 epochs.
var defaultOutput = lessontest.Output(parseFlags, run, "-out", "")

// TestDefault guards the default run's whole output and the README's quote
// of it, which ends with the line that says where go run, run with no
// flags, wrote the charts (TestRunCharts checks that line's form).
func TestDefault(t *testing.T) {
	out := defaultOutput(t)
	lessontest.Default(t, "default", out)
	golden.InREADME(t, "README.md", string(out)+"wrote objective.png and error-rate.png\n")
}

// TestKeepsFigures checks that only the default run writes the README's
// charts, into the current directory: a run that another flag changes, a
// sweep included, writes none unless -out names a directory.
func TestKeepsFigures(t *testing.T) {
	dir := t.TempDir()
	lessontest.Pictures(t, parseFlags, func(c config) string { return c.out }, []lessontest.FlagCase{
		{Args: nil, Want: "."},
		{Args: []string{"-max-mb", "512"}, Want: "."},
		{Args: []string{"-data", "full"}, Want: ""},
		{Args: []string{"-tune", "lr"}, Want: ""},
		{Args: []string{"-data", "full", "-tune", "lr", "-out", dir}, Want: dir},
	})
}

// tinySet is a one-image set: two pixels, 255 and 0, so x = [1, 0].
func tinySet(label byte) *data.Set {
	return &data.Set{
		Images:  &data.Images{N: 1, Channels: 1, Rows: 1, Cols: 2, Pixels: []byte{255, 0}},
		Labels:  []byte{label},
		Classes: []string{"T-shirt/top", "Shirt"},
	}
}

// TestHandWorkedStep checks one step of a 2-2-1 network against gradients
// worked out by hand. With x = [1, 0], W1 = [[1, −1], [2, 3]], b1 = [0, 1]
// the hidden input is z1 = [1, 0]: its second unit sits exactly at the kink,
// where ReLU′(0) decides the gradient. W2 = [[0.5], [2]], b2 = −0.5 give
// z2 = 0, p = ½, and for y = 1, δ2 = p − y = −½. Then
//
//	∇W2 = hᵀδ2 + λW2 = [[−½ + ½λ], [2λ]]        ∇b2 = −½
//	δ1  = δ2·W2ᵀ ⊙ ReLU′(z1) = [−¼, −1·r]        (r = ReLU′(0))
//	∇W1 = xᵀδ1 + λW1 = [[−¼ + λ, −r − λ], [2λ, 3λ]]   ∇b1 = δ1
//
// and from zero velocity the step is W ← W − η·∇.
func TestHandWorkedStep(t *testing.T) {
	const eta, lambda = 0.1, 0.01
	for _, r := range []float64{0.5, 0, 1} {
		h := hyper{hidden: 2, lr: eta, momentum: 0.9, batch: 1, l2: lambda, relu0: r, epochs: 1, seed: 1}
		tr := newTrainer(h, 2)
		l1, l2 := tr.net.Layers[0], tr.net.Layers[1]
		copy(l1.W.Data, []float64{1, -1, 2, 3})
		copy(l1.B.Data, []float64{0, 1})
		copy(l2.W.Data, []float64{0.5, 2})
		copy(l2.B.Data, []float64{-0.5})

		obj := tr.step(tinySet(1), []int{0})
		wantObj := math.Ln2 + lambda/2*(1+1+4+9+0.25+4)
		if math.Abs(obj-wantObj) > 1e-15 {
			t.Errorf("ReLU'(0) = %g: objective before the step = %.17g, want %.17g", r, obj, wantObj)
		}
		grads := map[string][]float64{
			"W1": {-0.25 + lambda, -r - lambda, 2 * lambda, 3 * lambda},
			"b1": {-0.25, -r},
			"W2": {-0.5 + 0.5*lambda, 2 * lambda},
			"b2": {-0.5},
		}
		start := map[string][]float64{"W1": {1, -1, 2, 3}, "b1": {0, 1}, "W2": {0.5, 2}, "b2": {-0.5}}
		for _, p := range tr.net.Params() {
			for i, g := range grads[p.Name] {
				if math.Abs(p.Grad.Data[i]-g) > 1e-15 {
					t.Errorf("ReLU'(0) = %g: ∂E/∂%s[%d] = %g, want %g", r, p.Name, i, p.Grad.Data[i], g)
				}
				if want := start[p.Name][i] - eta*g; math.Abs(p.Value.Data[i]-want) > 1e-15 {
					t.Errorf("ReLU'(0) = %g: %s[%d] after the step = %g, want %g", r, p.Name, i, p.Value.Data[i], want)
				}
			}
		}
	}
}

// TestMomentum checks v ← μv − η·∇, W ← W + v over a second step: the
// change of every weight is μ times the first change minus η times the
// second step's gradient.
func TestMomentum(t *testing.T) {
	h := hyper{hidden: 3, lr: 0.05, momentum: 0.7, batch: 1, l2: 0.01, relu0: 0.5, epochs: 1, seed: 4}
	tr := newTrainer(h, 2)
	set := tinySet(1)
	w0 := snapshot(tr.net)
	tr.step(set, []int{0})
	w1 := snapshot(tr.net)
	tr.step(set, []int{0})
	for k, p := range tr.net.Params() {
		for i := range p.Value.Data {
			v1 := w1[k][i] - w0[k][i]
			want := w1[k][i] + (h.momentum*v1 - h.lr*p.Grad.Data[i])
			if math.Abs(p.Value.Data[i]-want) > 1e-15 {
				t.Errorf("%s[%d] after two steps = %.17g, want %.17g", p.Name, i, p.Value.Data[i], want)
			}
		}
	}
}

func snapshot(n *nn.Network) [][]float64 {
	var out [][]float64
	for _, p := range n.Params() {
		out = append(out, append([]float64(nil), p.Value.Data...))
	}
	return out
}

// TestGradientsNumerically compares the gradients of a step on real images
// with central differences of the lesson's objective, mean cross-entropy +
// (λ/2)(‖W1‖² + ‖W2‖²), which checks the α = λ·n hand-over to nn's penalty.
func TestGradientsNumerically(t *testing.T) {
	train, _ := data.EmbeddedFashionPair()
	h := hyper{hidden: 4, lr: 0, momentum: 0.7, batch: 16, l2: 0.05, relu0: 0.5, epochs: 1, seed: 2}
	tr := newTrainer(h, train.Images.Size())
	idx := []int{3, 1, 4, 15, 9, 26, 5, 35, 8, 97, 93, 238, 46, 264, 33, 83}
	tr.step(train, idx) // η = 0: fills the gradients, leaves the weights
	objective := func() float64 {
		return tr.loss.Value(tr.net.Forward(tr.x), tr.y) + tr.penalty()
	}
	rep := nn.GradCheck(tr.net.Params(), objective, 0)
	if rep.MaxRelErr > 1e-5 {
		t.Errorf("largest relative gradient error %.3g at %s, want ≤ 1e-5\n%s", rep.MaxRelErr, rep.Worst, rep)
	}
}

// TestAgainstPlainLoops trains two epochs (a short last batch included) and
// compares the weights and the evaluation with a reference written as plain
// per-sample loops from the equations in the README.
func TestAgainstPlainLoops(t *testing.T) {
	full, _ := data.EmbeddedFashionPair()
	idx := make([]int, 230)
	for i := range idx {
		idx[i] = i
	}
	set := full.Subset(idx)
	h := hyper{hidden: 6, lr: 0.05, momentum: 0.7, batch: 50, l2: 0.003, relu0: 0.5, epochs: 2, seed: 3}
	tr := newTrainer(h, set.Images.Size())

	ref := newRefNet(t, h, set.Images.Size())
	for e := 0; e < h.epochs; e++ {
		tr.epoch(set)
		ref.epoch(set)
	}
	for k, p := range tr.net.Params() {
		if d := maxDiff(p.Value.Data, ref.params[k]); d > 1e-12 {
			t.Errorf("%s differs from the plain-loop reference by %.3g after %d epochs, want ≤ 1e-12", p.Name, d, h.epochs)
		}
	}
	gotObj, gotErr := tr.evaluate(set)
	wantObj, wantErr := ref.evaluate(set)
	if math.Abs(gotObj-wantObj) > 1e-12 || gotErr != wantErr {
		t.Errorf("evaluate = (%.15g, %g), want (%.15g, %g)", gotObj, gotErr, wantObj, wantErr)
	}
}

func maxDiff(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d = max(d, math.Abs(a[i]-b[i]))
	}
	return d
}

// refNet is the reference: W1 (d×m), b1, W2 (m×1), b2 as flat slices.
type refNet struct {
	h        hyper
	d        int
	params   [][]float64 // W1, b1, W2, b2
	velocity [][]float64
	rng      *nprand.RandomState
}

// newRefNet draws the same starting weights as the lesson (scikit-learn's
// Glorot draw from the same seed) and checks they are what the trainer got.
func newRefNet(t *testing.T, h hyper, d int) *refNet {
	t.Helper()
	r := &refNet{h: h, d: d, rng: nprand.New(h.seed)}
	bound := math.Sqrt(6.0 / float64(d+h.hidden))
	bound2 := math.Sqrt(6.0 / float64(h.hidden+1))
	draw := func(n int, b float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = -b + 2*b*r.rng.RandomSample()
		}
		return s
	}
	r.params = [][]float64{draw(d*h.hidden, bound), draw(h.hidden, bound), draw(h.hidden, bound2), draw(1, bound2)}
	for _, p := range r.params {
		r.velocity = append(r.velocity, make([]float64, len(p)))
	}
	tr := newTrainer(h, d)
	for k, p := range tr.net.Params() {
		if d := maxDiff(p.Value.Data, r.params[k]); d > 1e-15 {
			t.Fatalf("starting %s differs from scikit-learn's Glorot draw by %g", p.Name, d)
		}
	}
	return r
}

// forward returns z1 and p for one image x.
func (r *refNet) forward(x []float64) (z1 []float64, p float64) {
	W1, b1, W2, b2 := r.params[0], r.params[1], r.params[2], r.params[3]
	m := r.h.hidden
	z1 = make([]float64, m)
	z2 := b2[0]
	for j := 0; j < m; j++ {
		z1[j] = b1[j]
		for i, xi := range x {
			z1[j] += xi * W1[i*m+j]
		}
		z2 += max(z1[j], 0) * W2[j]
	}
	return z1, 1 / (1 + math.Exp(-z2))
}

func pixels(set *data.Set, i int) []float64 {
	x := make([]float64, set.Images.Size())
	for k, v := range set.Images.Image(i) {
		x[k] = float64(v) / 255
	}
	return x
}

func (r *refNet) epoch(set *data.Set) {
	perm := make([]int, set.Len())
	for i := range perm {
		perm[i] = i
	}
	r.rng.Shuffle(perm)
	m := r.h.hidden
	for start := 0; start < len(perm); start += r.h.batch {
		batch := perm[start:min(start+r.h.batch, len(perm))]
		n := float64(len(batch))
		grads := make([][]float64, 4)
		for k, p := range r.params {
			grads[k] = make([]float64, len(p))
		}
		for _, i := range batch {
			x := pixels(set, i)
			z1, p := r.forward(x)
			d2 := (p - float64(set.Labels[i])) / n
			grads[3][0] += d2
			for j := 0; j < m; j++ {
				grads[2][j] += max(z1[j], 0) * d2
				slope := 0.0
				switch {
				case z1[j] > 0:
					slope = 1
				case z1[j] == 0:
					slope = r.h.relu0
				}
				d1 := d2 * r.params[2][j] * slope
				grads[1][j] += d1
				for k, xk := range x {
					grads[0][k*m+j] += xk * d1
				}
			}
		}
		for k, p := range r.params {
			for i := range p {
				g := grads[k][i]
				if k == 0 || k == 2 { // weights, not biases, are penalised
					g += r.h.l2 * p[i]
				}
				r.velocity[k][i] = r.h.momentum*r.velocity[k][i] - r.h.lr*g
				p[i] += r.velocity[k][i]
			}
		}
	}
}

func (r *refNet) evaluate(set *data.Set) (objective, errorRate float64) {
	wrong := 0
	for i := 0; i < set.Len(); i++ {
		_, p := r.forward(pixels(set, i))
		y := float64(set.Labels[i])
		objective -= y*math.Log(p) + (1-y)*math.Log(1-p)
		if (p >= 0.5) != (y == 1) {
			wrong++
		}
	}
	sq := 0.0
	for _, k := range []int{0, 2} {
		for _, w := range r.params[k] {
			sq += w * w
		}
	}
	n := float64(set.Len())
	return objective/n + r.h.l2/2*sq, float64(wrong) / n
}

// TestStepAllocations checks that a training step — scaling the batch from
// bytes, forward, backward, penalty and momentum update — allocates nothing,
// for a full batch and for a short last one, and that a whole epoch and an
// evaluation pass do not either.
func TestStepAllocations(t *testing.T) {
	train, _ := data.EmbeddedFashionPair()
	some := make([]int, 60)
	for i := range some {
		some[i] = i
	}
	test := train.Subset(some)
	full, short := []int{5, 7, 11, 13, 17, 19, 23, 29, 31, 37}, []int{2, 3, 5}
	h := defaultConfig().h
	h.batch = len(full)
	tr := newTrainer(h, train.Images.Size())
	tr.step(train, full) // the first step allocates the optimiser's velocities
	tr.evaluate(test)    // and the first evaluation grows the layers' buffers
	tests := []struct {
		name string
		f    func()
	}{
		{"full batch", func() { tr.step(train, full) }},
		{"short batch", func() { tr.step(train, short) }},
		{"epoch", func() { tr.epoch(test) }},
		{"evaluate", func() { tr.evaluate(test) }},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(5, tt.f); got != 0 {
			t.Errorf("%s: got %v allocations per run, want 0", tt.name, got)
		}
	}
}

// TestSweepWritesJPEG runs a tiny learning-rate sweep and decodes its chart.
func TestSweepWritesJPEG(t *testing.T) {
	cfg := defaultConfig()
	cfg.out = t.TempDir()
	cfg.tune, cfg.values = "hidden", []float64{2, 3}
	cfg.h.epochs = 2
	var out, prog bytes.Buffer
	cfg.progress = &prog
	if err := run(&out, cfg); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(cfg.out, "hidden-units-test-accuracy.jpg")
	lessontest.Image(t, path, 400, 300)
	text := out.String()
	for _, want := range []string{"sweep of the number of hidden units; otherwise", "\n       2 ", "\n       3 ", "wrote " + path} {
		if !strings.Contains(text, want) {
			t.Errorf("sweep output lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(prog.String(), "epoch 4/4, elapsed") {
		t.Errorf("progress lacks the final %q line:\n%s", "epoch 4/4, elapsed", prog.String())
	}
}

// TestRunCharts checks that a single run writes two decodable PNGs and ends
// its output with the line naming them.
func TestRunCharts(t *testing.T) {
	cfg := defaultConfig()
	cfg.out = t.TempDir()
	cfg.h.epochs, cfg.h.hidden = 1, 3
	var out bytes.Buffer
	if err := run(&out, cfg); err != nil {
		t.Fatal(err)
	}
	want := "\nwrote " + filepath.Join(cfg.out, "objective.png") + " and " + filepath.Join(cfg.out, "error-rate.png") + "\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf("output ends\n%s\nwant it to end with %q", out.String()[max(0, out.Len()-200):], want)
	}
	for _, name := range []string{"objective.png", "error-rate.png"} {
		lessontest.Image(t, filepath.Join(cfg.out, name), 400, 300)
	}
}

// TestDivergence checks that a run whose objective overflows stops and says so.
func TestDivergence(t *testing.T) {
	train, test := data.EmbeddedFashionPair()
	h := defaultConfig().h
	h.lr, h.momentum, h.epochs, h.hidden = 1e6, 0.9, 5, 3
	r := trainRun(h, train, test, nil)
	if last := r.final(); !last.diverged || len(r.rows) > h.epochs+1 {
		t.Errorf("η = 1e6: got %d rows, last diverged = %v; want a diverged last row", len(r.rows), last.diverged)
	}
}

func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-hidden", "10", "-lr", "0.1", "-batch", "32", "-epochs", "3", "-l2", "0", "-momentum", "0"}, Want: ""},
		{Args: []string{"-tune", "lr", "-values", "0.01, 0.1"}, Want: ""},
		{Args: []string{"-tune", "momentum"}, Want: ""},
		{Args: []string{"-data", ""}, Want: "-data must be embedded, full or a directory"},
		{Args: []string{"-hidden", "0"}, Want: "-hidden must be in 1 … 10000, got 0"},
		{Args: []string{"-lr", "0"}, Want: "-lr must be a positive number, got 0"},
		{Args: []string{"-lr", "NaN"}, Want: "-lr must be a positive number, got NaN"},
		{Args: []string{"-momentum", "1"}, Want: "-momentum must be in [0, 1), got 1"},
		{Args: []string{"-batch", "-5"}, Want: "-batch must be in 1 … 60000, got -5"},
		{Args: []string{"-batch", "99999999999"}, Want: "-batch must be in 1 … 60000, got 99999999999"},
		{Args: []string{"-out", "/nonexistent/charts"}, Want: "-out: /nonexistent/charts/objective.png: directory /nonexistent/charts does not exist"},
		{Args: []string{"-hidden", "100000000"}, Want: "-hidden must be in 1 … 10000, got 100000000"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs must be in 1 … 100000, got 0"},
		{Args: []string{"-l2", "-1"}, Want: "-l2 must be a number ≥ 0, got -1"},
		{Args: []string{"-relu0", "2"}, Want: "-relu0 must be in [0, 1], got 2"},
		{Args: []string{"-seed", "-1"}, Want: "-seed must be in 0 … 4294967295, got -1"},
		{Args: []string{"-tune", "speed"}, Want: `-tune must be lr, batch, hidden, momentum or l2, got "speed"`},
		{Args: []string{"-values", "1,2"}, Want: "-values needs -tune"},
		{Args: []string{"-tune", "batch", "-values", "10,2.5"}, Want: `-values for -tune batch: 2.5: want a whole number`},
		{Args: []string{"-tune", "lr", "-values", "0.1,x"}, Want: `-values for -tune lr: "x" is not a number`},
		{Args: []string{"-tune", "momentum", "-values", "0.5,1.2"}, Want: `-values for -tune momentum: 1.2: want a number in [0, 1)`},
		{Args: []string{"-batch", "ten"}, Want: `invalid value "ten" for flag -batch`},
	})
}

// TestDataErrors checks that a directory without the IDX files is bad
// input naming the flag and the file.
func TestDataErrors(t *testing.T) {
	dir := t.TempDir()
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-out", "", "-data", dir}, Code: 2, Want: "-data " + dir + ": " + dir + ": neither " + data.TrainImagesFile},
	})
}

// TestFullPair checks the installed full set gives the 12,000 / 2,000 pair.
func TestFullPair(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 30 MB of gzip")
	}
	if _, err := os.Stat(filepath.Join(data.FashionDir, data.TrainImagesFile+".gz")); err != nil {
		t.Skip("full Fashion-MNIST not installed")
	}
	train, test, source, err := data.FashionPair(data.FashionDir)
	if err != nil {
		t.Fatal(err)
	}
	if train.Len() != 12000 || test.Len() != 2000 || !strings.Contains(source, data.FashionDir) {
		t.Errorf("full pair: got %d train / %d test from %q, want 12000 / 2000 from %s", train.Len(), test.Len(), source, data.FashionDir)
	}
}

// TestREADMEFigures checks the figures the README's text states about the
// default run against what it prints: the data, the setting, and the
// story of its error table (where the test error settles, where the
// training error ends, the bump).
func TestREADMEFigures(t *testing.T) {
	out := string(defaultOutput(t))
	train, test := data.EmbeddedFashionPair()
	perClass := func(s *data.Set) string {
		n := [2]int{}
		for _, l := range s.Labels {
			n[l]++
		}
		if n[0] != n[1] {
			t.Errorf("embedded set: %d and %d images of each class, the README says the same number", n[0], n[1])
		}
		return thousands(n[0])
	}
	setting := lessontest.Find(t, out, `784-(\d+)-1[^\n]*\n.*λ = ([\d.]+)\n.*: (\d+) epochs.*batch (\d+), η = ([\d.]+), momentum μ = ([\d.]+)`)
	lambda := parse(t, setting[2])
	var trainErr, testErr, trainObj []float64
	for _, m := range regexp.MustCompile(`(?m)^ +\d+ +([\d.]+) +[\d.]+ +([\d.]+)% +([\d.]+)%$`).FindAllStringSubmatch(out, -1) {
		trainObj = append(trainObj, parse(t, m[1]))
		trainErr = append(trainErr, parse(t, m[2]))
		testErr = append(testErr, parse(t, m[3]))
	}
	last := len(testErr) - 1
	if last < 13 {
		t.Fatalf("the error table has %d rows:\n%s", last+1, out)
	}
	if d := math.Abs(testErr[3] - testErr[last]); d > 1 {
		t.Errorf("test error %.2f%% at epoch 3, %.2f%% at the end: %.2f points apart, the README says within a point", testErr[3], testErr[last], d)
	}
	bump := 1
	for e := 1; e <= last; e++ {
		if trainObj[e]-trainObj[e-1] > trainObj[bump]-trainObj[bump-1] {
			bump = e
		}
	}
	table := func(out string) string { return out[strings.Index(out, "epoch "):] }
	for _, r := range []string{"0", "1"} {
		if got := lessontest.Run(t, parseFlags, run, "-out", "", "-relu0", r); table(got) != table(out) {
			t.Errorf("-relu0 %s prints another table than the default ReLU′(0) = ½; the README says the same, digit for digit:\n%s", r, got)
		}
	}
	full := (12000 + 2000) * train.Images.Rows * train.Images.Cols // bytes of the full pair's pixels
	lessontest.Prose(t, "README.md",
		"("+thousands(train.Len())+" training and "+thousands(test.Len())+" test images, the first "+perClass(train)+" and "+perClass(test)+" of each class)",
		"— "+setting[1]+" hidden units, η = "+setting[5]+", μ = "+setting[6]+", batches of "+setting[4]+", λ = "+strings.Replace(fmt.Sprintf("%.0e", lambda), "e-0", "e−", 1)+", "+setting[3]+" epochs —",
		fmt.Sprintf("training error keeps falling (to %.0f%%) while the test error stays near %.0f%%", trainErr[last], testErr[last]),
		fmt.Sprintf("bump at epoch %d is the noise", bump),
		fmt.Sprintf("the full set costs %.0f MB, not %.0f MB of float64", float64(full)/1e6, math.Round(float64(8*full)/1e7)*10),
	)
}

// parse returns s as a float64, failing t if it is not a number.
func parse(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// thousands formats n with a comma every three digits, as the README does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
