package plot

import (
	"errors"
	"image"
	"image/color"
	"math"
	"testing"

	"nnscratch/matrix"
)

// ramp returns a w×h image whose pixel (x, y) has gray level (x+y)·step.
func ramp(w, h, step int) []byte {
	p := make([]byte, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p[y*w+x] = byte((x + y) * step)
		}
	}
	return p
}

func TestImageGridGolden(t *testing.T) {
	g := &ImageGrid{
		Title:   "Grid",
		Columns: 2,
		Scale:   2,
		Cells: []Cell{
			{Width: 4, Height: 3, Gray: ramp(4, 3, 40), Caption: "pred: shirt / true: T-shirt"},
			{Width: 3, Height: 3, Values: []float64{0, 0.5, 1, -1, 2, math.NaN(), 0.25, 0.75, 1}, Caption: "two\nlines"},
			{Width: 2, Height: 5, Gray: ramp(2, 5, 50), Caption: "red", CaptionColor: color.RGBA{200, 0, 0, 255}},
		},
	}
	checkHash(t, "grid", g.Render())
}

// TestImageGridPixels finds each image by its border and checks the scaled
// pixels against the data.
func TestImageGridPixels(t *testing.T) {
	for _, invert := range []bool{false, true} {
		gray := ramp(5, 4, 30)
		vals := []float64{0, 0.2, 1.5, -0.5, math.NaN(), 1}
		g := &ImageGrid{Columns: 2, Scale: 3, Invert: invert, Cells: []Cell{
			{Width: 5, Height: 4, Gray: gray, Caption: "a"},
			{Width: 3, Height: 2, Values: vals, Caption: "b"},
		}}
		img := g.Render()
		wantVals := []uint8{0, 51, 255, 0, 0, 255}
		for i, c := range g.Cells {
			// The image of cell i starts one pixel inside its grey border.
			origin := findBorder(t, img, i)
			for y := 0; y < c.Height; y++ {
				for x := 0; x < c.Width; x++ {
					want := wantVals[min(y*c.Width+x, len(wantVals)-1)]
					if c.Gray != nil {
						want = gray[y*c.Width+x]
					}
					if invert {
						want = 255 - want
					}
					for d := 0; d < 3; d++ {
						px, py := origin.X+x*3+d, origin.Y+y*3+2-d
						if got := at(img, px, py); got != (color.RGBA{want, want, want, 255}) {
							t.Errorf("invert %v, cell %d pixel (%d, %d) at (%d, %d): got %v, want gray %d", invert, i, x, y, px, py, got, want)
						}
					}
				}
			}
		}
	}
}

// findBorder returns the top-left image pixel of the n-th bordered image
// (in reading order along the first row of borders).
func findBorder(t *testing.T, img *image.RGBA, n int) image.Point {
	t.Helper()
	for y := 0; y < img.Rect.Dy(); y++ {
		seen := 0
		for x := 0; x < img.Rect.Dx(); x++ {
			if at(img, x, y) == legendRim && (x == 0 || at(img, x-1, y) != legendRim) {
				if seen == n {
					return image.Pt(x+1, y+1)
				}
				seen++
			}
		}
		if seen > 0 {
			break
		}
	}
	t.Fatalf("no border found for cell %d", n)
	return image.Point{}
}

func TestImageGridLayout(t *testing.T) {
	cells := make([]Cell, 7)
	for i := range cells {
		cells[i] = Cell{Width: 10, Height: 10, Gray: make([]byte, 100)}
	}
	tests := []struct {
		cols      int
		wantCols  int
		wantRows  int
		scale     int
		wantScale int
	}{
		{0, 3, 3, 0, 3}, // ⌈√7⌉ columns, default scale 3
		{7, 7, 1, 1, 1},
		{2, 2, 4, 4, 4},
	}
	for _, tt := range tests {
		g := &ImageGrid{Cells: cells, Columns: tt.cols, Scale: tt.scale}
		img := g.Render()
		colW := max(TextWidth("0000000000000000", 1), 10*tt.wantScale+2)
		rowH := 10*tt.wantScale + 2 // captions are empty
		wantW := gridGap + tt.wantCols*(colW+gridGap)
		wantH := gridGap + tt.wantRows*(rowH+gridGap)
		if img.Rect.Dx() != wantW || img.Rect.Dy() != wantH {
			t.Errorf("columns %d, scale %d: got %dx%d, want %dx%d", tt.cols, tt.scale, img.Rect.Dx(), img.Rect.Dy(), wantW, wantH)
		}
	}
}

func TestImageGridEmptyAndMismatch(t *testing.T) {
	if img := (&ImageGrid{Title: "nothing"}).Render(); img.Rect.Empty() {
		t.Error("empty grid with a title: got an empty image, want the title")
	}
	for _, c := range []Cell{
		{Width: 3, Height: 3, Gray: make([]byte, 8)},
		{Width: 3, Height: 3, Values: make([]float64, 10)},
		{Width: -1, Height: 0},
	} {
		func() {
			defer func() {
				err, ok := recover().(error)
				if !ok || !errors.Is(err, matrix.ErrShape) {
					t.Errorf("cell %dx%d with %d+%d pixels: recovered %v, want an error wrapping matrix.ErrShape",
						c.Width, c.Height, len(c.Gray), len(c.Values), err)
				}
			}()
			(&ImageGrid{Cells: []Cell{c}}).Render()
		}()
	}
}
