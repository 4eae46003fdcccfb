package main

import (
	"math"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// The question's data: x = 1 … 9 and y = (1.2x + 1)/div, div = 10 (or 100,
// the question's second run).
func data(div float64) (xs, ys []float64) {
	for x := 1.0; x <= 9; x++ {
		xs = append(xs, x)
		ys = append(ys, (x*1.2+1)/div)
	}
	return xs, ys
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// sigmoidPrime is σ′(v) = σ(v)(1 − σ(v)), evaluated at whatever v it is given.
func sigmoidPrime(v float64) float64 { s := sigmoid(v); return s * (1 - s) }

// startWeights draws the two weights of the 1-1-1 network, uniform in
// [−1, 1) from np.random.seed(seed): w1 (input → hidden), then w2.
func startWeights(seed uint32) (w1, w2 float64) {
	rng := nprand.New(seed)
	w1 = rng.Uniform(-1, 1)
	w2 = rng.Uniform(-1, 1)
	return w1, w2
}

// askerRun is the question's Java training, for a 1-1-1 network of sigmoid
// units without biases (h = σ(w1·x), out = σ(w2·h)), one sample at a time in
// the order x = 1 … 9, learning rate 1:
//
//	e_out = t − out
//	e_h   = σ′(e_out)·w2            (keepSign: σ′(e_out)·w2·e_out, the question's Edit 2)
//	Δw2   = e_out·σ′(e_out)·w2      Δw1 = e_h·σ′(e_h)·w1
//
// Both deltas are computed before either weight changes, as in the Java.
type askerRun struct {
	w1, w2   float64
	keepSign bool
}

// epoch trains once on every sample.
func (r *askerRun) epoch(xs, ys []float64) {
	for i, x := range xs {
		out := sigmoid(r.w2 * sigmoid(r.w1*x))
		eOut := ys[i] - out
		eH := sigmoidPrime(eOut) * r.w2
		if r.keepSign {
			eH *= eOut
		}
		d2 := eOut * sigmoidPrime(eOut) * r.w2
		d1 := eH * sigmoidPrime(eH) * r.w1
		r.w2 += d2
		r.w1 += d1
	}
}

// outputs returns the network's output for each x.
func (r *askerRun) outputs(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = sigmoid(r.w2 * sigmoid(r.w1*x))
	}
	return out
}

// newNet returns the 1-1-1 network with hidden activation act, an identity
// output, the weights w1 and w2 and zero biases.
func newNet(w1, w2 float64, act nn.Activation) *nn.Network {
	return nn.NewNetwork(
		nn.NewLayer(matrix.FromSlice(1, 1, []float64{w1}), matrix.New(1, 1), act),
		nn.NewLayer(matrix.FromSlice(1, 1, []float64{w2}), matrix.New(1, 1), nn.Identity{}))
}

// column returns v as an n×1 matrix, each element divided by scale.
func column(v []float64, scale float64) *matrix.Matrix {
	m := matrix.New(len(v), 1)
	for i, x := range v {
		m.Data[i] = x / scale
	}
	return m
}

// fit trains net by gradient descent on E = ½Σ(out − t)², one sample at a
// time in order (nn.Train with batch size 1, no shuffling):
//
//	δ_out = out − t                  (identity output: f′ = 1)
//	δ_h   = δ_out·w2·f′(z_h)
//	w2 −= η·δ_out·h    b2 −= η·δ_out    w1 −= η·δ_h·x    b1 −= η·δ_h
//
// It returns the first epoch after which every prediction is within
// closeEnough of its target, or −1 if none was.
func fit(net *nn.Network, x, y *matrix.Matrix, rate float64, epochs int) (first int, err error) {
	first = -1
	_, err = net.Train(x, y, nn.TrainConfig{
		Loss: nn.HalfSSE{}, Schedule: nn.Constant(rate), MaxEpochs: epochs, BatchSize: 1,
		Callback: func(e nn.Epoch) error {
			if first < 0 && maxAbsError(e.Net.Forward(x), y) < closeEnough {
				first = e.N
			}
			return nil
		},
	})
	return first, err
}

// closeEnough is the largest |prediction − target| fit counts as a fit.
const closeEnough = 0.02

// params returns w1, b1, w2, b2 of a trained 1-1-1 network.
func params(net *nn.Network) (w1, b1, w2, b2 float64) {
	l1, l2 := net.Layers[0], net.Layers[1]
	return l1.W.Data[0], l1.B.Data[0], l2.W.Data[0], l2.B.Data[0]
}

// maxAbsError is the largest |prediction − target|.
func maxAbsError(pred, y *matrix.Matrix) float64 {
	m := 0.0
	for i, p := range pred.Data {
		m = max(m, math.Abs(p-y.Data[i]))
	}
	return m
}
