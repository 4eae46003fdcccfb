package kernel

// This file holds the 2×3 register tile in Go, the micro-kernel of the
// blocked product where there is no assembly (off amd64, or under the purego
// build tag). simd.go has the 4×8 vector tile.

// mr×nr is the register tile in Go: 2 rows of A against 3 columns of B, 6
// accumulators (see tile2x3). Larger tiles spill to the stack and measured
// slower: see BenchmarkTile.
const (
	mr = 2
	nr = 3
)

// tile2x3 sets the 2×3 tile t[i][j] = Σ_q S[i,idx[q]]·bp[idx[q]][j], A
// being the strip s, accumulating each of its 6 sums in the order of q
// (increasing k) in its own register. Six accumulators, six products, two
// elements of A and one of B fill the 15 XMM registers Go's amd64 ABI
// leaves free (X15 is kept zero); a 2×4 tile already spills an accumulator
// to the stack in every iteration. It is the microKernel of the Go tile;
// level is unused.
func tile2x3(level int, s *strip, idx []int32, bp [][nr]float64, t *[vr][vc]float64) {
	var c00, c01, c02, c10, c11, c12 float64
	if len(idx) == 0 { // every k skipped, or n = 0: a may hold no row
		t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2] = 0, 0, 0, 0, 0, 0
		return
	}
	a0, a1 := s.A[s.Off[0]:], s.A[s.Off[1]:]
	for _, k := range idx {
		b := &bp[k]
		x0, x1 := a0[k], a1[k]
		c00 += float64(x0 * b[0])
		c01 += float64(x0 * b[1])
		c02 += float64(x0 * b[2])
		c10 += float64(x1 * b[0])
		c11 += float64(x1 * b[1])
		c12 += float64(x1 * b[2])
	}
	t[0][0], t[0][1], t[0][2] = c00, c01, c02
	t[1][0], t[1][1], t[1][2] = c10, c11, c12
}
