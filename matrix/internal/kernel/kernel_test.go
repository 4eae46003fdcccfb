package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// naive is the reference the kernels are held to, the textbook triple loop
// of matrix.MulNaive on slices: c = a·b for an r×n a and an n×m b.
func naive(a, b []float64, r, n, m int) []float64 {
	c := make([]float64, r*m)
	for i := 0; i < r; i++ {
		for j := 0; j < m; j++ {
			sum := 0.0
			for k := 0; k < n; k++ {
				sum += float64(a[i*n+k] * b[k*m+j])
			}
			c[i*m+j] = sum
		}
	}
	return c
}

// transpose returns the c×r transpose of the r×c matrix a.
func transpose(a []float64, r, c int) []float64 {
	t := make([]float64, len(a))
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			t[j*r+i] = a[i*c+j]
		}
	}
	return t
}

// gen returns the r×c matrix whose element (i, j) is f(i, j).
func gen(r, c int, f func(i, j int) float64) []float64 {
	a := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			a[i*c+j] = f(i, j)
		}
	}
	return a
}

// random returns an r×c matrix of values in [-1, 1), a fraction zeros of
// them exact zeros.
func random(rng *rand.Rand, r, c int, zeros float64) []float64 {
	return gen(r, c, func(int, int) float64 {
		if rng.Float64() < zeros {
			return 0
		}
		return 2*rng.Float64() - 1
	})
}

// nans returns n NaNs: a destination every element of which must be written.
func nans(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// sameBits reports whether x and y have the same bit pattern, counting any
// two NaNs as the same: when both operands of an x86 addition are NaN the
// result carries the payload of the first, and which operand comes first is
// the compiler's choice (it differs under -race), so NaN payloads are not
// part of a kernel's contract.
func sameBits(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || (math.IsNaN(x) && math.IsNaN(y))
}

// firstDiff returns the first index where got and want differ in a bit, or -1.
func firstDiff(got, want []float64) int {
	for i := range want {
		if !sameBits(got[i], want[i]) {
			return i
		}
	}
	return -1
}

// simdNames names the micro-kernel levels of simd.go in test messages.
var simdNames = [...]string{"scalar2x3", "go4x8", "sse2", "avx"}

// checkKernels computes a·b (r×n · n×m) directly and through the
// transposed forms, with Auto and with the blocked kernel at every
// micro-kernel level this machine runs, on 1 and 3 goroutines, with and
// without zero-skipping, and checks each against the reference loop bit for
// bit: every kernel sums each dot product in the same order k = 0, 1, 2, …
// as the reference.
func checkKernels(t *testing.T, a, b []float64, r, n, m int) {
	t.Helper()
	want := naive(a, b, r, n, m)
	at, bt := transpose(a, r, n), transpose(b, n, m)
	ops := []struct {
		op   Op
		x, y []float64
	}{{Mul, a, b}, {TransA, at, b}, {TransB, a, bt}}
	for _, o := range ops {
		check := func(how string, got []float64) {
			t.Helper()
			if i := firstDiff(got, want); i >= 0 {
				t.Fatalf("op %d %dx%d·%dx%d %s: element %d is %v, want %v (the reference's, bit for bit)",
					o.op, r, n, n, m, how, i, got[i], want[i])
			}
		}
		got := nans(r * m)
		Auto(o.op, got, o.x, o.y, r, n, m)
		check("Auto", got)
		for level := simdScalar; level <= simdMax; level++ {
			for _, p := range []int{1, 3} {
				for _, skip := range []bool{false, true} {
					got := nans(r * m)
					blockedLevel(level, o.op, got, o.x, o.y, r, n, m, p, skip)
					check(fmt.Sprintf("level %s, %d goroutines, skip %v", simdNames[level], p, skip), got)
				}
			}
		}
	}
}

func TestKernelsMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	shapes := [][3]int{
		{0, 0, 0}, {1, 1, 1}, {0, 5, 3}, {5, 0, 3}, {5, 3, 0},
		{4, 3, 4}, {3, 4, 3}, {1, 7, 1}, {2, 4, 4}, {3, 5, 5}, {7, 9, 13},
		{33, 17, 9}, {64, 64, 64}, {65, 63, 66}, {101, 300, 7},
		{200, 784, 10}, // wide enough for several L2 blocks of B
	}
	for _, s := range shapes {
		checkKernels(t, random(rng, s[0], s[1], 0), random(rng, s[1], s[2], 0), s[0], s[1], s[2])
	}
}

