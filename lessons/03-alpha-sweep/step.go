package main

import (
	"math"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn/nprand"
)

// The notebook's data: XOR of the first two inputs; the third is always 1.
var (
	inputs  = matrix.FromRows([][]float64{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}}) // X
	targets = matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})                         // y
)

// sigmoid is the notebook's sigmoid(x) = 1/(1+np.exp(-x)).
func sigmoid(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }

// sigmoidDerivative is the notebook's sigmoid_derivative(sigmoid_output):
// σ′ written from σ's output o, o(1 − o).
func sigmoidDerivative(o float64) float64 { return o * (1 - o) }

// initialWeights draws the notebook's synapses: np.random.seed(seed), then
// 2*np.random.random((3,4)) - 1 and 2*np.random.random((4,1)) - 1.
func initialWeights(seed uint32) (synapse0, synapse1 *matrix.Matrix) {
	rng := nprand.New(seed)
	synapse0, synapse1 = matrix.New(3, 4), matrix.New(4, 1)
	for _, w := range []*matrix.Matrix{synapse0, synapse1} {
		rng.Rand(w.Data)
		for i, v := range w.Data {
			w.Data[i] = 2*v - 1
		}
	}
	return synapse0, synapse1
}

// network is the notebook's 3-4-1 network: its two synapses and a matrix
// for every quantity one step computes, named as the notebook names it.
// The matrices are allocated once, so steps allocate nothing.
type network struct {
	synapse0, synapse1 *matrix.Matrix

	z1, layer1, z2, layer2           *matrix.Matrix // forward pass
	layer2Error, slope2, layer2Delta *matrix.Matrix // output error and delta
	layer1Error, slope1, layer1Delta *matrix.Matrix // hidden error and delta
	grad1, update1, grad0, update0   *matrix.Matrix // gradients and updates
}

// newNetwork returns the network with the notebook's starting synapses.
func newNetwork(seed uint32) *network {
	n := &network{}
	n.synapse0, n.synapse1 = initialWeights(seed)
	for _, m := range []**matrix.Matrix{&n.z1, &n.layer1, &n.layer1Error, &n.slope1, &n.layer1Delta} {
		*m = matrix.New(4, 4)
	}
	for _, m := range []**matrix.Matrix{&n.z2, &n.layer2, &n.layer2Error, &n.slope2, &n.layer2Delta, &n.grad1, &n.update1} {
		*m = matrix.New(4, 1)
	}
	n.grad0, n.update0 = matrix.New(3, 4), matrix.New(3, 4)
	return n
}

// step is one pass of the notebook's loop body with learning rate alpha:
// the forward pass, the errors and deltas, and both updates, one statement
// per equation of the README, the notebook's code in the comments. The
// mean |error| before the update is n.layer2Error's. It allocates nothing.
func (n *network) step(alpha float64) {
	// Feed forward through layers 0, 1 and 2 (layer_0 = X).
	matrix.MulInto(n.z1, inputs, n.synapse0)   // np.dot(layer_0,synapse_0)
	matrix.ApplyInto(n.layer1, sigmoid, n.z1)  // layer_1 = sigmoid(np.dot(layer_0,synapse_0))
	matrix.MulInto(n.z2, n.layer1, n.synapse1) // np.dot(layer_1,synapse_1)
	matrix.ApplyInto(n.layer2, sigmoid, n.z2)  // layer_2 = sigmoid(np.dot(layer_1,synapse_1))

	// How much did we miss by, and in which direction?
	matrix.SubInto(n.layer2Error, n.layer2, targets)               // layer_2_error = layer_2 - y
	matrix.ApplyInto(n.slope2, sigmoidDerivative, n.layer2)        // sigmoid_derivative(layer_2)
	matrix.HadamardInto(n.layer2Delta, n.layer2Error, n.slope2)    // layer_2_delta = layer_2_error*sigmoid_derivative(layer_2)
	matrix.MulTransBInto(n.layer1Error, n.layer2Delta, n.synapse1) // layer_1_error = layer_2_delta.dot(synapse_1.T)
	matrix.ApplyInto(n.slope1, sigmoidDerivative, n.layer1)        // sigmoid_derivative(layer_1)
	matrix.HadamardInto(n.layer1Delta, n.layer1Error, n.slope1)    // layer_1_delta = layer_1_error*sigmoid_derivative(layer_1)

	// Step both synapses down their gradients.
	matrix.MulTransAInto(n.grad1, n.layer1, n.layer2Delta) // layer_1.T.dot(layer_2_delta)
	matrix.ScalarMulInto(n.update1, alpha, n.grad1)        // alpha * (layer_1.T.dot(layer_2_delta))
	matrix.SubInto(n.synapse1, n.synapse1, n.update1)      // synapse_1 = synapse_1 - alpha * (…)
	matrix.MulTransAInto(n.grad0, inputs, n.layer1Delta)   // layer_0.T.dot(layer_1_delta)
	matrix.ScalarMulInto(n.update0, alpha, n.grad0)        // alpha * (layer_0.T.dot(layer_1_delta))
	matrix.SubInto(n.synapse0, n.synapse0, n.update0)      // synapse_0 = synapse_0 - alpha * (…)
}

// result is what one learning rate's run leaves behind.
type result struct {
	alpha   float64
	printed []float64      // mean |error| at steps 0, every, 2·every, …
	curve   []float64      // mean |error| at steps 0, record, 2·record, …
	w0, w1  *matrix.Matrix // the trained synapses
	trace   string         // the -trace output of this learning rate
}

// train runs the notebook's loop for one learning rate with network.step,
// recording the mean |error| every cfg.every and cfg.record steps and
// printing the first steps to tr (nil: none). Steps allocate nothing.
func train(cfg config, alpha float64, tr *trace.Trace) result {
	n := newNetwork(cfg.seed)
	r := result{alpha: alpha}
	for step := 0; step < cfg.steps; step++ {
		n.step(alpha)
		if step%cfg.every == 0 || step%cfg.record == 0 {
			e := meanAbs(n.layer2Error) // np.mean(np.abs(layer_2_error))
			if step%cfg.every == 0 {
				r.printed = append(r.printed, e)
			}
			if step%cfg.record == 0 {
				r.curve = append(r.curve, e)
			}
		}
		tr.Step(step) // nil-safe: no trace, no cost
		n.print(tr)
	}
	r.w0, r.w1 = n.synapse0, n.synapse1
	return r
}

// meanAbs is np.mean(np.abs(m)): the sum in order, divided by the count.
func meanAbs(m *matrix.Matrix) float64 {
	s := 0.0
	for _, v := range m.Data {
		s += math.Abs(v)
	}
	return s / float64(len(m.Data))
}
