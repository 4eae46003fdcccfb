package main

import (
	"fmt"

	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
)

// Elman is a simple recurrent network in the shape SNNS (and so RSNNS's
// elman) builds it: one layer of logistic hidden units, one context unit per
// hidden unit holding a copy of the hidden layer's previous output, and
// linear output units. For the input row x_t of time step t,
//
//	z_t = x_t·Wx + c_t·Wc + bh        (1×hidden)
//	h_t = σ(z_t)                       σ(z) = 1/(1+e⁻ᶻ)
//	ŷ_t = h_t·Wy + by                  (1×outputs, linear: linOut = TRUE)
//	c_{t+1} = λ·c_t + h_t              (the context units, fixed links)
//
// Wx, Wc, bh, Wy and by are trained; the links into the context units are
// not: each context unit copies its hidden unit with weight 1 and keeps λ of
// its own previous value (SNNS's JE_Weights sets λ = 0.3 by default; λ = 0
// is Elman's pure copy).
//
// Element (i, j) of a weight matrix is the weight from unit i of the layer
// below to unit j of the layer above: Wx is inputs×hidden, Wc hidden×hidden,
// Wy hidden×outputs; bh and by are bias rows.
//
// Backward computes the exact gradient of a sequence's loss by
// backpropagation through time (see Backward). The network's buffers are
// reused from call to call; an Elman value is not safe for concurrent use.
type Elman struct {
	Wx, Wc, Bh, Wy, By *matrix.Matrix

	// GradWx … GradBy hold ∂E/∂W for each parameter after Backward.
	GradWx, GradWc, GradBh, GradWy, GradBy *matrix.Matrix

	// Lambda is λ, the weight of each context unit's link to itself.
	Lambda float64

	// Per-step activations of the last Forward, one row per time step:
	// x is the input sequence, C the context c_t each step saw, Z the
	// weighted inputs z_t, H the hidden outputs h_t, Out the outputs ŷ_t.
	// Delta is ∂E/∂z_t from Backward.
	x                      *matrix.Matrix
	C, Z, H, Out, Delta, E *matrix.Matrix
	next                   []float64 // c_{T+1}, the context after the sequence
	gc, gh                 []float64 // ∂E/∂c_{t+1} and ∂E/∂h_t during Backward
	params                 []nn.Param
}

// NewElman returns an inputs→hidden→outputs Elman network with zero weights
// and context self-weight lambda. It panics if a size is below 1.
func NewElman(inputs, hidden, outputs int, lambda float64) *Elman {
	if inputs < 1 || hidden < 1 || outputs < 1 {
		panic(fmt.Sprintf("NewElman: sizes must be at least 1, got %d, %d, %d", inputs, hidden, outputs))
	}
	n := &Elman{
		Wx: matrix.New(inputs, hidden), Wc: matrix.New(hidden, hidden), Bh: matrix.New(1, hidden),
		Wy: matrix.New(hidden, outputs), By: matrix.New(1, outputs),
		GradWx: matrix.New(inputs, hidden), GradWc: matrix.New(hidden, hidden), GradBh: matrix.New(1, hidden),
		GradWy: matrix.New(hidden, outputs), GradBy: matrix.New(1, outputs),
		Lambda: lambda,
		next:   make([]float64, hidden), gc: make([]float64, hidden), gh: make([]float64, hidden),
	}
	n.params = []nn.Param{
		{Name: "Wx", Value: n.Wx, Grad: n.GradWx},
		{Name: "Wc", Value: n.Wc, Grad: n.GradWc},
		{Name: "bh", Value: n.Bh, Grad: n.GradBh},
		{Name: "Wy", Value: n.Wy, Grad: n.GradWy},
		{Name: "by", Value: n.By, Grad: n.GradBy},
	}
	return n
}

// Inputs returns the number of input units.
func (n *Elman) Inputs() int { return n.Wx.Rows }

// Hidden returns the number of hidden (and context) units.
func (n *Elman) Hidden() int { return n.Wx.Cols }

// Outputs returns the number of output units.
func (n *Elman) Outputs() int { return n.Wy.Cols }

