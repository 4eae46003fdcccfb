package main

import (
	"testing"

	"nnscratch/lessons/internal/lessontest"
)

// TestHostileData runs the lesson on image directories that are valid but
// unexpected, or built to exhaust memory: each must give one line naming
// the problem and exit 2, or run; none may panic or print NaN.
func TestHostileData(t *testing.T) {
	const tshirt, shirt, trouser = 0, 6, 1
	set := lessontest.Set
	h := lessontest.HostileDirs(t, tshirt, shirt)
	others := lessontest.IDXDir(t, set(40, 10, 10, trouser), set(10, 10, 10, trouser))
	big := lessontest.IDXDir(t, set(2, 1000, 1000, tshirt, shirt), set(2, 1000, 1000, tshirt, shirt))
	run1 := []string{"-out", "", "-epochs", "1", "-data"}
	lessontest.Runs(t, parseFlags, run, append(h.Refused(run1...), []lessontest.RunCase{
		{Args: append(run1, h.Small), Code: 0, Want: "network: 100-50-1"},
		{Args: append(run1, others), Code: 2, Want: "the training set holds no images of the classes T-shirt/top, Shirt"},
		{Args: append([]string{"-max-mb", "1"}, append(run1, h.Small)...), Code: 0, Want: "test accuracy"},
		{Args: append([]string{"-hidden", "100"}, append(run1, big)...), Code: 2, Want: "the first weight matrix (1000000 pixels × 100 hidden units) needs 1000000×100 = 1e+08 values"},
		{Args: append([]string{"-tune", "batch", "-values", "100"}, append(run1, big)...), Code: 2, Want: "a mini-batch (100 images × 1000000 pixels)"},
		{Args: append(run1, "/nonexistent-dir"), Code: 2, Want: `-data must be embedded, full or a directory, got "/nonexistent-dir"`},
		{Args: []string{"-out", "", "-epochs", "2", "-lr", "1e6", "-hidden", "3", "-momentum", "0.9"}, Code: 1, Want: "the objective is no longer finite after epoch"},
		{Args: []string{"-tune", "hidden", "-values", "1000000"}, Code: 2, Want: "-values for -tune hidden: 1e+06: want a whole number from 1 to 10000"},
		{Args: []string{"-tune", "batch", "-values", "1000000"}, Code: 2, Want: "-values for -tune batch: 1e+06: want a whole number from 1 to 60000"},
		{Args: []string{"-max-mb", "0"}, Code: 2, Want: "-max-mb must be in 1 … 65536, got 0"},
	}...))
}
