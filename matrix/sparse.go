package matrix

// This file holds the zero-skipping variant of the blocked kernel, which
// MulInto and MulTransAInto use when the left operand is mostly exact zeros,
// as image batches (Fashion-MNIST's backgrounds: about half of all pixels)
// and ReLU outputs are. Each 2-row strip of op(A) is packed without the k
// where both of its rows are zero, together with the list of the k kept,
// and the 2×3 register tile then runs over the kept k only. Image
// backgrounds are shared by neighbouring pixels and, less so, by different
// images, so on a Fashion-MNIST batch (51% zeros) this leaves out 45% of the
// terms of Xᵀ·δ (strips of two pixels) and 34% of those of X·W (strips of
// two images); the 1×6 tile that skips every single zero measured no faster
// than the dense kernel, its loads per multiply-add being 50% more.
//
// Skipping a term A[i,k]·B[k,j] with A[i,k] == 0 leaves every sum bit for
// bit as MulNaive computes it, provided B[k,j] is finite:
//
//   - the product is then ±0, and a running sum s that starts at +0 is never
//     −0 (under round-to-nearest x + y is −0 only when both are −0), so
//     s + (±0) == s, with the same sign, for every s;
//   - the other terms are still added one by one in the order k = 0, 1, 2, …,
//     each rounded before it is added.
//
// If B holds an Inf or a NaN, 0·B[k,j] is NaN and must not be skipped:
// packB then clears g.finite and the strips are packed whole. A NaN or Inf
// in A is not zero and is never skipped.

// sparseMin is the fraction of exact zeros in A, in 1/64ths, from which the
// zero-skipping kernel replaces the dense one.
const sparseMin = 16 // 25%

// useSparse reports whether op(a)·b should skip the zeros of a. It counts
// the zeros of every 7th element of a (a stride prime to most widths, so
// that the sample does not follow one column), which costs under 1% of the
// product's time at the sizes that get here. The choice only affects speed:
// either kernel gives the same result.
func useSparse(a *Matrix) bool {
	const stride = 7
	zeros, seen := 0, 0
	for i := 0; i < len(a.Data); i += stride {
		if a.Data[i] == 0 {
			zeros++
		}
		seen++
	}
	return zeros*64 >= sparseMin*seen && seen > 0
}

// mulSparse computes dst = op(a)·b (op is opMul or opTransA) with the
// blocked kernel leaving out the k where a strip of op(a) is zero, on
// several goroutines when the product is large. The result is MulNaive's
// bit for bit.
func mulSparse(op int, dst, a, b *Matrix, r, n, m int) {
	p := 1
	if r*n*m >= parallelMin {
		p = procs()
	}
	mulBlockedSkipP(op, dst, a, b, r, n, m, p, true)
}

// allFinite reports whether every value of s is finite: v·0 is NaN exactly
// when v is ±Inf or NaN.
func allFinite(s []float64) bool {
	acc := 0.0
	for _, v := range s {
		acc += v * 0
	}
	return acc == acc
}

// packASkip copies rows i0, i0+1 of op(a) into ap as packA does, leaving
// out every k where both are zero, writes the k kept into idx in increasing
// order, and returns how many it kept.
func (g *gemm) packASkip(ap [][mr]float64, idx []int32, i0 int) int {
	n, ad := g.n, g.a.Data
	h := min(mr, g.r-i0)
	ap, idx = ap[:n], idx[:n]
	c := 0
	if g.op == opTransA {
		// op(a)[i, k] = a[k, i]; a has g.r columns.
		r := g.r
		for k := range idx {
			v0, v1 := ad[k*r+i0], 0.0
			if h == mr {
				v1 = ad[k*r+i0+1]
			}
			// Write always, advance only past a nonzero pair: no branch
			// to mispredict on data whose zeros fall at random.
			ap[c] = [mr]float64{v0, v1}
			idx[c] = int32(k)
			c += nonzero(v0, v1)
		}
		return c
	}
	r0 := ad[i0*n : i0*n+n]
	r0 = r0[:len(idx)]
	var r1 []float64 // a missing second row reads as zeros
	if h == mr {
		r1 = ad[(i0+1)*n : (i0+1)*n+n]
	}
	for k, v0 := range r0 {
		v1 := 0.0
		if h == mr {
			v1 = r1[k]
		}
		ap[c] = [mr]float64{v0, v1}
		idx[c] = int32(k)
		c += nonzero(v0, v1)
	}
	return c
}

// nonzero returns 1 if x or y is not zero, else 0.
func nonzero(x, y float64) int {
	if x != 0 || y != 0 {
		return 1
	}
	return 0
}

// kernel2x3Skip is kernel2x3 over the kept k only: it returns the 2×3 tile
// Σ_t ap[t][i]·bp[idx[t]][j], each sum accumulated in the order of t
// (increasing k) in its own register.
func kernel2x3Skip(ap [][mr]float64, idx []int32, bp [][nr]float64) [mr][nr]float64 {
	var c00, c01, c02, c10, c11, c12 float64
	ap = ap[:len(idx)]
	for t, k := range idx {
		b := &bp[k]
		a0, a1 := ap[t][0], ap[t][1]
		c00 += float64(a0 * b[0])
		c01 += float64(a0 * b[1])
		c02 += float64(a0 * b[2])
		c10 += float64(a1 * b[0])
		c11 += float64(a1 * b[1])
		c12 += float64(a1 * b[2])
	}
	return [mr][nr]float64{{c00, c01, c02}, {c10, c11, c12}}
}
