package plot

import (
	"image"
	"image/color"
	"math"
)

// A coverage mask records, for every pixel of a rectangle, how much of the
// pixel a shape covers, from 0 to 1. A series is rasterised into its own
// mask, each segment and marker keeping the larger coverage at each pixel,
// and the mask is then blended onto the image once: joints between
// segments are not painted twice, so they show no darker blobs, and
// nothing outside the rectangle is touched, which clips the series to the
// plot area.
type mask struct {
	r image.Rectangle
	a []float32 // coverage of pixel (x, y) is a[(y-r.Min.Y)*r.Dx()+(x-r.Min.X)]
}

func newMask(r image.Rectangle) *mask {
	return &mask{r: r, a: make([]float32, r.Dx()*r.Dy())}
}

// cover raises the coverage of pixel (x, y), which must lie in m.r, to c.
func (m *mask) cover(x, y int, c float64) {
	i := (y-m.r.Min.Y)*m.r.Dx() + (x - m.r.Min.X)
	if f := float32(c); f > m.a[i] {
		m.a[i] = f
	}
}

// box returns the pixels whose centres lie within pad of the bounding box
// of (x0, y0)–(x1, y1), intersected with the mask's rectangle.
func (m *mask) box(x0, y0, x1, y1, pad float64) image.Rectangle {
	r := image.Rect(
		int(math.Floor(math.Min(x0, x1)-pad)), int(math.Floor(math.Min(y0, y1)-pad)),
		int(math.Ceil(math.Max(x0, x1)+pad))+1, int(math.Ceil(math.Max(y0, y1)+pad))+1)
	return r.Intersect(m.r)
}

// segment covers the pixels near the segment from (x0, y0) to (x1, y1), in
// continuous pixel coordinates (pixel (i, j) spans [i, i+1)×[j, j+1)), as a
// stroke of the given width with round ends. A pixel whose centre is at
// distance d from the segment gets coverage width/2 + 1/2 − d, clamped to
// [0, 1]: a one-pixel ramp that smooths the edge. The segment is first
// clipped to the mask's rectangle, so far-away end points cost nothing.
func (m *mask) segment(x0, y0, x1, y1, width float64) {
	hw := width / 2
	pad := hw + 1
	var ok bool
	x0, y0, x1, y1, ok = clipSegment(x0, y0, x1, y1,
		float64(m.r.Min.X)-pad, float64(m.r.Min.Y)-pad, float64(m.r.Max.X)+pad, float64(m.r.Max.Y)+pad)
	if !ok {
		return
	}
	dx, dy := x1-x0, y1-y0
	// float64 rounds each product: Go may fuse a multiply-add (arm64 does),
	// and the coverage must be the same on every machine.
	len2 := float64(dx*dx) + float64(dy*dy)
	b := m.box(x0, y0, x1, y1, pad)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		cy := float64(y) + 0.5
		for x := b.Min.X; x < b.Max.X; x++ {
			cx := float64(x) + 0.5
			t := 0.0
			if len2 > 0 {
				t = math.Max(0, math.Min(1, (float64((cx-x0)*dx)+float64((cy-y0)*dy))/len2))
			}
			ex, ey := cx-(x0+float64(t*dx)), cy-(y0+float64(t*dy))
			if c := hw + 0.5 - math.Sqrt(float64(ex*ex)+float64(ey*ey)); c > 0 {
				m.cover(x, y, math.Min(c, 1))
			}
		}
	}
}

// disc covers a filled disc of radius rad centred at (x, y), with the same
// one-pixel edge ramp as segment.
func (m *mask) disc(x, y, rad float64) {
	m.segment(x, y, x, y, 2*rad)
}

// sum returns the total coverage inside r, a measure of how much of the
// mask's shapes a box placed at r would hide.
func (m *mask) sum(r image.Rectangle) float64 {
	r = r.Intersect(m.r)
	s := 0.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := (y-m.r.Min.Y)*m.r.Dx() + (r.Min.X - m.r.Min.X)
		for _, a := range m.a[i : i+r.Dx()] {
			s += float64(a)
		}
	}
	return s
}

// paint blends colour c onto img through the mask: each pixel moves from
// its colour towards c by the pixel's coverage.
func (m *mask) paint(img *image.RGBA, c color.RGBA) {
	for y := m.r.Min.Y; y < m.r.Max.Y; y++ {
		row := m.a[(y-m.r.Min.Y)*m.r.Dx():]
		for x := m.r.Min.X; x < m.r.Max.X; x++ {
			if a := row[x-m.r.Min.X]; a > 0 {
				blend(img, x, y, c, float64(a))
			}
		}
	}
}

// blend moves pixel (x, y) of img towards the opaque colour c by the
// fraction a in [0, 1], rounding each channel to the nearest value.
func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}).In(img.Rect) {
		return
	}
	o := img.RGBAAt(x, y)
	mix := func(dst, src uint8) uint8 {
		return uint8(math.Round(float64(dst) + float64(a*(float64(src)-float64(dst)))))
	}
	img.SetRGBA(x, y, color.RGBA{mix(o.R, c.R), mix(o.G, c.G), mix(o.B, c.B), 255})
}

// fillRect paints r (clipped to img) with the opaque colour c.
func fillRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

// strokeRect draws the one-pixel outline just inside r.
func strokeRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), c)
	fillRect(img, image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y), c)
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y), c)
	fillRect(img, image.Rect(r.Max.X-1, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// clipSegment clips the segment (x0, y0)–(x1, y1) to the rectangle
// [xmin, xmax]×[ymin, ymax] with the Liang–Barsky method: the segment is
// P(t) = P0 + t·(P1 − P0) for t in [0, 1], and each rectangle edge narrows
// the interval of t inside it. It reports false when nothing remains.
func clipSegment(x0, y0, x1, y1, xmin, ymin, xmax, ymax float64) (float64, float64, float64, float64, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{
		{-dx, x0 - xmin}, {dx, xmax - x0}, {-dy, y0 - ymin}, {dy, ymax - y0},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false // parallel to this edge and outside it
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return 0, 0, 0, 0, false
		}
	}
	return x0 + float64(t0*dx), y0 + float64(t0*dy), x0 + float64(t1*dx), y0 + float64(t1*dy), true
}