// Params returns the trainable parameters Wx, Wc, bh, Wy, by with their
// gradients, for an optimiser step or nn.GradCheck. The slice is the same on
// every call.
func (n *Elman) Params() []nn.Param { return n.params }

// Init fills every trainable weight and bias uniformly in [lo, hi), drawn
// from src in the order Wx, Wc, bh, Wy, by, each in row-major order. SNNS's
// JE_Weights draws them in [−1, 1].
func (n *Elman) Init(src nn.Source, lo, hi float64) {
	for _, p := range n.params {
		nn.FillUniform(p.Value, src, lo, hi)
	}
}

// NumWeights returns the number of trainable weights and biases.
func (n *Elman) NumWeights() int {
	k := 0
	for _, p := range n.params {
		k += len(p.Value.Data)
	}
	return k
}

// grow makes the per-step buffers hold at least t rows.
func (n *Elman) grow(t int) {
	if n.H != nil && cap(n.H.Data) >= t*n.Hidden() {
		for _, m := range []*matrix.Matrix{n.C, n.Z, n.H, n.Delta} {
			m.Rows, m.Data = t, m.Data[:t*n.Hidden()]
		}
		for _, m := range []*matrix.Matrix{n.Out, n.E} {
			m.Rows, m.Data = t, m.Data[:t*n.Outputs()]
		}
		return
	}
	n.C, n.Z, n.H, n.Delta = matrix.New(t, n.Hidden()), matrix.New(t, n.Hidden()), matrix.New(t, n.Hidden()), matrix.New(t, n.Hidden())
	n.Out, n.E = matrix.New(t, n.Outputs()), matrix.New(t, n.Outputs())
}

// Forward runs the sequence x (one time step per row, Inputs columns) through
// the network starting from the context c0 (Hidden values) and returns the
// outputs, one row per step. The returned matrix and the per-step
// activations stay valid until the next Forward. Context returns c_{T+1},
// the context to carry into the next sequence. Forward panics with an error
// wrapping matrix.ErrShape if x or c0 has the wrong width. It costs
// O(T·hidden·(inputs+hidden+outputs)) and allocates only when x is longer than
// any sequence before.
func (n *Elman) Forward(x *matrix.Matrix, c0 []float64) *matrix.Matrix {
	if x.Cols != n.Inputs() || len(c0) != n.Hidden() {
		panic(fmt.Errorf("Elman.Forward: input %dx%d, context %d for a %d-%d-%d network: %w",
			x.Rows, x.Cols, len(c0), n.Inputs(), n.Hidden(), n.Outputs(), matrix.ErrShape))
	}
	n.x = x
	n.grow(x.Rows)
	nh, ni, no := n.Hidden(), n.Inputs(), n.Outputs()
	c := n.next
	copy(c, c0)
	for t := 0; t < x.Rows; t++ {
		ct := n.C.Data[t*nh : (t+1)*nh]
		ht := n.H.Data[t*nh : (t+1)*nh]
		xt := x.Data[t*ni : (t+1)*ni]
		copy(ct, c)
		// z_t = x_t·Wx + c_t·Wc + bh, h_t = σ(z_t). Every product is
		// rounded before it is added (float64), as package matrix does:
		// Go may otherwise fuse them into multiply-adds on arm64, and the
		// bits would differ from amd64's.
		for j := range nh {
			z := n.Bh.Data[j]
			for i, v := range xt {
				z += float64(v * n.Wx.Data[i*nh+j])
			}
			for i, v := range ct {
				z += float64(v * n.Wc.Data[i*nh+j])
			}
			n.Z.Data[t*nh+j] = z
			ht[j] = 1 / (1 + portable.Exp(-z))
		}
		// ŷ_t = h_t·Wy + by
		for k := range no {
			y := n.By.Data[k]
			for j, v := range ht {
				y += float64(v * n.Wy.Data[j*no+k])
			}
			n.Out.Data[t*no+k] = y
		}
		// c_{t+1} = λ·c_t + h_t
		for j := range c {
			c[j] = float64(n.Lambda*ct[j]) + ht[j]
		}
	}
	return n.Out
}

