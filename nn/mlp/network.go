package mlp

import (
	"fmt"
	"math"

	"nnscratch/matrix"
)

// network is the arithmetic both estimators share: the weights, the forward
// pass, the loss and its gradient. Every step follows the order of
// operations of scikit-learn 1.2 so that the rounding agrees with it.
type network struct {
	hidden Activation
	out    Activation // Logistic, Softmax or Identity
	alpha  float64
	coefs  []*matrix.Matrix // coefs[i] is fan_in×fan_out
	ints   [][]float64      // ints[i] has fan_out elements

	// Buffers for one batch, reallocated when the batch size changes.
	acts   []*matrix.Matrix // acts[0] is the batch, acts[i+1] layer i's output
	deltas []*matrix.Matrix // deltas[i] = ∂E/∂z of layer i, summed over the batch
	gCoefs []*matrix.Matrix // gradients, shaped as coefs
	gInts  [][]float64      // gradients, shaped as ints
}

// newNetwork draws Glorot-uniform weights for layer sizes units from rng,
// layer by layer, the weights row by row and then the intercepts, with the
// bound √(f/(fan_in+fan_out)), f = 2 for the logistic activation and 6
// otherwise.
func newNetwork(units []int, hidden, out Activation, alpha float64, rng uniformSource) *network {
	n := &network{hidden: hidden, out: out, alpha: alpha}
	f := 6.0
	if hidden == Logistic {
		f = 2.0
	}
	for i := 0; i+1 < len(units); i++ {
		in, o := units[i], units[i+1]
		bound := math.Sqrt(f / float64(in+o))
		w := matrix.New(in, o)
		rng.FillUniform(w.Data, -bound, bound)
		b := make([]float64, o)
		rng.FillUniform(b, -bound, bound)
		n.coefs = append(n.coefs, w)
		n.ints = append(n.ints, b)
		n.gCoefs = append(n.gCoefs, matrix.New(in, o))
		n.gInts = append(n.gInts, make([]float64, o))
	}
	return n
}

// uniformSource is the part of nprand.RandomState the initialisation needs.
type uniformSource interface {
	FillUniform(dst []float64, low, high float64)
}

// layers returns the number of weight matrices (n_layers_ − 1).
func (n *network) layers() int { return len(n.coefs) }

// ensure sizes the per-batch buffers for a batch of rows rows.
func (n *network) ensure(rows int) {
	if len(n.acts) > 0 && n.acts[0].Rows == rows {
		return
	}
	L := n.layers()
	n.acts = make([]*matrix.Matrix, L+1)
	n.deltas = make([]*matrix.Matrix, L)
	n.acts[0] = matrix.New(rows, n.coefs[0].Rows)
	for i, w := range n.coefs {
		n.acts[i+1] = matrix.New(rows, w.Cols)
		n.deltas[i] = matrix.New(rows, w.Cols)
	}
}

// forward computes every layer's output for the rows in n.acts[0]:
//
//	a[i+1] = g(a[i]·W[i] + b[i])
//
// with g the hidden activation, and the output activation on the last layer.
func (n *network) forward() *matrix.Matrix {
	L := n.layers()
	for i := 0; i < L; i++ {
		z := n.acts[i+1]
		matrix.MulInto(z, n.acts[i], n.coefs[i])
		addRow(z, n.ints[i])
		if i == L-1 {
			activate(n.out, z)
		} else {
			activate(n.hidden, z)
		}
	}
	return n.acts[L]
}

// predict runs the forward pass on X (rows×features) and returns a new
// rows×outputs matrix of outputs. It panics with matrix.ErrShape if X has the
// wrong number of columns.
func (n *network) predict(X *matrix.Matrix) *matrix.Matrix {
	if X.Cols != n.coefs[0].Rows {
		panic(fmt.Errorf("mlp: predict on %dx%d data, network has %d inputs: %w",
			X.Rows, X.Cols, n.coefs[0].Rows, matrix.ErrShape))
	}
	a := X
	for i, w := range n.coefs {
		z := matrix.Mul(a, w)
		addRow(z, n.ints[i])
		if i == len(n.coefs)-1 {
			activate(n.out, z)
		} else {
			activate(n.hidden, z)
		}
		a = z
	}
	return a
}

