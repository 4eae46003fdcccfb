package main

import (
	"math"

	"nnscratch/matrix"
)

// network is a "Make Your Own Neural Network" style list of layers: layer
// l+1 = σ(weights[l] · layer l), every layer a column vector. When bias[l] is
// true, layer l gets a constant 1 appended below its units before the
// product, so the last column of weights[l] holds the bias weights.
type network struct {
	weights    []*matrix.Matrix
	bias       []bool
	freezeBias bool // leave the bias columns unchanged (the worked example)
}

// rule is how a step turns the gradient G = ∂E/∂W into new weights.
type rule int

const (
	fixedRule rule = iota // W ← W − η·G
	buggyRule             // W ← W + (−η·W) ∘ G, the question's update
)

// order says which output weights the hidden deltas are computed with.
type order int

const (
	textbook order = iota // the weights before this step's update
	updated               // the weights this step has already updated
)

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// sigmoidPrime returns σ'(z) written in terms of the output a = σ(z): a(1 − a).
func sigmoidPrime(a float64) float64 { return a * (1 - a) }

// withBias returns the column v with a 1 appended.
func withBias(v *matrix.Matrix) *matrix.Matrix {
	return matrix.FromSlice(v.Rows+1, 1, append(append([]float64(nil), v.Data...), 1))
}

// dropBias returns the column v without its last element.
func dropBias(v *matrix.Matrix) *matrix.Matrix {
	return matrix.FromSlice(v.Rows-1, 1, append([]float64(nil), v.Data[:v.Rows-1]...))
}

// forward feeds the column x through the network and returns in, where in[l]
// is the column weights[l] multiplies (with its 1 appended when bias[l]), and
// the output column.
func (n *network) forward(x *matrix.Matrix) (in []*matrix.Matrix, out *matrix.Matrix) {
	a := x
	for l, w := range n.weights {
		if n.bias[l] {
			a = withBias(a)
		}
		in = append(in, a)
		a = matrix.Apply(sigmoid, matrix.Mul(w, a))
	}
	return in, a
}

// loss returns E = Σ ½(target − out)².
func loss(out, target *matrix.Matrix) float64 {
	e := 0.0
	for i, o := range out.Data {
		d := target.Data[i] - o
		e += 0.5 * d * d
	}
	return e
}

// step runs one forward pass and one backpropagation update towards target
// and returns the output of the forward pass (before the update):
//
//	δ_L = (out − target) ∘ out(1 − out)
//	G_l = δ_{l+1} · in_lᵀ                      (∂E/∂W_l)
//	δ_l = (W_lᵀ · δ_{l+1} without its bias row) ∘ a_l(1 − a_l)
func (n *network) step(x, target *matrix.Matrix, rate float64, r rule, o order) *matrix.Matrix {
	in, out := n.forward(x)
	delta := matrix.Hadamard(matrix.Sub(out, target), matrix.Apply(sigmoidPrime, out))
	for l := len(n.weights) - 1; l >= 0; l-- {
		g := matrix.Mul(delta, matrix.Transpose(in[l]))
		if n.freezeBias && n.bias[l] {
			for i := 0; i < g.Rows; i++ {
				g.Set(i, g.Cols-1, 0)
			}
		}
		var back *matrix.Matrix
		if o == textbook {
			back = matrix.Mul(matrix.Transpose(n.weights[l]), delta)
		}
		switch r {
		case fixedRule:
			n.weights[l] = matrix.Sub(n.weights[l], matrix.ScalarMul(rate, g))
		case buggyRule:
			n.weights[l] = matrix.Add(n.weights[l], matrix.Hadamard(matrix.ScalarMul(-rate, n.weights[l]), g))
		}
		if l == 0 {
			break
		}
		if o == updated {
			back = matrix.Mul(matrix.Transpose(n.weights[l]), delta)
		}
		a := in[l]
		if n.bias[l] {
			back, a = dropBias(back), dropBias(a)
		}
		delta = matrix.Hadamard(back, matrix.Apply(sigmoidPrime, a))
	}
	return out
}

// questionNet returns the question's network: inputs with a bias unit, the
// bias weights 0.35 and 0.6 going to hidden units 1 and 2, no output bias.
func questionNet() *network {
	return &network{
		weights: []*matrix.Matrix{
			matrix.Transpose(matrix.FromRows([][]float64{{0.15, 0.25}, {0.2, 0.3}, {0.35, 0.6}})),
			matrix.Transpose(matrix.FromRows([][]float64{{0.4, 0.5}, {0.45, 0.55}})),
		},
		bias: []bool{true, false},
	}
}

// workedNet returns the worked example's network: bias b1 = 0.35 into both
// hidden units, b2 = 0.60 into both output units, both left unchanged.
func workedNet() *network {
	return &network{
		weights: []*matrix.Matrix{
			matrix.FromRows([][]float64{{0.15, 0.20, 0.35}, {0.25, 0.30, 0.35}}), // w1 w2 b1; w3 w4 b1
			matrix.FromRows([][]float64{{0.40, 0.45, 0.60}, {0.50, 0.55, 0.60}}), // w5 w6 b2; w7 w8 b2
		},
		bias:       []bool{true, true},
		freezeBias: true,
	}
}

var (
	input  = matrix.FromSlice(2, 1, []float64{0.05, 0.10})
	target = matrix.FromSlice(2, 1, []float64{0.01, 0.99})
)
