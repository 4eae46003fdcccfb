package lessontest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestAfter(t *testing.T) {
	parse := func(args []string, _ io.Writer) (int, error) { return len(args), nil }
	run := func(w io.Writer, n int) error {
		_, err := fmt.Fprintf(w, "report\nTrace (%d):\nline 1\nline 2\n", n)
		return err
	}
	if got, want := After(t, parse, run, "Trace", "-trace", "2"), "line 1\nline 2\n"; got != want {
		t.Errorf("After: got %q, want %q", got, want)
	}
}

func TestNumpy(t *testing.T) {
	script := filepath.Join(t.TempDir(), "hello.py")
	if err := os.WriteFile(script, []byte("import sys\nprint('hello', sys.argv[1])\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := Numpy(t, script, "numpy"), "hello numpy\n"; got != want {
		t.Errorf("Numpy: got %q, want %q", got, want)
	}
}
