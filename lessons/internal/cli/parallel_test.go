package cli

import "testing"

// TestParallel checks that Parallel calls f once for each of 0 … n−1,
// for no calls, fewer calls than cores and more.
func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		calls := make([]int, n)
		Parallel(n, func(i int) { calls[i]++ })
		for i, c := range calls {
			if c != 1 {
				t.Errorf("n = %d: f(%d) called %d times, want once", n, i, c)
			}
		}
	}
}
