package main

import (
	"testing"

	"nnscratch/lessons/internal/lessontest"
)

// TestHostileData runs the lesson on image directories that are valid but
// unexpected, or built to exhaust memory: each must give one line naming
// the problem and exit 2, or run; none may panic or print NaN.
func TestHostileData(t *testing.T) {
	set := lessontest.Set
	small := lessontest.IDXDir(t, set(40, 10, 10, 0, 3, 9), set(10, 10, 10, 0, 3, 9))
	mixed := lessontest.IDXDir(t, set(40, 28, 28, 0, 3), set(10, 10, 10, 0, 3))
	empty := lessontest.IDXDir(t, set(20, 10, 10, 0), set(0, 10, 10, 0))
	bomb := lessontest.BombDir(t, set(4, 28, 28, 0), set(4, 28, 28, 0), 5000, 1000, 1000)
	big := lessontest.IDXDir(t, set(2, 1000, 1000, 0, 1), set(2, 1000, 1000, 0, 1))
	run1 := []string{"-picture", "", "-epochs", "1", "-mlp-iter", "1", "-times=false", "-data"}
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: append(run1, small), Code: 0, Want: "network: 100-100-10 sigmoid"},
		{Args: append([]string{"-classes", "digits"}, append(run1, small)...), Code: 0, Want: "digits from "},
		{Args: append(run1, mixed), Code: 2, Want: "t10k-images-idx3-ubyte.gz holds images of 10x10 but "},
		{Args: append(run1, empty), Code: 2, Want: "t10k-images-idx3-ubyte.gz: holds no images"},
		{Args: append(run1, bomb), Code: 2, Want: "more than the budget of 256 MiB (-max-mb raises the budget)"},
		{Args: append(run1, big), Code: 2, Want: "the first weight matrix (1000000 pixels × -hidden 100) needs"},
		{Args: append([]string{"-hidden", "10"}, append(run1, big)...), Code: 0, Want: "network: 1000000-10-10"},
		{Args: []string{"-data", "/nonexistent-dir"}, Code: 2, Want: "-data must be embedded, full or a directory"},
		{Args: []string{"-epochs", "100000000000"}, Code: 2, Want: "-epochs must be in 1 … 1000000"},
	})
}

// TestProgressETA checks that the time left is printed sensibly however
// long the run: a Duration overflows after 292 years.
func TestProgressETA(t *testing.T) {
	for _, tt := range []struct {
		s    float64
		want string
	}{{0.4, "0s"}, {3725, "1h2m5s"}, {1e12, "2.78e+08 h"}} {
		if got := seconds(tt.s); got != tt.want {
			t.Errorf("seconds(%g) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
