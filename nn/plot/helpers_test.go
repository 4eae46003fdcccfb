package plot

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.sha256 from the current renderings")

// checkHash compares the SHA-256 of img's pixels with testdata/name.sha256
// (rewritten with -update). On a mismatch it saves the rendering as
// testdata/name.got.png for inspection. Only renderings made with integer
// arithmetic are hashed, so the hashes hold on every architecture.
func checkHash(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	sum := sha256.Sum256(img.Pix)
	got := hex.EncodeToString(sum[:])
	path := filepath.Join("testdata", name+".sha256")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if want := strings.TrimSpace(string(b)); got != want {
		gotPath := filepath.Join("testdata", name+".got.png")
		if err := Save(gotPath, img); err != nil {
			t.Error(err)
		}
		t.Errorf("%s: pixel hash got %s, want %s (rendering saved as %s)", name, got, want, gotPath)
	}
}

// at returns pixel (x, y) of img.
func at(img *image.RGBA, x, y int) color.RGBA { return img.RGBAAt(x, y) }

// countColor returns how many pixels of img inside r (or outside r when
// outside is true) have exactly colour c.
func countColor(img *image.RGBA, r image.Rectangle, outside bool, c color.RGBA) int {
	n := 0
	b := img.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if (image.Point{x, y}.In(r)) != outside && img.RGBAAt(x, y) == c {
				n++
			}
		}
	}
	return n
}

// reddish reports whether c leans clearly towards pure red, the colour the
// clipping tests draw with.
func reddish(c color.RGBA) bool { return int(c.R) > int(c.G)+40 && int(c.R) > int(c.B)+40 }
