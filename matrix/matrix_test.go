package matrix

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// mustPanicShape runs f and checks that it panics with an error wrapping
// ErrShape whose message contains want.
func mustPanicShape(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Fatalf("no panic, want one mentioning %q", want)
		}
		err, ok := r.(error)
		if !ok || !errors.Is(err, ErrShape) {
			t.Fatalf("panic value %v (%T) does not wrap ErrShape", r, r)
		}
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("panic %q, want it to contain %q", err, want)
		}
	}()
	f()
}

func TestConstructors(t *testing.T) {
	m := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	if m.Rows != 2 || m.Cols != 3 {
		t.Fatalf("FromRows shape %dx%d, want 2x3", m.Rows, m.Cols)
	}
	if got := m.At(1, 2); got != 6 {
		t.Errorf("At(1,2) = %v, want 6", got)
	}
	if got := m.Data[1*m.Cols+0]; got != 4 {
		t.Errorf("Data[1*Cols+0] = %v, want 4 (row-major)", got)
	}
	id := Identity(3)
	if !Equal(Mul(m, id), m) {
		t.Errorf("m·I = %v, want %v", Mul(m, id), m)
	}
	g := Generate(2, 3, func(i, j int) float64 { return float64(3*i + j + 1) })
	if !Equal(g, m) {
		t.Errorf("Generate = %v, want %v", g, m)
	}
	s := FromSlice(2, 3, []float64{1, 2, 3, 4, 5, 6})
	if !Equal(s, m) {
		t.Errorf("FromSlice = %v, want %v", s, m)
	}
	if got := m.Row(1); got[0] != 4 || len(got) != 3 {
		t.Errorf("Row(1) = %v, want [4 5 6]", got)
	}
	if got := m.Col(2); got[0] != 3 || got[1] != 6 {
		t.Errorf("Col(2) = %v, want [3 6]", got)
	}
	c := m.Clone()
	c.Set(0, 0, 99)
	if m.At(0, 0) != 1 {
		t.Errorf("Clone shares storage with the original")
	}
	if got := FromRows(m.Rows2D()); !Equal(got, m) {
		t.Errorf("FromRows(Rows2D()) = %v, want %v", got, m)
	}
	mustPanicShape(t, "FromSlice 2x3 with 5 values", func() { FromSlice(2, 3, make([]float64, 5)) })
	mustPanicShape(t, "row 1 has 1 values", func() { FromRows([][]float64{{1, 2}, {3}}) })
}

func TestOps(t *testing.T) {
	a := FromRows([][]float64{{1, 2}, {3, 4}})
	b := FromRows([][]float64{{5, 6}, {7, 8}})
	row := FromRows([][]float64{{10, 20}})
	tests := []struct {
		name string
		got  *Matrix
		want [][]float64
	}{
		{"Mul", Mul(a, b), [][]float64{{19, 22}, {43, 50}}},
		{"MulNaive", MulNaive(a, b), [][]float64{{19, 22}, {43, 50}}},
		{"Transpose", Transpose(FromRows([][]float64{{1, 2, 3}})), [][]float64{{1}, {2}, {3}}},
		{"Hadamard", Hadamard(a, b), [][]float64{{5, 12}, {21, 32}}},
		{"ScalarMul", ScalarMul(0.5, a), [][]float64{{0.5, 1}, {1.5, 2}}},
		{"Add", Add(a, b), [][]float64{{6, 8}, {10, 12}}},
		{"Sub", Sub(a, b), [][]float64{{-4, -4}, {-4, -4}}},
		{"Apply", Apply(func(x float64) float64 { return x * x }, a), [][]float64{{1, 4}, {9, 16}}},
		{"SumRows", SumRows(a), [][]float64{{4, 6}}},
		{"AddRowVector", AddRowVector(a, row), [][]float64{{11, 22}, {13, 24}}},
		{"AddScaledInto", AddScaledInto(New(2, 2), a, -1, b), [][]float64{{-4, -4}, {-4, -4}}},
		{"MulTransAInto", MulTransAInto(New(2, 2), a, b), [][]float64{{26, 30}, {38, 44}}},
		{"MulTransBInto", MulTransBInto(New(2, 2), a, b), [][]float64{{17, 23}, {39, 53}}},
	}
	for _, tt := range tests {
		if want := FromRows(tt.want); !Equal(tt.got, want) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, want)
		}
	}
	if got := Sum(a); got != 10 {
		t.Errorf("Sum = %v, want 10", got)
	}
	if got := MaxAbsDiff(a, b); got != 4 {
		t.Errorf("MaxAbsDiff = %v, want 4", got)
	}
}

func TestInPlace(t *testing.T) {
	a := FromRows([][]float64{{1, 2}, {3, 4}})
	b := FromRows([][]float64{{1, 1}, {1, 1}})
	AddInto(a, a, b)
	HadamardInto(a, a, a)
	ScalarMulInto(a, 2, a)
	if want := FromRows([][]float64{{8, 18}, {32, 50}}); !Equal(a, want) {
		t.Errorf("in-place chain = %v, want %v", a, want)
	}
}

