package data

import (
	"math"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

type toyGen func(Source, int, float64) (*matrix.Matrix, *matrix.Matrix)

var toys = map[string]toyGen{"Circle": Circle, "XOR": XOR, "Gauss": Gauss, "Spiral": Spiral, "Curve": Curve}

// TestToyDeterministic checks that a seed gives the same points every time
// and another seed other points.
func TestToyDeterministic(t *testing.T) {
	for name, gen := range toys {
		x1, y1 := gen(nprand.New(7), 101, 0.2)
		x2, y2 := gen(nprand.New(7), 101, 0.2)
		x3, _ := gen(nprand.New(8), 101, 0.2)
		if !matrix.Equal(x1, x2) || !matrix.Equal(y1, y2) {
			t.Errorf("%s: two runs with seed 7 differ", name)
		}
		if matrix.Equal(x1, x3) {
			t.Errorf("%s: seeds 7 and 8 give the same points", name)
		}
	}
}

// TestToyGeometry checks each set's shape and, without noise, its labels
// against its geometry.
func TestToyGeometry(t *testing.T) {
	const n = 301
	for name, gen := range toys {
		x, y := gen(nprand.New(1), n, 0)
		if x.Rows != n || y.Rows != n || y.Cols != 1 {
			t.Fatalf("%s: got x %dx%d, y %dx%d, want %d rows", name, x.Rows, x.Cols, y.Rows, y.Cols, n)
		}
		ones, sum := 0, [2]float64{}
		for i := range n {
			p, l := x.Row(i), y.At(i, 0)
			if l == 1 {
				ones++
			}
			var ok bool
			switch name {
			case "Circle":
				r := math.Hypot(p[0], p[1])
				ok = (l == 1) == (r <= 2.5) && r <= 5
			case "XOR":
				ok = (l == 1) == (p[0]*p[1] > 0) && math.Abs(p[0]) >= 0.3 && math.Abs(p[1]) >= 0.3
			case "Gauss":
				ok = (l == 1) == (i < n/2)
				sum[int(l)] += p[0] + p[1]
			case "Spiral":
				ok = math.Hypot(p[0], p[1]) <= 5+1e-12 && (l == 1) == (i < n/2)
			case "Curve":
				ok = l == math.Sin(p[0]) && math.Abs(p[0]) <= 5
			}
			if !ok {
				t.Errorf("%s: point %d %v has label %v", name, i, p, l)
			}
		}
		// Each Gauss cloud's mean of x1 + x2 lies near ±4 (sd 0.5·√2/√150).
		if m0, m1 := sum[0]/float64(n-n/2), sum[1]/float64(n/2); name == "Gauss" && (math.Abs(m0+4) > 0.3 || math.Abs(m1-4) > 0.3) {
			t.Errorf("Gauss: mean x1 + x2 %v (label 0) and %v (label 1), want about -4 and 4", m0, m1)
		}
		if name != "Curve" && name != "XOR" && ones != n/2 {
			t.Errorf("%s: %d points of label 1, want %d", name, ones, n/2)
		}
	}
}

// TestToyRefuses checks the panics on too few points and noise out of range.
func TestToyRefuses(t *testing.T) {
	for _, tc := range []struct {
		n     int
		noise float64
	}{{1, 0}, {10, -0.1}, {10, 1.5}, {10, math.NaN()}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Circle(%d, %v): no panic", tc.n, tc.noise)
				}
			}()
			Circle(nprand.New(1), tc.n, tc.noise)
		}()
	}
}
