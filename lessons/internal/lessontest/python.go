package lessontest

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python is the interpreter with numpy (and scikit-learn) that tests
// comparing a lesson with its source program run.
const Python = "/usr/bin/python3"

// Numpy runs Python on a script (normally in the lesson's testdata) with
// args and returns what it printed on standard output. It skips t under
// -short, when Python is not installed, and when the script stops on a
// missing module ("No module named …"); any other failure fails t with the
// script's standard error.
func Numpy(t *testing.T, script string, args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not running numpy")
	}
	if _, err := os.Stat(Python); err != nil {
		t.Skipf("no %s: %v", Python, err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(Python, append([]string{script}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && strings.Contains(stderr.String(), "No module named") {
		t.Skipf("%s lacks a module %s needs: %s", Python, script, strings.TrimSpace(stderr.String()))
	}
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", Python, script, err, stderr.String())
	}
	return string(out)
}

// After runs a lesson with the command line args, as its main would (parse,
// then run), and returns what it printed after the first line that begins
// with heading: the section a lesson appends for -trace, say. It fails t
// if parsing or the run fails or there is no such line.
func After[C any](t *testing.T, parse func(args []string, stderr io.Writer) (C, error), run func(w io.Writer, cfg C) error, heading string, args ...string) string {
	t.Helper()
	out := Run(t, parse, run, args...)
	i := strings.Index("\n"+out, "\n"+heading)
	if i < 0 {
		t.Fatalf("%q: no line beginning %q in the output:\n%s", args, heading, out)
	}
	_, rest, _ := strings.Cut(out[i:], "\n")
	return rest
}
