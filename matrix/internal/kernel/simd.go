package kernel

// This file holds the 4×8 vector tile of the blocked product (blocked.go),
// whose micro-kernel works across the columns of C. For each kept k it
// broadcasts A[i,k] and, for a run of columns j … j+w of one row of C,
// computes
//
//	C[i,j:j+w] = C[i,j:j+w] + A[i,k]·B[k,j:j+w]
//
// with a packed multiply followed by a separate packed add (MULPD, ADDPD or
// VMULPD, VADDPD; never a fused multiply-add). Each lane of a vector
// register is one element of C, and it goes through exactly the scalar
// sequence s = 0; s = s + round(a·b); … in the order k = 0, 1, 2, …, so the
// result is matrix.MulNaive's bit for bit. On amd64 the micro-kernel is
// assembly (simd_amd64.s): SSE2, two float64 per register, on every amd64,
// and AVX, four, when CPUID and XGETBV say the processor and the operating
// system support it. Elsewhere tile4x8Go is the 4×8 micro-kernel, kept to
// test the packing everywhere, and the 2×3 tile of tile2x3.go, which keeps
// its sums in registers, is used instead.
//
// The strip of A is read in place (blocked.go): row i of the tile takes
// its A[i,k] from A[Off[i] + k], four rows that the micro-kernel walks
// together. With zero-skipping (sparse.go) the micro-kernel runs
// over the list of the k kept and reads row k of the B panel for each;
// without it the list is 0, 1, 2, …, so one micro-kernel serves both.

// vr×vc is the tile of the vector kernel: 4 rows of A against 8 columns of
// B. With AVX that is 8 accumulators of 4 float64, plus 2 for the row of B,
// 1 broadcast and 1 product: 12 of the 16 YMM registers. With SSE2 the
// micro-kernel computes the tile as two 4×4 halves, 8 XMM accumulators each.
const (
	vr = 4
	vc = 8
)

// The micro-kernels of the blocked product, from simdMax down. Level
// simdScalar is the 2×3 kernel of tile2x3.go; the others use the 4×8 tile.
const (
	simdScalar = iota // tile2x3, in Go (tile2x3.go)
	simdGo            // tile4x8Go: the 4×8 tile in Go (for testing the packing everywhere)
	simdSSE2          // the 4×8 tile in SSE2 assembly (amd64)
	simdAVX           // the 4×8 tile in AVX assembly (amd64 with AVX)
)

// simdLevel is the micro-kernel the blocked product uses: the fastest one
// this machine has (see simd_amd64.go and simd_other.go).
var simdLevel = bestSIMD()

// tile4x8Go sets t to the 4×8 tile Σ_q S[i,idx[q]]·bp[idx[q]][j], S being
// the strip s, each sum accumulated from 0 in the order of q, each
// product rounded before it is added: the micro-kernel of simd_amd64.s in
// Go, one element at a time.
func tile4x8Go(s *strip, idx []int32, bp [][vc]float64, t *[vr][vc]float64) {
	for i := range vr {
		for j := range vc {
			// One dot product per element, in a local as in MulNaive: a
			// NaN result then carries the same payload as MulNaive's.
			sum := 0.0
			for _, k := range idx {
				sum += float64(s.A[s.Off[i]+int(k)] * bp[k][j])
			}
			t[i][j] = sum
		}
	}
}
