package matrix

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"nnscratch/matrix/portable"
)

// TestExpInto checks ExpInto and SigmoidInto against portable.Exp bit for bit
// on random inputs over the whole range of finite results and on every
// length from 0 to 9, in place too. The internal kernel package
// tests the four-lane code on millions of inputs and every edge.
func TestExpInto(t *testing.T) {
	sigmoid := func(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }
	check := func(name string, x []float64) {
		t.Helper()
		got := make([]float64, len(x))
		for _, f := range []struct {
			name string
			into func(dst, x []float64)
			want func(float64) float64
		}{{"ExpInto", ExpInto, portable.Exp}, {"SigmoidInto", SigmoidInto, sigmoid}, {"TanhInto", TanhInto, portable.Tanh}} {
			f.into(got, x)
			for i, v := range x {
				if w := f.want(v); math.Float64bits(got[i]) != math.Float64bits(w) {
					t.Fatalf("%s %s: x[%d] = %v: got %v, want %v", f.name, name, i, v, got[i], w)
				}
			}
			inPlace := append([]float64(nil), x...)
			f.into(inPlace, inPlace)
			for i := range x {
				if math.Float64bits(inPlace[i]) != math.Float64bits(got[i]) {
					t.Fatalf("%s %s in place: x[%d] = %v: got %v, want %v", f.name, name, i, x[i], inPlace[i], got[i])
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 100_000)
	for i := range x {
		x[i] = -745.2 + 1455.2*rng.Float64()
	}
	check("random", x)
	// tanh's own ranges: its polynomial below 0.625, its exponential up to
	// 44.01, ±1 beyond, and the edges between them.
	small := make([]float64, 10_000)
	for i := range small {
		small[i] = -50 + 100*rng.Float64()
	}
	check("random in ±50", small)
	edges := []float64{0, math.Copysign(0, -1), 0.625, -0.625, math.Nextafter(0.625, 0), 44.014845965556525,
		-44.014845965556525, math.Nextafter(44.014845965556525, 50), 1e-300, 5e-324, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 709.8, -709.8, 355, 1}
	check("edges", edges)
	// Every length up to 9 (the tails of the four-lane kernel), with −Inf,
	// a special case of portable.Exp, in the middle.
	for n := range 10 {
		tail := append([]float64(nil), x[:n]...)
		if n > 0 {
			tail[n/2] = math.Inf(-1)
		}
		check(fmt.Sprintf("len %d", n), tail)
	}
}

func TestExpIntoShapePanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(dst, x []float64)
	}{
		{"ExpInto", ExpInto},
		{"SigmoidInto", SigmoidInto},
		{"TanhInto", TanhInto},
	} {
		func() {
			defer func() {
				err, _ := recover().(error)
				if !errors.Is(err, ErrShape) {
					t.Errorf("%s with lengths 3, 4: got panic %v, want an error wrapping ErrShape", tc.name, err)
				}
			}()
			tc.f(make([]float64, 3), make([]float64, 4))
		}()
	}
}

// TestExpIntoAllocs checks that ExpInto and SigmoidInto allocate nothing,
// and in particular that they do not make an array on the caller's stack
// escape to the heap (lesson 03's step keeps its activations in one).
func TestExpIntoAllocs(t *testing.T) {
	got := testing.AllocsPerRun(100, func() {
		var a [16]float64
		for i := range a {
			a[i] = float64(i) - 5
		}
		ExpInto(a[:], a[:])
		SigmoidInto(a[:], a[:])
		TanhInto(a[:], a[:])
	})
	if got != 0 {
		t.Errorf("ExpInto, SigmoidInto and TanhInto of a stack array of 16 values: got %v allocations, want 0", got)
	}
}

func BenchmarkExp(b *testing.B) {
	sigmoid := func(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }
	rng := rand.New(rand.NewPCG(3, 0x5eed))
	for _, n := range []int{16, 1024} {
		x := make([]float64, n)
		for i := range x {
			x[i] = -20 + 40*rng.Float64()
		}
		dst := make([]float64, n)
		for _, f := range []struct {
			name string
			f    func()
		}{
			{"ExpInto", func() { ExpInto(dst, x) }},
			{"portable.Exp", func() {
				for i, v := range x {
					dst[i] = portable.Exp(v)
				}
			}},
			{"math.Exp", func() {
				for i, v := range x {
					dst[i] = math.Exp(v)
				}
			}},
			{"SigmoidInto", func() { SigmoidInto(dst, x) }},
			{"sigmoid", func() {
				for i, v := range x {
					dst[i] = sigmoid(v)
				}
			}},
			{"TanhInto", func() { TanhInto(dst, x) }},
			{"portable.Tanh", func() {
				for i, v := range x {
					dst[i] = portable.Tanh(v)
				}
			}},
		} {
			b.Run(fmt.Sprintf("%s/%d", f.name, n), func(b *testing.B) {
				for b.Loop() {
					f.f()
				}
			})
		}
	}
}
