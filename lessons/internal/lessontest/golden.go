package lessontest

import (
	"fmt"
	"io"
	"path/filepath"
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

// Output returns a function that runs the lesson once per test binary
// with the command line args, as its main would, and hands every caller
// what it printed (golden.Output): the default run, shared by the tests
// that compare it with the golden file, the README and published figures.
// A lesson that draws a picture by default is run with "-plot", "".
func Output[C any](parse func([]string, io.Writer) (C, error), run func(io.Writer, C) error, args ...string) func(testing.TB) []byte {
	return golden.Output(func(w io.Writer) error {
		cfg, err := parse(args, io.Discard)
		if err != nil {
			return fmt.Errorf("flags %q: %w", args, err)
		}
		return run(w, cfg)
	})
}

// Plot runs the lesson with the command line args and -plot naming a PNG
// file in a temporary directory, and checks that the file is then an image
// of at least minW×minH pixels and that the output says where it went
// ("wrote …"). It returns the output.
func Plot[C any](t *testing.T, parse func([]string, io.Writer) (C, error), run func(io.Writer, C) error, minW, minH int, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plot.png")
	out := Run(t, parse, run, append(args, "-plot", path)...)
	Image(t, path, minW, minH)
	if !strings.Contains(out, "wrote "+path) {
		t.Errorf("output does not say where the plot went:\n%s", out)
	}
	return out
}

// Same fails t unless got, the lesson's output called what (such as
// "-trace 1"), equals want, what a source program printed (such as
// numpy's print lines), reporting the first line that differs.
func Same(t testing.TB, what, got, want string) {
	t.Helper()
	if line, g, w := golden.FirstDiff(got, want); line != 0 {
		t.Errorf("%s differs from the source's print at line %d:\n got: %q\nwant: %q", what, line, g, w)
	}
}