func TestShapePanics(t *testing.T) {
	a, b := New(4, 3), New(4, 1)
	tests := []struct {
		want string
		f    func()
	}{
		{"matrix: Mul 4x3 · 4x1: dimension mismatch", func() { Mul(a, b) }},
		{"matrix: Mul 4x3 · 4x1", func() { MulNaive(a, b) }},
		{"Hadamard 4x3 and 4x1", func() { Hadamard(a, b) }},
		{"Add 4x3 and 4x1", func() { Add(a, b) }},
		{"Sub 4x3 and 4x1", func() { Sub(a, b) }},
		{"AddRowVector 4x3 + 4x1", func() { AddRowVector(a, b) }},
		{"MulInto: destination is 4x3, want 3x1", func() { MulInto(New(4, 3), Transpose(a), b) }},
		{"MulTransB 4x3 ·ᵀ 4x1", func() { MulTransBInto(New(4, 4), a, b) }},
		{"MulTransA 4x3 ᵀ· 3x1", func() { MulTransAInto(New(3, 1), a, New(3, 1)) }},
		{"TransposeInto: destination is 4x3, want 3x4", func() { TransposeInto(New(4, 3), a) }},
		{"SumRowsInto: destination is 1x2, want 1x3", func() { SumRowsInto(New(1, 2), a) }},
		{"Copy 4x3 and 4x1", func() { a.Copy(b) }},
	}
	for _, tt := range tests {
		mustPanicShape(t, tt.want, tt.f)
	}
}

func TestApproxEqual(t *testing.T) {
	a := FromRows([][]float64{{1, 1e6}})
	tests := []struct {
		b    *Matrix
		tol  float64
		want bool
	}{
		{FromRows([][]float64{{1 + 1e-13, 1e6 + 1e-7}}), 1e-12, true},
		{FromRows([][]float64{{1 + 1e-10, 1e6}}), 1e-12, false},
		{FromRows([][]float64{{1, 1e6 + 1}}), 1e-9, false},
		{FromRows([][]float64{{1, 1e6 + 1}}), 1e-5, true},
		{FromRows([][]float64{{1}, {1e6}}), 1, false},
		{FromRows([][]float64{{math.NaN(), 1e6}}), 1, false},
	}
	for i, tt := range tests {
		if got := ApproxEqual(a, tt.b, tt.tol); got != tt.want {
			t.Errorf("case %d: ApproxEqual(%v, %v, %g) = %v, want %v", i, a, tt.b, tt.tol, got, tt.want)
		}
	}
}

// TestString compares with what numpy 1.24 prints for the same arrays.
func TestString(t *testing.T) {
	tests := []struct {
		m    *Matrix
		want string
	}{
		{FromRows([][]float64{
			{-0.16595599059485195, 0.44064898688431615, -0.9997712503653102, -0.39533485473632046},
			{-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045},
			{-0.20646505153866013, 0.07763346800671389, -0.16161097119341044, 0.3704390011566171},
		}), "[[-0.16595599  0.44064899 -0.99977125 -0.39533485]\n [-0.70648822 -0.81532281 -0.62747958 -0.30887855]\n [-0.20646505  0.07763347 -0.16161097  0.370439  ]]"},
		{FromRows([][]float64{{-0.5910955005369651}, {0.7562348727818907}, {-0.9452248136041477}, {0.34093502035680445}}),
			"[[-0.5910955 ]\n [ 0.75623487]\n [-0.94522481]\n [ 0.34093502]]"},
		{FromRows([][]float64{{1, 2.5}, {-3, 4.125}}), "[[ 1.     2.5  ]\n [-3.     4.125]]"},
		{FromRows([][]float64{{2.05087653022386e-5, 0.9666565909058419}}), "[[2.05087653e-05 9.66656591e-01]]"},
		{FromRows([][]float64{{1e-5, 1}}), "[[1.e-05 1.e+00]]"},
		{FromRows([][]float64{{0, 0}}), "[[0. 0.]]"},
		{FromRows([][]float64{{math.NaN(), 1.5, math.Inf(-1)}}), "[[ nan  1.5 -inf]]"},
		{FromRows([][]float64{{123456.789, 0.001}}), "[[1.23456789e+05 1.00000000e-03]]"},
		{FromRows([][]float64{{1e10, 1}}), "[[1.e+10 1.e+00]]"},
		{New(0, 3), "[]"},
		{Generate(1, 20, func(_, j int) float64 { return float64(j) / 3 }),
			"[[0.         0.33333333 0.66666667 1.         1.33333333 1.66666667\n" +
				"  2.         2.33333333 2.66666667 3.         3.33333333 3.66666667\n" +
				"  4.         4.33333333 4.66666667 5.         5.33333333 5.66666667\n" +
				"  6.         6.33333333]]"},
	}
	for i, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("case %d: String() =\n%s\nwant\n%s", i, got, tt.want)
		}
	}
}

