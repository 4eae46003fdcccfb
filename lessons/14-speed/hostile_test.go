package main

import (
	"testing"

	"nnscratch/lessons/internal/lessontest"
)

// TestHostileData runs -fashion on image directories that are valid but
// unexpected, or built to exhaust memory: each must give one line naming
// the problem and exit 2, or run; none may panic or print NaN.
func TestHostileData(t *testing.T) {
	set := lessontest.Set
	small := lessontest.IDXDir(t, set(40, 10, 10, 0, 3, 9), set(10, 10, 10, 0, 3, 9))
	mixed := lessontest.IDXDir(t, set(40, 28, 28, 0, 3), set(10, 10, 10, 0, 3))
	empty := lessontest.IDXDir(t, set(20, 10, 10, 0), set(0, 10, 10, 0))
	bomb := lessontest.BombDir(t, set(4, 28, 28, 0), set(4, 28, 28, 0), 5000, 1000, 1000)
	big := lessontest.IDXDir(t, set(2, 2000, 1000, 0, 1), set(2, 2000, 1000, 0, 1))
	run1 := []string{"-fashion", "-epochs", "1", "-data"}
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: append(run1, small), Code: 0, Want: "100-100-10, relu + softmax"},
		{Args: append(run1, mixed), Code: 2, Want: "t10k-images-idx3-ubyte.gz holds images of 10x10 but "},
		{Args: append(run1, empty), Code: 2, Want: "t10k-images-idx3-ubyte.gz: holds no images"},
		{Args: append(run1, bomb), Code: 2, Want: "more than the budget of 256 MiB (-max-mb raises the budget)"},
		{Args: append(run1, big), Code: 2, Want: "the first weight matrix (2000000 pixels × 100) needs"},
		{Args: append(run1, "/nonexistent-dir"), Code: 2, Want: "-data /nonexistent-dir: /nonexistent-dir: neither"},
	})
}
