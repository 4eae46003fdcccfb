package matrix

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// kernel is one way of computing a product, named for test messages.
type kernel struct {
	name string
	f    func(dst, a, b *Matrix)
}

// mulKernels are every path that computes a·b, called directly so that the
// thresholds of MulInto do not hide any of them.
var mulKernels = []kernel{
	{"MulInto", func(d, a, b *Matrix) { MulInto(d, a, b) }},
	{"ikj", mulIKJ},
	{"blocked", func(d, a, b *Matrix) { mulBlockedP(opMul, d, a, b, a.Rows, a.Cols, b.Cols, 1) }},
	{"parallel2", func(d, a, b *Matrix) { mulBlockedP(opMul, d, a, b, a.Rows, a.Cols, b.Cols, 2) }},
	{"parallel3", func(d, a, b *Matrix) { mulBlockedP(opMul, d, a, b, a.Rows, a.Cols, b.Cols, 3) }},
	{"sparse", func(d, a, b *Matrix) { mulBlockedSkipP(opMul, d, a, b, a.Rows, a.Cols, b.Cols, 1, true) }},
	{"sparse3", func(d, a, b *Matrix) { mulBlockedSkipP(opMul, d, a, b, a.Rows, a.Cols, b.Cols, 3, true) }},
}

// transAKernels compute aᵀ·b; each is given aᵀ's source a.
var transAKernels = []kernel{
	{"MulTransAInto", func(d, a, b *Matrix) { MulTransAInto(d, a, b) }},
	{"kij", mulTransAKIJ},
	{"blocked", func(d, a, b *Matrix) { mulBlockedP(opTransA, d, a, b, a.Cols, a.Rows, b.Cols, 1) }},
	{"parallel2", func(d, a, b *Matrix) { mulBlockedP(opTransA, d, a, b, a.Cols, a.Rows, b.Cols, 2) }},
	{"sparse", func(d, a, b *Matrix) { mulBlockedSkipP(opTransA, d, a, b, a.Cols, a.Rows, b.Cols, 1, true) }},
	{"sparse3", func(d, a, b *Matrix) { mulBlockedSkipP(opTransA, d, a, b, a.Cols, a.Rows, b.Cols, 3, true) }},
}

// transBKernels compute a·bᵀ.
var transBKernels = []kernel{
	{"MulTransBInto", func(d, a, b *Matrix) { MulTransBInto(d, a, b) }},
	{"dot", mulTransBDot},
	{"blocked", func(d, a, b *Matrix) { mulBlockedP(opTransB, d, a, b, a.Rows, a.Cols, b.Rows, 1) }},
	{"parallel2", func(d, a, b *Matrix) { mulBlockedP(opTransB, d, a, b, a.Rows, a.Cols, b.Rows, 2) }},
}

// checkKernels computes a·b (r×n · n×c) with every kernel, directly and
// through the transposed forms, and compares each with MulNaive: to 1e-12
// relative, and bit for bit, since every kernel sums each dot product in the
// same order k = 0, 1, 2, … as the reference loop.
func checkKernels(t *testing.T, a, b *Matrix) {
	t.Helper()
	want := MulNaive(a, b)
	at, bt := Transpose(a), Transpose(b)
	check := func(what string, k kernel, got *Matrix) {
		t.Helper()
		if !ApproxEqual(got, want, 1e-12) {
			t.Fatalf("%s %s %dx%d·%dx%d: differs from MulNaive by %g", what, k.name, a.Rows, a.Cols, b.Rows, b.Cols, MaxAbsDiff(got, want))
		}
		if !Equal(got, want) {
			t.Fatalf("%s %s %dx%d·%dx%d: not bit-identical to MulNaive (max diff %g)", what, k.name, a.Rows, a.Cols, b.Rows, b.Cols, MaxAbsDiff(got, want))
		}
	}
	for _, k := range mulKernels {
		dst := New(want.Rows, want.Cols)
		dst.Data = fill(dst.Data, math.NaN()) // every element must be written
		k.f(dst, a, b)
		check("Mul", k, dst)
	}
	for _, k := range transAKernels {
		dst := New(want.Rows, want.Cols)
		dst.Data = fill(dst.Data, math.NaN())
		k.f(dst, at, b)
		check("MulTransA", k, dst)
	}
	for _, k := range transBKernels {
		dst := New(want.Rows, want.Cols)
		dst.Data = fill(dst.Data, math.NaN())
		k.f(dst, a, bt)
		check("MulTransB", k, dst)
	}
	checkLevels(t, a, b, at, bt, want)
}

