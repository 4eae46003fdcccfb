package matrix

import (
	"fmt"

	"nnscratch/matrix/internal/kernel"
)

// Mul returns the matrix product a·b (numpy's np.dot for 2-D arrays):
//
//	C[i,j] = Σ_k A[i,k]·B[k,j]
//
// It panics unless a.Cols == b.Rows. Mul is MulInto into a new matrix, and
// its result equals MulNaive's bit for bit.
func Mul(a, b *Matrix) *Matrix {
	return MulInto(New(a.Rows, b.Cols), a, b)
}

// MulNaive returns a·b computed by the textbook triple loop, one dot product
// per element. It is the reference every faster kernel is tested against,
// and the loop to read first:
//
//	for i, for j: for k: C[i,j] += A[i,k]·B[k,j]
//
// Each product is rounded before it is added (float64(x*y)), so that no
// platform fuses the two into one multiply-add; the fast kernels do the same
// and so agree with MulNaive bit for bit. It costs r·n·m multiply-adds for
// an r×n · n×m product, and walks B down its columns, which makes it the
// slowest way to compute them. It panics unless a.Cols == b.Rows.
func MulNaive(a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	return mulNaive(New(a.Rows, b.Cols), a, b)
}

// mulNaive is MulNaive's triple loop, writing into dst.
func mulNaive(dst, a, b *Matrix) *Matrix {
	for i := 0; i < a.Rows; i++ {
		for j := 0; j < b.Cols; j++ {
			sum := 0.0
			for k := 0; k < a.Cols; k++ {
				sum += float64(a.Data[i*a.Cols+k] * b.Data[k*b.Cols+j])
			}
			dst.Data[i*dst.Cols+j] = sum
		}
	}
	return dst
}

// MulInto sets dst = a·b and returns dst. dst must be a.Rows×b.Cols and must
// not share storage with a or b. It panics on a shape mismatch.
//
// A small product runs the i-k-j loop of mulIKJ; from 16 rows and 48K
// multiply-adds (r·n·m) the fast kernels of package matrix/internal/kernel
// take over: packed operands, a register tile in SIMD assembly, zero terms
// skipped and, from 2M multiply-adds, several goroutines. Each gives
// MulNaive's result bit for bit. Once its buffers exist MulInto allocates
// nothing.
func MulInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	dstShape("MulInto", dst, a.Rows, b.Cols)
	return product(KernelAuto, kernel.Mul, dst, a, b, a.Rows, a.Cols, b.Cols)
}

// MulTransAInto sets dst = aᵀ·b without forming aᵀ and returns dst: the
// weight gradient ∂E/∂W = aᵀ·δ of backpropagation. dst must be
// a.Cols×b.Cols and must not share storage with a or b. It panics unless
// a.Rows == b.Rows. It chooses its kernel as MulInto does, and its result
// equals MulNaive(Transpose(a), b) bit for bit.
func MulTransAInto(dst, a, b *Matrix) *Matrix {
	if a.Rows != b.Rows {
		panic(shapeError("MulTransA", a, "ᵀ·", b))
	}
	dstShape("MulTransAInto", dst, a.Cols, b.Cols)
	return product(KernelAuto, kernel.TransA, dst, a, b, a.Cols, a.Rows, b.Cols)
}

// MulTransBInto sets dst = a·bᵀ without forming bᵀ and returns dst: the
// back-propagated error δ·Wᵀ. dst must be a.Rows×b.Rows and must not share
// storage with a or b. It panics unless a.Cols == b.Cols. It chooses its
// kernel as MulInto does (it never skips zeros), and its result equals
// MulNaive(a, Transpose(b)) bit for bit.
func MulTransBInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Cols {
		panic(shapeError("MulTransB", a, "·ᵀ", b))
	}
	dstShape("MulTransBInto", dst, a.Rows, b.Rows)
	return product(KernelAuto, kernel.TransB, dst, a, b, a.Rows, a.Cols, b.Rows)
}

