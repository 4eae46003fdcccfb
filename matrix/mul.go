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
//
// Each product is rounded before it is added (float64(x*y)), so that no
// platform fuses the two into one multiply-add; the fast kernels do the same
// and so agree with MulNaive bit for bit. It costs r·n·m multiply-adds for
// an r×n · n×m product, and walks B down its columns, which makes it the
// slowest way to compute them.
func MulNaive(a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	c := New(a.Rows, b.Cols)
	for i := 0; i < a.Rows; i++ {
		for j := 0; j < b.Cols; j++ {
			sum := 0.0
			for k := 0; k < a.Cols; k++ {
				sum += float64(a.Data[i*a.Cols+k] * b.Data[k*b.Cols+j])
			}
			c.Data[i*c.Cols+j] = sum
		}
	}
	return c
}

// MulInto sets dst = a·b and returns dst. dst must be a.Rows×b.Cols and must
// not share storage with a or b. It panics on a shape mismatch.
//
// MulInto picks the i-k-j loop, the packed register-blocked kernel or that
// kernel on several goroutines by the size of the product (see Kernels in
// the package documentation); each gives the same result as MulNaive, bit
// for bit. Once its buffers exist it allocates nothing.
func MulInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	dstShape("MulInto", dst, a.Rows, b.Cols)
	r, n, m := a.Rows, a.Cols, b.Cols
	if useBlocked(r, n, m) && useSparse(a) {
		mulSparse(opMul, dst, a, b, r, n, m)
	} else if useBlocked(r, n, m) {
		mulBlocked(opMul, dst, a, b, r, n, m)
	} else {
		mulIKJ(dst, a, b)
	}
	return dst
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
	r, n, m := a.Cols, a.Rows, b.Cols
	if useBlocked(r, n, m) && useSparse(a) {
		mulSparse(opTransA, dst, a, b, r, n, m)
	} else if useBlocked(r, n, m) {
		mulBlocked(opTransA, dst, a, b, r, n, m)
	} else {
		mulTransAKIJ(dst, a, b)
	}
	return dst
}

// MulTransBInto sets dst = a·bᵀ without forming bᵀ and returns dst: the
// back-propagated error δ·Wᵀ. dst must be a.Rows×b.Rows and must not share
// storage with a or b. It panics unless a.Cols == b.Cols. It chooses its
// kernel as MulInto does, and its result equals MulNaive(a, Transpose(b))
// bit for bit.
func MulTransBInto(dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Cols {
		panic(shapeError("MulTransB", a, "·ᵀ", b))
	}
	dstShape("MulTransBInto", dst, a.Rows, b.Rows)
	r, n, m := a.Rows, a.Cols, b.Rows
	if useBlocked(r, n, m) {
		mulBlocked(opTransB, dst, a, b, r, n, m)
	} else {
		mulTransBDot(dst, a, b)
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
