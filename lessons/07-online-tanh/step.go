package main

import (
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn/nprand"
)

// network is the question's Classifier for layer sizes [2, H, 1], tanh on
// both layers, in its orientation: each sample is a column, each layer's
// weights are out×in and its biases a column, so the forward pass reads
// W·x + b. It keeps every quantity of a step in buffers of its own, so a
// step allocates nothing and -trace can print them.
type network struct {
	w1, b1, w2, b2 *matrix.Matrix // network[0]['weights'] (H×2), ['biases'] (H×1); network[1]['weights'] (1×H), ['biases'] (1×1)

	z1, h, z2, a     *matrix.Matrix // weighted inputs and outputs of layers 0 and 1
	err, slope2, d2  *matrix.Matrix // a − t, 1 − a², network[1]['deltas']
	back, slope1, d1 *matrix.Matrix // W2ᵀ·δ2, 1 − h², network[0]['deltas']
	gradW2, gradW1   *matrix.Matrix // δ2·hᵀ, δ1·xᵀ
}

// newNetwork draws the question's starting network from rng: for each layer
// np.random.randn(out, in)·scale, then np.random.randn(out) for the biases.
func newNetwork(hidden int, scale float64, rng *nprand.RandomState) *network {
	n := &network{
		w1: matrix.New(hidden, 2), b1: matrix.New(hidden, 1), w2: matrix.New(1, hidden), b2: matrix.New(1, 1),
		z1: matrix.New(hidden, 1), h: matrix.New(hidden, 1), z2: matrix.New(1, 1), a: matrix.New(1, 1),
		err: matrix.New(1, 1), slope2: matrix.New(1, 1), d2: matrix.New(1, 1),
		back: matrix.New(hidden, 1), slope1: matrix.New(hidden, 1), d1: matrix.New(hidden, 1),
		gradW2: matrix.New(1, hidden), gradW1: matrix.New(hidden, 2),
	}
	for _, l := range [][2]*matrix.Matrix{{n.w1, n.b1}, {n.w2, n.b2}} {
		rng.Randn(l[0].Data)
		matrix.ScalarMulInto(l[0], scale, l[0])
		rng.Randn(l[1].Data)
	}
	return n
}

// dtanh is the question's helper.dtanh(y) = 1 − y², tanh′ written in terms
// of the output y = tanh(z). y² is rounded before the subtraction
// (float64), as in the question's code: Go may otherwise fuse the two into
// one multiply-add on arm64, and the bits differ.
func dtanh(y float64) float64 { return 1 - float64(y*y) }

// forward is the question's forward_propagate(x) for the column x: it sets
// h and a and returns a.
func (n *network) forward(x *matrix.Matrix) *matrix.Matrix {
	// network[0]['outputs'] = x = activ(network[0]['weights'].dot(x) + network[0]['biases'])
	matrix.MulInto(n.z1, n.w1, x)
	matrix.AddInto(n.z1, n.z1, n.b1)
	matrix.ApplyInto(n.h, portable.Tanh, n.z1)
	// network[1]['outputs'] = activ(network[1]['weights'].dot(x) + network[1]['biases'])
	matrix.MulInto(n.z2, n.w2, n.h)
	matrix.AddInto(n.z2, n.z2, n.b2)
	matrix.ApplyInto(n.a, portable.Tanh, n.z2)
	return n.a
}

// backward is the rest of backpropagate_error and adjust_weights for the
// column x and target t, from the outputs h and a of the last forward pass.
func (n *network) backward(x, t *matrix.Matrix, rate float64) {
	// network[-1]['deltas'] = (network[-1]['outputs'] - targets) * dactiv(network[-1]['outputs'])
	matrix.SubInto(n.err, n.a, t)
	matrix.ApplyInto(n.slope2, dtanh, n.a)
	matrix.HadamardInto(n.d2, n.err, n.slope2)
	// network[0]['deltas'] = W2ᵀ·δ2 ⊙ dactiv(network[0]['outputs'])
	// (the question's code rounds δ2·(W2 ⊙ dactiv(…)) instead: the same sum)
	matrix.MulTransAInto(n.back, n.w2, n.d2)
	matrix.ApplyInto(n.slope1, dtanh, n.h)
	matrix.HadamardInto(n.d1, n.back, n.slope1)
	// network[1]['weights'] -= learning_rate * deltas·outputsᵀ of layer 0
	matrix.MulTransBInto(n.gradW2, n.d2, n.h)
	matrix.AddScaledInto(n.w2, n.w2, -rate, n.gradW2)
	// network[1]['biases'] -= learning_rate * network[1]['deltas']
	matrix.AddScaledInto(n.b2, n.b2, -rate, n.d2)
	// network[0]['weights'] -= learning_rate * deltas·inputsᵀ
	matrix.MulTransBInto(n.gradW1, n.d1, x)
	matrix.AddScaledInto(n.w1, n.w1, -rate, n.gradW1)
	// network[0]['biases'] -= learning_rate * network[0]['deltas']
	matrix.AddScaledInto(n.b1, n.b1, -rate, n.d1)
}

// backpropagate is the question's backpropagate_error(x, targets) followed
// by adjust_weights: backpropagate_error runs forward_propagate itself, so
// the deltas always belong to this sample.
func (n *network) backpropagate(x, t *matrix.Matrix, rate float64) {
	n.forward(x)
	n.backward(x, t, rate)
}

// printStart writes the starting weights and biases to tr.
func (n *network) printStart(tr *trace.Trace) {
	tr.Print("network[0]['weights']", n.w1)
	tr.Print("network[0]['biases']", n.b1)
	tr.Print("network[1]['weights']", n.w2)
	tr.Print("network[1]['biases']", n.b2)
}

// print writes every quantity of the step just made to tr, under the
// question's names (outputs before the update, weights after it).
func (n *network) print(tr *trace.Trace, x, t *matrix.Matrix, rate float64) {
	if !tr.On() {
		return
	}
	for _, q := range []struct {
		name string
		m    *matrix.Matrix
	}{
		{"inputs[i]", x}, {"targets[i]", t},
		{"network[0]['weights'].dot(x) + network[0]['biases']", n.z1}, {"network[0]['outputs']", n.h},
		{"network[1]['weights'].dot(x) + network[1]['biases']", n.z2}, {"network[1]['outputs']", n.a},
		{"network[1]['outputs'] - targets", n.err}, {"network[1]['deltas']", n.d2},
		{"network[0]['deltas']", n.d1},
		{"learning_rate * np.outer(network[1]['deltas'], network[0]['outputs'])", matrix.ScalarMul(rate, n.gradW2)},
		{"network[1]['weights']", n.w2}, {"network[1]['biases']", n.b2},
		{"learning_rate * np.outer(network[0]['deltas'], inputs[i])", matrix.ScalarMul(rate, n.gradW1)},
		{"network[0]['weights']", n.w1}, {"network[0]['biases']", n.b1},
	} {
		tr.Print(q.name, q.m)
	}
}
