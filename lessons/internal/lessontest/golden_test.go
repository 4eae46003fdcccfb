package lessontest

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"

	"nnscratch/lessons/internal/cli"
)

// picture is a lesson in miniature for Output and Plot: -n sets a count,
// -plot a picture that run draws, and run prints the count and where the
// picture went.
type picture struct {
	n    int
	plot string
}

func parsePicture(args []string, stderr io.Writer) (picture, error) {
	cfg := picture{n: 1}
	fs := cli.NewFlagSet("picture", "Tests.", stderr)
	cli.IntVar(fs, &cfg.n, "n", 1, 9, "a count")
	fs.StringVar(&cfg.plot, "plot", "", "the picture")
	return cfg, cli.Parse(fs, args)
}

func runPicture(w io.Writer, cfg picture) error {
	fmt.Fprintf(w, "n = %d\n", cfg.n)
	return cli.Draw(w, cfg.plot, func() error {
		f, err := os.Create(cfg.plot)
		if err != nil {
			return err
		}
		defer f.Close()
		return png.Encode(f, image.NewGray(image.Rect(0, 0, 40*cfg.n, 30)))
	})
}

func TestOutput(t *testing.T) {
	out := Output(parsePicture, runPicture, "-n", "3")
	for range 2 {
		if got := string(out(t)); got != "n = 3\n" {
			t.Errorf("Output: got %q, want %q", got, "n = 3\n")
		}
	}
}

func TestPlot(t *testing.T) {
	if got := Plot(t, parsePicture, runPicture, 80, 30, "-n", "2"); got[:6] != "n = 2\n" {
		t.Errorf("Plot: printed %q, want it to start with %q", got, "n = 2\n")
	}
}

// recorder is a testing.TB that keeps the messages of Errorf.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestSame checks that Same passes equal outputs and reports the first
// line that differs.
func TestSame(t *testing.T) {
	var r recorder
	Same(&r, "-trace 1", "a\nb\n", "a\nb\n")
	if len(r.errs) != 0 {
		t.Errorf("Same on equal outputs reported %q", r.errs)
	}
	Same(&r, "-trace 1", "a\nb\n", "a\nc\n")
	want := "-trace 1 differs from the source's print at line 2:\n got: \"b\"\nwant: \"c\""
	if len(r.errs) != 1 || r.errs[0] != want {
		t.Errorf("Same on different outputs reported %q, want %q", r.errs, want)
	}
}

// TestProse checks that Prose finds phrases across line breaks and reports
// the one the README lacks.
func TestProse(t *testing.T) {
	readme := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(readme, []byte("It converged at\n  iteration 36 (SSE 1.68).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var r recorder
	Prose(&r, readme, "converged at iteration 36", "iteration  36 (SSE\n1.68)")
	if len(r.errs) != 0 {
		t.Errorf("Prose on phrases the README states reported %q", r.errs)
	}
	Prose(&r, readme, "converged at iteration 37")
	want := readme + ` does not say "converged at iteration 37", which is what the code gives`
	if len(r.errs) != 1 || r.errs[0] != want {
		t.Errorf("Prose on a phrase the README lacks reported %q, want %q", r.errs, want)
	}
	if m := Find(t, "converged at iteration 36: …\n", `iteration (\d+)`); m[1] != "36" {
		t.Errorf("Find: got %q, want the group 36", m)
	}
}
