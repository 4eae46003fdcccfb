package nn

import (
	"math"

	"nnscratch/matrix"
)

// A Source is the random source the initialisers draw from.
// *nprand.RandomState, the port of numpy's legacy generator, is one, so a
// network seeded like a Python script starts from the same weights.
type Source interface {
	// RandomSample returns a float64 in [0, 1), numpy's random_sample().
	RandomSample() float64
	// StandardNormal returns a N(0, 1) deviate, numpy's standard_normal().
	StandardNormal() float64
}

// FillUniform fills m in row-major (C) order with lo + (hi−lo)·u, u drawn
// by src.RandomSample: numpy's uniform(lo, hi, m.shape). With lo = −1 and
// hi = 1 each value is 2·u − 1 to the last bit, the forum code's
// 2*numpy.random.random(shape) - 1.
func FillUniform(m *matrix.Matrix, src Source, lo, hi float64) {
	for i := range m.Data {
		// float64 rounds the product as numpy does: Go may fuse a
		// multiply-add (arm64 does), which would change the last bit.
		m.Data[i] = lo + float64((hi-lo)*src.RandomSample())
	}
}

// FillNormal fills m in row-major order with mean + sd·N(0,1) draws,
// numpy's normal(mean, sd, m.shape).
func FillNormal(m *matrix.Matrix, src Source, mean, sd float64) {
	for i := range m.Data {
		m.Data[i] = mean + float64(sd*src.StandardNormal())
	}
}

// An Initializer sets a network's starting weights and biases from a
// random source. Each documents its draw order, which decides whether a
// Go run reproduces a Python one; a lesson that draws in another order
// fills the matrices itself with FillUniform and FillNormal, or builds the
// layers from given weights with NewLayer.
type Initializer interface {
	Initialize(n *Network, src Source)
}

// NumpyUniform draws every weight and bias as 2·random − 1, uniform in
// [−1, 1), as the forum code does: first every layer's W (layer by layer,
// each in C order), then every layer's b. That is the forum script's
// order weights_1, weights_2, bias_1, bias_2.
type NumpyUniform struct{}

// Initialize fills n as NumpyUniform says.
func (NumpyUniform) Initialize(n *Network, src Source) {
	for _, l := range n.Layers {
		FillUniform(l.W, src, -1, 1)
	}
	for _, l := range n.Layers {
		if l.B != nil {
			FillUniform(l.B, src, -1, 1)
		}
	}
}

// Glorot is the Glorot (Xavier) uniform initialisation as scikit-learn's
// MLP draws it: layer by layer, W then b, both uniform in [−r, r) with
//
//	r = sqrt(Factor / (fan_in + fan_out))
//
// Factor 0 means scikit-learn's rule: 2 when the hidden activation (that of
// the first layer) is Sigmoid, 6 otherwise, for every layer.
type Glorot struct{ Factor float64 }

// Initialize fills n as Glorot says.
func (g Glorot) Initialize(n *Network, src Source) {
	factor := g.Factor
	if factor == 0 {
		factor = 6
		if _, ok := n.Layers[0].Act.(Sigmoid); ok {
			factor = 2
		}
	}
	for _, l := range n.Layers {
		r := math.Sqrt(factor / float64(l.FanIn()+l.FanOut()))
		FillUniform(l.W, src, -r, r)
		if l.B != nil {
			FillUniform(l.B, src, -r, r)
		}
	}
}

// ScaledNormal draws each weight from N(0, fan_in^−½), the book's
// numpy.random.normal(0.0, pow(inodes, -0.5), (hnodes, inodes)), layer by
// layer. With OutIn set the draws fill each W in the book's orientation,
// fan_out×fan_in in C order (W[i,j] takes draw j·fan_in + i), so the same
// seed gives the book's weights; otherwise W is filled in its own C order.
// Biases are set to 0.
type ScaledNormal struct{ OutIn bool }

// Initialize fills n as ScaledNormal says.
func (s ScaledNormal) Initialize(n *Network, src Source) {
	for _, l := range n.Layers {
		normalWeights(l, src, 1/math.Sqrt(float64(l.FanIn())), s.OutIn)
	}
}

// He draws each weight from N(0, sqrt(2/fan_in)), the initialisation of
// He et al. for ReLU layers, layer by layer in C order; biases are 0.
type He struct{}

// Initialize fills n as He says.
func (He) Initialize(n *Network, src Source) {
	for _, l := range n.Layers {
		normalWeights(l, src, math.Sqrt(2/float64(l.FanIn())), false)
	}
}

func normalWeights(l *Layer, src Source, sd float64, outIn bool) {
	if outIn {
		for j := range l.FanOut() {
			for i := range l.FanIn() {
				l.W.Set(i, j, sd*src.StandardNormal())
			}
		}
	} else {
		FillNormal(l.W, src, 0, sd)
	}
	if l.B != nil {
		l.B.Zero()
	}
}
