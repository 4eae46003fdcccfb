//go:build !purego

package kernel

import (
	"math"
	"testing"
)

// ordinary reports whether portable.Exp(x) takes its ordinary path, the one
// expAVX runs: x is a number no greater than the overflow threshold and the
// biased exponent k+1023 of the result, k = round(x·log2(e)), is in
// 1…2046.
func ordinary(x float64) bool {
	if math.IsNaN(x) || x > 7.09782712893384e+02 {
		return false
	}
	k := math.RoundToEven(float64(x * math.Log2E))
	return k+1023 >= 1 && k+1023 <= 0x7FE
}

// TestExpAVXHandlesOrdinaryGroups checks that the assembly handles a group
// of four itself exactly when every lane takes portable.Exp's ordinary
// path, and that it does so for most groups (the values are checked in
// exp_test.go).
func TestExpAVXHandlesOrdinaryGroups(t *testing.T) {
	if !useExpAVX {
		t.Skip("no AVX and FMA: Exp and Sigmoid leave everything to portable.Exp")
	}
	x := randomInputs(11, -745.2, 710, 400_000)
	x = append(x, randomInputs(12, -40, 40, 400_000)...)
	x = append(x, expEdges()...)
	x = x[:len(x)&^3]
	got := make([]float64, 4)
	grouped := 0
	for g := 0; g < len(x); g += 4 {
		want := 4
		for _, v := range x[g : g+4] {
			if !ordinary(v) {
				want = 0
			}
		}
		if n := expAVX(&got[0], &x[g], 4); n != want {
			t.Fatalf("expAVX of %v: handled %d, want %d", x[g:g+4], n, want)
		}
		grouped += want / 4
	}
	if grouped < len(x)/8 {
		t.Errorf("expAVX: got %d of %d groups handled in assembly, want most", grouped, len(x)/4)
	}
}
