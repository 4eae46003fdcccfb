package nprand

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// The reference numbers here and in numpy_vectors_test.go are outputs of
// numpy 1.24's legacy RandomState. Floats are compared with ==: the port
// must reproduce numpy's bits, not approximate them.

// sameFloats reports the first index where got and want differ in any bit.
func sameFloats(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Errorf("%s[%d]: got %v (%#016x), want %v (%#016x)",
				what, i, got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
}

// TestSharedVectors replays the chain recorded in the project's
// numpy_rng_vectors.json: seed 1 and 12 random_sample; then seed 42 and, on
// the one stream, standard_normal(6), shuffle(arange(10)), permutation(5),
// uniform(-1, 1, 4).
func TestSharedVectors(t *testing.T) {
	seed1Sample12 := []float64{
		0.417022004702574, 0.7203244934421581, 0.00011437481734488664,
		0.30233257263183977, 0.14675589081711304, 0.0923385947687978,
		0.1862602113776709, 0.34556072704304774, 0.39676747423066994,
		0.538816734003357, 0.4191945144032948, 0.6852195003967595,
	}
	seed42Normal6 := []float64{
		0.4967141530112327, -0.13826430117118466, 0.6476885381006925,
		1.5230298564080254, -0.23415337472333597, -0.23413695694918055,
	}
	thenShuffle10 := []int{0, 6, 9, 1, 8, 5, 2, 3, 4, 7}
	thenPermutation5 := []int{4, 2, 0, 3, 1}
	thenUniform4 := []float64{
		-0.39151551408092455, 0.04951286326447568,
		-0.13610996271576847, -0.4175417196039162,
	}

	r := New(1)
	got := make([]float64, 12)
	r.Rand(got)
	sameFloats(t, "seed 1 random_sample(12)", got, seed1Sample12)

	r.Seed(42)
	got = make([]float64, 6)
	r.Randn(got)
	sameFloats(t, "seed 42 standard_normal(6)", got, seed42Normal6)

	x := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(x)
	if !slices.Equal(x, thenShuffle10) {
		t.Errorf("then shuffle(arange(10)): got %v, want %v", x, thenShuffle10)
	}
	if p := r.Permutation(5); !slices.Equal(p, thenPermutation5) {
		t.Errorf("then permutation(5): got %v, want %v", p, thenPermutation5)
	}
	got = make([]float64, 4)
	r.FillUniform(got, -1, 1)
	sameFloats(t, "then uniform(-1, 1, 4)", got, thenUniform4)
}

func TestUint32(t *testing.T) {
	for _, c := range npUint32Cases {
		r := New(c.seed)
		for range c.skip {
			r.Uint32()
		}
		for i, want := range c.want {
			if got := r.Uint32(); got != want {
				t.Errorf("seed %d, word %d: got %d, want %d", c.seed, c.skip+i, got, want)
			}
		}
	}
}

func TestRandomSample(t *testing.T) {
	for _, c := range npRandomSampleCases {
		r := New(c.seed)
		got := make([]float64, len(c.want))
		for i := range got {
			got[i] = r.RandomSample()
		}
		sameFloats(t, fmt.Sprintf("seed %d RandomSample", c.seed), got, c.want)

		r.Seed(c.seed)
		got = make([]float64, len(c.want))
		r.Rand(got)
		sameFloats(t, fmt.Sprintf("seed %d Rand", c.seed), got, c.want)
	}
}

// TestRandomSampleRange checks the extremes of the 53-bit construction: all
// zero bits give 0 and all one bits give the largest double below 1.
func TestRandomSampleRange(t *testing.T) {
	if got, want := (float64(0)*twoPow26+0)/twoPow53, 0.0; got != want {
		t.Errorf("zero words: got %v, want %v", got, want)
	}
	a, b := float64(uint32(maxUint32)>>5), float64(uint32(maxUint32)>>6)
	if got, want := (a*twoPow26+b)/twoPow53, math.Nextafter(1, 0); got != want {
		t.Errorf("all-ones words: got %v, want %v", got, want)
	}
}

func TestStandardNormal(t *testing.T) {
	for _, c := range npStandardNormalCases {
		r := New(c.seed)
		got := make([]float64, len(c.want))
		for i := range got {
			got[i] = r.StandardNormal()
		}
		sameFloats(t, fmt.Sprintf("seed %d StandardNormal", c.seed), got, c.want)

		// Randn in two odd-length pieces: the value cached at the end of
		// the first piece starts the second.
		r.Seed(c.seed)
		got = make([]float64, len(c.want))
		r.Randn(got[:3])
		r.Randn(got[3:])
		sameFloats(t, fmt.Sprintf("seed %d Randn 3+%d", c.seed, len(c.want)-3), got, c.want)
	}
}

// TestSeedDropsCachedNormal checks that Seed forgets the second value of
// the polar pair, as np.random.seed does.
func TestSeedDropsCachedNormal(t *testing.T) {
	r := New(5)
	first := r.StandardNormal() // leaves a value cached
	r.Seed(5)
	if got := r.StandardNormal(); got != first {
		t.Errorf("after Seed(5): got %v, want %v", got, first)
	}
}

func TestNormal(t *testing.T) {
	for _, c := range npNormalCases {
		r := New(c.seed)
		got := make([]float64, len(c.want))
		for i := range got {
			got[i] = r.Normal(c.loc, c.scale)
		}
		sameFloats(t, fmt.Sprintf("seed %d Normal(%v, %v)", c.seed, c.loc, c.scale), got, c.want)
	}
}

func TestUniform(t *testing.T) {
	for _, c := range npUniformCases {
		r := New(c.seed)
		got := make([]float64, len(c.want))
		for i := range got {
			got[i] = r.Uniform(c.low, c.high)
		}
		sameFloats(t, fmt.Sprintf("seed %d Uniform(%v, %v)", c.seed, c.low, c.high), got, c.want)

		r.Seed(c.seed)
		got = make([]float64, len(c.want))
		r.FillUniform(got, c.low, c.high)
		sameFloats(t, fmt.Sprintf("seed %d FillUniform(%v, %v)", c.seed, c.low, c.high), got, c.want)
	}
}

func TestRandint(t *testing.T) {
	for _, c := range npRandintCases {
		r := New(c.seed)
		for i, want := range c.want {
			if got := r.Randint(c.low, c.high); got != want {
				t.Errorf("seed %d Randint(%d, %d) #%d: got %d, want %d", c.seed, c.low, c.high, i, got, want)
			}
		}
	}
}

func TestShuffle(t *testing.T) {
	for _, c := range npShuffleCases {
		ident := make([]int, c.n)
		for i := range ident {
			ident[i] = i
		}

		x := slices.Clone(ident)
		New(c.seed).Shuffle(x)
		if !slices.Equal(x, c.want) {
			t.Errorf("seed %d Shuffle(%d): got %v, want %v", c.seed, c.n, x, c.want)
		}

		// The generic and the swap-function forms draw and swap alike.
		s := make([]string, c.n)
		for i := range s {
			s[i] = fmt.Sprint(i)
		}
		ShuffleSlice(New(c.seed), s)
		for i, want := range c.want {
			if s[i] != fmt.Sprint(want) {
				t.Errorf("seed %d ShuffleSlice(%d)[%d]: got %q, want %q", c.seed, c.n, i, s[i], fmt.Sprint(want))
			}
		}
		y := slices.Clone(ident)
		New(c.seed).ShuffleFunc(len(y), func(i, j int) { y[i], y[j] = y[j], y[i] })
		if !slices.Equal(y, c.want) {
			t.Errorf("seed %d ShuffleFunc(%d): got %v, want %v", c.seed, c.n, y, c.want)
		}
	}
}

func TestPermutation(t *testing.T) {
	for _, c := range npPermutationCases {
		if got := New(c.seed).Permutation(c.n); !slices.Equal(got, c.want) {
			t.Errorf("seed %d Permutation(%d): got %v, want %v", c.seed, c.n, got, c.want)
		}
	}
}

// chainStep is one call on a shared stream and its numpy result: op is
// "normal", "sample", "uniform" (low a, high b), "randint" (low a, high b)
// or "uint32".
type chainStep struct {
	op   string
	a, b float64
	want float64
}

// TestChain interleaves the methods on one stream, as a script does: the
// cached normal outlives other draws, and a one-value randint draws nothing.
func TestChain(t *testing.T) {
	r := New(npChainSeed)
	for i, s := range npChain {
		var got float64
		switch s.op {
		case "normal":
			got = r.StandardNormal()
		case "sample":
			got = r.RandomSample()
		case "uniform":
			got = r.Uniform(s.a, s.b)
		case "randint":
			got = float64(r.Randint(int64(s.a), int64(s.b)))
		case "uint32":
			got = float64(r.Uint32())
		default:
			t.Fatalf("step %d: unknown op %q", i, s.op)
		}
		if math.Float64bits(got) != math.Float64bits(s.want) {
			t.Errorf("step %d %s(%v, %v): got %v, want %v", i, s.op, s.a, s.b, got, s.want)
		}
	}
}

// TestGlorotLikeSklearn draws scikit-learn's MLP initial weights for a
// 3-input, 4-unit logistic layer with random_state=1: RandomState(1), then
// uniform(-b, b, (3, 4)) in C order and uniform(-b, b, 4) for the intercepts,
// b = sqrt(2/(3+4)).
func TestGlorotLikeSklearn(t *testing.T) {
	bound := math.Sqrt(2.0 / (3 + 4))
	if bound != npGlorot.bound {
		t.Fatalf("bound: got %v, want %v", bound, npGlorot.bound)
	}
	r := New(npGlorot.seed)
	coef := make([]float64, 3*4) // element (i, j) is coef[i*4+j]
	r.FillUniform(coef, -bound, bound)
	sameFloats(t, "coef", coef, npGlorot.coef)
	icpt := make([]float64, 4)
	r.FillUniform(icpt, -bound, bound)
	sameFloats(t, "intercept", icpt, npGlorot.icpt)
}

// TestLogRounded checks the logarithm behind StandardNormal against ln x
// rounded once from 60 digits, including inputs where the C library numpy
// calls rounds the other way.
func TestLogRounded(t *testing.T) {
	for _, c := range npLogCases {
		if got := logRounded(c.x); got != c.want {
			t.Errorf("logRounded(%v): got %v, want %v", c.x, got, c.want)
		}
	}
}

func TestPanics(t *testing.T) {
	cases := []struct {
		name string
		f    func(r *RandomState)
	}{
		{"Randint(3, 3)", func(r *RandomState) { r.Randint(3, 3) }},
		{"Randint(4, -4)", func(r *RandomState) { r.Randint(4, -4) }},
		{"Normal(0, -1)", func(r *RandomState) { r.Normal(0, -1) }},
		{"Permutation(-1)", func(r *RandomState) { r.Permutation(-1) }},
		{"ShuffleFunc(-1)", func(r *RandomState) { r.ShuffleFunc(-1, func(i, j int) {}) }},
	}
	for _, c := range cases {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: got no panic, want one", c.name)
				}
			}()
			c.f(New(0))
		}()
	}
}

