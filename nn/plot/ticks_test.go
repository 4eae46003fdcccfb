package plot

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{0, 1, 5, []float64{0, 0.5, 1}}, // a step of 0.25 is not 1-2-5
		{0, 1, 11, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}},
		{0.1, 0.3, 3, []float64{0.1, 0.2, 0.3}}, // 0.3/0.1 < 3 in floating point
		{-1.3, 2.7, 10, []float64{-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5}},
		{-3000, 63000, 8, []float64{0, 10000, 20000, 30000, 40000, 50000, 60000}},
		{0.11, 0.19, 2, []float64{0.15}},
		{0.5, 0.52, 5, []float64{0.5, 0.505, 0.51, 0.515, 0.52}},
		{-1e300, 1e300, 5, []float64{-1e300, -5e299, 0, 5e299, 1e300}},
		{1, 1 + 1e-12, 3, []float64{1, 1.0000000000005, 1.000000000001}},
		{0, 1, 0, []float64{0, 1}}, // fewer than 2 ticks asked counts as 2
		{5, 5, 4, []float64{5}},
		{1, 0, 4, nil},
		{nan, 1, 4, nil},
		{0, math.Inf(1), 4, nil},
	}
	for _, tt := range tests {
		if got := NiceTicks(tt.lo, tt.hi, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NiceTicks(%g, %g, %d): got %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
		}
	}
}

func TestNiceTicksExtremeRange(t *testing.T) {
	got := NiceTicks(-math.MaxFloat64, math.MaxFloat64, 5)
	if len(got) < 2 || len(got) > 5 {
		t.Fatalf("NiceTicks(-Max, Max, 5): got %d ticks %v, want 2 to 5", len(got), got)
	}
	for _, v := range got {
		if !finite(v) {
			t.Errorf("NiceTicks(-Max, Max, 5): got tick %g, want finite", v)
		}
	}
}

// TestNiceTicksProperties checks, over many ranges, that the ticks lie in
// the range, are evenly spaced with a 1-2-5 step, and respect the limit.
func TestNiceTicksProperties(t *testing.T) {
	for _, lo := range []float64{-7.3, -1, 0, 0.001, 3.14159, 250} {
		for _, span := range []float64{1e-6, 0.01, 0.7, 1, 13, 4500, 1e9} {
			for n := 2; n <= 12; n++ {
				hi := lo + span
				got := NiceTicks(lo, hi, n)
				if len(got) == 0 || len(got) > n {
					t.Fatalf("NiceTicks(%g, %g, %d): got %d ticks, want 1 to %d", lo, hi, n, len(got), n)
				}
				tol := span * 1e-9
				for _, v := range got {
					if v < lo-tol || v > hi+tol {
						t.Errorf("NiceTicks(%g, %g, %d): got tick %g outside the range", lo, hi, n, v)
					}
				}
				if len(got) < 2 {
					continue
				}
				step := got[1] - got[0]
				if !oneTwoFive(step) {
					t.Errorf("NiceTicks(%g, %g, %d): got step %g, want 1, 2 or 5 times a power of ten", lo, hi, n, step)
				}
			}
		}
	}
}

// oneTwoFive reports whether step is within 0.01% of 1, 2 or 5 times a
// power of ten (ticks far from zero lose digits when subtracted).
func oneTwoFive(step float64) bool {
	for _, c := range []float64{1, 2, 5} {
		e := math.Round(math.Log10(step / c))
		if math.Abs(step/(c*math.Pow(10, e))-1) < 1e-4 {
			return true
		}
	}
	return false
}

func TestLogTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0.001, 1000, 10, []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000}},
		{0.0007, 1400, 10, []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000}},
		{0.001, 1000, 4, []float64{0.01, 1, 100}},                    // every second decade
		{1e-12, 1e12, 6, []float64{1e-10, 1e-5, 1, 1e5, 1e10}},       // every fifth decade
		{0.003, 0.03, 10, []float64{0.005, 0.01, 0.02}},              // 1-2-5 within a decade or so
		{0.2, 0.8, 10, []float64{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}}, // all nine multiples
		{0.5, 0.52, 5, []float64{0.5, 0.505, 0.51, 0.515, 0.52}},     // too narrow: linear
		{0, 10, 5, nil},
		{-1, 10, 5, nil},
		{10, 1, 5, nil},
	}
	for _, tt := range tests {
		if got := LogTicks(tt.lo, tt.hi, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("LogTicks(%g, %g, %d): got %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
		}
	}
}

