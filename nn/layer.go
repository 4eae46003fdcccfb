package nn

import (
	"fmt"

	"nnscratch/matrix"
)

// A Layer is one dense (fully connected) layer: for a batch a_prev of
// samples in rows,
//
//	Z = a_prev·W + b      (b added to every row)
//	A = f(Z)
//
// W is fan_in×fan_out, the orientation of numpy code's X·W and of
// scikit-learn's coefs_: W[i,j] is the weight from input i to unit j.
// B is the 1×fan_out bias row, or nil for a layer without biases.
//
// Forward fills Z and A; Backward fills Delta = ∂E/∂Z, GradW = ∂E/∂W and
// GradB = ∂E/∂b. These buffers belong to the layer, are reused from call to
// call (reallocated only when a batch has more rows than any before), and
// are overwritten by the next pass: read or copy them before then.
type Layer struct {
	W, B *matrix.Matrix
	Act  Activation

	Z, A, Delta  *matrix.Matrix
	GradW, GradB *matrix.Matrix
}

// NewLayer returns a layer that uses the given weights w (fan_in×fan_out)
// and bias row b (1×fan_out, or nil for none) as its parameters, without
// copying them: build a network from explicit weight matrices this way.
// It panics with an error wrapping matrix.ErrShape if b does not fit w,
// and if act is nil.
func NewLayer(w, b *matrix.Matrix, act Activation) *Layer {
	if act == nil {
		panic("nn: NewLayer: nil activation")
	}
	if b != nil && (b.Rows != 1 || b.Cols != w.Cols) {
		panic(fmt.Errorf("nn: NewLayer: bias %dx%d for weights %dx%d, want 1x%d: %w",
			b.Rows, b.Cols, w.Rows, w.Cols, w.Cols, matrix.ErrShape))
	}
	l := &Layer{W: w, B: b, Act: act, GradW: matrix.New(w.Rows, w.Cols)}
	if b != nil {
		l.GradB = matrix.New(1, w.Cols)
	}
	return l
}

// Dense returns a fanIn→fanOut layer with zero weights (and a zero bias row
// if bias is set), to be filled by an Initializer or by hand.
func Dense(fanIn, fanOut int, bias bool, act Activation) *Layer {
	var b *matrix.Matrix
	if bias {
		b = matrix.New(1, fanOut)
	}
	return NewLayer(matrix.New(fanIn, fanOut), b, act)
}

// FanIn returns the number of inputs, W.Rows.
func (l *Layer) FanIn() int { return l.W.Rows }

// FanOut returns the number of units, W.Cols.
func (l *Layer) FanOut() int { return l.W.Cols }

// Forward computes Z = x·W + b and A = f(Z) for the batch x (rows =
// samples) and returns A. It panics with an error wrapping matrix.ErrShape
// unless x has FanIn columns. It allocates only when x has more rows than
// any earlier batch.
func (l *Layer) Forward(x *matrix.Matrix) *matrix.Matrix {
	l.Z = resized(l.Z, x.Rows, l.W.Cols)
	l.A = resized(l.A, x.Rows, l.W.Cols)
	matrix.MulInto(l.Z, x, l.W)
	if l.B != nil {
		matrix.AddRowVectorInto(l.Z, l.Z, l.B)
	}
	l.Act.Forward(l.A, l.Z)
	return l.A
}

// gradients sets GradW = a_prevᵀ·δ and GradB = Σ_rows δ from the layer's
// Delta and its input a_prev.
func (l *Layer) gradients(aPrev *matrix.Matrix) {
	l.ensureGrads()
	matrix.MulTransAInto(l.GradW, aPrev, l.Delta)
	if l.B != nil {
		matrix.SumRowsInto(l.GradB, l.Delta)
	}
}

// ensureGrads allocates the gradient matrices of a Layer built as a struct
// literal.
func (l *Layer) ensureGrads() {
	if l.GradW == nil || l.GradW.Rows != l.W.Rows || l.GradW.Cols != l.W.Cols {
		l.GradW = matrix.New(l.W.Rows, l.W.Cols)
	}
	if l.B != nil && (l.GradB == nil || l.GradB.Cols != l.B.Cols) {
		l.GradB = matrix.New(1, l.B.Cols)
	}
}

// resized returns the buffer m reshaped to r×c, reusing its storage when
// it is large enough and allocating otherwise.
func resized(m *matrix.Matrix, r, c int) *matrix.Matrix {
	if m == nil {
		return matrix.New(r, c)
	}
	if m.Rows == r && m.Cols == c {
		return m
	}
	if n := r * c; cap(m.Data) >= n {
		m.Rows, m.Cols, m.Data = r, c, m.Data[:n]
		return m
	}
	return matrix.New(r, c)
}
