package main

import (
	"math"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// sigmoid is the question's sigmoid(x) = 1/(1+numpy.exp(-x)).
func sigmoid(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }

// sigmoidDerivative is the question's sigmoid_derivative(x) = x*(1-x): σ′
// written from σ's output.
func sigmoidDerivative(x float64) float64 { return x * (1 - x) }

// A variant is one way of writing the question's error and update lines;
// step shows each as a visible alternative beside the right line.
type variant struct {
	name string
	// flipError writes layer_2_error = Y − layer_2 (the question's first
	// version) instead of layer_2 − Y.
	flipError bool
	// flipUpdate writes W += α·(…) instead of W −= α·(…).
	flipUpdate bool
	// sharedBias updates every bias of a layer by α·numpy.sum(δ), the sum
	// of the whole δ matrix, instead of by each unit's own column sum
	// numpy.sum(δ, axis=0).
	sharedBias bool
	about      string // what the variant's code says, for the output
}

// variants lists every variant the lesson knows, in output order.
var variants = []variant{
	{name: "fixed", about: "error = output − Y, W −= α·…, bias −= α·sum(δ, axis=0)"},
	{name: "flipped", flipError: true, flipUpdate: true, about: "error = Y − output, W += α·… (the question's first version)"},
	{name: "shared-bias", sharedBias: true, about: "bias −= α·sum(δ): one number for every unit"},
	{name: "flip-error", flipError: true, about: "error = Y − output, but W −= α·…"},
	{name: "flip-update", flipUpdate: true, about: "error = output − Y, but W += α·…"},
}

// descends reports whether the variant is gradient descent: both signs
// right, or both wrong.
func (v variant) descends() bool { return v.flipError == v.flipUpdate }

// network is the question's 2-3-1 network: its weights and biases (biases
// as 1×n rows) and a matrix for every quantity one step computes, named as
// the question names it. The matrices are allocated once, so steps
// allocate nothing.
type network struct {
	weights1, bias1, weights2, bias2 *matrix.Matrix

	z1, layer1, z2, layer2                         *matrix.Matrix // forward pass
	layer2Error, slope2, layer2Delta               *matrix.Matrix // output error and delta
	layer1Error, slope1, layer1Delta               *matrix.Matrix // hidden error and delta
	grad2, update2, grad1, update1                 *matrix.Matrix // weight gradients and updates
	biasGrad2, biasUpdate2, biasGrad1, biasUpdate1 *matrix.Matrix // bias gradients and updates
}

// newNetwork returns the network for a batch of the given number of rows,
// its parameters drawn as the question's code draws them after
// numpy.random.seed(seed): weights_1 (2×3), weights_2 (3×1), bias_1 (3),
// bias_2 (1), each 2*numpy.random.random(shape) - 1, in that order.
func newNetwork(seed uint32, rows int) *network {
	n := &network{
		weights1: matrix.New(2, 3), weights2: matrix.New(3, 1), bias1: matrix.New(1, 3), bias2: matrix.New(1, 1),
		z1: matrix.New(rows, 3), layer1: matrix.New(rows, 3), z2: matrix.New(rows, 1), layer2: matrix.New(rows, 1),
		layer2Error: matrix.New(rows, 1), slope2: matrix.New(rows, 1), layer2Delta: matrix.New(rows, 1),
		layer1Error: matrix.New(rows, 3), slope1: matrix.New(rows, 3), layer1Delta: matrix.New(rows, 3),
		grad2: matrix.New(3, 1), update2: matrix.New(3, 1), grad1: matrix.New(2, 3), update1: matrix.New(2, 3),
		biasGrad2: matrix.New(1, 1), biasUpdate2: matrix.New(1, 1), biasGrad1: matrix.New(1, 3), biasUpdate1: matrix.New(1, 3),
	}
	rng := nprand.New(seed)
	for _, m := range []*matrix.Matrix{n.weights1, n.weights2, n.bias1, n.bias2} {
		rng.Rand(m.Data)
		for i, v := range m.Data {
			m.Data[i] = 2*v - 1
		}
	}
	return n
}

// step is one pass of the question's loop body on inputs layer0 (X) and
// targets y with learning rate alpha, written as variant v writes it, one
// statement per equation of the README, the question's code in the
// comments. It returns calculateError(Y, layer_2), the sum of squared
// errors of the forward pass (before the update). It allocates nothing.
func (n *network) step(layer0, y *matrix.Matrix, alpha float64, v variant) float64 {
	// Feed forward through layers 0, 1, and 2.
	matrix.AddRowVectorInto(n.z1, matrix.MulInto(n.z1, layer0, n.weights1), n.bias1)   // numpy.dot(layer_0, weights_1)+bias_1
	matrix.ApplyInto(n.layer1, sigmoid, n.z1)                                          // layer_1 = sigmoid(…)
	matrix.AddRowVectorInto(n.z2, matrix.MulInto(n.z2, n.layer1, n.weights2), n.bias2) // numpy.dot(layer_1, weights_2)+bias_2
	matrix.ApplyInto(n.layer2, sigmoid, n.z2)                                          // layer_2 = sigmoid(…)

	// How much did we miss the target value?
	if !v.flipError {
		matrix.SubInto(n.layer2Error, n.layer2, y) // layer_2_error = layer_2 - Y
	} else {
		matrix.SubInto(n.layer2Error, y, n.layer2) // layer_2_error = Y - layer_2 (the question's first version)
	}
	matrix.ApplyInto(n.slope2, sigmoidDerivative, n.layer2)        // sigmoid_derivative(layer_2)
	matrix.HadamardInto(n.layer2Delta, n.layer2Error, n.slope2)    // layer_2_delta = layer_2_error*sigmoid_derivative(layer_2)
	matrix.MulTransBInto(n.layer1Error, n.layer2Delta, n.weights2) // layer_1_error = layer_2_delta.dot(weights_2.T)
	matrix.ApplyInto(n.slope1, sigmoidDerivative, n.layer1)        // sigmoid_derivative(layer_1)
	matrix.HadamardInto(n.layer1Delta, n.layer1Error, n.slope1)    // layer_1_delta = layer_1_error * sigmoid_derivative(layer_1)

	// The gradients: weights, then biases, one sum per unit.
	matrix.MulTransAInto(n.grad2, n.layer1, n.layer2Delta) // layer_1.T.dot(layer_2_delta)
	matrix.MulTransAInto(n.grad1, layer0, n.layer1Delta)   // layer_0.T.dot(layer_1_delta)
	matrix.SumRowsInto(n.biasGrad2, n.layer2Delta)         // numpy.sum(layer_2_delta, axis=0)
	matrix.SumRowsInto(n.biasGrad1, n.layer1Delta)         // numpy.sum(layer_1_delta, axis=0)
	if v.sharedBias {
		fill(n.biasGrad2, matrix.Sum(n.biasGrad2)) // numpy.sum(layer_2_delta): all of δ, one number for every unit
		fill(n.biasGrad1, matrix.Sum(n.biasGrad1)) // numpy.sum(layer_1_delta): all of δ, one number for every unit
	}

	// Update the weights and the biases: W -= alpha * gradient.
	matrix.ScalarMulInto(n.update2, alpha, n.grad2)         // alpha * layer_1.T.dot(layer_2_delta)
	matrix.ScalarMulInto(n.update1, alpha, n.grad1)         // alpha * layer_0.T.dot(layer_1_delta)
	matrix.ScalarMulInto(n.biasUpdate2, alpha, n.biasGrad2) // alpha * numpy.sum(layer_2_delta, axis=0)
	matrix.ScalarMulInto(n.biasUpdate1, alpha, n.biasGrad1) // alpha * numpy.sum(layer_1_delta, axis=0)
	apply := matrix.SubInto                                 // weights_2 -= …
	if v.flipUpdate {
		apply = matrix.AddInto // weights_2 += … (the question's first version)
	}
	apply(n.weights2, n.weights2, n.update2)
	apply(n.weights1, n.weights1, n.update1)
	apply(n.bias2, n.bias2, n.biasUpdate2)
	apply(n.bias1, n.bias1, n.biasUpdate1)

	return sse(y, n.layer2) // calculateError(Y, layer_2)
}

// fill sets every element of m to x.
func fill(m *matrix.Matrix, x float64) {
	for i := range m.Data {
		m.Data[i] = x
	}
}

// sse is the question's calculateError: Σ (Y[i] − Y_predicted[i])², added
// in order.
func sse(y, predicted *matrix.Matrix) float64 {
	total := 0.0
	for i, t := range y.Data {
		d := t - predicted.Data[i]
		// d² rounded before the sum (float64), as the Java does: Go may
		// otherwise fuse the two into one multiply-add on arm64.
		total = total + float64(d*d)
	}
	return total
}

// outcome is what one training run leaves behind.
type outcome struct {
	iterations int       // the question's i when the goal was met: updates made before that forward pass
	reached    bool      // whether SSE < goal happened within maxIter iterations
	sse        float64   // the SSE of the last forward pass
	curve      []float64 // SSE before update 0, 1, 2, … when recorded
	net        *network  // the trained network
}

// trainRun runs the question's loop for variant v on net, in place: steps
// until the sum of squared errors of a forward pass is below goal (that
// step's update is still made, as in the question's code) or maxIter
// updates have been made. With record > 0 it keeps the SSE of the first
// record iterations in the outcome's curve; it prints the first steps to tr
// (nil: none). A NaN or infinite error stops it with an *nn.DivergedError.
func trainRun(net *network, x, y *matrix.Matrix, v variant, alpha, goal float64, maxIter, record int, tr *trace.Trace) (outcome, error) {
	out := outcome{net: net}
	for i := 0; i < maxIter; i++ {
		tr.Step(i) // nil-safe: no trace, no cost
		e := net.step(x, y, alpha, v)
		net.print(tr, x, v, e)
		if math.IsNaN(e) || math.IsInf(e, 0) {
			return out, &nn.DivergedError{Epoch: i + 1, Loss: e, Rate: alpha}
		}
		if i < record {
			out.curve = append(out.curve, e)
		}
		out.iterations, out.sse = i, e
		if e < goal { // if(calculateError(Y, layer_2)<maxError)
			out.reached = true
			break
		}
	}
	return out, nil
}
