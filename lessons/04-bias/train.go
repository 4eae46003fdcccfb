package main

import (
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// newNetwork returns the 2-3-1 sigmoid network with biases, its weights
// drawn as the question's code draws them after np.random.seed(seed):
// weights_1 (2×3), weights_2 (3×1), bias_1 (3), bias_2 (1), each
// 2*numpy.random.random(shape) - 1, in that order (nn.NumpyUniform's order).
func newNetwork(seed uint32) *nn.Network {
	net := nn.New([]int{2, 3, 1}, true, nn.Sigmoid{}, nn.Sigmoid{})
	nn.NumpyUniform{}.Initialize(net, nprand.New(seed))
	return net
}

// A variant is one way of writing the question's error and update lines.
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

// reversedError is the question's first error line, layer_2_error =
// Y − layer_2: as a loss its gradient is y − a, the negative of HalfSSE's.
// Its Value is HalfSSE's, ½Σ(a − y)², so training still reports the error
// the question prints (halved).
type reversedError struct{ nn.HalfSSE }

// Grad sets dst = y − a.
func (reversedError) Grad(dst, a, y *matrix.Matrix) { matrix.SubInto(dst, y, a) }

// update is the question's update rule, as an nn.Optimizer:
//
//	W ← W − α·∂E/∂W       (flip: W ← W + α·∂E/∂W)
//	b ← b − α·Σ_rows δ    (shared: every b_j ← b_j − α·Σ_rows Σ_units δ)
type update struct{ flip, sharedBias bool }

// Step applies one update to every parameter. It allocates nothing.
func (u update) Step(params []nn.Param, eta float64) {
	s := -eta
	if u.flip {
		s = eta
	}
	for _, p := range params {
		if u.sharedBias && p.Name[0] == 'b' {
			// p.Grad holds the column sums of δ; their total is numpy.sum(δ).
			total := 0.0
			for _, g := range p.Grad.Data {
				total += g
			}
			for i := range p.Value.Data {
				p.Value.Data[i] += float64(s * total)
			}
			continue
		}
		matrix.AddScaledInto(p.Value, p.Value, s, p.Grad)
	}
}

// outcome is what one training run leaves behind.
type outcome struct {
	iterations int         // the question's i when the goal was met: updates made before that forward pass
	reached    bool        // whether SSE < goal happened within maxIter iterations
	sse        float64     // the SSE of the last forward pass
	curve      []float64   // SSE before update 0, 1, 2, … when recorded
	net        *nn.Network // the trained network
}

// train runs the question's loop for one variant on net, in place:
// full-batch steps with learning rate alpha until the sum of squared errors
// of a forward pass is below goal (that step's update is still made, as in
// the question's code) or maxIter updates have been made. With record > 0 it
// keeps the SSE of the first record iterations in the outcome's curve.
func train(net *nn.Network, x, y *matrix.Matrix, v variant, alpha, goal float64, maxIter, record int) (outcome, error) {
	var loss nn.Loss = nn.HalfSSE{}
	if v.flipError {
		loss = reversedError{}
	}
	var out outcome
	res, err := net.Train(x, y, nn.TrainConfig{
		Loss:      loss,
		Schedule:  nn.Constant(alpha),
		Optimizer: update{flip: v.flipUpdate, sharedBias: v.sharedBias},
		MaxEpochs: maxIter,
		// The loss is ½·SSE, and halving a float64 is exact, so
		// ½·SSE < goal/2 exactly when the question's SSE < goal.
		Goal: goal / 2,
		Callback: func(e nn.Epoch) error {
			if e.N <= record {
				out.curve = append(out.curve, 2*e.Loss)
			}
			return nil
		},
	})
	out.net, out.sse = net, 2*res.Loss
	out.reached = res.Reason == nn.StopGoal
	out.iterations = res.Epochs - 1
	return out, err
}