// backprop loads the batch (X rows idx, targets Y rows idx; idx nil means
// all rows), computes the loss with its L2 term and leaves the gradient in
// gCoefs and gInts:
//
//	E = loss + α/(2n)·Σ‖W‖²
//	δ_out = a_out − y,   δ[i−1] = (δ[i]·W[i]ᵀ) ∘ g'(a[i])
//	∂E/∂W[i] = (a[i]ᵀ·δ[i] + α·W[i]) / n,   ∂E/∂b[i] = mean over rows of δ[i]
func (n *network) backprop(X, Y *matrix.Matrix, idx []int) float64 {
	rows := X.Rows
	if idx != nil {
		rows = len(idx)
	}
	n.ensure(rows)
	gather(n.acts[0], X, idx)
	y := n.deltas[n.layers()-1] // holds the targets until δ_out is formed
	gather(y, Y, idx)
	out := n.forward()
	loss := lossValue(n.out, y, out)
	var sq float64
	for _, w := range n.coefs {
		sq += dot(w.Data, w.Data)
	}
	ns := float64(rows)
	loss += (0.5 * n.alpha) * sq / ns

	last := n.layers() - 1
	matrix.SubInto(n.deltas[last], out, y)
	for i := last; i >= 0; i-- {
		if i < last {
			matrix.MulTransBInto(n.deltas[i], n.deltas[i+1], n.coefs[i+1])
			derivative(n.hidden, n.acts[i+1], n.deltas[i])
		}
		g := n.gCoefs[i]
		matrix.MulTransAInto(g, n.acts[i], n.deltas[i])
		for k, w := range n.coefs[i].Data {
			g.Data[k] = (g.Data[k] + float64(n.alpha*w)) / ns
		}
		columnMeans(n.gInts[i], n.deltas[i])
	}
	return loss
}

// gather copies rows idx of src (all rows when idx is nil) into dst.
func gather(dst, src *matrix.Matrix, idx []int) {
	if idx == nil {
		copy(dst.Data, src.Data)
		return
	}
	c := src.Cols
	for r, i := range idx {
		copy(dst.Data[r*c:(r+1)*c], src.Data[i*c:(i+1)*c])
	}
}

// addRow adds b to every row of z.
func addRow(z *matrix.Matrix, b []float64) {
	for r := 0; r < z.Rows; r++ {
		row := z.Data[r*z.Cols : (r+1)*z.Cols]
		for j := range row {
			row[j] += b[j]
		}
	}
}

// columnMeans sets dst[j] to the mean of column j of d, adding the rows top
// to bottom and dividing by their number, as numpy's mean over axis 0 does.
func columnMeans(dst []float64, d *matrix.Matrix) {
	if d.Cols == 1 { // a single column is contiguous: numpy sums it pairwise
		dst[0] = pairwiseSum(d.Data) / float64(d.Rows)
		return
	}
	clear(dst)
	for r := 0; r < d.Rows; r++ {
		for j, v := range d.Data[r*d.Cols : (r+1)*d.Cols] {
			dst[j] += v
		}
	}
	for j := range dst {
		dst[j] /= float64(d.Rows)
	}
}

// dot returns Σ x[i]·y[i], added in order.
func dot(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		s += float64(v * y[i])
	}
	return s
}

// pairwiseSum adds x the way numpy's sum does for a contiguous array: in
// blocks of at most 128 split in halves (rounded down to a multiple of 8),
// each block with eight interleaved partial sums combined as
// ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), and fewer than eight values in order.
func pairwiseSum(x []float64) float64 {
	n := len(x)
	switch {
	case n < 8:
		var s float64
		for _, v := range x {
			s += v
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], x[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for k := range r {
				r[k] += x[i+k]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += x[i]
		}
		return s
	default:
		h := n / 2
		h -= h % 8
		return pairwiseSum(x[:h]) + pairwiseSum(x[h:])
	}
}
