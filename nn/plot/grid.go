package plot

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"nnscratch/matrix"
)

// Cell is one picture of an ImageGrid: a Width×Height grayscale image and a
// caption under it. The pixels come from Gray when it is non-nil, else from
// Values: pixel (x, y) is Gray[y*Width+x], 0 black to 255 white, or
// Values[y*Width+x], 0 black to 1 white (values outside [0, 1] are clamped
// and NaN draws as black). Caption may hold several lines separated by
// '\n'; lines wider than the cell are wrapped at spaces. CaptionColor is
// the caption's colour; nil means dark grey (a red caption marks a
// mistake well).
type Cell struct {
	Width, Height int
	Gray          []byte
	Values        []float64
	Caption       string
	CaptionColor  color.Color
}

// ImageGrid lays out grayscale images in a grid with a caption under each,
// as for a gallery of misclassified examples. The zero value, once given
// Cells, is usable.
type ImageGrid struct {
	// Title is drawn above the grid at twice the font scale; empty means
	// no title.
	Title string
	Cells []Cell
	// Columns is the number of cells per row; zero or negative means
	// ⌈√len(Cells)⌉.
	Columns int
	// Scale enlarges every image pixel to Scale×Scale screen pixels; zero
	// or negative means 3 (a 28×28 digit becomes 84×84).
	Scale int
	// Invert draws 0 as white and the largest value as black, like ink on
	// paper.
	Invert bool
	// FontScale multiplies the size of the text; zero or negative means 1.
	FontScale int
}

// Grid geometry in unscaled pixels.
const (
	gridGap     = 12 // between cells, and around the grid
	captionGap  = 4  // between an image and its caption
	captionLead = 3  // between caption lines
)

// Render draws the grid and returns the image. Columns are as wide as
// their widest image, at least wide enough for a 16-character caption line,
// and widened (up to 32 characters) so that each " / "-separated piece of a
// caption fits on one line; rows are as tall as their tallest image plus caption. Each image
// sits centred in its cell with a thin grey border. It panics with an error
// wrapping matrix.ErrShape when a cell's pixel slice does not hold
// Width×Height values or its size is negative. It costs
// O(total pixels × Scale²).
func (g *ImageGrid) Render() *image.RGBA {
	n := len(g.Cells)
	cols := g.Columns
	if cols <= 0 {
		cols = max(1, int(math.Ceil(math.Sqrt(float64(n)))))
	}
	rows := (n + cols - 1) / cols
	sc := g.Scale
	if sc <= 0 {
		sc = 3
	}
	fs := max(g.FontScale, 1)
	for i, c := range g.Cells {
		size := c.Width * c.Height
		have := len(c.Values)
		if c.Gray != nil {
			have = len(c.Gray)
		}
		if c.Width < 0 || c.Height < 0 || have != size {
			panic(fmt.Errorf("plot: image grid cell %d is %dx%d but has %d pixels: %w",
				i, c.Width, c.Height, have, matrix.ErrShape))
		}
	}

	// Column widths from the images, then captions wrapped to them.
	colW := make([]int, cols)
	for i := range colW {
		colW[i] = TextWidth("0000000000000000", fs)
	}
	for i, c := range g.Cells {
		colW[i%cols] = max(colW[i%cols], c.Width*sc+2)
	}
	// Widen a column to fit each " / " piece of its captions whole, up to
	// 32 characters, so that wrapping only splits at the separators.
	for i, c := range g.Cells {
		for _, para := range strings.Split(c.Caption, "\n") {
			for _, piece := range strings.SplitAfter(para, " / ") {
				pw := min(TextWidth(strings.TrimSpace(piece), fs), TextWidth(strings.Repeat("0", 32), fs))
				colW[i%cols] = max(colW[i%cols], pw)
			}
		}
	}
	captions := make([][]string, n)
	for i, c := range g.Cells {
		captions[i] = wrapText(c.Caption, fs, colW[i%cols])
		for _, line := range captions[i] {
			colW[i%cols] = max(colW[i%cols], TextWidth(line, fs))
		}
	}
	lineH := TextHeight(fs) + captionLead*fs
	rowH := make([]int, rows)
	for i, c := range g.Cells {
		hgt := c.Height*sc + 2
		if c.Caption != "" {
			hgt += captionGap + len(captions[i])*lineH - captionLead*fs
		}
		rowH[i/cols] = max(rowH[i/cols], hgt)
	}

	top := gridGap
	if g.Title != "" {
		top += TextHeight(2*fs) + gridGap
	}
	w, h := gridGap, top
	for _, cw := range colW {
		w += cw + gridGap
	}
	for _, rh := range rowH {
		h += rh + gridGap
	}
	if g.Title != "" {
		w = max(w, TextWidth(g.Title, 2*fs)+2*gridGap)
	}

	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillRect(img, img.Rect, white)
	if g.Title != "" {
		DrawText(img, (w-TextWidth(g.Title, 2*fs))/2, gridGap, g.Title, 2*fs, ink)
	}
	y := top
	for r := 0; r < rows; r++ {
		x := gridGap
		for cI := 0; cI < cols && r*cols+cI < n; cI++ {
			i := r*cols + cI
			g.drawCell(img, x, y, colW[cI], sc, fs, g.Cells[i], captions[i])
			x += colW[cI] + gridGap
		}
		y += rowH[r] + gridGap
	}
	return img
}

// drawCell draws cell c in the column of width cw whose top-left corner is
// (x, y): the bordered image centred, the caption lines centred under it.
func (g *ImageGrid) drawCell(img *image.RGBA, x, y, cw, sc, fs int, c Cell, caption []string) {
	iw, ih := c.Width*sc, c.Height*sc
	ix := x + (cw-iw-2)/2
	strokeRect(img, image.Rect(ix, y, ix+iw+2, y+ih+2), legendRim)
	for py := 0; py < c.Height; py++ {
		for px := 0; px < c.Width; px++ {
			v := cellValue(c, py*c.Width+px)
			if g.Invert {
				v = 255 - v
			}
			fillRect(img, image.Rect(ix+1+px*sc, y+1+py*sc, ix+1+(px+1)*sc, y+1+(py+1)*sc),
				color.RGBA{v, v, v, 0xff})
		}
	}
	col := ink
	if c.CaptionColor != nil {
		nc := color.NRGBAModel.Convert(c.CaptionColor).(color.NRGBA)
		col = color.RGBA{nc.R, nc.G, nc.B, 0xff}
	}
	ty := y + ih + 2 + captionGap
	for _, line := range caption {
		DrawText(img, x+(cw-TextWidth(line, fs))/2, ty, line, fs, col)
		ty += TextHeight(fs) + captionLead*fs
	}
}

// cellValue returns the gray level 0…255 of pixel i of c.
func cellValue(c Cell, i int) uint8 {
	if c.Gray != nil {
		return c.Gray[i]
	}
	v := c.Values[i]
	if !(v > 0) { // also NaN
		return 0
	}
	if v >= 1 {
		return 255
	}
	return uint8(math.Round(v * 255))
}
