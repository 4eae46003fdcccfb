package main

import (
	"testing"

	"nnscratch/lessons/internal/lessontest"
)

// TestHostileData runs -fashion on image directories that are valid but
// unexpected, or built to exhaust memory: each must give one line naming
// the problem and exit 2, or run; none may panic or print NaN.
func TestHostileData(t *testing.T) {
	h := lessontest.HostileDirs(t, 0, 3, 9)
	big := lessontest.IDXDir(t, lessontest.Set(2, 2000, 1000, 0, 1), lessontest.Set(2, 2000, 1000, 0, 1))
	run1 := []string{"-fashion", "-epochs", "1", "-data"}
	lessontest.Runs(t, parseFlags, run, append(h.Refused(run1...), []lessontest.RunCase{
		{Args: append(run1, h.Small), Code: 0, Want: "100-100-10, relu + softmax"},
		{Args: append(run1, big), Code: 2, Want: "the first weight matrix (2000000 pixels × 100) needs"},
		{Args: append(run1, "/nonexistent-dir"), Code: 2, Want: `-data must be embedded, full or a directory, got "/nonexistent-dir"`},
	}...))
}
