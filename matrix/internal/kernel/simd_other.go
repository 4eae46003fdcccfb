//go:build !amd64 || purego

package kernel

// bestSIMD returns simdScalar: without assembly, the 2×3 kernel, whose sums
// stay in registers, is faster than the 4×8 tile in Go.
func bestSIMD() int { return simdScalar }

// simdMax is the fastest micro-kernel this machine can run; the tests run
// every level up to it.
var simdMax = simdGo

// tile4x8 sets *t to the 4×8 tile Σ_q S[i,idx[q]]·bp[idx[q]][j] with
// tile4x8Go, the only 4×8 micro-kernel off amd64.
func tile4x8(level int, s *strip, idx []int32, bp [][vc]float64, t *[vr][vc]float64) {
	tile4x8Go(s, idx, bp, t)
}

// nonzero4 returns 0, 0 off amd64: nonzeroK does all the work in Go.
func nonzero4(level int, r0, r1, r2, r3 []float64, idx []int32) (kept, next int) {
	return 0, 0
}
