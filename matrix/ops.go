package matrix

import (
	"fmt"
	"math"
)

// Add returns a + b, element by element. It panics if the shapes differ.
func Add(a, b *Matrix) *Matrix {
	return AddInto(New(a.Rows, a.Cols), a, b)
}

// AddInto sets dst = a + b and returns dst. dst may be a or b.
func AddInto(dst, a, b *Matrix) *Matrix {
	sameShape("Add", a, b)
	dstShape("AddInto", dst, a.Rows, a.Cols)
	d, x, y := dst.Data, a.Data, b.Data[:len(a.Data)]
	d = d[:len(x)]
	for i, v := range x {
		d[i] = v + y[i]
	}
	return dst
}

// Sub returns a − b, element by element. It panics if the shapes differ.
func Sub(a, b *Matrix) *Matrix {
	return SubInto(New(a.Rows, a.Cols), a, b)
}

// SubInto sets dst = a − b and returns dst. dst may be a or b.
func SubInto(dst, a, b *Matrix) *Matrix {
	sameShape("Sub", a, b)
	dstShape("SubInto", dst, a.Rows, a.Cols)
	d, x, y := dst.Data, a.Data, b.Data[:len(a.Data)]
	d = d[:len(x)]
	for i, v := range x {
		d[i] = v - y[i]
	}
	return dst
}

// Hadamard returns the element-wise (Hadamard) product a ∘ b, which gonum
// calls MulElem:
//
//	C[i,j] = A[i,j]·B[i,j]
//
// It panics if the shapes differ.
func Hadamard(a, b *Matrix) *Matrix {
	return HadamardInto(New(a.Rows, a.Cols), a, b)
}

// HadamardInto sets dst = a ∘ b and returns dst. dst may be a or b.
func HadamardInto(dst, a, b *Matrix) *Matrix {
	sameShape("Hadamard", a, b)
	dstShape("HadamardInto", dst, a.Rows, a.Cols)
	d, x, y := dst.Data, a.Data, b.Data[:len(a.Data)]
	d = d[:len(x)]
	for i, v := range x {
		d[i] = v * y[i]
	}
	return dst
}

// ScalarMul returns s·a (gonum's Scale).
func ScalarMul(s float64, a *Matrix) *Matrix {
	return ScalarMulInto(New(a.Rows, a.Cols), s, a)
}

// ScalarMulInto sets dst = s·a and returns dst. dst may be a.
func ScalarMulInto(dst *Matrix, s float64, a *Matrix) *Matrix {
	dstShape("ScalarMulInto", dst, a.Rows, a.Cols)
	d := dst.Data[:len(a.Data)]
	for i, v := range a.Data {
		d[i] = s * v
	}
	return dst
}

// AddScaledInto sets dst = a + s·b and returns dst (BLAS's axpy; the update
// W ← W − η·∂E/∂W is AddScaledInto(W, W, -η, grad)). dst may be a or b.
// The product s·b is rounded before the sum, so the result is the same on
// every architecture.
func AddScaledInto(dst, a *Matrix, s float64, b *Matrix) *Matrix {
	sameShape("AddScaled", a, b)
	dstShape("AddScaledInto", dst, a.Rows, a.Cols)
	d, x, y := dst.Data, a.Data, b.Data[:len(a.Data)]
	d = d[:len(x)]
	for i, v := range x {
		d[i] = v + float64(s*y[i])
	}
	return dst
}

// Apply returns the matrix whose elements are f applied to a's elements,
// in row-major order.
func Apply(f func(float64) float64, a *Matrix) *Matrix {
	return ApplyInto(New(a.Rows, a.Cols), f, a)
}

// ApplyInto sets dst[i,j] = f(a[i,j]) and returns dst. dst may be a.
func ApplyInto(dst *Matrix, f func(float64) float64, a *Matrix) *Matrix {
	dstShape("ApplyInto", dst, a.Rows, a.Cols)
	d := dst.Data[:len(a.Data)]
	for i, v := range a.Data {
		d[i] = f(v)
	}
	return dst
}

// SumRows returns the 1×Cols row of column sums, numpy's a.sum(axis=0):
// the bias gradient ∂E/∂b = Σ_rows δ.
func SumRows(a *Matrix) *Matrix {
	return SumRowsInto(New(1, a.Cols), a)
}

// SumRowsInto sets dst (1×a.Cols) to the column sums of a and returns dst.
// Rows are added in order, top to bottom, as numpy's pairwise sum does for
// fewer than eight rows.
func SumRowsInto(dst, a *Matrix) *Matrix {
	dstShape("SumRowsInto", dst, 1, a.Cols)
	d := dst.Data[:a.Cols]
	clear(d)
	for i := 0; i < a.Rows; i++ {
		row := a.Data[i*a.Cols : (i+1)*a.Cols]
		row = row[:len(d)]
		for j, v := range row {
			d[j] += v
		}
	}
	return dst
}

// AddRowVector returns a with the 1×Cols row v added to every row: the
// broadcast of a bias row, numpy's a + v.
func AddRowVector(a, v *Matrix) *Matrix {
	return AddRowVectorInto(New(a.Rows, a.Cols), a, v)
}

// AddRowVectorInto sets dst = a + v broadcast over the rows and returns dst.
// dst may be a. It panics unless v is 1×a.Cols.
func AddRowVectorInto(dst, a, v *Matrix) *Matrix {
	if v.Rows != 1 || v.Cols != a.Cols {
		panic(shapeError("AddRowVector", a, "+", v))
	}
	dstShape("AddRowVectorInto", dst, a.Rows, a.Cols)
	c := a.Cols
	for i := 0; i < a.Rows; i++ {
		d := dst.Data[i*c : (i+1)*c]
		x := a.Data[i*c : (i+1)*c]
		y := v.Data[:len(x)]
		for j := range x {
			d[j] = x[j] + y[j]
		}
	}
	return dst
}

// Equal reports whether a and b have the same shape and identical elements
// (NaN is never equal; +0 equals −0). It is ApproxEqual with tolerance 0.
func Equal(a, b *Matrix) bool { return ApproxEqual(a, b, 0) }

// ApproxEqual reports whether a and b have the same shape and every pair of
// elements satisfies |x − y| ≤ tol·max(1, |x|, |y|): an absolute tolerance
// near zero and a relative one for large values.
func ApproxEqual(a, b *Matrix, tol float64) bool {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		return false
	}
	y := b.Data[:len(a.Data)]
	for i, x := range a.Data {
		// Written so that a NaN on either side fails the test.
		if x != y[i] && !(math.Abs(x-y[i]) <= tol*max(1, math.Abs(x), math.Abs(y[i]))) {
			return false
		}
	}
	return true
}

// MaxAbsDiff returns max |a[i,j] − b[i,j]|. It panics if the shapes differ.
func MaxAbsDiff(a, b *Matrix) float64 {
	sameShape("MaxAbsDiff", a, b)
	m := 0.0
	y := b.Data[:len(a.Data)]
	for i, x := range a.Data {
		if d := math.Abs(x - y[i]); d > m || d != d {
			m = d
		}
	}
	return m
}

// Sum returns the sum of all elements of a.
func Sum(a *Matrix) float64 {
	s := 0.0
	for _, v := range a.Data {
		s += v
	}
	return s
}

// GoString returns a Go expression that rebuilds m, for %#v.
func (m *Matrix) GoString() string {
	return fmt.Sprintf("matrix.FromSlice(%d, %d, %#v)", m.Rows, m.Cols, m.Data)
}
