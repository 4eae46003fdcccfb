package main

import (
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// network is the question's 2-3-1 network: its four parameters, named as in
// its code, and every quantity one step computes, kept in buffers of their
// own so that a step allocates nothing and -trace can print each of them.
type network struct {
	weights1, bias1, weights2, bias2 *matrix.Matrix // weights_1 (2×3), bias_1 (1×3), weights_2 (3×1), bias_2 (1×1)

	z1, layer1, z2, layer2           *matrix.Matrix // weighted inputs and outputs of layers 1 and 2
	layer2Error, slope2, layer2Delta *matrix.Matrix
	layer1Error, slope1, layer1Delta *matrix.Matrix
	gradW2, gradB2, gradW1, gradB1   *matrix.Matrix // ∂E/∂W2, ∂E/∂b2, ∂E/∂W1, ∂E/∂b1
}

// newNetwork draws the question's starting weights after
// np.random.seed(seed), in its order: weights_1, weights_2, bias_1, bias_2,
// each 2*numpy.random.random(shape) - 1. The buffers fit a batch of n rows.
func newNetwork(seed uint32, n int) *network {
	src := nprand.New(seed)
	net := &network{
		weights1: matrix.New(2, 3), weights2: matrix.New(3, 1), bias1: matrix.New(1, 3), bias2: matrix.New(1, 1),
		z1: matrix.New(n, 3), layer1: matrix.New(n, 3), z2: matrix.New(n, 1), layer2: matrix.New(n, 1),
		layer2Error: matrix.New(n, 1), slope2: matrix.New(n, 1), layer2Delta: matrix.New(n, 1),
		layer1Error: matrix.New(n, 3), slope1: matrix.New(n, 3), layer1Delta: matrix.New(n, 3),
		gradW2: matrix.New(3, 1), gradB2: matrix.New(1, 1), gradW1: matrix.New(2, 3), gradB1: matrix.New(1, 3),
	}
	for _, m := range []*matrix.Matrix{net.weights1, net.weights2, net.bias1, net.bias2} {
		nn.FillUniform(m, src, -1, 1)
	}
	return net
}

// sigmoid is the question's sigmoid(x) = 1/(1+numpy.exp(-x)).
func sigmoid(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }

// sigmoidDerivative is the question's sigmoid_derivative(x) = x*(1-x), the
// slope σ′ written in terms of the sigmoid's output x = σ(z).
func sigmoidDerivative(x float64) float64 { return x * (1 - x) }

// An outputDelta sets layer_2_delta from layer_2_error and layer_2: the one
// line in which the two losses differ.
type outputDelta func(n *network)

// squaredErrorDelta is the question's line, the delta of E = ½Σ(a − y)²:
//
//	layer_2_delta = layer_2_error*sigmoid_derivative(layer_2)
func squaredErrorDelta(n *network) {
	matrix.ApplyInto(n.slope2, sigmoidDerivative, n.layer2)
	matrix.HadamardInto(n.layer2Delta, n.layer2Error, n.slope2)
}

// logLossDelta is the answer's line, the delta of the log-loss
// E = −Σ[y ln a + (1 − y) ln(1 − a)], whose σ′ has cancelled:
//
//	layer_2_delta = layer_2_error
func logLossDelta(n *network) { n.layer2Delta.Copy(n.layer2Error) }

// step is one iteration of the question's loop, with the answer's fixes
// (error = output − Y, −= updates, one bias gradient per unit) and the
// output delta of the chosen loss; layer_0 = X is the batch x.
func (n *network) step(x, y *matrix.Matrix, alpha float64, delta outputDelta) {
	// layer_1 = sigmoid(numpy.dot(layer_0, weights_1)+bias_1)
	matrix.MulInto(n.z1, x, n.weights1)
	matrix.AddRowVectorInto(n.z1, n.z1, n.bias1)
	matrix.ApplyInto(n.layer1, sigmoid, n.z1)
	// layer_2 = sigmoid(numpy.dot(layer_1, weights_2)+bias_2)
	matrix.MulInto(n.z2, n.layer1, n.weights2)
	matrix.AddRowVectorInto(n.z2, n.z2, n.bias2)
	matrix.ApplyInto(n.layer2, sigmoid, n.z2)
	// layer_2_error = layer_2 - Y
	matrix.SubInto(n.layer2Error, n.layer2, y)
	// layer_2_delta: squaredErrorDelta or logLossDelta
	delta(n)
	// layer_1_error = layer_2_delta.dot(weights_2.T)
	matrix.MulTransBInto(n.layer1Error, n.layer2Delta, n.weights2)
	// layer_1_delta = layer_1_error * sigmoid_derivative(layer_1)
	matrix.ApplyInto(n.slope1, sigmoidDerivative, n.layer1)
	matrix.HadamardInto(n.layer1Delta, n.layer1Error, n.slope1)
	// weights_2 -= alpha * layer_1.T.dot(layer_2_delta)
	matrix.MulTransAInto(n.gradW2, n.layer1, n.layer2Delta)
	matrix.AddScaledInto(n.weights2, n.weights2, -alpha, n.gradW2)
	// weights_1 -= alpha * layer_0.T.dot(layer_1_delta)
	matrix.MulTransAInto(n.gradW1, x, n.layer1Delta)
	matrix.AddScaledInto(n.weights1, n.weights1, -alpha, n.gradW1)
	// bias_2 -= alpha * numpy.sum(layer_2_delta, axis=0)
	matrix.SumRowsInto(n.gradB2, n.layer2Delta)
	matrix.AddScaledInto(n.bias2, n.bias2, -alpha, n.gradB2)
	// bias_1 -= alpha * numpy.sum(layer_1_delta, axis=0)
	matrix.SumRowsInto(n.gradB1, n.layer1Delta)
	matrix.AddScaledInto(n.bias1, n.bias1, -alpha, n.gradB1)
}

// printStart writes the starting weights and biases to t.
func (n *network) printStart(t *trace.Trace) {
	t.Print("weights_1", n.weights1)
	t.Print("weights_2", n.weights2)
	t.Print("bias_1", n.bias1)
	t.Print("bias_2", n.bias2)
}

// print writes every quantity of the step just made to t, under the
// question's names, in the order the step computes them (the weights and
// biases after their update).
func (n *network) print(t *trace.Trace, x *matrix.Matrix, alpha float64) {
	if !t.On() {
		return
	}
	for _, q := range []struct {
		name string
		m    *matrix.Matrix
	}{
		{"layer_0", x},
		{"numpy.dot(layer_0, weights_1)+bias_1", n.z1}, {"layer_1", n.layer1},
		{"numpy.dot(layer_1, weights_2)+bias_2", n.z2}, {"layer_2", n.layer2},
		{"layer_2_error", n.layer2Error}, {"layer_2_delta", n.layer2Delta},
		{"layer_1_error", n.layer1Error}, {"layer_1_delta", n.layer1Delta},
		{"layer_1.T.dot(layer_2_delta)", n.gradW2},
		{"alpha * layer_1.T.dot(layer_2_delta)", matrix.ScalarMul(alpha, n.gradW2)},
		{"weights_2", n.weights2},
		{"layer_0.T.dot(layer_1_delta)", n.gradW1},
		{"alpha * layer_0.T.dot(layer_1_delta)", matrix.ScalarMul(alpha, n.gradW1)},
		{"weights_1", n.weights1},
		{"numpy.sum(layer_2_delta, axis=0)", n.gradB2}, {"bias_2", n.bias2},
		{"numpy.sum(layer_1_delta, axis=0)", n.gradB1}, {"bias_1", n.bias1},
	} {
		t.Print(q.name, q.m)
	}
}