// TestKernelsSparse checks the kernels on data with exact zeros, whole zero
// rows and columns, and integers (whose products are exact, so any change in
// the summation would show as a different bit pattern only if it lost bits).
func TestKernelsSparse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// The second shape takes B in several L2 blocks, so the zero-skipping
	// kernel packs each strip once for all of them.
	for _, s := range [][3]int{{37, 29, 23}, {37, 300, 150}} {
		a := gen(s[0], s[1], func(i, j int) float64 {
			if i%5 == 0 || rng.IntN(2) == 0 {
				return 0
			}
			return 2*rng.Float64() - 1
		})
		b := gen(s[1], s[2], func(i, j int) float64 {
			if j%7 == 0 {
				return 0
			}
			return float64(rng.IntN(9) - 4)
		})
		checkKernels(t, a, b, s[0], s[1], s[2])
	}
}

// TestSparseSpecialValues checks the zero-skipping kernel where skipping
// could change a result: an Inf or NaN in B facing a zero of A (0·Inf is
// NaN, so the kernel must fall back to the dense one), NaN and Inf in A,
// negative zeros, and products that underflow to −0.
func TestSparseSpecialValues(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		name   string
		at, bt func(i, j int) float64
	}{
		{"Inf in B", func(i, j int) float64 { return float64((i + j) % 2) },
			func(i, j int) float64 {
				if i == 3 && j == 5 {
					return inf
				}
				return 1
			}},
		{"NaN in B", func(i, j int) float64 { return float64((i * j) % 3 % 2) },
			func(i, j int) float64 {
				if i == 0 && j == 17 {
					return nan
				}
				return -2
			}},
		{"NaN and Inf in A", func(i, j int) float64 {
			switch {
			case i == 2 && j == 1:
				return nan
			case i == 5 && j == 4:
				return -inf
			case j%2 == 0:
				return 0
			}
			return 1.5
		}, func(i, j int) float64 { return float64(j - i) }},
		{"negative zeros and underflow", func(i, j int) float64 {
			if j%3 == 0 {
				return math.Copysign(0, -1)
			}
			return 1e-200
		}, func(i, j int) float64 { return -1e-200 * float64(j%4) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkKernels(t, gen(21, 19, tt.at), gen(19, 18, tt.bt), 21, 19, 18)
		})
	}
}

// FuzzKernels compares every kernel with the reference loop on random
// shapes, including 0, 1 and odd sizes.
func FuzzKernels(f *testing.F) {
	for i, s := range [][3]uint8{{2, 3, 4}, {0, 5, 1}, {1, 1, 1}, {13, 0, 7}, {57, 63, 59}} {
		f.Add(uint64(i+1), s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, seed uint64, r, n, c uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		ri, ni, ci := int(r%70), int(n%70), int(c%70)
		checkKernels(t, random(rng, ri, ni, 0.3), random(rng, ni, ci, 0), ri, ni, ci)
	})
}

// TestSparse checks the sampled count of zeros against the 25% threshold.
func TestSparse(t *testing.T) {
	tests := []struct {
		zeroEvery int // every zeroEvery-th element is zero; 0 for none
		want      bool
	}{{0, false}, {1, true}, {2, true}, {4, true}, {5, false}}
	for _, tt := range tests {
		a := make([]float64, 7*100)
		for i := range a {
			if tt.zeroEvery == 0 || (i/7)%tt.zeroEvery != 0 {
				a[i] = 1
			}
		}
		if got := Sparse(a); got != tt.want {
			t.Errorf("Sparse with every %d-th sample zero: got %v, want %v", tt.zeroEvery, got, tt.want)
		}
	}
	// A batch-sized slice is sampled at a larger prime stride.
	for _, zeros := range []float64{0, 0.2, 0.3, 0.5} {
		rng := rand.New(rand.NewPCG(5, 6))
		a := random(rng, 200, 784, zeros)
		if got, want := Sparse(a), zeros >= 0.3; got != want {
			t.Errorf("Sparse on 200×784 with %.0f%% zeros: got %v, want %v", 100*zeros, got, want)
		}
	}
	if Sparse(nil) {
		t.Error("Sparse(nil): got true, want false")
	}
}

