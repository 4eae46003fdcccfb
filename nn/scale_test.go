package nn

import (
	"math"
	"testing"

	"nnscratch/matrix"
)

// forumX is the forum question's ten unscaled inputs (sepal length, petal
// length of ten Iris rows).
var forumX = [][]float64{{7, 4.7}, {6.3, 6}, {6.9, 4.9}, {6.4, 5.3}, {5.8, 5.1}, {5.5, 4}, {7.1, 5.9}, {6.3, 5.6}, {6.4, 4.5}, {7.7, 6.7}}

func TestStandardScaler(t *testing.T) {
	x := matrix.FromRows(forumX)
	var s StandardScaler
	z := s.FitTransform(x)
	for j := range 2 {
		col := z.Col(j)
		mean, ss := 0.0, 0.0
		for _, v := range col {
			mean += v
		}
		mean /= 10
		for _, v := range col {
			ss += (v - mean) * (v - mean)
		}
		if math.Abs(mean) > 1e-14 || math.Abs(math.Sqrt(ss/10)-1) > 1e-14 {
			t.Errorf("column %d: got mean %v and population sd %v, want 0 and 1", j, mean, math.Sqrt(ss/10))
		}
	}
	// Hand-computed: column 0 has mean 6.54 and Σ(x−mean)² = 3.784.
	if got, want := s.Scale[0], math.Sqrt(3.784/10); math.Abs(got-want) > 1e-14 || math.Abs(s.Mean[0]-6.54) > 1e-14 {
		t.Errorf("column 0: got mean %v sd %v, want 6.54 and %v", s.Mean[0], got, want)
	}
	if back := s.InverseTransform(z); !matrix.ApproxEqual(back, x, 1e-15) {
		t.Errorf("InverseTransform: got %v, want %v", back, x)
	}
	// A constant column is only centred.
	c := matrix.FromRows([][]float64{{2, 1}, {2, 3}})
	if got := new(StandardScaler).FitTransform(c); !matrix.Equal(got, matrix.FromRows([][]float64{{0, -1}, {0, 1}})) {
		t.Errorf("constant column: got %v, want [[0 -1] [0 1]]", got)
	}
}

func TestMinMaxScaler(t *testing.T) {
	x := matrix.FromRows([][]float64{{1, 10, 5}, {3, 20, 5}, {2, 30, 5}})
	tests := []struct {
		lo, hi float64
		want   [][]float64
	}{
		{0, 0, [][]float64{{0, 0, 0}, {1, 0.5, 0}, {0.5, 1, 0}}},
		{-1, 1, [][]float64{{-1, -1, -1}, {1, 0, -1}, {0, 1, -1}}},
	}
	for _, tt := range tests {
		s := MinMaxScaler{Lo: tt.lo, Hi: tt.hi}
		got := s.FitTransform(x)
		if !matrix.ApproxEqual(got, matrix.FromRows(tt.want), 1e-15) {
			t.Errorf("[%v, %v]: got %v, want %v", tt.lo, tt.hi, got, tt.want)
		}
		if back := s.InverseTransform(got); !matrix.ApproxEqual(back, x, 1e-15) {
			t.Errorf("[%v, %v] InverseTransform: got %v, want %v", tt.lo, tt.hi, back, x)
		}
	}
	mustPanicShape(t, "Transform width", func() { (&MinMaxScaler{}).Fit(x).Transform(matrix.New(1, 2)) })
}