func fill(s []float64, v float64) []float64 {
	for i := range s {
		s[i] = v
	}
	return s
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
		checkKernels(t, randMatrix(rng, s[0], s[1]), randMatrix(rng, s[1], s[2]))
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
		a := Generate(s[0], s[1], func(i, j int) float64 {
			if i%5 == 0 || rng.IntN(2) == 0 {
				return 0
			}
			return 2*rng.Float64() - 1
		})
		b := Generate(s[1], s[2], func(i, j int) float64 {
			if j%7 == 0 {
				return 0
			}
			return float64(rng.IntN(9) - 4)
		})
		checkKernels(t, a, b)
	}
}

// FuzzKernels compares every product kernel with MulNaive on random shapes,
// including 0, 1 and odd sizes.
func FuzzKernels(f *testing.F) {
	f.Add(uint64(1), uint8(2), uint8(3), uint8(4))
	f.Add(uint64(2), uint8(0), uint8(5), uint8(1))
	f.Add(uint64(3), uint8(1), uint8(1), uint8(1))
	f.Add(uint64(4), uint8(13), uint8(0), uint8(7))
	f.Add(uint64(5), uint8(57), uint8(63), uint8(59))
	f.Fuzz(func(t *testing.T, seed uint64, r, n, c uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		ri, ni, ci := int(r%70), int(n%70), int(c%70)
		checkKernels(t, randMatrix(rng, ri, ni), randMatrix(rng, ni, ci))
	})
}

// TestMulIntoAllocs checks that the fast products allocate nothing once
// their buffers exist, serial and parallel.
func TestMulIntoAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, s := range [][3]int{{4, 3, 4}, {40, 40, 40}, {200, 784, 100}} {
		a, b := randMatrix(rng, s[0], s[1]), randMatrix(rng, s[1], s[2])
		if s[0] == 200 {
			for i := range a.Data { // half zeros: the zero-skipping kernel
				if i%2 == 0 {
					a.Data[i] = 0
				}
			}
		}
		dst, ta, tb := New(s[0], s[2]), New(s[1], s[2]), New(s[0], s[1])
		got := testing.AllocsPerRun(5, func() {
			MulInto(dst, a, b)
			MulTransAInto(ta, a, dst)
			MulTransBInto(tb, dst, b)
		})
		if got != 0 {
			t.Errorf("%v: MulInto, MulTransAInto, MulTransBInto allocate %v times per run, want 0", s, got)
		}
	}
}

// shapeBench is a product shape for benchmarks.
type shapeBench struct {
	name    string
	r, n, c int
}

// BenchmarkMulKernels measures each product kernel on the lessons' shapes
// (GFLOP/s = 2·r·n·c / time). Re-measure with
//
//	go test ./matrix -run '^$' -bench MulKernels -count 5
func BenchmarkMulKernels(b *testing.B) {
	shapes := []shapeBench{
		{"4x3x4", 4, 3, 4},
		{"200x100x10", 200, 100, 10},
		{"32x32x32", 32, 32, 32},
		{"64x64x64", 64, 64, 64},
		{"128x128x128", 128, 128, 128},
		{"512x512x512", 512, 512, 512},
		{"200x784x100", 200, 784, 100},
	}
	naive := kernel{"naive", func(d, x, y *Matrix) { d.Copy(MulNaive(x, y)) }}
	for _, s := range shapes {
		for _, k := range append([]kernel{naive}, mulKernels[:4]...) {
			if k.name == "naive" && s.r*s.n*s.c > 1<<22 && testing.Short() {
				continue
			}
			b.Run(s.name+"/"+k.name, func(b *testing.B) { benchMul(b, s.r, s.n, s.c, k.f) })
		}
	}
}

