package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn/data"
)

// TestRootREADME checks the figures the repository's README.md states
// about every lesson's command line: the Go version, the data budget, the
// lessons that take -max-mb, and the largest matrix a lesson allocates.
func TestRootREADME(t *testing.T) {
	const root = "../../../"
	mod, err := os.ReadFile(root + "go.mod")
	if err != nil {
		t.Fatal(err)
	}
	version := lessontest.Find(t, string(mod), `(?m)^go (\d+\.\d+)`)[1]
	flags, err := filepath.Glob(root + "lessons/*/flags.go")
	if err != nil {
		t.Fatal(err)
	}
	var maxMB []int
	for _, f := range flags {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "cli.AddDataLimit(") {
			var n int
			fmt.Sscanf(filepath.Base(filepath.Dir(f)), "%d", &n)
			maxMB = append(maxMB, n)
		}
	}
	lessontest.Prose(t, root+"README.md",
		"with Go "+version+" or later",
		fmt.Sprintf("may decode to at most %d MiB (%s take `-max-mb`", data.DefaultMaxBytes>>20, lessonList(maxMB)),
		fmt.Sprintf("no lesson allocates more than %d MiB for one matrix", cli.MaxFloats*8>>20),
	)
}

// lessonList writes sorted lesson numbers as the README does: "lessons 10
// and 12 to 14".
func lessonList(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, fmt.Sprintf("%d to %d", ns[i], ns[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, fmt.Sprint(ns[k]))
			}
		}
		i = j + 1
	}
	if len(parts) == 1 {
		return "lesson " + parts[0]
	}
	return "lessons " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
