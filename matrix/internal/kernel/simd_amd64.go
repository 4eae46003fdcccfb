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

// tile4x8SSE2 sets *t to the 4×8 tile Σ_q S[i,idx[q]]·bp[idx[q]][j] for
// q < n, as tile4x8Go does, with SSE2 (MULPD then ADDPD), where S[i,k] is
// the float64 k elements past ai (a0 … a3). n must be at least 1, idx
// must hold n entries, and bp and the rows of S every entry idx names.
//
//go:noescape
func tile4x8SSE2(a0, a1, a2, a3 *float64, idx *int32, bp *[vc]float64, n int, t *[vr][vc]float64)

// tile4x8AVX is tile4x8SSE2 with AVX (VMULPD then VADDPD on four float64).
// Only for machines where hasAVX is true.
//
//go:noescape
func tile4x8AVX(a0, a1, a2, a3 *float64, idx *int32, bp *[vc]float64, n int, t *[vr][vc]float64)

// tile4x8 sets *t to the 4×8 tile Σ_q S[i,idx[q]]·bp[idx[q]][j], S being
// the strip s, with the micro-kernel of the given level (see simd.go).
func tile4x8(level int, s *strip, idx []int32, bp [][vc]float64, t *[vr][vc]float64) {
	if len(idx) == 0 {
		*t = [vr][vc]float64{}
		return
	}
	if level < simdSSE2 {
		tile4x8Go(s, idx, bp, t)
		return
	}
	// The assembly reads A[i,k] and row k of bp for the k of idx, the
	// largest last: index them there once, so that a strip or panel too
	// short panics as Go's indexing would.
	last := idx[len(idx)-1]
	for _, o := range s.Off {
		_ = s.A[o+int(last)]
	}
	_ = bp[last]
	a0, a1, a2, a3 := &s.A[s.Off[0]], &s.A[s.Off[1]], &s.A[s.Off[2]], &s.A[s.Off[3]]
	if level == simdAVX {
		tile4x8AVX(a0, a1, a2, a3, &idx[0], &bp[0], len(idx), t)
	} else {
		tile4x8SSE2(a0, a1, a2, a3, &idx[0], &bp[0], len(idx), t)
	}
}