// BenchmarkMulTrans measures the transposed products on the backpropagation
// shapes of a 784-100-10 network with batches of 200: ∂E/∂W₁ = Xᵀ·δ₁
// (784×200ᵀ·200×100) and δ₁ = δ₂·W₂ᵀ (200×10·(100×10)ᵀ), beside the product
// of a materialised transpose.
func BenchmarkMulTrans(b *testing.B) {
	run := func(b *testing.B, flops float64, f func()) {
		b.ReportAllocs()
		for b.Loop() {
			f()
		}
		b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	}
	rng := rand.New(rand.NewPCG(1, 1))
	x, d1 := randMatrix(rng, 200, 784), randMatrix(rng, 200, 100)
	gw := New(784, 100)
	for _, k := range transAKernels {
		b.Run("A/784x200x100/"+k.name, func(b *testing.B) { run(b, 2*784*200*100, func() { k.f(gw, x, d1) }) })
	}
	xt := New(784, 200)
	b.Run("A/784x200x100/Transpose+MulInto", func(b *testing.B) {
		run(b, 2*784*200*100, func() { MulInto(gw, TransposeInto(xt, x), d1) })
	})
	d2, w2, e := randMatrix(rng, 200, 10), randMatrix(rng, 100, 10), New(200, 100)
	for _, k := range transBKernels {
		b.Run("B/200x10x100/"+k.name, func(b *testing.B) { run(b, 2*200*10*100, func() { k.f(e, d2, w2) }) })
	}
	w2t := New(10, 100)
	b.Run("B/200x10x100/Transpose+MulInto", func(b *testing.B) {
		run(b, 2*200*10*100, func() { MulInto(e, d2, TransposeInto(w2t, w2)) })
	})
}

// BenchmarkElementwise measures the element-wise operations on a 200×100
// activation matrix (GB/s counts the bytes read and written).
func BenchmarkElementwise(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, y, dst, row := randMatrix(rng, 200, 100), randMatrix(rng, 200, 100), New(200, 100), New(1, 100)
	sigmoid := func(v float64) float64 { return 1 / (1 + math.Exp(-v)) }
	const n = 200 * 100 * 8
	ops := []struct {
		name  string
		bytes int64
		f     func()
	}{
		{"HadamardInto", 3 * n, func() { HadamardInto(dst, x, y) }},
		{"AddInto", 3 * n, func() { AddInto(dst, x, y) }},
		{"SubInto", 3 * n, func() { SubInto(dst, x, y) }},
		{"ScalarMulInto", 2 * n, func() { ScalarMulInto(dst, 0.5, x) }},
		{"AddScaledInto", 3 * n, func() { AddScaledInto(dst, x, -0.01, y) }},
		{"ApplyInto/sigmoid", 2 * n, func() { ApplyInto(dst, sigmoid, x) }},
		{"SumRowsInto", n, func() { SumRowsInto(row, x) }},
		{"AddRowVectorInto", 2 * n, func() { AddRowVectorInto(dst, x, row) }},
		{"TransposeInto", 2 * n, func() { TransposeInto(New(100, 200), x) }},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			b.SetBytes(op.bytes)
			for b.Loop() {
				op.f()
			}
		})
	}
}

// kernel4x4 is the 4×4 tile kernel2x3 was chosen over: 16 accumulators do
// not fit beside their operands in the registers of Go's amd64 ABI, so the
// compiler spills. BenchmarkTile keeps the measurement.
func kernel4x4(ap [][4]float64, bp [][4]float64) [4][4]float64 {
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	var c20, c21, c22, c23, c30, c31, c32, c33 float64
	ap = ap[:len(bp)]
	for k := range bp {
		b := &bp[k]
		a := &ap[k]
		b0, b1, b2, b3 := b[0], b[1], b[2], b[3]
		a0 := a[0]
		c00 += float64(a0 * b0)
		c01 += float64(a0 * b1)
		c02 += float64(a0 * b2)
		c03 += float64(a0 * b3)
		a1 := a[1]
		c10 += float64(a1 * b0)
		c11 += float64(a1 * b1)
		c12 += float64(a1 * b2)
		c13 += float64(a1 * b3)
		a2 := a[2]
		c20 += float64(a2 * b0)
		c21 += float64(a2 * b1)
		c22 += float64(a2 * b2)
		c23 += float64(a2 * b3)
		a3 := a[3]
		c30 += float64(a3 * b0)
		c31 += float64(a3 * b1)
		c32 += float64(a3 * b2)
		c33 += float64(a3 * b3)
	}
	return [4][4]float64{{c00, c01, c02, c03}, {c10, c11, c12, c13}, {c20, c21, c22, c23}, {c30, c31, c32, c33}}
}

