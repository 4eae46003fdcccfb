package main

import (
	"testing"

	"nnscratch/lessons/internal/lessontest"
)

// TestHostileData runs the lesson on image directories that are valid but
// unexpected, or built to exhaust memory: each must give one line naming
// the problem and exit 2, or run; none may panic or print NaN.
func TestHostileData(t *testing.T) {
	h := lessontest.HostileDirs(t, 0, 3, 9)
	big := lessontest.IDXDir(t, lessontest.Set(2, 1000, 1000, 0, 1), lessontest.Set(2, 1000, 1000, 0, 1))
	run1 := []string{"-picture", "", "-epochs", "1", "-mlp-iter", "1", "-times=false", "-data"}
	lessontest.Runs(t, parseFlags, run, append(h.Refused(run1...), []lessontest.RunCase{
		{Args: append(run1, h.Small), Code: 0, Want: "network: 100-100-10 sigmoid"},
		{Args: append([]string{"-classes", "digits"}, append(run1, h.Small)...), Code: 0, Want: "digits from "},
		{Args: append(run1, big), Code: 2, Want: "the first weight matrix (1000000 pixels × -hidden 100) needs"},
		{Args: append([]string{"-hidden", "10"}, append(run1, big)...), Code: 0, Want: "network: 1000000-10-10"},
		{Args: []string{"-data", "/nonexistent-dir"}, Code: 2, Want: "-data must be embedded, full or a directory"},
		{Args: []string{"-epochs", "100000000000"}, Code: 2, Want: "-epochs must be in 1 … 1000000"},
	}...))
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