// product sets dst = op(a)·op(b), an r×m product with inner dimension n
// whose shapes the caller has checked, with kernel k (see Kernel). MulInto
// and its transposed forms ask for KernelAuto: the simple loop below for a
// small product, the fast kernels of matrix/internal/kernel for a large one.
func product(k Kernel, op kernel.Op, dst, a, b *Matrix, r, n, m int) *Matrix {
	if k == KernelAuto && !kernel.Large(r, n, m) {
		k = KernelIKJ
	}
	switch k {
	case KernelAuto:
		kernel.Auto(op, dst.Data, a.Data, b.Data, r, n, m)
	case KernelNaive:
		if op == kernel.TransA {
			a = Transpose(a)
		} else if op == kernel.TransB {
			b = Transpose(b)
		}
		mulNaive(dst, a, b)
	case KernelIKJ:
		switch op {
		case kernel.Mul:
			mulIKJ(dst, a, b)
		case kernel.TransA:
			mulTransAKIJ(dst, a, b)
		case kernel.TransB:
			mulTransBDot(dst, a, b)
		}
	case KernelBlocked, KernelParallel, KernelSparse:
		p := kernel.Procs()
		if k == KernelBlocked {
			p = 1
		}
		kernel.Blocked(op, dst.Data, a.Data, b.Data, r, n, m, p, k == KernelSparse)
	default:
		panic(fmt.Sprintf("matrix: unknown kernel %v", k))
	}
	return dst
}

// mulIKJ sets dst = a·b with the i-k-j loop: for each row i of A it adds
// A[i,k]·(row k of B) to row i of C, for k = 0, 1, 2, …. The inner loop
// walks B and C contiguously, which makes it several times faster than the
// i-j-k order of MulNaive.
func mulIKJ(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	for i := 0; i < a.Rows; i++ {
		c := dst.Data[i*m : i*m+m]
		clear(c)
		for k, aik := range a.Data[i*n : i*n+n] {
			axpy(c, aik, b.Data[k*m:k*m+m])
		}
	}
}

// mulTransAKIJ sets dst = aᵀ·b by walking A and B row by row: row k of both
// adds A[k,i]·(row k of B) to row i of C.
func mulTransAKIJ(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	clear(dst.Data)
	for k := 0; k < a.Rows; k++ {
		brow := b.Data[k*m : k*m+m]
		for i, aki := range a.Data[k*n : k*n+n] {
			axpy(dst.Data[i*m:i*m+m], aki, brow)
		}
	}
}

// axpy adds s·x to y (BLAS's axpy), rounding each product before the sum.
// x and y have the same length.
func axpy(y []float64, s float64, x []float64) {
	x = x[:len(y)]
	for j, v := range x {
		y[j] += float64(s * v)
	}
}

// mulTransBDot sets dst = a·bᵀ as one dot product of rows per element.
func mulTransBDot(dst, a, b *Matrix) {
	n, m := a.Cols, b.Rows
	for i := 0; i < a.Rows; i++ {
		arow := a.Data[i*n : i*n+n]
		c := dst.Data[i*m : i*m+m]
		for j := range c {
			brow := b.Data[j*n : j*n+n]
			brow = brow[:len(arow)]
			sum := 0.0
			for k, v := range arow {
				sum += float64(v * brow[k])
			}
			c[j] = sum
		}
	}
}

// Transpose returns aᵀ: element (i, j) of the result is a[j, i].
func Transpose(a *Matrix) *Matrix {
	return TransposeInto(New(a.Cols, a.Rows), a)
}

// TransposeInto sets dst = aᵀ and returns dst. dst must be a.Cols×a.Rows and
// must not share storage with a.
func TransposeInto(dst, a *Matrix) *Matrix {
	dstShape("TransposeInto", dst, a.Cols, a.Rows)
	r, c := a.Rows, a.Cols
	for i := 0; i < r; i++ {
		row := a.Data[i*c : (i+1)*c]
		for j, v := range row {
			dst.Data[j*r+i] = v
		}
	}
	return dst
}
