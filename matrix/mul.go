package matrix

// Mul returns the matrix product a·b (numpy's np.dot for 2-D arrays):
//
//	C[i,j] = Σ_k A[i,k]·B[k,j]
//
// It panics unless a.Cols == b.Rows. Mul uses the fast kernel of MulInto;
// MulNaive is the textbook triple loop it is tested against.
func Mul(a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	return MulInto(New(a.Rows, b.Cols), a, b)
}

// MulNaive returns a·b computed by the textbook triple loop, one dot product
// per element. It is the reference every faster kernel is tested against,
// and the loop to read first:
//
//	for i, for j: for k: C[i,j] += A[i,k]·B[k,j]
func MulNaive(a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	c := New(a.Rows, b.Cols)
	for i := 0; i < a.Rows; i++ {
		for j := 0; j < b.Cols; j++ {
			sum := 0.0
			for k := 0; k < a.Cols; k++ {
				sum += a.Data[i*a.Cols+k] * b.Data[k*b.Cols+j]
			}
			c.Data[i*c.Cols+j] = sum
		}
	}
	return c
}

// MulInto sets dst = a·b and returns dst. dst must be a.Rows×b.Cols and must
// not share storage with a or b. It panics on a shape mismatch.
func MulInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	dstShape("MulInto", dst, a.Rows, b.Cols)
	mulIKJ(dst, a, b)
	return dst
}

// mulIKJ is the i-k-j loop: for each row i of A, it adds A[i,k]·(row k of B)
// to row i of C. The inner loop then walks B and C contiguously, which is
// what makes it several times faster than the i-j-k order of MulNaive.
func mulIKJ(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	for i := 0; i < a.Rows; i++ {
		c := dst.Data[i*m : (i+1)*m]
		clear(c)
		arow := a.Data[i*n : (i+1)*n]
		for k, aik := range arow {
			brow := b.Data[k*m : (k+1)*m]
			brow = brow[:len(c)]
			for j, bkj := range brow {
				c[j] += aik * bkj
			}
		}
	}
}

// MulTransAInto sets dst = aᵀ·b without forming aᵀ and returns dst: the
// weight gradient ∂E/∂W = aᵀ·δ of backpropagation. dst must be
// a.Cols×b.Cols and must not share storage with a or b.
func MulTransAInto(dst, a, b *Matrix) *Matrix {
	if a.Rows != b.Rows {
		panic(shapeError("MulTransA", a, "ᵀ·", b))
	}
	dstShape("MulTransAInto", dst, a.Cols, b.Cols)
	dst.Zero()
	n, m := a.Cols, b.Cols
	for k := 0; k < a.Rows; k++ {
		arow := a.Data[k*n : (k+1)*n]
		brow := b.Data[k*m : (k+1)*m]
		for i, aki := range arow {
			c := dst.Data[i*m : (i+1)*m]
			c = c[:len(brow)]
			for j, bkj := range brow {
				c[j] += aki * bkj
			}
		}
	}
	return dst
}

// MulTransBInto sets dst = a·bᵀ without forming bᵀ and returns dst: the
// back-propagated error δ·Wᵀ. dst must be a.Rows×b.Rows and must not share
// storage with a or b.
func MulTransBInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Cols {
		panic(shapeError("MulTransB", a, "·ᵀ", b))
	}
	dstShape("MulTransBInto", dst, a.Rows, b.Rows)
	n := a.Cols
	for i := 0; i < a.Rows; i++ {
		arow := a.Data[i*n : (i+1)*n]
		c := dst.Data[i*b.Rows : (i+1)*b.Rows]
		for j := range c {
			brow := b.Data[j*n : (j+1)*n]
			brow = brow[:len(arow)]
			sum := 0.0
			for k, v := range arow {
				sum += v * brow[k]
			}
			c[j] = sum
		}
	}
	return dst
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
