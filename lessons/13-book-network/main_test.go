package main

import (
	"bytes"
	"compress/gzip"
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
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// TestExitCode checks that a bad flag value exits with status 2 and a
// message naming the flag.
func TestExitCode(t *testing.T) {
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-lr", "-3"}, Code: 2, Want: "-lr must be in (0, 100]"},
	})
}

// defaultOutput is what the default run prints (without the picture), run
// once for every test that reads it: it takes a few seconds.
var defaultOutput = lessontest.Output(parseFlags, run, "-picture", "")

// timings matches the elapsed times, which differ from run to run.
var timings = regexp.MustCompile(`\(\d+\.\d s\)`)

// TestGolden guards the whole default output, times masked.
func TestGolden(t *testing.T) {
	out := string(defaultOutput(t))
	golden.Check(t, "default", []byte(timings.ReplaceAllString(out, "(… s)")))
}

// TestREADME checks that the README quotes the default output (without the
// picture line) as it is today, times masked in the README and in the
// output alike, as in the golden file.
func TestREADME(t *testing.T) {
	out := string(defaultOutput(t))
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	masked := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(masked, []byte(timings.ReplaceAllString(string(b), "(… s)")), 0o644); err != nil {
		t.Fatal(err)
	}
	// The run above writes no picture; the README's block, from the default
	// command, has the picture's line before MLPClassifier's paragraph.
	out = timings.ReplaceAllString(out, "(… s)")
	before, after, ok := strings.Cut(out, "\nMLPClassifier(")
	if !ok {
		t.Fatalf("output has no MLPClassifier paragraph:\n%s", out)
	}
	m := regexp.MustCompile(`epoch 5: test accuracy [0-9.]+% \((\d+)/(\d+)\)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output has no epoch 5 line:\n%s", out)
	}
	right, _ := strconv.Atoi(m[1])
	total, _ := strconv.Atoi(m[2])
	picture := fmt.Sprintf("wrote %s (%d misclassified test images)\n\n", defaultConfig().picture, total-right)
	golden.InREADME(t, masked, before+"\n"+picture+"MLPClassifier("+after)
}

// numpyCounts are the test images the book's code, run by numpy 1.24 with
// the README's script, gets right after epochs 1 to 5.
var numpyCounts = []int{625, 664, 692, 708, 709}

// TestAgainstNumpy compares the per-epoch test accuracy with the book's own
// code run by numpy 1.24 on the embedded subset after np.random.seed(1)
// (the script is in the README): the same weights, the same 15,000 updates,
// the same count of correct answers after every epoch.
func TestAgainstNumpy(t *testing.T) {
	out := string(defaultOutput(t))
	for e, want := range numpyCounts {
		line := fmt.Sprintf("epoch %d: test accuracy %s", e+1, percent(want, 1000))
		if !strings.Contains(out, line) {
			t.Errorf("output lacks numpy's %q; got\n%s", line, out)
		}
	}
	// scikit-learn 1.2.1, MLPClassifier(random_state=1, max_iter=10, …) on
	// the same inputs: loss_ 0.4506595348105089, 819 of 1000 right.
	if want := "n_iter_ 10, loss_ 0.4507, test accuracy 81.90% (819/1000)"; !strings.Contains(out, want) {
		t.Errorf("output lacks scikit-learn's %q; got\n%s", want, out)
	}
}

// TestConfusionMatrix reads the printed matrix back: its entries sum to the
// number of test images and its diagonal to the last epoch's count of
// correct answers.
func TestConfusionMatrix(t *testing.T) {
	out := string(defaultOutput(t))
	lines := strings.Split(out, "\n")
	var total, diag, rows int
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 12 || !strings.HasSuffix(f[len(f)-1], "%") {
			continue
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			continue
		}
		counts := f[len(f)-11 : len(f)-1]
		for j, c := range counts {
			n, err := strconv.Atoi(c)
			if err != nil {
				t.Fatalf("confusion row %q: %v", l, err)
			}
			total += n
			if j == rows {
				diag += n
			}
		}
		rows++
	}
	m := regexp.MustCompile(`epoch 5: test accuracy [0-9.]+% \((\d+)/(\d+)\)`).FindStringSubmatch(out)
	if m == nil || rows != 10 {
		t.Fatalf("got %d confusion rows and accuracy line %v, want 10 rows and an epoch 5 line", rows, m)
	}
	right, n := atoi(t, m[1]), atoi(t, m[2])
	if total != n || diag != right {
		t.Errorf("confusion matrix sums to %d with diagonal %d, want %d and %d", total, diag, n, right)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestConfusion(t *testing.T) {
	tests := []struct {
		pred   []int
		labels []byte
		want   [][]int
	}{
		{[]int{0, 1, 1}, []byte{0, 1, 0}, [][]int{{1, 1}, {0, 1}}},
		{[]int{2, 2, 0, 1}, []byte{2, 1, 0, 1}, [][]int{{1, 0, 0}, {0, 1, 1}, {0, 0, 1}}},
		{nil, nil, [][]int{{0, 0}, {0, 0}}},
	}
	for _, tt := range tests {
		got := confusion(tt.pred, tt.labels, len(tt.want))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("confusion(%v, %v) = %v, want %v", tt.pred, tt.labels, got, tt.want)
		}
	}
}

// TestStepEquations checks one step of each rule against the README's
// equations written with the plain matrix functions, on a 5-4-3 network.
func TestStepEquations(t *testing.T) {
	sig := func(m *matrix.Matrix) *matrix.Matrix {
		return matrix.Apply(func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }, m)
	}
	slope := func(a *matrix.Matrix) *matrix.Matrix {
		return matrix.Apply(func(v float64) float64 { return v * (1 - v) }, a)
	}
	for _, gradient := range []bool{false, true} {
		b := newBookNet(5, 4, 3, 0.3, false, gradient, nprand.New(7))
		copy(b.x.Data, []float64{0.01, 0.5, 1, 0.2, 0.7})
		copy(b.t.Data, []float64{0.01, 0.99, 0.01})
		w1, w2 := b.net.Layers[0].W.Clone(), b.net.Layers[1].W.Clone()

		h := sig(matrix.Mul(b.x, w1))
		o := sig(matrix.Mul(h, w2))
		e := matrix.Sub(b.t, o)
		dOut := matrix.Hadamard(e, slope(o))
		eH := matrix.Mul(e, matrix.Transpose(w2)) // the book: whoᵀ·e
		if gradient {
			eH = matrix.Mul(dOut, matrix.Transpose(w2))
		}
		dH := matrix.Hadamard(eH, slope(h))
		want2 := matrix.Add(w2, matrix.ScalarMul(0.3, matrix.Mul(matrix.Transpose(h), dOut)))
		want1 := matrix.Add(w1, matrix.ScalarMul(0.3, matrix.Mul(matrix.Transpose(b.x), dH)))

		b.step()
		for _, c := range []struct {
			name      string
			got, want *matrix.Matrix
		}{{"W1", b.net.Layers[0].W, want1}, {"W2", b.net.Layers[1].W, want2}} {
			if d := matrix.MaxAbsDiff(c.got, c.want); d > 1e-15 {
				t.Errorf("gradient=%v: %s after a step =\n%v\nwant\n%v (max difference %g)", gradient, c.name, c.got, c.want, d)
			}
		}
	}
}

// TestInit checks that nn.ScaledNormal in the book's orientation is
// numpy.random.normal(0, pow(fan_in, -0.5), (fan_out, fan_in)) transposed,
// and that -init out draws the same normals scaled by fan_out^−½.
func TestInit(t *testing.T) {
	in := newBookNet(6, 4, 3, 0.1, false, false, nprand.New(3)).net
	mine := nn.New([]int{6, 4, 3}, false, nn.Sigmoid{}, nn.Sigmoid{})
	bookNormal(mine, nprand.New(3), (*nn.Layer).FanIn)
	out := newBookNet(6, 4, 3, 0.1, true, false, nprand.New(3)).net
	for l := range in.Layers {
		if !matrix.Equal(in.Layers[l].W, mine.Layers[l].W) {
			t.Errorf("layer %d: ScaledNormal{OutIn: true} =\n%v\nwant numpy's draw transposed\n%v", l+1, in.Layers[l].W, mine.Layers[l].W)
		}
		ratio := math.Sqrt(float64(in.Layers[l].FanIn()) / float64(in.Layers[l].FanOut()))
		if d := matrix.MaxAbsDiff(out.Layers[l].W, matrix.ScalarMul(ratio, in.Layers[l].W)); d > 1e-15 {
			t.Errorf("layer %d: -init out differs from -init in × %.3f by %g, want the same draws rescaled", l+1, ratio, d)
		}
	}
}

// TestStepAllocations checks that a training step allocates nothing.
func TestStepAllocations(t *testing.T) {
	for _, gradient := range []bool{false, true} {
		b := newBookNet(784, 100, 10, 0.1, false, gradient, nprand.New(1))
		b.step()
		if got := testing.AllocsPerRun(50, b.step); got != 0 {
			t.Errorf("gradient=%v: a step allocates %v times, want 0", gradient, got)
		}
	}
}

// small is a configuration of a fraction of a second for the tests.
func small(t *testing.T) config {
	t.Helper()
	cfg := defaultConfig()
	cfg.trainN, cfg.testN, cfg.epochs, cfg.mlpIter, cfg.times = 300, 100, 1, 0, false
	return cfg
}

func TestPicture(t *testing.T) {
	for _, name := range []string{"wrong.png", "wrong.jpg"} {
		cfg := small(t)
		cfg.picture, cfg.wrong = filepath.Join(t.TempDir(), name), 12
		var buf bytes.Buffer
		if err := run(&buf, cfg); err != nil {
			t.Fatal(err)
		}
		lessontest.Image(t, cfg.picture, 6*84, 2*84) // 2 rows of 6 images
		if !strings.Contains(buf.String(), "wrote "+cfg.picture) {
			t.Errorf("output does not say where the picture went:\n%s", buf.String())
		}
	}
}

// writeDir writes a small MNIST-format directory: the first n training and
// test images of the embedded subset, gzipped, with the given labels file
// replaced by bad if bad is not nil.
func writeDir(t *testing.T, n int, badFile string, bad []byte) string {
	t.Helper()
	dir := t.TempDir()
	train, test := data.EmbeddedFashion10()
	train, test = first(train, n), first(test, n)
	write := func(name string, fill func(*bytes.Buffer) error) {
		var raw bytes.Buffer
		if err := fill(&raw); err != nil {
			t.Fatal(err)
		}
		if name == badFile {
			raw = *bytes.NewBuffer(bad)
		}
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(raw.Bytes())
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), gz.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(data.TrainImagesFile, func(b *bytes.Buffer) error { return data.WriteImagesIDX(b, train.Images) })
	write(data.TrainLabelsFile, func(b *bytes.Buffer) error { return data.WriteLabelsIDX(b, train.Labels) })
	write(data.TestImagesFile, func(b *bytes.Buffer) error { return data.WriteImagesIDX(b, test.Images) })
	write(data.TestLabelsFile, func(b *bytes.Buffer) error { return data.WriteLabelsIDX(b, test.Labels) })
	return dir
}

func TestDataDir(t *testing.T) {
	truncated := []byte{0, 0, 8, 3, 0, 0, 0, 50, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3}
	tests := []struct {
		name    string
		badFile string
		bad     []byte
		classes string
		want    string // in the output, or in the error
	}{
		{"fashion", "", nil, "fashion", "Fashion-MNIST from "},
		{"digits", "", nil, "digits", "digits from "},
		{"truncated images", data.TestImagesFile, truncated, "fashion", data.TestImagesFile},
		{"not IDX", data.TrainLabelsFile, []byte("hello, world"), "digits", data.TrainLabelsFile},
	}
	for _, tt := range tests {
		cfg := small(t)
		cfg.picture, cfg.classes = "", tt.classes
		cfg.data = writeDir(t, 200, tt.badFile, tt.bad)
		var buf bytes.Buffer
		err := run(&buf, cfg)
		got := buf.String()
		if err != nil {
			got = err.Error()
		}
		if (err != nil) != (tt.badFile != "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q (error %v), want it to contain %q", tt.name, got, err, tt.want)
		}
	}
}

func TestFlags(t *testing.T) {
	dir := t.TempDir()
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-data", "full", "-epochs", "2", "-lr", "0.3", "-rule", "gradient", "-init", "out"}, Want: ""},
		{Args: []string{"-data", dir, "-classes", "digits"}, Want: ""},
		{Args: []string{"-data", filepath.Join(dir, "nope")}, Want: "-data must be embedded, full or a directory"},
		{Args: []string{"-classes", "letters"}, Want: "-classes must be fashion or digits"},
		{Args: []string{"-hidden", "0"}, Want: "-hidden must be in 1 … 10000"},
		{Args: []string{"-hidden", "99999999999"}, Want: "-hidden must be in 1 … 10000"},
		{Args: []string{"-lr", "0"}, Want: "-lr must be in (0, 100]"},
		{Args: []string{"-lr", "NaN"}, Want: "-lr must be in (0, 100]"},
		{Args: []string{"-epochs", "0"}, Want: "-epochs must be in 1 … 1000000, got 0"},
		{Args: []string{"-epochs", "9223372036854775807"}, Want: "-epochs must be in 1 … 1000000"},
		{Args: []string{"-max-mb", "0"}, Want: "-max-mb must be in 1 … 65536, got 0"},
		{Args: []string{"-init", "glorot"}, Want: "-init must be in or out"},
		{Args: []string{"-rule", "adam"}, Want: "-rule must be book or gradient"},
		{Args: []string{"-seed", "-1"}, Want: "-seed must be in 0 … 4294967295"},
		{Args: []string{"-train", "-5"}, Want: "-train must be in 0 … 2147483647, got -5"},
		{Args: []string{"-test", "-5"}, Want: "-test must be in 0 … 2147483647, got -5"},
		{Args: []string{"-wrong", "0"}, Want: "-wrong must be in 1 … 10000, got 0"},
		{Args: []string{"-mlp-iter", "-1"}, Want: "-mlp-iter must be in 0 … 1000000, got -1"},
		{Args: []string{"-epochs", "five"}, Want: "-epochs"},
		{Args: []string{"-picture", "x.gif"}, Want: `-picture: x.gif: unknown image extension ".gif"`},
	})
}

// TestKeepsFigure checks that only the default run (or one that changes
// nothing the picture shows) writes the README's figure, misclassified.png.
func TestKeepsFigure(t *testing.T) {
	lessontest.Pictures(t, parseFlags, func(c config) string { return c.picture }, []lessontest.FlagCase{
		{Args: nil, Want: "misclassified.png"},
		{Args: []string{"-times=false", "-mlp-iter", "200"}, Want: "misclassified.png"},
		{Args: []string{"-data", "full"}, Want: ""},
		{Args: []string{"-data", "full", "-picture", "mine.png"}, Want: "mine.png"},
	})
}

// BenchmarkStep measures one step of the book's 784-100-10 network.
func BenchmarkStep(bm *testing.B) {
	train, _ := data.EmbeddedFashion10()
	b := newBookNet(784, 100, 10, 0.1, false, false, nprand.New(1))
	train.Images.ScaleInto(b.x.Data, []int{0}, inLo, inHi)
	train.OneHotInto(b.t.Data, []int{0}, off, on)
	for bm.Loop() {
		b.step()
	}
}

// TestREADMEFigures checks the figures the README's text states: the
// sizes of the data and of the weights' spread, the classes the default
// run has barely begun to learn, and numpy's counts.
func TestREADMEFigures(t *testing.T) {
	out := string(defaultOutput(t))
	train, test := data.EmbeddedFashion10()
	each := func(s *data.Set) int {
		n := make([]int, len(s.Classes))
		for _, l := range s.Labels {
			n[l]++
		}
		for _, c := range n {
			if c != n[0] {
				t.Fatalf("embedded set: %v images per class, the README says the same number of each", n)
			}
		}
		return n[0]
	}
	correct := func(class string) string {
		return lessontest.Find(t, out, `\n\d `+class+` .* (\d+)\.0%\n`)[1]
	}
	counts := make([]string, len(numpyCounts))
	for i, c := range numpyCounts {
		counts[i] = strconv.Itoa(c)
	}
	sd := func(n float64) string { return fmt.Sprintf("%.2g", 1/math.Sqrt(n)) }
	const fullTrain, pixels = 60000, 28 * 28
	lessontest.Prose(t, "README.md",
		fmt.Sprintf("the first %d training and %d test images of each class", each(train), each(test)),
		"Coat ("+correct("Coat")+"%) and Shirt ("+correct("Shirt")+"%)",
		"gets **"+strings.Join(counts, ", ")+"** right",
		"n = 784 for the hidden layer (σ = 0."+strings.TrimPrefix(fmt.Sprintf("%.3f", 1/math.Sqrt(784)), "0.")+"), n = 100 for the output layer (σ = "+sd(100)+")",
		"(σ = "+sd(100)+" and "+sd(10)+")",
		fmt.Sprintf("%.0f MB for the full set", float64(fullTrain*pixels*8)/1e6),
		fmt.Sprintf("the %.0f MB of pixel bytes", float64(fullTrain*pixels)/1e6),
		fmt.Sprintf("%d mini-batch updates instead of %s", fullTrain/200, "60,000"),
	)
}

// TestREADMETry checks the counts the README's Try section gives for
// -rule gradient and -init out.
func TestREADMETry(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: two trainings of 5 epochs")
	}
	for _, tc := range []struct{ flag, value, before, after string }{
		{"-rule", "gradient", "it gets ", " right after epochs 1–5"},
		{"-init", "out", "N(0, fan_out^−½) (", ")"},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			t.Parallel()
			out := lessontest.Run(t, parseFlags, run, tc.flag, tc.value, "-mlp-iter", "0", "-picture", "")
			var counts []string
			for _, m := range regexp.MustCompile(`epoch \d: test accuracy [\d.]+% \((\d+)/`).FindAllStringSubmatch(out, -1) {
				counts = append(counts, m[1])
			}
			lessontest.Prose(t, "README.md", tc.before+strings.Join(counts, ", ")+tc.after)
		})
	}
}
