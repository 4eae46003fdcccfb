package trace

import (
	"testing"

	"nnscratch/matrix"
)

// TestInts checks Ints against what numpy 1.24 prints for integer arrays.
func TestInts(t *testing.T) {
	tests := []struct {
		m    *matrix.Matrix
		want string
	}{
		{matrix.FromRows([][]float64{{0, 0, 1}, {1, 1, 1}}), "[[0 0 1]\n [1 1 1]]"},
		{matrix.FromRows([][]float64{{-1, 10}, {2, 3}}), "[[-1 10]\n [ 2  3]]"},
	}
	for _, tt := range tests {
		if got := Ints(tt.m); got != tt.want {
			t.Errorf("Ints(%v) = %q, want %q", tt.m.Data, got, tt.want)
		}
	}
}
