package lessontest

import (
	"errors"
	"flag"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"

	"nnscratch/lessons/internal/cli"
)

func parse(args []string, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1, "a positive count")
	if err := cli.Parse(fs, args); err != nil {
		return 0, err
	}
	if *n < 1 {
		return 0, errors.New("-n must be at least 1")
	}
	return *n, nil
}

func TestFlags(t *testing.T) {
	Flags(t, parse, []FlagCase{
		{[]string{"-n", "3"}, ""},
		{[]string{"-n", "0"}, "-n must be at least 1"},
		{[]string{"-m"}, "flag provided but not defined: -m"},
	})
}

func TestImage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 40, 30))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if b := Image(t, path, 40, 30).Bounds(); b.Dx() != 40 || b.Dy() != 30 {
		t.Errorf("decoded %v, want 40x30", b)
	}
}

// parseFigure is a lesson whose -plot draws fig.png only on the default
// run, through cli.Picture, with and without -trace.
func parseFigure(trace bool) func([]string, io.Writer) (string, error) {
	return func(args []string, stderr io.Writer) (string, error) {
		fs := cli.NewFlagSet("x", "Tests.", stderr)
		fs.String("plot", "fig.png", "")
		fs.Int("seed", 1, "")
		if trace {
			fs.Int("trace", 0, "")
		}
		if err := cli.Parse(fs, args); err != nil {
			return "", err
		}
		return cli.Picture(fs, "plot", "trace")
	}
}

func TestKeepsFigure(t *testing.T) {
	picture := func(p string) string { return p }
	for _, trace := range []bool{false, true} {
		KeepsFigure(t, parseFigure(trace), picture, "fig.png")
	}
	Pictures(t, parseFigure(false), picture, []FlagCase{
		{nil, "fig.png"},
		{[]string{"-plot", ""}, ""},
		{[]string{"-seed", "2", "-plot", "b.jpg"}, "b.jpg"},
	})
}
