package main

import (
	"math"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
)

// The four update rules the lesson races, written out here as matrix
// operations, one statement per equation of the README; each is an
// nn.Optimizer, so nn.Train calls it after every backward pass with the
// gradient g = ∂E/∂W of every weight matrix and bias row. TestRulesEqualNN
// checks each against nn's own (nn.GD, nn.Momentum, nn.Adam) to the last
// bit. With g = p.Grad, W = p.Value and η = eta:

// gradientDescent is W ← W − η·g.
type gradientDescent struct{}

// Step applies one update to every parameter.
func (gradientDescent) Step(params []nn.Param, eta float64) {
	for _, p := range params {
		matrix.AddScaledInto(p.Value, p.Value, -eta, p.Grad) // W ← W − η·g
	}
}

// momentum keeps a velocity v per parameter, starting at 0:
//
//	v ← μ·v − η·g
//	W ← W + v
type momentum struct {
	mu float64
	v  []*matrix.Matrix
}

// Step applies one update to every parameter.
func (m *momentum) Step(params []nn.Param, eta float64) {
	m.v = zerosLike(m.v, params)
	for k, p := range params {
		v := m.v[k]
		matrix.ScalarMulInto(v, m.mu, v)         // v ← μ·v …
		matrix.AddScaledInto(v, v, -eta, p.Grad) // … − η·g
		matrix.AddInto(p.Value, p.Value, v)      // W ← W + v
	}
}

// nesterov is momentum that looks ahead along the new velocity, in the
// rearranged form scikit-learn uses:
//
//	v ← μ·v − η·g
//	W ← W + μ·v − η·g
type nesterov struct {
	mu      float64
	v, step []*matrix.Matrix
}

// Step applies one update to every parameter.
func (n *nesterov) Step(params []nn.Param, eta float64) {
	n.v, n.step = zerosLike(n.v, params), zerosLike(n.step, params)
	for k, p := range params {
		v, step := n.v[k], n.step[k]
		matrix.ScalarMulInto(v, n.mu, v)               // v ← μ·v …
		matrix.AddScaledInto(v, v, -eta, p.Grad)       // … − η·g
		matrix.ScalarMulInto(step, n.mu, v)            // μ·v …
		matrix.AddScaledInto(step, step, -eta, p.Grad) // … − η·g
		matrix.AddInto(p.Value, p.Value, step)         // W ← W + μ·v − η·g
	}
}

// adam keeps running means m of g and s of g², starting at 0, and counts
// its steps t from 1 (β₁ = 0.9, β₂ = 0.999, ε = 1e−8):
//
//	m ← β₁·m + (1 − β₁)·g
//	s ← β₂·s + (1 − β₂)·g²
//	W ← W − η_t·m/(√s + ε),   η_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
//
// η_t folds the bias corrections m̂ = m/(1 − β₁ᵗ) and ŝ = s/(1 − β₂ᵗ) into
// the rate, as scikit-learn does.
type adam struct {
	t        int
	m, s, g2 []*matrix.Matrix
}

// Adam's constants are variables, not Go constants, so that 1 − β₁ is
// rounded as numpy and scikit-learn round it (0.09999999999999998, where the
// exact constant arithmetic of Go would give 0.1).
var beta1, beta2, epsilon = 0.9, 0.999, 1e-8

// Step applies one update to every parameter.
func (a *adam) Step(params []nn.Param, eta float64) {
	a.m, a.s, a.g2 = zerosLike(a.m, params), zerosLike(a.s, params), zerosLike(a.g2, params)
	a.t++
	t := float64(a.t)
	etaT := eta * math.Sqrt(1-math.Pow(beta2, t)) / (1 - math.Pow(beta1, t)) // η_t
	for k, p := range params {
		m, s, g2 := a.m[k], a.s[k], a.g2[k]
		matrix.ScalarMulInto(m, beta1, m)           // m ← β₁·m …
		matrix.AddScaledInto(m, m, 1-beta1, p.Grad) // … + (1 − β₁)·g
		matrix.HadamardInto(g2, p.Grad, p.Grad)     // g²
		matrix.ScalarMulInto(s, beta2, s)           // s ← β₂·s …
		matrix.AddScaledInto(s, s, 1-beta2, g2)     // … + (1 − β₂)·g²
		for i := range p.Value.Data {               // W ← W − η_t·m/(√s + ε)
			p.Value.Data[i] -= etaT * m.Data[i] / (math.Sqrt(s.Data[i]) + epsilon)
		}
	}
}

// zerosLike returns one zero matrix per parameter, of its shape: a rule's
// state, allocated on its first step and reused after.
func zerosLike(s []*matrix.Matrix, params []nn.Param) []*matrix.Matrix {
	if len(s) == len(params) {
		return s
	}
	s = make([]*matrix.Matrix, len(params))
	for k, p := range params {
		s[k] = matrix.New(p.Value.Rows, p.Value.Cols)
	}
	return s
}

// traced wraps a rule to print, at each of the first steps, what the
// lesson can see of nn's step: the inputs, the layers' weighted inputs,
// outputs and deltas (from the network), the gradients, the rule's state
// after the update, the update itself and the new weights, under the names
// of the README's numpy script (X, l1, l2, d2, d1, w1, b1, w2, b2).
type traced struct {
	rule nn.Optimizer
	net  *nn.Network
	x    *matrix.Matrix // the inputs X
	t    *trace.Trace
	i    int
}

// paramNames are the numpy script's names for nn's W1, b1, W2, b2, and for
// their gradients.
var paramNames = [][2]string{{"w1", "X.T.dot(d1)"}, {"b1", "d1.sum(0, keepdims=True)"},
	{"w2", "l1.T.dot(d2)"}, {"b2", "d2.sum(0, keepdims=True)"}}

// Step prints the step's quantities around the rule's update.
func (r *traced) Step(params []nn.Param, eta float64) {
	r.t.Step(r.i)
	r.i++
	if !r.t.On() {
		r.rule.Step(params, eta)
		return
	}
	l1, l2 := r.net.Layers[0], r.net.Layers[1]
	for _, q := range []struct {
		name string
		m    *matrix.Matrix
	}{{"X", r.x}, {"X.dot(w1) + b1", l1.Z}, {"l1", l1.A}, {"l1.dot(w2) + b2", l2.Z}, {"l2", l2.A},
		{"d2", l2.Delta}, {"d1", l1.Delta}} {
		r.t.Print(q.name, q.m)
	}
	old := make([]*matrix.Matrix, len(params))
	for k, p := range params {
		r.t.Print(paramNames[k][1], p.Grad)
		old[k] = p.Value.Clone()
	}
	r.rule.Step(params, eta)
	state := map[string][]*matrix.Matrix{}
	switch rule := r.rule.(type) {
	case *momentum:
		state["v"] = rule.v
	case *nesterov:
		state["v"] = rule.v
	case *adam:
		state["m"], state["s"] = rule.m, rule.s
	}
	for _, name := range []string{"v", "m", "s"} {
		for k, m := range state[name] {
			r.t.Print(name+"_"+paramNames[k][0], m)
		}
	}
	for k, p := range params {
		name := paramNames[k][0]
		r.t.Print(name+" - "+name+"_old", matrix.Sub(p.Value, old[k]))
		r.t.Print(name, p.Value)
	}
}
