package portable

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"
)

// function is one of the package's functions of one argument, with the math
// function it reproduces and the inputs it is tested on.
type function struct {
	name   string
	f      func(float64) float64
	math   func(float64) float64
	inputs []float64
}

// uniform returns n values drawn uniformly from [lo, hi), the same ones on
// every platform for the same seed.
func uniform(seed uint64, lo, hi float64, n int) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = lo + float64((hi-lo)*r.Float64())
	}
	return x
}

// anyBits returns n float64 values with uniformly random bits: every
// exponent (subnormals, infinities and NaNs included) is equally likely.
func anyBits(seed uint64, n int) []float64 {
	r := rand.New(rand.NewPCG(seed, 2))
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Float64frombits(r.Uint64())
	}
	return x
}

// edges returns the arguments where the functions change path: zeros,
// infinities, NaN, the limits of math.Exp's ordinary path, the smallest and
// largest floats, √2/2 scaled by powers of two, and their neighbours.
func edges() []float64 {
	var x []float64
	for _, v := range []float64{0, 1, 0.5, 0.625, 44.014845965556525, 7.09782712893384e+02,
		709.782712893384, 709.78, -708.39, -708.4, -744.44, -745.1332191019411, -745.2, -1075 * math.Ln2,
		math.SmallestNonzeroFloat64, 0x1p-1022, math.MaxFloat64, halfSqrt2, 1e-300, 1e300, math.Inf(1)} {
		for _, s := range []float64{1, -1} {
			v := s * v
			x = append(x, v, math.Nextafter(v, math.Inf(1)), math.Nextafter(v, math.Inf(-1)))
		}
	}
	for k := -1074; k <= 1023; k++ {
		x = append(x, math.Ldexp(halfSqrt2, k), math.Ldexp(1, k))
	}
	return append(x, math.NaN())
}

// join concatenates slices of inputs.
func join(parts ...[]float64) []float64 {
	var x []float64
	for _, p := range parts {
		x = append(x, p...)
	}
	return x
}

const n = 1 << 17

var functions = []function{
	{"Exp", Exp, math.Exp, join(uniform(1, -746, 710, n), uniform(2, -40, 40, n), uniform(3, -1, 1, n), anyBits(4, n), edges())},
	{"Log", Log, math.Log, join(uniform(5, 0, 4, n), uniform(6, 0.5, 1.5, n), anyBits(7, n), edges())},
	{"Tanh", Tanh, math.Tanh, join(uniform(8, -25, 25, n), uniform(9, -0.7, 0.7, n), anyBits(10, n), edges())},
	{"Pow", func(x float64) float64 { return Pow(x, 1.3) }, func(x float64) float64 { return math.Pow(x, 1.3) }, join(uniform(11, 0, 100, n), anyBits(12, n), edges())},
	{"Pow(10, ·)", func(y float64) float64 { return Pow(10, y) }, func(y float64) float64 { return math.Pow(10, y) }, join(uniform(13, -320, 310, n), uniform(14, -3, 3, n), edges())},
	{"Pow(·, -0.7)", func(x float64) float64 { return Pow(x, -0.7) }, func(x float64) float64 { return math.Pow(x, -0.7) }, join(uniform(15, 0, 1000, n), anyBits(16, n), edges())},
}

// checksum returns the FNV-1a hash of the bits of f(x) for every x, with
// every NaN counted as math.NaN() (processors differ in the sign and
// payload of the NaNs their arithmetic makes).
func checksum(f func(float64) float64, x []float64) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range x {
		y := f(v)
		if math.IsNaN(y) {
			y = math.NaN()
		}
		u := math.Float64bits(y)
		for i := range b {
			b[i] = byte(u >> (8 * i))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// TestChecksums checks, on every platform, that each function returns the
// bits it returns on amd64 with FMA, where TestMatchesMath checks them
// against Go's math package. The sums were taken there.
func TestChecksums(t *testing.T) {
	want := map[string]uint64{
		"Exp":          0x3ebb0035891f9a78,
		"Log":          0x68af02b66dbd478a,
		"Tanh":         0x3a536062870e54e0,
		"Pow":          0x863355c786d1083d,
		"Pow(10, ·)":   0x69b523bf59b09097,
		"Pow(·, -0.7)": 0xc553bd3b84f2a21f,
	}
	for _, fn := range functions {
		if got := checksum(fn.f, fn.inputs); got != want[fn.name] {
			t.Errorf("%s: checksum of %d results: got %#x, want %#x", fn.name, len(fn.inputs), got, want[fn.name])
		}
	}
}

// mismatch returns a description of the first x where f and g differ in
// their bits (NaNs of any payload being equal), or "".
func mismatch(f, g func(float64) float64, x []float64) string {
	for _, v := range x {
		a, b := f(v), g(v)
		if math.Float64bits(a) != math.Float64bits(b) && !(math.IsNaN(a) && math.IsNaN(b)) {
			return fmt.Sprintf("x = %v (%#x): got %v (%#x), want %v (%#x)", v, math.Float64bits(v), a, math.Float64bits(a), b, math.Float64bits(b))
		}
	}
	return ""
}