func TestLogTicksMinor(t *testing.T) {
	_, minor := logTicks(1, 100, 10)
	want := []float64{2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90}
	if !reflect.DeepEqual(minor, want) {
		t.Errorf("minor ticks of [1, 100]: got %v, want %v", minor, want)
	}
	if _, minor := logTicks(1e-12, 1e12, 6); minor != nil {
		t.Errorf("minor ticks when skipping decades: got %v, want none", minor)
	}
}

func TestTickLabels(t *testing.T) {
	tests := []struct {
		ticks []float64
		log   bool
		want  []string
	}{
		{[]float64{0, 0.5, 1}, false, []string{"0.0", "0.5", "1.0"}},
		{[]float64{0, 20000, 40000}, false, []string{"0", "20000", "40000"}},
		{[]float64{-0.25, 0, 0.25}, false, []string{"-0.25", "0.00", "0.25"}},
		{[]float64{math.Copysign(0, -1), 1}, false, []string{"0", "1"}},
		{[]float64{0, 2e6, 4e6}, false, []string{"0", "2e6", "4e6"}},
		{[]float64{1e-5, 1.5e-5, 2e-5}, false, []string{"1e-5", "1.5e-5", "2e-5"}},
		{[]float64{-1e300, 0, 1e300}, false, []string{"-1e300", "0", "1e300"}},
		{[]float64{0.001, 0.01, 0.1, 1, 10, 100, 1000}, true, []string{"0.001", "0.01", "0.1", "1", "10", "100", "1000"}},
		{[]float64{0.005, 0.01, 0.02}, true, []string{"0.005", "0.01", "0.02"}},
		{[]float64{1e-5, 1e-4, 1e-3}, true, []string{"1e-5", "1e-4", "1e-3"}},
		{[]float64{1, 1e3, 1e6}, true, []string{"1", "1e3", "1e6"}},
		{nil, false, []string{}},
	}
	for _, tt := range tests {
		if got := TickLabels(tt.ticks, tt.log); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TickLabels(%v, log %v): got %q, want %q", tt.ticks, tt.log, got, tt.want)
		}
	}
}

func ExampleNiceTicks() {
	ticks := NiceTicks(-0.07, 1.05, 6)
	fmt.Println(ticks)
	fmt.Println(TickLabels(ticks, false))
	// Output:
	// [0 0.2 0.4 0.6 0.8 1]
	// [0.0 0.2 0.4 0.6 0.8 1.0]
}

func ExampleLogTicks() {
	ticks := LogTicks(0.0007, 1400, 10)
	fmt.Println(TickLabels(ticks, true))
	fmt.Println(TickLabels(LogTicks(1e-7, 0.5, 10), true))
	// Output:
	// [0.001 0.01 0.1 1 10 100 1000]
	// [1e-7 1e-6 1e-5 1e-4 1e-3 1e-2 1e-1]
}

// TestTicksTinyRangeFarFromZero checks ranges only a few ulps wide, where
// counting ticks in float64 would never finish: they must return promptly
// with increasing ticks, and a chart of such a flat curve must render.
func TestTicksTinyRangeFarFromZero(t *testing.T) {
	cases := [][2]float64{
		{1, math.Nextafter(1, 2)},
		{1e300, math.Nextafter(1e300, 2e300)},
		{-1e20, math.Nextafter(-1e20, 0)},
	}
	for _, c := range cases {
		for _, ticks := range [][]float64{NiceTicks(c[0], c[1], 3), LogTicks(math.Abs(c[0]), math.Abs(c[0])*(1+1e-15), 5)} {
			if len(ticks) == 0 {
				t.Errorf("ticks for [%v, %v]: none, want at least one", c[0], c[1])
			}
			for i := 1; i < len(ticks); i++ {
				if !(ticks[i] > ticks[i-1]) {
					t.Errorf("ticks for [%v, %v] = %v: not increasing", c[0], c[1], ticks)
				}
			}
		}
	}
	chart := LineChart{Width: 300, Height: 200, Series: []Series{{Y: []float64{1, math.Nextafter(1, 2)}}}}
	if img := chart.Render(); img.Bounds().Dx() != 300 {
		t.Errorf("chart of a flat curve is %v, want 300 wide", img.Bounds())
	}
}