func BenchmarkUint32(b *testing.B) {
	r := New(1)
	var s uint32
	for b.Loop() {
		s += r.Uint32()
	}
	_ = s
}

func BenchmarkRandomSample(b *testing.B) {
	r := New(1)
	var s float64
	for b.Loop() {
		s += r.RandomSample()
	}
	_ = s
}

func BenchmarkStandardNormal(b *testing.B) {
	r := New(1)
	var s float64
	for b.Loop() {
		s += r.StandardNormal()
	}
	_ = s
}

func BenchmarkRandint(b *testing.B) {
	r := New(1)
	var s int64
	for b.Loop() {
		s += r.Randint(0, 1000)
	}
	_ = s
}

func BenchmarkPermutation1000(b *testing.B) {
	r := New(1)
	for b.Loop() {
		r.Permutation(1000)
	}
}

// TestRandnLong fills a 10×10 matrix like np.random.seed(1);
// np.random.randn(10, 10), long enough that a logarithm which is merely
// accurate to one ulp, rather than correctly rounded, shows in the bits.
func TestRandnLong(t *testing.T) {
	got := make([]float64, 10*10) // element (i, j) is got[i*10+j]
	New(1).Randn(got)
	sameFloats(t, "seed 1 randn(10, 10)", got, npRandnSeed1)
}
