//go:build !purego

package kernel

// bestSIMD returns simdAVX if the processor has AVX and the operating
// system saves the YMM registers, else simdSSE2, which every amd64 has.
func bestSIMD() int {
	if hasAVX() {
		return simdAVX
	}
	return simdSSE2
}

// simdMax is the fastest micro-kernel this machine can run; the tests run
// every level up to it.
var simdMax = bestSIMD()

// tile4x8SSE2 sets *t to the 4×8 tile Σ_q ap[q][i]·bp[idx[q]][j] for q < n,
// as tile4x8Go does, with SSE2 (MULPD then ADDPD). n must be at least 1, and
// ap and idx must hold n entries and bp every entry idx names.
//
//go:noescape
func tile4x8SSE2(ap *[vr]float64, idx *int32, bp *[vc]float64, n int, t *[vr][vc]float64)

// tile4x8AVX is tile4x8SSE2 with AVX (VMULPD then VADDPD on four float64).
// Only for machines where hasAVX is true.
//
//go:noescape
func tile4x8AVX(ap *[vr]float64, idx *int32, bp *[vc]float64, n int, t *[vr][vc]float64)

// tile4x8 sets *t to the 4×8 tile Σ_q ap[q][i]·bp[idx[q]][j] with the
// micro-kernel of the given level (see simd.go).
func tile4x8(level int, ap [][vr]float64, idx []int32, bp [][vc]float64, t *[vr][vc]float64) {
	if len(idx) == 0 {
		*t = [vr][vc]float64{}
		return
	}
	ap = ap[:len(idx)] // the assembly reads len(idx) entries of ap
	switch level {
	case simdAVX:
		tile4x8AVX(&ap[0], &idx[0], &bp[0], len(idx), t)
	case simdSSE2:
		tile4x8SSE2(&ap[0], &idx[0], &bp[0], len(idx), t)
	default:
		tile4x8Go(ap, idx, bp, t)
	}
}