// Context returns c_{T+1}, the context after the last Forward's final step
// (λ·c_T + h_T): the state to carry into the next piece of the series. The
// slice is overwritten by the next Forward.
func (n *Elman) Context() []float64 { return n.next }

// Loss returns the loss of the last Forward's outputs against the targets y
// (one row per step), the mean over the T steps of half the squared error:
//
//	E = (1/2T) Σ_t ‖ŷ_t − y_t‖²
//
// For T = 1 this is the per-pattern error whose gradient SNNS's JE_BP
// descends. It panics with an error wrapping matrix.ErrShape if y's shape
// differs from the outputs'.
func (n *Elman) Loss(y *matrix.Matrix) float64 {
	n.checkTargets(y)
	return nn.SSE{}.Value(n.Out, y) / float64(2*y.Rows)
}

func (n *Elman) checkTargets(y *matrix.Matrix) {
	if n.x == nil || y.Rows != n.Out.Rows || y.Cols != n.Out.Cols {
		panic(fmt.Errorf("Elman: targets %dx%d for outputs %dx%d (has Forward run?): %w",
			y.Rows, y.Cols, n.Out.Rows, n.Out.Cols, matrix.ErrShape))
	}
}

// Backward fills the gradients of Loss(y) for the last Forward by
// backpropagation through time: the error of every step flows back through
// the context units into all the earlier steps of the sequence. With
// e_t = (ŷ_t − y_t)/T and g_{T+1} = 0 (nothing after the sequence):
//
//	∂E/∂Wy = Σ_t h_tᵀ·e_t            ∂E/∂by = Σ_t e_t
//	for t = T … 1:
//	  ∂E/∂h_t = e_t·Wyᵀ + g_{t+1}     (h_t reaches ŷ_t, and c_{t+1} with weight 1)
//	  δ_t = ∂E/∂h_t ⊙ h_t(1 − h_t)    (∂E/∂z_t)
//	  g_t = δ_t·Wcᵀ + λ·g_{t+1}       (∂E/∂c_t: c_t reaches z_t, and c_{t+1} with weight λ)
//	∂E/∂Wx = Σ_t x_tᵀ·δ_t            ∂E/∂Wc = Σ_t c_tᵀ·δ_t       ∂E/∂bh = Σ_t δ_t
//
// g_1, the gradient with respect to the starting context, is dropped: the
// context carried in from an earlier piece of the series is treated as a
// given input (truncated backpropagation through time). It panics with an
// error wrapping matrix.ErrShape if y's shape differs from the outputs'.
// It costs about twice a Forward and allocates nothing.
func (n *Elman) Backward(y *matrix.Matrix) {
	n.checkTargets(y)
	T, nh, no := y.Rows, n.Hidden(), n.Outputs()
	matrix.SubInto(n.E, n.Out, y)
	matrix.ScalarMulInto(n.E, 1/float64(T), n.E)
	clear(n.gc) // g_{T+1} = 0
	for t := T - 1; t >= 0; t-- {
		ht := n.H.Data[t*nh : (t+1)*nh]
		et := n.E.Data[t*no : (t+1)*no]
		dt := n.Delta.Data[t*nh : (t+1)*nh]
		for j := range nh {
			g := n.gc[j]
			for k, e := range et {
				g += float64(e * n.Wy.Data[j*no+k])
			}
			dt[j] = g * ht[j] * (1 - ht[j])
		}
		for i := range nh {
			g := n.Lambda * n.gc[i]
			for j, d := range dt {
				g += float64(d * n.Wc.Data[i*nh+j])
			}
			n.gh[i] = g
		}
		n.gc, n.gh = n.gh, n.gc
	}
	matrix.MulTransAInto(n.GradWy, n.H, n.E)
	matrix.SumRowsInto(n.GradBy, n.E)
	matrix.MulTransAInto(n.GradWx, n.x, n.Delta)
	matrix.MulTransAInto(n.GradWc, n.C, n.Delta)
	matrix.SumRowsInto(n.GradBh, n.Delta)
}

// Step moves every parameter against its gradient: W ← W − η·∂E/∂W.
func (n *Elman) Step(eta float64) { nn.GD{}.Step(n.params, eta) }
