package lessontest

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
)

// Default checks a lesson's default output, out: it must equal
// testdata/<name>.golden (rewritten with -update) and README.md must quote
// it verbatim, so the output the README shows is what the lesson prints.
func Default(t *testing.T, name string, out []byte) {
	t.Helper()
	golden.Check(t, name, out)
	golden.InREADME(t, "README.md", string(out))
}

// Plot runs run with cfg, whose picture flag holds path, and checks that
// path is then a PNG or JPEG image of at least minW×minH pixels and that
// the output says where it went ("wrote path"). It returns the output.
func Plot[C any](t *testing.T, run func(io.Writer, C) error, cfg C, path string, minW, minH int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	Image(t, path, minW, minH)
	if !strings.Contains(buf.String(), "wrote "+path) {
		t.Errorf("output does not say where the plot went:\n%s", buf.String())
	}
	return buf.String()
}

// Same fails t unless got, the lesson's output called what (such as
// "-trace 1"), equals want, what a source program printed (such as
// numpy's print lines), reporting the first line that differs.
func Same(t *testing.T, what, got, want string) {
	t.Helper()
	if line, g, w := golden.FirstDiff(got, want); line != 0 {
		t.Errorf("%s differs from the source's print at line %d:\n got: %q\nwant: %q", what, line, g, w)
	}
}