// TestBlockedAllocs checks that the blocked kernel allocates nothing once
// its buffers exist, for each Op, serial and parallel, dense and skipping
// zeros.
func TestBlockedAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const r, n, m = 200, 784, 100
	a, b, c := random(rng, r, n, 0.5), random(rng, n, m, 0), make([]float64, r*m)
	for _, op := range []Op{Mul, TransA, TransB} {
		x, y := a, b
		if op == TransA { // an n×r a, read transposed: here X for Xᵀ·δ
			x, y = random(rng, n, r, 0.5), random(rng, n, m, 0)
		}
		if op == TransB { // an m×n b, read transposed
			y = random(rng, m, n, 0)
		}
		for _, p := range []int{1, 2} {
			for _, skip := range []bool{false, true} {
				got := testing.AllocsPerRun(5, func() { Blocked(op, c, x, y, r, n, m, p, skip) })
				if got != 0 {
					t.Errorf("Blocked op %d on %d goroutines, skip %v: got %v allocations per run, want 0", op, p, skip, got)
				}
			}
		}
	}
}

// kernel4x4 is the 4×4 tile tile2x3 was chosen over: 16 accumulators do
// not fit beside their operands in the registers of Go's amd64 ABI, so the
// compiler spills. BenchmarkTile keeps the measurement.
func kernel4x4(ap [][4]float64, bp [][4]float64) [4][4]float64 {
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	var c20, c21, c22, c23, c30, c31, c32, c33 float64
	ap = ap[:len(bp)]
	for k := range bp {
		b0, b1, b2, b3 := bp[k][0], bp[k][1], bp[k][2], bp[k][3]
		a0, a1, a2, a3 := ap[k][0], ap[k][1], ap[k][2], ap[k][3]
		c00, c01, c02, c03 = c00+float64(a0*b0), c01+float64(a0*b1), c02+float64(a0*b2), c03+float64(a0*b3)
		c10, c11, c12, c13 = c10+float64(a1*b0), c11+float64(a1*b1), c12+float64(a1*b2), c13+float64(a1*b3)
		c20, c21, c22, c23 = c20+float64(a2*b0), c21+float64(a2*b1), c22+float64(a2*b2), c23+float64(a2*b3)
		c30, c31, c32, c33 = c30+float64(a3*b0), c31+float64(a3*b1), c32+float64(a3*b2), c33+float64(a3*b3)
	}
	return [4][4]float64{{c00, c01, c02, c03}, {c10, c11, c12, c13}, {c20, c21, c22, c23}, {c30, c31, c32, c33}}
}

// kernel2x4 is the 2×4 tile tile2x3 was chosen over: its 8 accumulators
// already spill one to the stack in every iteration.
func kernel2x4(ap [][mr]float64, bp [][4]float64) [mr][4]float64 {
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	ap = ap[:len(bp)]
	for k := range bp {
		b := &bp[k]
		a0, a1 := ap[k][0], ap[k][1]
		c00, c01, c02, c03 = c00+float64(a0*b[0]), c01+float64(a0*b[1]), c02+float64(a0*b[2]), c03+float64(a0*b[3])
		c10, c11, c12, c13 = c10+float64(a1*b[0]), c11+float64(a1*b[1]), c12+float64(a1*b[2]), c13+float64(a1*b[3])
	}
	return [mr][4]float64{{c00, c01, c02, c03}, {c10, c11, c12, c13}}
}

var tileSink float64

// BenchmarkTile measures the register tiles alone on L1-resident operands
// (k = 256), the measurement behind mr×nr = 2×3. (The 2×3 tile reads A in
// place, the others from a packed strip.)
func BenchmarkTile(b *testing.B) {
	const k = 256
	rng := rand.New(rand.NewPCG(1, 1))
	b3 := make([][nr]float64, k)
	b4 := make([][4]float64, k)
	a2 := make([][mr]float64, k)
	a2rows := make([]float64, mr*k) // a2 as 2 rows of a matrix, read in place
	a4 := make([][4]float64, k)
	idx := make([]int32, k)
	var t [vr][vc]float64
	for i := range b4 {
		b4[i] = [4]float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
		b3[i] = [nr]float64(b4[i][:nr])
		a2[i] = [mr]float64{rng.Float64(), rng.Float64()}
		a2rows[i], a2rows[k+i] = a2[i][0], a2[i][1]
		a4[i] = [4]float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
		idx[i] = int32(i)
	}
	tiles := []struct {
		name string
		size int
		f    func() float64
	}{
		{"2x3", 2 * 3, func() float64 { tile2x3(simdScalar, &strip{a2rows, [vr]int{0, k}}, idx, b3, &t); return t[1][2] }},
		{"2x4", 2 * 4, func() float64 { return kernel2x4(a2, b4)[1][3] }},
		{"4x4", 4 * 4, func() float64 { return kernel4x4(a4, b4)[3][3] }},
	}
	for _, tile := range tiles {
		b.Run(tile.name, func(b *testing.B) {
			for b.Loop() {
				tileSink += tile.f()
			}
			b.ReportMetric(2*float64(tile.size*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
