package kernel

import (
	"math"
	"unsafe"
)

// This file says when the blocked kernel skips the zero terms of op(A), and
// why that changes no bit. Image batches (Fashion-MNIST's backgrounds: about
// half of all pixels) and ReLU outputs are mostly exact zeros. With skip set,
// each strip of op(A) is packed without the k where all of its rows are
// zero, together with the list of the k kept, and the register tile then
// runs over the kept k only. Image backgrounds are shared by neighbouring
// pixels and, less so, by different images, so on a Fashion-MNIST batch (51%
// zeros) the 2-row strips of the Go tile leave out 45% of the terms of Xᵀ·δ
// and 34% of those of X·W (1.4 and 1.1 times faster than the dense kernel);
// the 4-row strips of the vector tile share fewer zeros and are within noise
// of the dense kernel (BenchmarkSIMD). A 1×6 tile that skips every single
// zero measured no faster than the dense kernel, its loads per multiply-add
// being 50% more, and skipping A[i,k] == 0 one element at a time in the
// i-k-j loop made dense data 30% slower (BenchmarkSparse).
//
// Skipping a term A[i,k]·B[k,j] with A[i,k] == 0 leaves every sum bit for
// bit as the reference loop computes it, provided B[k,j] is finite:
//
//   - the product is then ±0, and a running sum s that starts at +0 is never
//     −0 (under round-to-nearest x + y is −0 only when both are −0), so
//     s + (±0) == s, with the same sign, for every s;
//   - the other terms are still added one by one in the order k = 0, 1, 2, …,
//     each rounded before it is added.
//
// The list of kept k is built without a branch on the data (notZero), since
// the zeros of an image fall where a branch predictor cannot guess them.
//
// If B holds an Inf or a NaN, 0·B[k,j] is NaN and must not be skipped: the
// kernel then packs the strips whole (TestSparseSpecialValues). A NaN or Inf
// in A is not zero and is never skipped.

// nonzeroK writes into idx, in increasing order, the k where some of the
// first h rows of the strip s is not zero, and returns how many.
func (g *gemm[P]) nonzeroK(s *strip, h int, idx []int32) int {
	a, n := s.A, g.n
	idx = idx[:n]
	kept := 0
	if h == vr { // four rows, read in order
		// With AVX, four k at a time (sparse_amd64.s), then the rest here.
		kept, k0 := nonzero4(g.level, a[s.Off[0]:s.Off[0]+n], a[s.Off[1]:s.Off[1]+n], a[s.Off[2]:s.Off[2]+n], a[s.Off[3]:s.Off[3]+n], idx)
		// The bits of the float64s, read straight into integer registers.
		u := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(a))), len(a))
		r0, r1, r2, r3 := u[s.Off[0]:s.Off[0]+n], u[s.Off[1]:s.Off[1]+n], u[s.Off[2]:s.Off[2]+n], u[s.Off[3]:s.Off[3]+n]
		r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
		for k := k0; k < len(r0); k++ {
			x := r0[k] | r1[k] | r2[k] | r3[k]
			idx[kept] = int32(k)
			kept += notZero(x)
		}
		return kept
	}
	for k := range idx {
		var x uint64
		for i := range h {
			x |= math.Float64bits(a[s.Off[i]+k])
		}
		idx[kept] = int32(k)
		kept += notZero(x)
	}
	return kept
}

// notZero returns 1 if the bits x, ORed from float64s, are those of some
// value other than ±0, else 0, without a branch.
func notZero(x uint64) int {
	x <<= 1 // drop the sign: −0 is zero
	return int((x | -x) >> 63)
}

// sparseMin is the fraction of exact zeros in A, in 1/64ths, from which Auto
// skips zero terms.
const sparseMin = 16 // 25%

// Sparse reports whether at least a quarter of a is exact zeros, judged
// from at most about sparseSamples elements taken at a prime stride (7, or
// a larger prime for long slices: a stride prime to most widths, so that the
// sample does not follow one column). Reading every 7th element of a
// 200×784 batch touched every cache line of it, 2% of a training step; the
// bounded sample costs a few microseconds. The answer only affects speed:
// the kernel gives the same result either way.
func Sparse(a []float64) bool {
	stride := sparseStrides[0]
	for _, p := range sparseStrides[1:] {
		if len(a)/p < sparseSamples {
			break
		}
		stride = p
	}
	zeros, seen := 0, 0
	for i := 0; i < len(a); i += stride {
		if a[i] == 0 {
			zeros++
		}
		seen++
	}
	return zeros*64 >= sparseMin*seen && seen > 0
}

// sparseSamples is about the most elements Sparse reads, and sparseStrides
// the primes it may step by, in increasing order.
const sparseSamples = 2048

var sparseStrides = [...]int{7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381}

// allFinite reports whether every value of s is finite: v·0 is NaN exactly
// when v is ±Inf or NaN. Four sums run side by side, so that the additions
// do not wait for each other.
func allFinite(s []float64) bool {
	var a0, a1, a2, a3 float64
	i := 0
	for ; i+4 <= len(s); i += 4 {
		e := s[i : i+4 : i+4]
		a0 += e[0] * 0
		a1 += e[1] * 0
		a2 += e[2] * 0
		a3 += e[3] * 0
	}
	for _, v := range s[i:] {
		a0 += v * 0
	}
	acc := a0 + a1 + a2 + a3
	return acc == acc
}
