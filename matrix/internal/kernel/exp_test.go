package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"nnscratch/matrix/portable"
)

// sigmoidScalar is the expression Sigmoid must reproduce bit for bit.
func sigmoidScalar(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }

// expInto and sigmoidInto are matrix.ExpInto and matrix.SigmoidInto: the
// kernel, then the scalar function for the elements it leaves.
func expInto(dst, x []float64)     { finish(dst, x, Exp(dst, x), portable.Exp) }
func sigmoidInto(dst, x []float64) { finish(dst, x, Sigmoid(dst, x), sigmoidScalar) }

func finish(dst, x []float64, i int, f func(float64) float64) {
	for ; i < len(x); i++ {
		dst[i] = f(x[i])
	}
}

// expEdges are inputs at and beside every place where portable.Exp
// changes path: non-finite inputs, the overflow threshold, the biased
// exponent k+1023 reaching 0x7FF or dropping to 0 or below −52, results
// that are subnormal, and ties of the rounding of x·log2(e).
func expEdges() []float64 {
	const overflow = 7.09782712893384e+02
	xs := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0x7FF8000000000001), math.Float64frombits(0xFFF8000000000000),
		1, -1, 0.5, -0.5, 1e-300, -1e-300, 5e-324, -5e-324, 1e300, -1e300,
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		overflow, 709.78, 709.7, 709.5, 709.436, 709.0, 708.4, 708.39,
		-708.39, -708.4, -708.5, -709, -709.1, -720, -730, -740, -744.44, -745, -745.13, -745.14, -746, -800,
		-1022.5 * math.Ln2, -1021.5 * math.Ln2, -1075 * math.Ln2, -1074.5 * math.Ln2, 1023.5 * math.Ln2, 1024 * math.Ln2,
		math.MaxInt32 * math.Ln2, math.MinInt32 * math.Ln2, 2 * math.MinInt32 * math.Ln2,
	}
	// Ties and near-ties of k = round(x·log2(e)) for a spread of k.
	for k := -1080; k <= 1030; k += 7 {
		xs = append(xs, (float64(k)+0.5)*math.Ln2, float64(k)*math.Ln2)
	}
	var out []float64
	for _, x := range xs {
		y := x
		for range 3 {
			y = math.Nextafter(y, math.Inf(-1))
		}
		for range 7 {
			out = append(out, y)
			y = math.Nextafter(y, math.Inf(1))
		}
	}
	return out
}

// checkBits fails the test for the first few elements where got and want
// differ in any bit.
func checkBits(t *testing.T, name string, x, got []float64, want func(float64) float64) {
	t.Helper()
	bad := 0
	for i := range x {
		w := want(x[i])
		if math.Float64bits(got[i]) != math.Float64bits(w) {
			t.Errorf("%s: x[%d] = %v (%#x): got %v (%#x), want %v (%#x)",
				name, i, x[i], math.Float64bits(x[i]), got[i], math.Float64bits(got[i]), w, math.Float64bits(w))
			if bad++; bad == 10 {
				t.Fatalf("%s: stopping after %d mismatches", name, bad)
			}
		}
	}
}

// expRanges are the input distributions of the random tests: the whole
// range of finite results, the sigmoid's usual inputs, the two ends, and
// arbitrary bit patterns.
var expRanges = []struct {
	name   string
	lo, hi float64
	n      int
}{
	{"whole range", -745.2, 710, 2_000_000},
	{"sigmoid range", -40, 40, 1_000_000},
	{"small", -1e-3, 1e-3, 200_000},
	{"overflow end", 700, 710, 200_000},
	{"underflow end", -746, -700, 200_000},
	{"bit patterns", 0, 0, 300_000},
}

func randomInputs(seed uint64, lo, hi float64, n int) []float64 {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	x := make([]float64, n)
	for i := range x {
		if lo == hi {
			x[i] = math.Float64frombits(rng.Uint64())
		} else {
			x[i] = lo + (hi-lo)*rng.Float64()
		}
	}
	return x
}

func TestExpMatchesPortableExp(t *testing.T) {
	for i, r := range expRanges {
		x := randomInputs(uint64(i+1), r.lo, r.hi, r.n)
		got := make([]float64, len(x))
		expInto(got, x)
		checkBits(t, "Exp "+r.name, x, got, portable.Exp)
	}
}

func TestSigmoidMatchesScalar(t *testing.T) {
	for i, r := range expRanges {
		x := randomInputs(uint64(i+101), r.lo, r.hi, r.n)
		got := make([]float64, len(x))
		sigmoidInto(got, x)
		checkBits(t, "Sigmoid "+r.name, x, got, sigmoidScalar)
		// σ(x) = 1/(1+e^−x): the inputs whose −x spans the whole range.
		for j := range x {
			x[j] = -x[j]
		}
		sigmoidInto(got, x)
		checkBits(t, "Sigmoid −"+r.name, x, got, sigmoidScalar)
	}
}

// TestExpEdges runs every edge value in every lane of a group of four
// whose other lanes are ordinary, and all edges side by side, in place too.
func TestExpEdges(t *testing.T) {
	edges := expEdges()
	for _, f := range []struct {
		name string
		into func(dst, x []float64)
		want func(float64) float64
	}{
		{"Exp", expInto, portable.Exp},
		{"Sigmoid", sigmoidInto, sigmoidScalar},
	} {
		got := make([]float64, len(edges))
		f.into(got, edges)
		checkBits(t, f.name+" edges", edges, got, f.want)
		for lane := range 4 {
			x := make([]float64, 0, 4*len(edges))
			for _, e := range edges {
				g := []float64{0.25, -1.5, 3, -7}
				g[lane] = e
				x = append(x, g...)
			}
			got := make([]float64, len(x))
			f.into(got, x)
			checkBits(t, fmt.Sprintf("%s edge in lane %d", f.name, lane), x, got, f.want)
		}
		inPlace := append([]float64(nil), edges...)
		f.into(inPlace, inPlace)
		checkBits(t, f.name+" in place", edges, inPlace, f.want)
	}
}

// TestExpLengths covers the tails (len%4) and short slices, with a
// special value at each position in turn.
func TestExpLengths(t *testing.T) {
	for n := range 10 {
		for special := -1; special < n; special++ {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(i)*1.7 - 6
			}
			if special >= 0 {
				x[special] = math.Inf(-1)
			}
			name := fmt.Sprintf("len %d, −Inf at %d", n, special)
			got := make([]float64, n)
			expInto(got, x)
			checkBits(t, "Exp "+name, x, got, portable.Exp)
			sigmoidInto(got, x)
			checkBits(t, "Sigmoid "+name, x, got, sigmoidScalar)
		}
	}
}
