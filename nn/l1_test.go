package nn

import (
	"math"
	"testing"

	"nnscratch/matrix"
)

// TestL1 checks L1Penalty on hand-worked weights and AddL1Grad against
// finite differences of the penalty away from W = 0, and its 0 at W = 0.
func TestL1(t *testing.T) {
	w1 := matrix.FromRows([][]float64{{0.5, -1}, {0, 2}})
	w2 := matrix.FromRows([][]float64{{-0.25}, {3}})
	net := NewNetwork(NewLayer(w1, matrix.New(1, 2), Tanh{}), NewLayer(w2, nil, Sigmoid{}))
	const alpha, n = 0.3, 4
	if got, want := net.L1Penalty(alpha, n), alpha*(0.5+1+0+2+0.25+3)/n; math.Abs(got-want) > 1e-15 {
		t.Errorf("L1Penalty: got %v, want %v", got, want)
	}
	if got := net.L1Penalty(0, n); got != 0 {
		t.Errorf("L1Penalty(0): got %v, want 0", got)
	}
	for _, l := range net.Layers {
		l.GradW.Zero()
	}
	net.AddL1Grad(alpha, n)
	const h = 1e-6
	for li, l := range net.Layers {
		for i, w := range l.W.Data {
			want := 0.0
			if w != 0 {
				l.W.Data[i] = w + h
				up := net.L1Penalty(alpha, n)
				l.W.Data[i] = w - h
				down := net.L1Penalty(alpha, n)
				l.W.Data[i] = w
				want = (up - down) / (2 * h)
			}
			if got := l.GradW.Data[i]; math.Abs(got-want) > 1e-8 {
				t.Errorf("layer %d, weight %d (= %v): gradient %v, want %v", li+1, i, w, got, want)
			}
		}
	}
}
