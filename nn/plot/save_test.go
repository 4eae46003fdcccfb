package plot

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSaveFormats(t *testing.T) {
	img := (&LineChart{Width: 120, Height: 80, Series: []Series{{Y: []float64{1, 3, 2}}}}).Render()
	tests := []struct {
		name   string
		decode func(io.Reader) (image.Image, error)
	}{
		{"chart.png", png.Decode},
		{"chart.PNG", png.Decode},
		{"chart.jpg", jpeg.Decode},
		{"chart.jpeg", jpeg.Decode},
		{"chart.JPG", jpeg.Decode},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := Save(path, img); err != nil {
			t.Fatalf("Save(%s): got error %v, want nil", tt.name, err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tt.decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: decoding what Save wrote: %v", tt.name, err)
		}
		if got.Bounds() != img.Rect {
			t.Errorf("%s: got bounds %v, want %v", tt.name, got.Bounds(), img.Rect)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: got mode %v (err %v), want 0644", tt.name, fi.Mode().Perm(), err)
		}
	}
	// PNG is lossless: the pixels come back exactly.
	f, _ := os.Open(filepath.Join(dir, "chart.png"))
	defer f.Close()
	back, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []image.Point{{0, 0}, {60, 40}, {119, 79}} {
		r1, g1, b1, _ := back.At(p.X, p.Y).RGBA()
		r2, g2, b2, _ := img.At(p.X, p.Y).RGBA()
		if r1 != r2 || g1 != g2 || b1 != b2 {
			t.Errorf("PNG pixel %v: got %v, want %v", p, back.At(p.X, p.Y), img.At(p.X, p.Y))
		}
	}
	assertOnlyFiles(t, dir, "chart.png", "chart.PNG", "chart.jpg", "chart.jpeg", "chart.JPG")
}

func TestSaveRejectsUnknownExtension(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for _, name := range []string{"chart.gif", "chart", "chart.png.bak", "chart.svg"} {
		path := filepath.Join(dir, name)
		err := Save(path, img)
		if err == nil {
			t.Fatalf("Save(%s): got nil error, want one", name)
		}
		for _, want := range []string{path, ".png", ".jpg", ".jpeg"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Save(%s): got error %q, want it to mention %q", name, err, want)
			}
		}
	}
	assertOnlyFiles(t, dir)
}

// TestSaveFailureLeavesNoFile checks that a failed encode removes its
// temporary file and leaves an existing file alone, and that a missing
// directory is reported.
func TestSaveFailureLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.png")
	if err := os.WriteFile(path, []byte("old contents"), 0o644); err != nil {
		t.Fatal(err)
	}
	// png.Encode refuses an image with no pixels.
	if err := Save(path, image.NewRGBA(image.Rect(0, 0, 0, 0))); err == nil {
		t.Fatal("Save of an empty image as PNG: got nil error, want one")
	}
	if b, _ := os.ReadFile(path); string(b) != "old contents" {
		t.Errorf("existing file after a failed save: got %q, want %q", b, "old contents")
	}
	if err := Save(filepath.Join(dir, "new.png"), image.NewRGBA(image.Rect(0, 0, 0, 0))); err == nil {
		t.Fatal("Save of an empty image: got nil error, want one")
	}
	assertOnlyFiles(t, dir, "out.png")

	missing := filepath.Join(dir, "no-such-dir", "out.png")
	err := Save(missing, image.NewRGBA(image.Rect(0, 0, 2, 2)))
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Save into a missing directory: got error %v, want one naming %s", err, missing)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("Save into a missing directory: got a file at %s, want none", missing)
	}
}

// assertOnlyFiles fails t unless dir holds exactly the named files.
func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	if len(got) != len(names) {
		t.Errorf("files in %s: got %q, want %q", dir, got, names)
		return
	}
	for _, g := range got {
		if !want[g] {
			t.Errorf("files in %s: got %q, want %q", dir, got, names)
			return
		}
	}
}

func TestCheckPath(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path, want string // want: fragment of the error, "" for none
	}{
		{filepath.Join(dir, "a.png"), ""},
		{filepath.Join(dir, "a.JPEG"), ""},
		{filepath.Join(dir, "a.gif"), `unknown image extension ".gif"`},
		{filepath.Join(dir, "a"), `unknown image extension ""`},
		{filepath.Join(dir, "missing", "a.png"), "does not exist"},
		{dir + ".png", ""},
		{filepath.Join(dir, "sub.png"), "is a directory"},
	}
	if runtime.GOOS == "linux" { // a directory no one can create files in, even root
		tests = append(tests, struct{ path, want string }{"/proc/x.png", "/proc/x.png: cannot write in directory /proc"})
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		err := CheckPath(tt.path)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("CheckPath(%q) = %v, want error containing %q", tt.path, err, tt.want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*")); len(left) > 0 {
		t.Errorf("CheckPath left %q behind", left)
	}
}
