package matrix

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"nnscratch/matrix/internal/kernel"
)

// sparseMatrix returns an r×c matrix of values in [-1, 1), a fraction zeros
// of them exact zeros.
func sparseMatrix(rng *rand.Rand, r, c int, zeros float64) *Matrix {
	return Generate(r, c, func(int, int) float64 {
		if rng.Float64() < zeros {
			return 0
		}
		return 2*rng.Float64() - 1
	})
}

// checkKernels checks every Kernel, for a·b and aᵀ·b, and MulInto,
// MulTransAInto and MulTransBInto against MulNaive, bit for bit. Each
// destination starts as NaNs, so an element left unwritten shows.
func checkKernels(t *testing.T, a, b *Matrix) {
	t.Helper()
	want := MulNaive(a, b)
	at, bt := Transpose(a), Transpose(b)
	check := func(what string, got *Matrix) {
		t.Helper()
		if !Equal(got, want) {
			t.Fatalf("%s %dx%d·%dx%d: max diff %g from MulNaive, want 0 (bit for bit)",
				what, a.Rows, a.Cols, b.Rows, b.Cols, MaxAbsDiff(got, want))
		}
	}
	nans := func() *Matrix {
		m := New(want.Rows, want.Cols)
		for i := range m.Data {
			m.Data[i] = math.NaN()
		}
		return m
	}
	for _, k := range Kernels {
		check("MulKernelInto("+k.String()+")", MulKernelInto(k, nans(), a, b))
		check("MulTransAKernelInto("+k.String()+")", MulTransAKernelInto(k, nans(), at, b))
	}
	check("MulInto", MulInto(nans(), a, b))
	check("MulTransAInto", MulTransAInto(nans(), at, b))
	check("MulTransBInto", MulTransBInto(nans(), a, bt))
	check("Mul", Mul(a, b))
}

// TestKernelsMatchMulNaive checks that every Kernel gives MulNaive's result
// bit for bit, on shapes below and above the thresholds of MulInto, dense
// and half zeros. The internal kernel package tests each micro-kernel, block
// and goroutine count on its own.
func TestKernelsMatchMulNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	shapes := [][3]int{{0, 0, 0}, {1, 1, 1}, {0, 3, 2}, {3, 0, 2}, {2, 3, 0},
		{4, 3, 4}, {17, 9, 33}, {37, 29, 23}, {64, 64, 64}, {200, 78, 30}, {200, 784, 10}}
	for _, s := range shapes {
		for _, zeros := range []float64{0, 0.5} {
			checkKernels(t, sparseMatrix(rng, s[0], s[1], zeros), randMatrix(rng, s[1], s[2]))
		}
	}
}

// FuzzKernels compares every Kernel and product with MulNaive on random
// shapes, including 0, 1 and odd sizes.
func FuzzKernels(f *testing.F) {
	addShapeSeeds(f)
	f.Add(uint64(5), uint8(57), uint8(63), uint8(59))
	f.Fuzz(func(t *testing.T, seed uint64, r, n, c uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		ri, ni, ci := int(r%70), int(n%70), int(c%70)
		checkKernels(t, sparseMatrix(rng, ri, ni, 0.3), randMatrix(rng, ni, ci))
	})
}

