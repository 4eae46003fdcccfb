package nn

import (
	"math"

	"nnscratch/matrix"
)

// An Optimizer updates parameters from their gradients with learning rate
// eta. An optimiser with state (velocities, moments) keeps one entry per
// parameter, allocated on its first Step: give each network its own
// optimiser value. Step allocates nothing after the first call.
type Optimizer interface {
	Step(params []Param, eta float64)
}

// GD is plain gradient descent:
//
//	W ← W − η·∂E/∂W
type GD struct{}

// Step applies one gradient-descent update to every parameter.
func (GD) Step(params []Param, eta float64) {
	for _, p := range params {
		matrix.AddScaledInto(p.Value, p.Value, -eta, p.Grad)
	}
}

// Momentum is gradient descent with a velocity v per parameter, in the
// homework's form (also scikit-learn's):
//
//	v ← μ·v − η·∂E/∂W
//	W ← W + v
//
// With Nesterov set, the step looks ahead along the new velocity as
// scikit-learn does: W ← W + μ·v − η·∂E/∂W.
type Momentum struct {
	Mu       float64
	Nesterov bool

	v []*matrix.Matrix
}

// Step applies one momentum update to every parameter.
func (m *Momentum) Step(params []Param, eta float64) {
	m.v = state(m.v, params)
	for k, p := range params {
		// One sweep per parameter, four elements at a time where the
		// processor allows, with the same bits as the scalar loop:
		//	v[i] = float64(Mu*v[i]) - float64(eta*g)
		//	W[i] += v[i]   (Nesterov: W[i] += float64(Mu*v[i]) - float64(eta*g))
		matrix.MomentumStepInto(p.Value, p.Grad, m.v[k], m.Mu, eta, m.Nesterov)
	}
}

// Adam is the optimiser of Kingma and Ba, as scikit-learn implements it:
// at step t (from 1), with g = ∂E/∂W,
//
//	m ← β₁·m + (1−β₁)·g
//	v ← β₂·v + (1−β₂)·g²
//	η_t = η·sqrt(1−β₂ᵗ)/(1−β₁ᵗ)
//	W ← W − η_t·m/(sqrt(v) + ε)
//
// Zero fields take the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
type Adam struct {
	Beta1, Beta2, Epsilon float64

	t    int
	m, v []*matrix.Matrix
}

// Step applies one Adam update to every parameter.
func (a *Adam) Step(params []Param, eta float64) {
	b1, b2, eps := a.Beta1, a.Beta2, a.Epsilon
	if b1 == 0 {
		b1 = 0.9
	}
	if b2 == 0 {
		b2 = 0.999
	}
	if eps == 0 {
		eps = 1e-8
	}
	a.m, a.v = state(a.m, params), state(a.v, params)
	a.t++
	t := float64(a.t)
	etaT := eta * math.Sqrt(1-math.Pow(b2, t)) / (1 - math.Pow(b1, t))
	for k, p := range params {
		// One sweep per parameter, four elements at a time where the
		// processor allows, with the same bits as the scalar loop:
		//	m[i] = float64(b1*m[i]) + float64((1-b1)*g)
		//	v[i] = float64(b2*v[i]) + float64((1-b2)*(g*g))
		//	W[i] -= etaT * m[i] / (math.Sqrt(v[i]) + eps)
		matrix.AdamStepInto(p.Value, p.Grad, a.m[k], a.v[k], b1, b2, etaT, eps)
	}
}

// state returns one zero matrix per parameter, reusing s when it matches.
func state(s []*matrix.Matrix, params []Param) []*matrix.Matrix {
	if len(s) == len(params) {
		ok := true
		for k, p := range params {
			if s[k].Rows != p.Value.Rows || s[k].Cols != p.Value.Cols {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
	}
	s = make([]*matrix.Matrix, len(params))
	for k, p := range params {
		s[k] = matrix.New(p.Value.Rows, p.Value.Cols)
	}
	return s
}
