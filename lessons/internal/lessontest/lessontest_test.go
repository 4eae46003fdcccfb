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
