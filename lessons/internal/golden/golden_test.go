package golden

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		got, want string
		line      int
		g, w      string
	}{
		{"a\nb\n", "a\nb\n", 0, "", ""},
		{"a\nb\n", "a\nc\n", 2, "b", "c"},
		{"x", "y", 1, "x", "y"},
		{"a\nb", "a\nb\nc", 3, "<end of output>", "c"},
		{"a\nb\nc", "a\nb", 3, "c", "<end of output>"},
		{"a\n", "a", 2, "", "<end of output>"},
	}
	for _, tt := range tests {
		line, g, w := FirstDiff(tt.got, tt.want)
		if line != tt.line || g != tt.g || w != tt.w {
			t.Errorf("FirstDiff(%q, %q) = %d, %q, %q; want %d, %q, %q", tt.got, tt.want, line, g, w, tt.line, tt.g, tt.w)
		}
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = format
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = true
	r.msg = format
}

func TestCheck(t *testing.T) {
	t.Setenv(RecordEnv, "") // these golden files are not the lessons'
	old := Dir
	Dir = t.TempDir()
	defer func() { Dir = old }()

	// Missing golden file: a failure that says how to create it.
	r := &recorder{TB: t}
	Check(r, "out", []byte("hello\n"))
	if !r.failed {
		t.Fatalf("Check with no golden file did not fail")
	}

	// -update writes the file; then the same output passes.
	*Update = true
	Check(t, "out", []byte("hello\nworld\n"))
	*Update = false
	r = &recorder{TB: t}
	Check(r, "out", []byte("hello\nworld\n"))
	if r.failed {
		t.Fatalf("Check of identical output failed")
	}

	// A difference fails and leaves the .got file beside the golden one.
	r = &recorder{TB: t}
	Check(r, "out", []byte("hello\nthere\n"))
	if !r.failed {
		t.Fatalf("Check of different output passed")
	}
	got, err := os.ReadFile(filepath.Join(Dir, "out.got"))
	if err != nil || string(got) != "hello\nthere\n" {
		t.Fatalf("out.got = %q, %v; want the output that differed", got, err)
	}

	// A later pass removes the stale .got file.
	Check(t, "out", []byte("hello\nworld\n"))
	if _, err := os.Stat(filepath.Join(Dir, "out.got")); !os.IsNotExist(err) {
		t.Errorf("stale out.got still present after a passing Check (err %v)", err)
	}
}

func TestInREADME(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	if err := os.WriteFile(readme, []byte("# Lesson\n\n```\nline one \nline two\n```\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		ok   bool
	}{
		{"line one\nline two\n", true},
		{"line two", true},
		{"line one\nline three\n", false},
		{"line two\nline one", false},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		InREADME(r, readme, tt.text)
		if r.failed == tt.ok {
			t.Errorf("InREADME(%q) failed = %v, want %v", tt.text, r.failed, !tt.ok)
		}
	}
}

func TestOutput(t *testing.T) {
	runs := 0
	out := Output(func(w io.Writer) error {
		runs++
		_, err := io.WriteString(w, "hello\n")
		return err
	})
	for range 3 {
		if got := string(out(t)); got != "hello\n" {
			t.Errorf("Output = %q, want %q", got, "hello\n")
		}
	}
	if runs != 1 {
		t.Errorf("the shared run ran %d times, want 1", runs)
	}
	r := &recorder{TB: t}
	Output(func(io.Writer) error { return os.ErrNotExist })(r)
	if !r.failed {
		t.Errorf("a failing shared run did not fail the test")
	}
}

// TestRecord checks that with $GOLDEN_RECORD set every comparison, passing
// or failing, appends the golden file's absolute path and the SHA-256 of
// the output compared, one line each, and that without it nothing is
// written.
func TestRecord(t *testing.T) {
	t.Setenv(RecordEnv, "")
	old := Dir
	Dir = t.TempDir()
	defer func() { Dir = old }()
	if err := os.WriteFile(Path("out"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(t.TempDir(), "list")
	Check(&recorder{TB: t}, "out", []byte("hello\n"))
	if _, err := os.Stat(list); !os.IsNotExist(err) {
		t.Fatalf("without %s: stat %s: got %v, want no file", RecordEnv, list, err)
	}
	t.Setenv(RecordEnv, list)
	Check(&recorder{TB: t}, "out", []byte("hello\n"))
	Check(&recorder{TB: t}, "out", []byte("other\n"))
	got, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(Path("out"))
	want := fmt.Sprintf("%s %x\n%s %x\n", abs, sha256.Sum256([]byte("hello\n")), abs, sha256.Sum256([]byte("other\n")))
	if string(got) != want {
		t.Errorf("%s list: got %q, want %q", RecordEnv, got, want)
	}
}
