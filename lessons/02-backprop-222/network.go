package main

import (
	"strconv"
	"strings"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
)

// network is a "Make Your Own Neural Network" style list of layers: layer
// l+1 = σ(weights[l] · layer l), every layer a column vector. When bias[l] is
// true, layer l gets a constant 1 appended below its units before the
// product, so the last column of weights[l] holds the bias weights.
type network struct {
	weights    []*matrix.Matrix
	bias       []bool
	freezeBias bool         // leave the bias columns unchanged (the worked example)
	tr         *trace.Trace // prints the quantities of the first steps (nil: none)
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

func sigmoid(z float64) float64 { return 1 / (1 + portable.Exp(-z)) }

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
		n.tr.Print(n.name(l, "in"), a)
		net := matrix.Mul(w, a) // net = W·in
		n.tr.Print(n.name(l, "net"), net)
		a = matrix.Apply(sigmoid, net) // out = σ(net)
		n.tr.Print(n.name(l, "out"), a)
	}
	return in, a
}

// loss returns E = Σ ½(target − out)².
func loss(out, target *matrix.Matrix) float64 {
	e := 0.0
	for i, o := range out.Data {
		d := target.Data[i] - o
		// Each term rounded before the sum (float64), so that arm64 cannot
		// fuse them into one multiply-add: the same E on every machine.
		e += float64(0.5 * d * d)
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
	if n.tr.On() {
		n.tr.Scalar("E_total = Σ ½(target − out)²", loss(out, target))
	}
	delta := matrix.Hadamard(matrix.Sub(out, target), matrix.Apply(sigmoidPrime, out)) // δ_L = (out − target) ∘ out(1 − out)
	for l := len(n.weights) - 1; l >= 0; l-- {
		n.tr.Print(n.name(l, "δ"), delta)
		g := matrix.Mul(delta, matrix.Transpose(in[l])) // ∂E/∂W_l = δ_{l+1} · in_lᵀ
		if n.freezeBias && n.bias[l] {
			for i := 0; i < g.Rows; i++ {
				g.Set(i, g.Cols-1, 0)
			}
		}
		n.tr.Print(n.name(l, "∂E/∂"), g)
		var back *matrix.Matrix
		if o == textbook {
			back = matrix.Mul(matrix.Transpose(n.weights[l]), delta) // W_lᵀ · δ, with the weights before the update
		}
		switch r {
		case fixedRule:
			n.weights[l] = matrix.Sub(n.weights[l], matrix.ScalarMul(rate, g)) // W ← W − η·G
		case buggyRule:
			n.weights[l] = matrix.Add(n.weights[l], matrix.Hadamard(matrix.ScalarMul(-rate, n.weights[l]), g)) // W ← W + (−η·W) ∘ G, the question's
		}
		n.tr.Print(n.name(l, "new"), n.weights[l])
		if l == 0 {
			break
		}
		if o == updated {
			back = matrix.Mul(matrix.Transpose(n.weights[l]), delta) // W_lᵀ · δ, with the weights just updated
		}
		a := in[l]
		if n.bias[l] {
			back, a = dropBias(back), dropBias(a)
		}
		delta = matrix.Hadamard(back, matrix.Apply(sigmoidPrime, a)) // δ_l = (W_lᵀ·δ_{l+1} without its bias row) ∘ a_l(1 − a_l)
	}
	return out
}

// name returns the trace's name for a quantity of layer l (0: hidden, 1:
// output) in the worked example's notation, element by element: kind "in"
// (the column W_l multiplies), "net", "out", "δ", "∂E/∂" (the gradient of
// W_l) or "new" (W_l after the update). Weights are numbered as in the
// worked example (w1…w4 into the hidden units, w5…w8 into the outputs), the
// bias column is b1 or b2.
func (n *network) name(l int, kind string) string {
	units := [2]string{"h", "o"}[l]
	rows, cols := n.weights[l].Rows, n.weights[l].Cols
	column := func(prefix string, k int) string {
		var parts []string
		for i := 1; i <= k; i++ {
			parts = append(parts, prefix+strconv.Itoa(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	switch kind {
	case "in":
		prev := "i"
		if l > 0 {
			prev = "out_h"
		}
		k := cols
		if n.bias[l] {
			k--
		}
		s := column(prev, k)
		if n.bias[l] {
			s = s[:len(s)-1] + ", 1]"
		}
		return s
	case "net", "out", "δ":
		p := map[string]string{"net": "net_", "out": "out_", "δ": "δ_"}[kind] + units
		return column(p, rows)
	}
	first := 1 + 4*l // w1 or w5
	prefix := map[string]string{"∂E/∂": "∂E/∂", "new": ""}[kind]
	var rowsText []string
	for i := 0; i < rows; i++ {
		var parts []string
		for j := 0; j < cols; j++ {
			if n.bias[l] && j == cols-1 {
				parts = append(parts, prefix+"b"+strconv.Itoa(l+1))
			} else {
				parts = append(parts, prefix+"w"+strconv.Itoa(first))
				first++
			}
		}
		rowsText = append(rowsText, "["+strings.Join(parts, " ")+"]")
	}
	return "[" + strings.Join(rowsText, " ") + "]"
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
