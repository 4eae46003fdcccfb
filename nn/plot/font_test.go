package plot

import (
	"image"
	"image/color"
	"reflect"
	"strings"
	"testing"
)

func TestFontCoversPrintableASCII(t *testing.T) {
	seen := map[glyph]rune{}
	for r := rune(33); r < 127; r++ {
		g := font[r]
		if g.width < 1 || g.width > glyphCols {
			t.Errorf("glyph %q: got width %d, want 1..%d", r, g.width, glyphCols)
		}
		ink := 0
		for _, row := range g.rows {
			if row>>g.width != 0 {
				t.Errorf("glyph %q: ink beyond its width %d", r, g.width)
			}
			for ; row != 0; row >>= 1 {
				ink += int(row & 1)
			}
		}
		if ink == 0 {
			t.Errorf("glyph %q: got no ink, want some", r)
		}
		if other, dup := seen[g]; dup {
			t.Errorf("glyph %q: got the same bitmap as %q, want distinct glyphs", r, other)
		}
		seen[g] = r
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s     string
		scale int
		want  int
	}{
		{"", 1, 0},
		{"A", 1, 5},
		{"AA", 1, 11},
		{"A", 2, 10},
		{"A", 0, 5}, // scale below 1 counts as 1
		{"i", 1, 3},
		{".", 1, 2},
		{"a b", 1, 6 + spaceAdvance + 5},
		{"é", 1, tofu.width}, // outside ASCII: the box
		{"0.001", 3, 3 * (6 + 3 + 6 + 6 + 4 - 1)},
	}
	for _, tt := range tests {
		if got := TextWidth(tt.s, tt.scale); got != tt.want {
			t.Errorf("TextWidth(%q, %d): got %d, want %d", tt.s, tt.scale, got, tt.want)
		}
	}
}

func TestDrawTextPixels(t *testing.T) {
	black := color.RGBA{0, 0, 0, 255}
	for _, scale := range []int{1, 2, 3} {
		img := image.NewRGBA(image.Rect(0, 0, 40, 40))
		fillRect(img, img.Rect, white)
		end := DrawText(img, 4, 5, "I", scale, black)
		if want := 4 + TextWidth("I", scale); end != want {
			t.Errorf("scale %d: DrawText returned x %d, want %d", scale, end, want)
		}
		// "I" is ".###." over "..#..": after trimming, row 0 is ink in
		// columns 0-2, row 1 only in column 1.
		probes := []struct {
			col, row int
			ink      bool
		}{
			{0, 0, true}, {2, 0, true}, {0, 1, false}, {1, 1, true}, {2, 1, false}, {1, 6, true}, {1, 7, false},
		}
		for _, p := range probes {
			for dy := 0; dy < scale; dy++ {
				for dx := 0; dx < scale; dx++ {
					x, y := 4+p.col*scale+dx, 5+p.row*scale+dy
					if got := at(img, x, y) == black; got != p.ink {
						t.Errorf("scale %d: pixel (%d, %d) of \"I\": got ink %v, want %v", scale, x, y, got, p.ink)
					}
				}
			}
		}
	}
}

func TestDrawTextClipsAtEdges(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 10, 10))
	DrawText(img, -3, -4, "Wide text off the edge", 2, ink) // must not panic
	drawTextUp(img, 5, -20, "also vertical", 1, ink)
	if countColor(img, img.Rect, false, ink) == 0 {
		t.Error("got no ink on the image, want the visible part of the text")
	}
}

// TestTextGolden hashes every printable character drawn horizontally at
// scales 1 and 2 and vertically, so any change to a glyph shows up.
func TestTextGolden(t *testing.T) {
	var b strings.Builder
	for r := rune(32); r < 127; r++ {
		b.WriteRune(r)
	}
	all := b.String()
	img := image.NewRGBA(image.Rect(0, 0, TextWidth(all, 1)+4, 60+TextWidth("Vertical", 1)))
	fillRect(img, img.Rect, white)
	DrawText(img, 2, 2, all, 1, ink)
	DrawText(img, 2, 14, all[:len(all)/2], 2, ink)
	DrawText(img, 2, 36, all[len(all)/2:], 2, ink)
	drawTextUp(img, 2, 58, "Vertical", 1, ink)
	checkHash(t, "text", img)
}

func TestDrawTextUpReadsBottomToTop(t *testing.T) {
	// "L" has its vertical stroke in column 0 and its foot in row 6.
	// Rotated anticlockwise, the stroke becomes the bottom row of the box
	// and the foot its right-hand column.
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	fillRect(img, img.Rect, white)
	drawTextUp(img, 3, 4, "L", 1, ink)
	w := TextWidth("L", 1)
	for v := 0; v < 7; v++ { // the stroke: text row v → image column 3+v
		if got := at(img, 3+v, 4+w-1); got != ink {
			t.Errorf("stroke pixel (%d, %d): got %v, want ink", 3+v, 4+w-1, got)
		}
	}
	for u := 0; u < w; u++ { // the foot: text row 6 → image column 9
		if got := at(img, 3+6, 4+w-1-u); got != ink {
			t.Errorf("foot pixel (%d, %d): got %v, want ink", 9, 4+w-1-u, got)
		}
	}
	if got := at(img, 3, 4); got != white {
		t.Errorf("pixel (3, 4): got %v, want white (top of the rotated L is empty)", got)
	}
}

func TestWrapText(t *testing.T) {
	cw := TextWidth("0", 1) + 1 // one character's advance
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"short", 100, []string{"short"}},
		{"", 100, []string{""}},
		{"one two three", 7 * cw, []string{"one two", "three"}},
		{"pred: shirt / true: coat", 14 * cw, []string{"pred: shirt /", "true: coat"}},
		{"pred: shirt / true: coat", 100 * cw, []string{"pred: shirt / true: coat"}},
		{"a\nb c", 100, []string{"a", "b c"}},
		{"unbreakableword x", 3 * cw, []string{"unbreakableword", "x"}},
	}
	for _, tt := range tests {
		if got := wrapText(tt.s, 1, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrapText(%q, width %d): got %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}
