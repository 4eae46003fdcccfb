package nn

import (
	"math"
	"testing"

	"nnscratch/matrix"
)

// TestOptimizers runs three steps of each optimiser on one parameter with
// fixed gradients and compares with the update rules written out by hand.
func TestOptimizers(t *testing.T) {
	grads := [][]float64{{0.5, -1}, {0.25, 2}, {-0.5, 0.1}}
	const eta, mu = 0.1, 0.9
	// reference runs the rule by hand on scalars.
	reference := func(rule func(w, g, k float64, state []float64) float64) []float64 {
		w := []float64{1, -2}
		state := make([][]float64, 2)
		for i := range state {
			state[i] = make([]float64, 2)
		}
		for k, g := range grads {
			for i := range w {
				w[i] = rule(w[i], g[i], float64(k+1), state[i])
			}
		}
		return w
	}
	tests := []struct {
		name string
		opt  Optimizer
		want []float64
	}{
		{"GD", GD{}, reference(func(w, g, _ float64, _ []float64) float64 { return w - eta*g })},
		{"Momentum", &Momentum{Mu: mu}, reference(func(w, g, _ float64, s []float64) float64 {
			s[0] = mu*s[0] - eta*g
			return w + s[0]
		})},
		{"Nesterov", &Momentum{Mu: mu, Nesterov: true}, reference(func(w, g, _ float64, s []float64) float64 {
			s[0] = mu*s[0] - eta*g
			return w + mu*s[0] - eta*g
		})},
		{"Adam", &Adam{}, reference(func(w, g, t float64, s []float64) float64 {
			s[0] = 0.9*s[0] + 0.1*g
			s[1] = 0.999*s[1] + 0.001*g*g
			lr := eta * math.Sqrt(1-math.Pow(0.999, t)) / (1 - math.Pow(0.9, t))
			return w - lr*s[0]/(math.Sqrt(s[1])+1e-8)
		})},
	}
	for _, tt := range tests {
		w := matrix.FromRows([][]float64{{1, -2}})
		g := matrix.New(1, 2)
		for _, gk := range grads {
			copy(g.Data, gk)
			tt.opt.Step([]Param{{Name: "w", Value: w, Grad: g}}, eta)
		}
		if !matrix.ApproxEqual(w, matrix.FromRows([][]float64{tt.want}), 1e-15) {
			t.Errorf("%s: got %v, want %v", tt.name, w.Data, tt.want)
		}
	}
}

func TestSchedules(t *testing.T) {
	inv := &InvScaling{Eta0: 0.5, Power: 0.5}
	if got := inv.Rate(); got != 0.5 {
		t.Errorf("InvScaling before the first epoch: got %v, want 0.5", got)
	}
	inv.EpochEnd(8)
	if got, want := inv.Rate(), 0.5/3; math.Abs(got-want) > 1e-16 {
		t.Errorf("InvScaling after 8 samples: got %v, want %v", got, want)
	}
	if !inv.Stalled() || !Constant(1).Stalled() {
		t.Errorf("InvScaling and Constant must stop on a stall")
	}
	// Robbins–Monro with p = 1: partial sums of η grow without bound (like
	// the harmonic series) while those of η² stay below η₀²·π²/6.
	rm := &InvScaling{Eta0: 1, Power: 1}
	s, s2 := 0.0, 0.0
	for t := range 100000 {
		rm.EpochEnd(t)
		s += rm.Rate()
		s2 += rm.Rate() * rm.Rate()
	}
	if s < 12 || s2 > math.Pi*math.Pi/6 {
		t.Errorf("p = 1: got Σ η = %v (want > 12) and Σ η² = %v (want < π²/6)", s, s2)
	}
	ad := &Adaptive{Eta0: 0.01}
	if ad.Stalled() || ad.Rate() != 0.002 {
		t.Errorf("Adaptive after a stall: got rate %v, want 0.002 and go on", ad.Rate())
	}
}
