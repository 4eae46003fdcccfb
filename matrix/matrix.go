package matrix

import (
	"errors"
	"fmt"
	"math"
)

// ErrShape is wrapped by the value every shape-mismatch panic carries.
var ErrShape = errors.New("dimension mismatch")

// Matrix is a dense r×c matrix of float64 stored row-major:
// element (i, j) is Data[i*Cols+j], and len(Data) == Rows*Cols.
type Matrix struct {
	Rows, Cols int
	Data       []float64
}

// New returns a zero r×c matrix. It panics with an error wrapping ErrShape
// if r or c is negative or r·c overflows an int.
func New(r, c int) *Matrix {
	if r < 0 || c < 0 || (c != 0 && r > math.MaxInt/c) {
		panic(fmt.Errorf("matrix: New %dx%d: negative or too large: %w", r, c, ErrShape))
	}
	return &Matrix{Rows: r, Cols: c, Data: make([]float64, r*c)}
}

// Zeros is New: it returns a zero r×c matrix, under numpy's name.
func Zeros(r, c int) *Matrix { return New(r, c) }

// FromSlice returns an r×c matrix that uses data as its backing slice (it
// does not copy). It panics if len(data) != r*c.
func FromSlice(r, c int, data []float64) *Matrix {
	if r < 0 || c < 0 || len(data) != r*c {
		panic(fmt.Errorf("matrix: FromSlice %dx%d with %d values: %w", r, c, len(data), ErrShape))
	}
	return &Matrix{Rows: r, Cols: c, Data: data}
}

// FromRows returns a matrix holding a copy of rows, one slice per row. It
// panics if the rows have different lengths. FromRows(nil) is the 0×0 matrix.
func FromRows(rows [][]float64) *Matrix {
	if len(rows) == 0 {
		return New(0, 0)
	}
	m := New(len(rows), len(rows[0]))
	for i, row := range rows {
		if len(row) != m.Cols {
			panic(fmt.Errorf("matrix: FromRows: row %d has %d values, row 0 has %d: %w", i, len(row), m.Cols, ErrShape))
		}
		copy(m.Data[i*m.Cols:], row)
	}
	return m
}

// Identity returns the n×n identity matrix.
func Identity(n int) *Matrix {
	m := New(n, n)
	for i := 0; i < n; i++ {
		m.Data[i*n+i] = 1
	}
	return m
}

// Generate returns the r×c matrix whose element (i, j) is f(i, j), calling f
// in row-major order.
func Generate(r, c int, f func(i, j int) float64) *Matrix {
	m := New(r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			m.Data[i*c+j] = f(i, j)
		}
	}
	return m
}

// At returns element (i, j). It panics if (i, j) is out of range.
func (m *Matrix) At(i, j int) float64 {
	m.check(i, j)
	return m.Data[i*m.Cols+j]
}

// Set sets element (i, j) to v. It panics if (i, j) is out of range.
func (m *Matrix) Set(i, j int, v float64) {
	m.check(i, j)
	m.Data[i*m.Cols+j] = v
}

func (m *Matrix) check(i, j int) {
	if i < 0 || i >= m.Rows || j < 0 || j >= m.Cols {
		panic(fmt.Errorf("matrix: index (%d, %d) out of range for %dx%d", i, j, m.Rows, m.Cols))
	}
}

// Row returns row i as a slice sharing m's storage: writing to it writes m.
func (m *Matrix) Row(i int) []float64 {
	if i < 0 || i >= m.Rows {
		panic(fmt.Errorf("matrix: row %d out of range for %dx%d", i, m.Rows, m.Cols))
	}
	return m.Data[i*m.Cols : (i+1)*m.Cols : (i+1)*m.Cols]
}

// Col returns a copy of column j.
func (m *Matrix) Col(j int) []float64 {
	if j < 0 || j >= m.Cols {
		panic(fmt.Errorf("matrix: column %d out of range for %dx%d", j, m.Rows, m.Cols))
	}
	out := make([]float64, m.Rows)
	for i := range out {
		out[i] = m.Data[i*m.Cols+j]
	}
	return out
}

// Rows2D returns a copy of m as a slice of rows, the inverse of FromRows.
func (m *Matrix) Rows2D() [][]float64 {
	out := make([][]float64, m.Rows)
	for i := range out {
		out[i] = append([]float64(nil), m.Data[i*m.Cols:(i+1)*m.Cols]...)
	}
	return out
}

// Clone returns a deep copy of m.
func (m *Matrix) Clone() *Matrix {
	return &Matrix{Rows: m.Rows, Cols: m.Cols, Data: append([]float64(nil), m.Data...)}
}

// Copy copies src into m. It panics if the shapes differ.
func (m *Matrix) Copy(src *Matrix) {
	sameShape("Copy", m, src)
	copy(m.Data, src.Data)
}

// Zero sets every element of m to 0.
func (m *Matrix) Zero() { clear(m.Data) }

// Shape returns (Rows, Cols).
func (m *Matrix) Shape() (r, c int) { return m.Rows, m.Cols }

// shapeError is the value shape panics carry: it names the operation and the
// shapes involved, and wraps ErrShape.
func shapeError(op string, a *Matrix, sym string, b *Matrix) error {
	return fmt.Errorf("matrix: %s %dx%d %s %dx%d: %w", op, a.Rows, a.Cols, sym, b.Rows, b.Cols, ErrShape)
}

// sameShape panics unless a and b have the same shape.
func sameShape(op string, a, b *Matrix) {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		panic(shapeError(op, a, "and", b))
	}
}

// dstShape panics unless dst is r×c.
func dstShape(op string, dst *Matrix, r, c int) {
	if dst.Rows != r || dst.Cols != c {
		panic(fmt.Errorf("matrix: %s: destination is %dx%d, want %dx%d: %w", op, dst.Rows, dst.Cols, r, c, ErrShape))
	}
}