// kernel2x4 is the 2×4 tile kernel2x3 was chosen over. It returns the 2×4 tile Σ_k ap[k][i]·bp[k][j], accumulating each of
// its 8 sums in the order k = 0, 1, 2, … in its own register.
func kernel2x4(ap [][mr]float64, bp [][4]float64) [mr][4]float64 {
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	ap = ap[:len(bp)]
	for k := range bp {
		b := &bp[k]
		a0, a1 := ap[k][0], ap[k][1]
		c00 += float64(a0 * b[0])
		c01 += float64(a0 * b[1])
		c02 += float64(a0 * b[2])
		c03 += float64(a0 * b[3])
		c10 += float64(a1 * b[0])
		c11 += float64(a1 * b[1])
		c12 += float64(a1 * b[2])
		c13 += float64(a1 * b[3])
	}
	return [mr][4]float64{{c00, c01, c02, c03}, {c10, c11, c12, c13}}
}

var tileSink float64

// BenchmarkTile measures the register tiles alone on L1-resident packed
// operands (k = 256), the measurement behind mr×nr = 2×3.
func BenchmarkTile(b *testing.B) {
	const k = 256
	rng := rand.New(rand.NewPCG(1, 1))
	b3 := make([][nr]float64, k)
	b4 := make([][4]float64, k)
	a2 := make([][mr]float64, k)
	a4 := make([][4]float64, k)
	for i := range b4 {
		b4[i] = [4]float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
		b3[i] = [nr]float64(b4[i][:nr])
		a2[i] = [mr]float64{rng.Float64(), rng.Float64()}
		a4[i] = [4]float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
	}
	tiles := []struct {
		name string
		size int
		f    func() float64
	}{
		{"2x3", 2 * 3, func() float64 { return kernel2x3(a2, b3)[1][2] }},
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

// mulIKJSkip is mulIKJ skipping the terms with A[i,k] == 0, kept to measure
// whether skipping pays on sparse data (BenchmarkSparse).
func mulIKJSkip(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	for i := 0; i < a.Rows; i++ {
		c := dst.Data[i*m : i*m+m]
		clear(c)
		arow := a.Data[i*n : i*n+n]
		for k, aik := range arow {
			if aik == 0 {
				continue
			}
			brow := b.Data[k*m : k*m+m]
			brow = brow[:len(c)]
			for j, bkj := range brow {
				c[j] += float64(aik * bkj)
			}
		}
	}
}

// BenchmarkSparse measures the products with a sparse left operand — a
// fraction of exact zeros as in ReLU outputs or image backgrounds — with and
// without skipping the zero terms: X·W (200×784·784×100) and Xᵀ·δ
// (784×200ᵀ·200×100) of a Fashion-MNIST batch, and the second layer's
// H·W₂ (200×100·100×10).
func BenchmarkSparse(b *testing.B) {
	for _, s := range []shapeBench{{"200x784x100", 200, 784, 100}, {"T784x200x100", 784, 200, 100}, {"200x100x10", 200, 100, 10}} {
		for _, zeros := range []float64{0, 0.25, 0.5, 0.8} {
			rng := rand.New(rand.NewPCG(1, 1))
			ar, ac := s.r, s.n
			trans := s.name[0] == 'T'
			if trans {
				ar, ac = s.n, s.r
			}
			x := Generate(ar, ac, func(int, int) float64 {
				if rng.Float64() < zeros {
					return 0
				}
				return rng.Float64()
			})
			y := randMatrix(rng, s.n, s.c)
			ks := []kernel{
				{"ikj", mulIKJ}, {"ikj-skip", mulIKJSkip},
				{"blocked", mulKernels[2].f}, {"sparse", mulKernels[5].f}, {"MulInto", mulKernels[0].f},
			}
			if trans {
				ks = []kernel{transAKernels[1], transAKernels[2], transAKernels[4], transAKernels[0]}
			}
			for _, k := range ks {
				name := fmt.Sprintf("%s/zeros%.0f%%/%s", s.name, 100*zeros, k.name)
				b.Run(name, func(b *testing.B) {
					dst := New(s.r, s.c)
					for b.Loop() {
						k.f(dst, x, y)
					}
					b.ReportMetric(2*float64(s.r*s.n*s.c)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// bitsEqual reports whether a and b hold the same values bit for bit (see
// sameBits), so that NaN matches NaN and +0 differs from −0.
func bitsEqual(a, b *Matrix) bool {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		return false
	}
	for i, v := range a.Data {
		if !sameBits(v, b.Data[i]) {
			return false
		}
	}
	return true
}

// sameBits reports whether x and y have the same bit pattern, counting any
// two NaNs as the same: when both operands of an x86 addition are NaN the
// result carries the payload of the first, and which operand comes first is
// the compiler's choice (it differs under -race), so NaN payloads are not
// part of a kernel's contract.
func sameBits(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || (math.IsNaN(x) && math.IsNaN(y))
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
		a, b := Generate(21, 19, tt.at), Generate(19, 18, tt.bt)
		want := MulNaive(a, b)
		for _, k := range mulKernels {
			got := New(21, 18)
			k.f(got, a, b)
			if !bitsEqual(got, want) {
				t.Errorf("%s: %s: got %v, want %v", tt.name, k.name, got.Data, want.Data)
			}
		}
		at := Transpose(a)
		for _, k := range transAKernels {
			got := New(21, 18)
			k.f(got, at, b)
			if !bitsEqual(got, want) {
				t.Errorf("%s: MulTransA %s: got %v, want %v", tt.name, k.name, got.Data, want.Data)
			}
		}
	}
}

// TestMulKernelInto checks that every exported Kernel gives MulNaive's
// result bit for bit, for a·b and aᵀ·b, on dense and half-zero operands.
func TestMulKernelInto(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, s := range [][3]int{{4, 3, 4}, {37, 29, 23}, {200, 78, 30}} {
		for _, zeros := range []float64{0, 0.5} {
			a := Generate(s[0], s[1], func(int, int) float64 {
				if rng.Float64() < zeros {
					return 0
				}
				return 2*rng.Float64() - 1
			})
			b := randMatrix(rng, s[1], s[2])
			want := MulNaive(a, b)
			at := Transpose(a)
			for _, k := range Kernels {
				got := MulKernelInto(k, New(s[0], s[2]), a, b)
				if !Equal(got, want) {
					t.Errorf("%v zeros %v: MulKernelInto(%v): max diff %g from MulNaive, want 0", s, zeros, k, MaxAbsDiff(got, want))
				}
				got = MulTransAKernelInto(k, New(s[0], s[2]), at, b)
				if !Equal(got, want) {
					t.Errorf("%v zeros %v: MulTransAKernelInto(%v): max diff %g from MulNaive, want 0", s, zeros, k, MaxAbsDiff(got, want))
				}
			}
		}
	}
}

func TestKernelString(t *testing.T) {
	tests := []struct {
		k    Kernel
		want string
	}{
		{KernelAuto, "auto"}, {KernelNaive, "naive"}, {KernelIKJ, "ikj"},
		{KernelBlocked, "blocked"}, {KernelParallel, "parallel"}, {KernelSparse, "sparse"},
		{Kernel(42), "Kernel(42)"},
	}
	for _, tt := range tests {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("Kernel(%d).String() = %q, want %q", int(tt.k), got, tt.want)
		}
	}
}

func TestMulKernelIntoPanics(t *testing.T) {
	a, b := New(2, 3), New(3, 2)
	mustPanicShape(t, "MulKernelInto", func() { MulKernelInto(KernelIKJ, New(2, 3), a, b) })
	mustPanicShape(t, "Mul", func() { MulKernelInto(KernelIKJ, New(2, 2), a, a) })
	mustPanicShape(t, "MulTransA", func() { MulTransAKernelInto(KernelIKJ, New(3, 3), a, b) })
	defer func() {
		if recover() == nil {
			t.Error("MulKernelInto(Kernel(42), …) did not panic")
		}
	}()
	MulKernelInto(Kernel(42), New(2, 2), a, b)
}
