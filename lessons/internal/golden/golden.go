// Package golden compares a lesson's output with a golden file kept in the
// lesson's testdata directory.
//
// Every test binary that imports this package accepts the flag -update, which
// rewrites the golden files from the current output instead of comparing:
//
//	go test ./lessons/03-alpha-sweep -update
//
// On a mismatch, Check writes the output it got beside the golden file as
// testdata/<name>.got (git-ignored) and reports the first line that differs,
// with its number, so the two files can be diffed by hand.
package golden

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Update is set by the -update flag: rewrite golden files instead of
// comparing against them.
var Update = flag.Bool("update", false, "rewrite testdata/*.golden files from the current output")

// Dir is the directory holding golden files, relative to the test's working
// directory (the package directory under go test).
var Dir = "testdata"

// Path returns the path of the golden file called name: Dir/name.golden.
func Path(name string) string { return filepath.Join(Dir, name+".golden") }

// Check compares got with the golden file testdata/<name>.golden and fails t
// on any difference. With -update it writes got to the golden file instead.
// With $GOLDEN_RECORD set it also lists the comparison there (RecordEnv).
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	path := Path(name)
	gotPath := filepath.Join(Dir, name+".got")
	if *Update {
		if err := os.MkdirAll(Dir, 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := writeFile(path, got); err != nil {
			t.Fatalf("golden: %v", err)
		}
		os.Remove(gotPath)
		return
	}
	record(t, path, got)
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (run go test with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		os.Remove(gotPath)
		return
	}
	if err := writeFile(gotPath, got); err != nil {
		t.Errorf("golden: could not write %s: %v", gotPath, err)
	}
	line, g, w := FirstDiff(string(got), string(want))
	t.Errorf("golden: output differs from %s at line %d:\n got: %q\nwant: %q\n(full output written to %s; rerun with -update to accept it)",
		path, line, g, w, gotPath)
}

// FirstDiff returns the 1-based number of the first line at which got and
// want differ, and that line from each ("<end of output>" past the last line).
// It returns line 0 when they are equal.
func FirstDiff(got, want string) (line int, gotLine, wantLine string) {
	if got == want {
		return 0, "", ""
	}
	g := strings.Split(got, "\n")
	w := strings.Split(want, "\n")
	for i := 0; ; i++ {
		gl, wl := lineAt(g, i), lineAt(w, i)
		if gl != wl || i >= len(g) || i >= len(w) {
			return i + 1, gl, wl
		}
	}
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end of output>"
}

// InREADME fails t unless the file readme (normally "README.md" in the
// lesson's directory) quotes text verbatim, so that the output a README shows
// is what the lesson prints today. Trailing spaces at line ends are ignored
// on both sides, since editors strip them.
func InREADME(t testing.TB, readme, text string) {
	t.Helper()
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	doc, want := trimLineEnds(string(b)), trimLineEnds(text)
	if strings.Contains(doc, want) {
		return
	}
	// Report the first line of text that the README lacks.
	for i, line := range strings.Split(want, "\n") {
		if !strings.Contains(doc, line) {
			t.Errorf("golden: %s does not quote the output; line %d is missing:\n%q", readme, i+1, line)
			return
		}
	}
	t.Errorf("golden: %s quotes every line of the output but not as one block; update the README's output block", readme)
}

func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.Join(lines, "\n")
}

// Output returns a function that runs f once per test binary, the first time
// a test asks, and hands every caller what f wrote; a failing f fails each
// test that asks. Tests that compare one run of a lesson with its golden
// file and with its README share it:
//
//	var defaultOutput = golden.Output(func(w io.Writer) error { return run(w, defaultConfig()) })
//
//	func TestGolden(t *testing.T) { golden.Check(t, "default", defaultOutput(t)) }
func Output(f func(w io.Writer) error) func(t testing.TB) []byte {
	once := sync.OnceValues(func() ([]byte, error) {
		var buf bytes.Buffer
		err := f(&buf)
		return buf.Bytes(), err
	})
	return func(t testing.TB) []byte {
		t.Helper()
		out, err := once()
		if err != nil {
			t.Fatalf("golden: the shared run failed: %v", err)
		}
		return out
	}
}

// writeFile writes data to path through a temporary file in the same
// directory and a rename, so an interrupted -update never leaves a
// half-written golden file.
func writeFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