// TestMulIntoAllocs checks that the products allocate nothing once their
// buffers exist, serial and parallel.
func TestMulIntoAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, s := range [][3]int{{4, 3, 4}, {40, 40, 40}, {200, 784, 100}} {
		a, b := sparseMatrix(rng, s[0], s[1], 0.5), randMatrix(rng, s[1], s[2])
		dst, ta, tb := New(s[0], s[2]), New(s[1], s[2]), New(s[0], s[1])
		got := testing.AllocsPerRun(5, func() {
			MulInto(dst, a, b)
			MulTransAInto(ta, a, dst)
			MulTransBInto(tb, dst, b)
			MulKernelInto(KernelNaive, dst, a, b)
		})
		if got != 0 {
			t.Errorf("%v: MulInto, MulTransAInto, MulTransBInto, MulKernelInto allocate %v times per run, want 0", s, got)
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

// benchGFLOPS runs f for the benchmark and reports GFLOP/s for a product of
// r·n·m multiply-adds.
func benchGFLOPS(b *testing.B, r, n, m int, f func()) {
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
	b.ReportMetric(2*float64(r)*float64(n)*float64(m)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkMulKernels measures each Kernel on the lessons' shapes (GFLOP/s =
// 2·r·n·c / time). Re-measure with
//
//	go test ./matrix -run '^$' -bench MulKernels -count 5
func BenchmarkMulKernels(b *testing.B) {
	shapes := [][3]int{{4, 3, 4}, {200, 100, 10}, {32, 32, 32}, {64, 64, 64},
		{128, 128, 128}, {512, 512, 512}, {200, 784, 100}}
	for _, s := range shapes {
		rng := rand.New(rand.NewPCG(1, 1))
		x, y, dst := randMatrix(rng, s[0], s[1]), randMatrix(rng, s[1], s[2]), New(s[0], s[2])
		for _, k := range Kernels[:KernelSparse] {
			if k == KernelNaive && s[0]*s[1]*s[2] > 1<<22 && testing.Short() {
				continue
			}
			b.Run(fmt.Sprintf("%dx%dx%d/%v", s[0], s[1], s[2], k), func(b *testing.B) {
				benchGFLOPS(b, s[0], s[1], s[2], func() { MulKernelInto(k, dst, x, y) })
			})
		}
	}
}

// BenchmarkMulTrans measures the transposed products on the backpropagation
// shapes of a 784-100-10 network with batches of 200: ∂E/∂W₁ = Xᵀ·δ₁
// (784×200ᵀ·200×100) and δ₁ = δ₂·W₂ᵀ (200×10·(100×10)ᵀ), beside the product
// of a materialised transpose.
func BenchmarkMulTrans(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, d1 := randMatrix(rng, 200, 784), randMatrix(rng, 200, 100)
	gw := New(784, 100)
	for _, k := range Kernels[:KernelSparse] {
		b.Run("A/784x200x100/"+k.String(), func(b *testing.B) {
			benchGFLOPS(b, 784, 200, 100, func() { MulTransAKernelInto(k, gw, x, d1) })
		})
	}
	xt := New(784, 200)
	b.Run("A/784x200x100/Transpose+MulInto", func(b *testing.B) {
		benchGFLOPS(b, 784, 200, 100, func() { MulInto(gw, TransposeInto(xt, x), d1) })
	})
	d2, w2, e := randMatrix(rng, 200, 10), randMatrix(rng, 100, 10), New(200, 100)
	transB := []struct {
		name string
		f    func()
	}{
		{"MulTransBInto", func() { MulTransBInto(e, d2, w2) }},
		{"dot", func() { mulTransBDot(e, d2, w2) }},
		{"blocked", func() { kernel.Blocked(kernel.TransB, e.Data, d2.Data, w2.Data, 200, 10, 100, 1, false) }},
		{"parallel", func() {
			kernel.Blocked(kernel.TransB, e.Data, d2.Data, w2.Data, 200, 10, 100, kernel.Procs(), false)
		}},
	}
	for _, k := range transB {
		b.Run("B/200x10x100/"+k.name, func(b *testing.B) { benchGFLOPS(b, 200, 10, 100, k.f) })
	}
	w2t := New(10, 100)
	b.Run("B/200x10x100/Transpose+MulInto", func(b *testing.B) {
		benchGFLOPS(b, 200, 10, 100, func() { MulInto(e, d2, TransposeInto(w2t, w2)) })
	})
}

// mulIKJSkip is mulIKJ skipping the terms with A[i,k] == 0, kept to measure
// whether skipping one zero at a time pays (BenchmarkSparse).
func mulIKJSkip(dst, a, b *Matrix) {
	for i := 0; i < a.Rows; i++ {
		c := dst.Row(i)
		clear(c)
		for k, aik := range a.Row(i) {
			if aik != 0 {
				axpy(c, aik, b.Row(k))
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
	for _, s := range []struct {
		name    string
		r, n, c int
		trans   bool
	}{{"200x784x100", 200, 784, 100, false}, {"T784x200x100", 784, 200, 100, true}, {"200x100x10", 200, 100, 10, false}} {
		for _, zeros := range []float64{0, 0.25, 0.5, 0.8} {
			rng := rand.New(rand.NewPCG(1, 1))
			ar, ac := s.r, s.n
			if s.trans {
				ar, ac = s.n, s.r
			}
			x := sparseMatrix(rng, ar, ac, zeros)
			y, dst := randMatrix(rng, s.n, s.c), New(s.r, s.c)
			run := func(name string, f func()) {
				b.Run(fmt.Sprintf("%s/zeros%.0f%%/%s", s.name, 100*zeros, name), func(b *testing.B) {
					benchGFLOPS(b, s.r, s.n, s.c, f)
				})
			}
			if !s.trans {
				run("ikj-skip", func() { mulIKJSkip(dst, x, y) })
			}
			for _, k := range []Kernel{KernelIKJ, KernelBlocked, KernelSparse, KernelAuto} {
				if s.trans {
					run(k.String(), func() { MulTransAKernelInto(k, dst, x, y) })
				} else {
					run(k.String(), func() { MulKernelInto(k, dst, x, y) })
				}
			}
		}
	}
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
		{"SigmoidInto", 2 * n, func() { SigmoidInto(dst.Data, x.Data) }},
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