// randMatrix returns an r×c matrix of values in [-1, 1) from rng.
func randMatrix(rng *rand.Rand, r, c int) *Matrix {
	return Generate(r, c, func(int, int) float64 { return 2*rng.Float64() - 1 })
}

func TestMulAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range [][3]int{{0, 0, 0}, {1, 1, 1}, {0, 3, 2}, {3, 0, 2}, {2, 3, 0}, {3, 5, 7}, {17, 9, 33}, {64, 64, 64}} {
		a, b := randMatrix(rng, s[0], s[1]), randMatrix(rng, s[1], s[2])
		want := MulNaive(a, b)
		if got := Mul(a, b); !ApproxEqual(got, want, 1e-12) {
			t.Errorf("Mul %dx%d·%dx%d differs from MulNaive by %g", s[0], s[1], s[1], s[2], MaxAbsDiff(got, want))
		}
		if got := MulTransAInto(New(s[0], s[2]), Transpose(a), b); !ApproxEqual(got, want, 1e-12) {
			t.Errorf("MulTransA %v differs from MulNaive by %g", s, MaxAbsDiff(got, want))
		}
		if got := MulTransBInto(New(s[0], s[2]), a, Transpose(b)); !ApproxEqual(got, want, 1e-12) {
			t.Errorf("MulTransB %v differs from MulNaive by %g", s, MaxAbsDiff(got, want))
		}
	}
}

// addShapeSeeds adds the seed corpus of the fuzz tests that take a seed and
// the sizes r, n, c of an r×n · n×c product: ordinary, empty and 1×1 shapes.
func addShapeSeeds(f *testing.F) {
	for _, s := range [][4]uint8{{1, 2, 3, 4}, {7, 0, 5, 1}, {9, 1, 1, 1}, {3, 13, 0, 7}} {
		f.Add(uint64(s[0]), s[1], s[2], s[3])
	}
}

// FuzzIdentities checks (AB)ᵀ = BᵀAᵀ, A∘B = B∘A, (A+B)−B ≈ A and Mul against
// the naive triple loop on random shapes, including empty ones.
func FuzzIdentities(f *testing.F) {
	addShapeSeeds(f)
	f.Fuzz(func(t *testing.T, seed uint64, r, n, c uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		ri, ni, ci := int(r%40), int(n%40), int(c%40)
		a, b := randMatrix(rng, ri, ni), randMatrix(rng, ni, ci)
		ab := Mul(a, b)
		if want := MulNaive(a, b); !ApproxEqual(ab, want, 1e-12) {
			t.Fatalf("Mul differs from MulNaive by %g", MaxAbsDiff(ab, want))
		}
		if got, want := Transpose(ab), Mul(Transpose(b), Transpose(a)); !ApproxEqual(got, want, 1e-12) {
			t.Fatalf("(AB)ᵀ and BᵀAᵀ differ by %g", MaxAbsDiff(got, want))
		}
		a2 := randMatrix(rng, ri, ni)
		if !Equal(Hadamard(a, a2), Hadamard(a2, a)) {
			t.Fatalf("A∘B != B∘A")
		}
		if got := Sub(Add(a, a2), a2); !ApproxEqual(got, a, 1e-15) {
			t.Fatalf("(A+B)−B differs from A by %g", MaxAbsDiff(got, a))
		}
		if !Equal(Transpose(Transpose(a)), a) {
			t.Fatalf("(Aᵀ)ᵀ != A")
		}
	})
}

func benchMul(b *testing.B, r, n, c int, mul func(dst, a, b *Matrix)) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, y, dst := randMatrix(rng, r, n), randMatrix(rng, n, c), New(r, c)
	b.SetBytes(0)
	b.ReportAllocs()
	for b.Loop() {
		mul(dst, x, y)
	}
	b.ReportMetric(2*float64(r)*float64(n)*float64(c)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkMul measures Mul on a square and a tall-skinny shape (a batch of
// 200 Fashion-MNIST images times the first weight matrix), beside the naive
// reference loop.
func BenchmarkMul(b *testing.B) {
	shapes := []struct {
		name    string
		r, n, c int
	}{
		{"square128", 128, 128, 128},
		{"square512", 512, 512, 512},
		{"tall200x784x100", 200, 784, 100},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			benchMul(b, s.r, s.n, s.c, func(d, x, y *Matrix) { MulInto(d, x, y) })
		})
		b.Run(s.name+"/naive", func(b *testing.B) {
			benchMul(b, s.r, s.n, s.c, func(d, x, y *Matrix) { d.Copy(MulNaive(x, y)) })
		})
	}
}

func TestNewRejectsBadSizes(t *testing.T) {
	mustPanicShape(t, "New -1x3", func() { New(-1, 3) })
	big := math.MaxInt/2 + 1 // 1<<62 on 64-bit machines: r·4 overflows
	mustPanicShape(t, fmt.Sprintf("New %dx4", big), func() { New(big, 4) })
}
