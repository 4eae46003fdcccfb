package matrix

import (
	"math"
	"math/rand/v2"
	"testing"
)

// optimizerValues returns a source of test values for the optimisers'
// updates, seeded with seed: random values over nine decades and, when
// special is set, a third of them values where a fused multiply-add,
// another order or another rounding would show (±0, subnormals, huge
// values, ±Inf, NaN).
func optimizerValues(seed uint64) func(special bool) float64 {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	specials := []float64{0, math.Copysign(0, -1), 5e-324, -1e-310, 1e300, -1e300, 1 + 0x1p-52,
		math.Inf(1), math.Inf(-1), math.NaN(), 0x1p-30, 3}
	return func(special bool) float64 {
		if special && rng.IntN(3) == 0 {
			return specials[rng.IntN(len(specials))]
		}
		return (2*rng.Float64() - 1) * math.Pow(10, float64(rng.IntN(9)-6))
	}
}

// TestAdamStepIntoBits checks AdamStepInto, whose groups of four take the
// vector path where there is one, against the scalar loop written out
// here, bit for bit, on lengths around the group size and on values where
// a fused multiply-add, another order or another rounding would show.
func TestAdamStepIntoBits(t *testing.T) {
	value := optimizerValues(21)
	for _, n := range []int{0, 1, 3, 4, 5, 8, 11, 64, 103, 80003} { // 80003: split over the workers
		for trial := range 20 {
			special := trial%2 == 1
			gen := func() *Matrix { return Generate(1, n, func(int, int) float64 { return value(special) }) }
			w, g, m, v := gen(), gen(), gen(), gen()
			for i := range v.Data {
				v.Data[i] = math.Abs(v.Data[i]) // a second moment is never negative
			}
			ww, wm, wv := w.Clone(), m.Clone(), v.Clone()
			// Variables, as in nn.Adam: a constant 1−b1 would be computed
			// exactly at compile time (0.1) rather than in float64
			// (0.09999999999999998).
			b1, b2, etaT, eps := 0.9, 0.999, 0.00123, 1e-8
			for i, gi := range g.Data {
				wm.Data[i] = float64(b1*wm.Data[i]) + float64((1-b1)*gi)
				wv.Data[i] = float64(b2*wv.Data[i]) + float64((1-b2)*(gi*gi))
				ww.Data[i] -= etaT * wm.Data[i] / (math.Sqrt(wv.Data[i]) + eps)
			}
			AdamStepInto(w, g, m, v, b1, b2, etaT, eps)
			for _, c := range []struct {
				name      string
				got, want *Matrix
			}{{"w", w, ww}, {"m", m, wm}, {"v", v, wv}} {
				for i, x := range c.got.Data {
					y := c.want.Data[i]
					if math.Float64bits(x) != math.Float64bits(y) && !(math.IsNaN(x) && math.IsNaN(y)) {
						t.Fatalf("n %d, trial %d: %s[%d] = %v (%#x), want %v (%#x)",
							n, trial, c.name, i, x, math.Float64bits(x), y, math.Float64bits(y))
					}
				}
			}
		}
	}
}

// TestMomentumStepIntoBits checks MomentumStepInto, plain and Nesterov,
// against the scalar loop written out here, bit for bit, as
// TestAdamStepIntoBits does for Adam.
func TestMomentumStepIntoBits(t *testing.T) {
	value := optimizerValues(23)
	for _, nesterov := range []bool{false, true} {
		for _, n := range []int{0, 1, 3, 4, 5, 8, 11, 64, 103} {
			for trial := range 20 {
				special := trial%2 == 1
				gen := func() *Matrix { return Generate(1, n, func(int, int) float64 { return value(special) }) }
				w, g, v := gen(), gen(), gen()
				ww, wv := w.Clone(), v.Clone()
				mu, eta := 0.7, 0.0123
				for i, gi := range g.Data {
					wv.Data[i] = float64(mu*wv.Data[i]) - float64(eta*gi)
					if nesterov {
						ww.Data[i] += float64(mu*wv.Data[i]) - float64(eta*gi)
					} else {
						ww.Data[i] += wv.Data[i]
					}
				}
				MomentumStepInto(w, g, v, mu, eta, nesterov)
				for _, c := range []struct {
					name      string
					got, want *Matrix
				}{{"w", w, ww}, {"v", v, wv}} {
					for i, x := range c.got.Data {
						y := c.want.Data[i]
						if math.Float64bits(x) != math.Float64bits(y) && !(math.IsNaN(x) && math.IsNaN(y)) {
							t.Fatalf("nesterov %v, n %d, trial %d: %s[%d] = %v (%#x), want %v (%#x)",
								nesterov, n, trial, c.name, i, x, math.Float64bits(x), y, math.Float64bits(y))
						}
					}
				}
			}
		}
	}
}

// TestAdamStepIntoShapes checks the shape panic.
func TestAdamStepIntoShapes(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Fatal("AdamStepInto with a 2x3 m for a 2x2 w: got no panic, want one wrapping ErrShape")
		}
	}()
	AdamStepInto(New(2, 2), New(2, 2), New(2, 3), New(2, 2), 0.9, 0.999, 0.001, 1e-8)
}
