//go:build !purego

package kernel

// nonzero4AVX writes into idx, in increasing order, the k < n&^3 where
// some of the four rows r0 … r3 (n float64s each) is not ±0, and returns
// how many (sparse_amd64.s): four k at a time, with a table lookup in
// place of the branch-free step of nonzeroK. len(idx) must be at least n.
// Only for machines where hasAVX is true.
//
//go:noescape
func nonzero4AVX(r0, r1, r2, r3 *float64, n int, idx *int32) int

// keepLanes[m] lists the lanes whose bit is set in the 4-bit mask m, in
// increasing order, padded with zeros; keepCount[m] counts them; keepStep
// is the step of k between groups, in each lane.
var (
	keepLanes [16][4]int32
	keepCount [16]uint8
	keepStep  = [4]int32{4, 4, 4, 4}
)

func init() {
	for m := range keepLanes {
		for lane := range 4 {
			if m>>lane&1 != 0 {
				keepLanes[m][keepCount[m]] = int32(lane)
				keepCount[m]++
			}
		}
	}
}

// nonzero4 writes the kept k of the groups of four of rows r0 … r3 (each
// of length n, idx too) into idx with nonzero4AVX when level is simdAVX,
// and returns how many and the first k not looked at; else it returns 0, 0.
func nonzero4(level int, r0, r1, r2, r3 []float64, idx []int32) (kept, next int) {
	n := len(r0)
	if level != simdAVX || n < 4 {
		return 0, 0
	}
	_, _, _, _ = r1[n-1], r2[n-1], r3[n-1], idx[n-1]
	return nonzero4AVX(&r0[0], &r1[0], &r2[0], &r3[0], n, &idx[0]), n &^ 3
}
