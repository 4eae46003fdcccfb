package nn

import "testing"

// TestPairwiseSum compares PairwiseSum with numpy 1.24's x.sum() of
// x[i] = 1/(i+1) + 0.1·i, printed by
//
//	np.array([1/(i+1) + 0.1*i for i in range(n)]).sum()
//
// at lengths where numpy's order and a plain loop differ (16 and 300) and
// where they agree (7).
func TestPairwiseSum(t *testing.T) {
	tests := []struct {
		n           int
		numpy, loop float64
	}{
		{7, 4.692857142857143, 4.692857142857143},
		{16, 15.380728993228994, 15.380728993228995},
		{300, 4491.2826638803, 4491.282663880303},
	}
	for _, tt := range tests {
		x := make([]float64, tt.n)
		loop := 0.0
		for i := range x {
			// float64 rounds 0.1·i as Python does; arm64 would fuse it.
			x[i] = 1/float64(i+1) + float64(0.1*float64(i))
			loop += x[i]
		}
		if got := PairwiseSum(x); got != tt.numpy || loop != tt.loop {
			t.Errorf("n = %d: PairwiseSum %v, loop %v; want numpy's %v and %v", tt.n, got, loop, tt.numpy, tt.loop)
		}
	}
	if got := PairwiseSum(nil); got != 0 {
		t.Errorf("PairwiseSum(nil) = %v, want 0", got)
	}
}
