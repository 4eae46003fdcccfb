package plot

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"nnscratch/matrix"
	"nnscratch/matrix/portable"
)

// DefaultWidth and DefaultHeight are the size in pixels of a LineChart
// whose Width or Height is zero or negative.
const (
	DefaultWidth  = 800
	DefaultHeight = 500
)

// Palette holds the colours given, in order, to series without a Color:
// ten hues that stay distinct from one another on white and for the
// commonest colour-vision deficiencies. Series beyond the tenth reuse them
// from the start.
var Palette = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, // blue
	{0xff, 0x7f, 0x0e, 0xff}, // orange
	{0x2c, 0xa0, 0x2c, 0xff}, // green
	{0xd6, 0x27, 0x28, 0xff}, // red
	{0x94, 0x67, 0xbd, 0xff}, // purple
	{0x8c, 0x56, 0x4b, 0xff}, // brown
	{0xe3, 0x77, 0xc2, 0xff}, // pink
	{0x7f, 0x7f, 0x7f, 0xff}, // grey
	{0xbc, 0xbd, 0x22, 0xff}, // olive
	{0x17, 0xbe, 0xcf, 0xff}, // cyan
}

// Colours of the chart furniture.
var (
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink       = color.RGBA{0x26, 0x26, 0x26, 0xff} // text
	axisInk   = color.RGBA{0x33, 0x33, 0x33, 0xff} // frame and tick marks
	gridMajor = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	gridMinor = color.RGBA{0xf0, 0xf0, 0xf0, 0xff}
	legendRim = color.RGBA{0xbb, 0xbb, 0xbb, 0xff}
)

// Stroke geometry in unscaled pixels.
const (
	lineWidth    = 2.0 // series lines
	markerRadius = 3.5 // series markers and isolated points
	tickLen      = 5   // tick marks, outside the frame
	margin       = 10  // between the image edge and anything drawn
)

// Series is one line of a LineChart: the points (X[i], Y[i]) joined in
// order. A nil X stands for 0, 1, 2, …, len(Y)−1 (epochs, say). Points
// with a NaN or infinite coordinate, or a coordinate ≤ 0 on a logarithmic
// axis, are skipped and the line breaks there; a point with no drawable
// neighbour is drawn as a dot. Name labels the series in the legend (a
// series without a name has no legend entry). Color is the line colour,
// drawn opaque; nil picks Palette[i mod len(Palette)] for the i-th series.
type Series struct {
	Name  string
	X, Y  []float64
	Color color.Color
}

// LineChart draws series of (x, y) points as lines on linear or
// logarithmic axes, with nice tick values, grid lines, a title, axis
// labels and a legend. The zero value, once given Series, is a usable
// 800×500 chart with automatic ranges.
//
// An axis range is fitted to the drawable points with 5% of room on each
// side (measured in decades on a logarithmic axis), unless XRange or
// YRange is set: a range [lo, hi] with lo < hi (and lo > 0 on a
// logarithmic axis) is used as given, and lines leaving it are clipped at
// the frame. An axis without drawable points spans [0, 1], or [1, 10]
// when logarithmic; an axis whose points all share one value spans ±10%
// of it (±1 around zero; a factor √10 either way when logarithmic).
//
// The legend is placed in the corner of the plot area where it hides the
// least of the lines; when every corner would hide some, it moves to the
// right of the plot area, which narrows to make room (unless that would
// take more than a third of the width, or no corner is big enough for it).
type LineChart struct {
	Title, XLabel, YLabel string
	LogX, LogY            bool
	Series                []Series
	// Width and Height are the image size in pixels; zero or negative
	// means DefaultWidth or DefaultHeight.
	Width, Height int
	// Markers draws a dot at every point, as suits a sweep over a few
	// parameter values.
	Markers bool
	// XRange and YRange fix the axis ranges when their first element is
	// below their second; the zero value means automatic.
	XRange, YRange [2]float64
	// FontScale multiplies the size of all text (the title is drawn at
	// twice this scale); zero or negative means 1.
	FontScale int
}

// axis maps data values on one axis to the unit interval.
type axis struct {
	lo, hi float64
	log    bool
}

// log10 returns math.Log10(x) as amd64 computes it, ln x·(1/ln 10) with
// portable.Log, rounded to float64: the logarithm is the same bits on every
// platform, and the conversion stops Go from fusing the product into the
// caller's next addition (it does on arm64). The float64(x*y) products
// below, and portable.Pow, keep the picture the same on every machine.
func log10(x float64) float64 { return float64(portable.Log(x) * (1 / math.Ln10)) }

// norm returns where v falls between lo (0) and hi (1). Halving before
// subtracting keeps ranges near ±MaxFloat64 from overflowing.
func (a axis) norm(v float64) float64 {
	if a.log {
		l := log10(a.lo)
		return (log10(v) - l) / (log10(a.hi) - l)
	}
	return (v/2 - a.lo/2) / (a.hi/2 - a.lo/2)
}

// ticks returns at most n major ticks inside the axis range, their labels,
// and the minor ticks worth a light grid line.
func (a axis) ticks(n int) (major []float64, labels []string, minor []float64) {
	if a.log {
		major, minor = logTicks(a.lo, a.hi, n)
	} else {
		major = NiceTicks(a.lo, a.hi, n)
	}
	return major, TickLabels(major, a.log), minor
}

// valid reports whether v can be drawn on the axis.
func (a axis) valid(v float64) bool { return finite(v) && (!a.log || v > 0) }

// newAxis returns the axis for data values in [lo, hi] (found false when
// there are none), honouring a fixed range as LineChart documents.
func newAxis(lo, hi float64, found, log bool, fixed [2]float64) axis {
	if fixed[0] < fixed[1] && finite(fixed[0]) && finite(fixed[1]) && (!log || fixed[0] > 0) {
		return axis{fixed[0], fixed[1], log}
	}
	switch {
	case !found && log:
		return axis{1, 10, true}
	case !found:
		return axis{0, 1, false}
	}
	if log {
		if lo == hi {
			lo, hi = lo/math.Sqrt(10), hi*math.Sqrt(10)
		}
		llo, lhi := log10(lo), log10(hi)
		pad := float64((lhi - llo) * 0.05)
		if plo := portable.Pow(10, llo-pad); plo > 0 {
			lo = plo
		}
		if phi := portable.Pow(10, lhi+pad); finite(phi) {
			hi = phi
		}
		return axis{lo, hi, true}
	}
	if lo == hi {
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	pad := float64((hi/2 - lo/2) * 0.1)
	return axis{math.Max(lo-pad, -math.MaxFloat64), math.Min(hi+pad, math.MaxFloat64), false}
}

// point is a data point already mapped to continuous pixel coordinates.
type point struct{ x, y float64 }

// chartLayout is where everything goes on the image.
type chartLayout struct {
	plot           image.Rectangle // the data area, inside the frame
	x, y           axis
	xTicks, yTicks []float64
	xLabels        []string
	yLabels        []string
	xMinor, yMinor []float64
	legend         image.Rectangle // empty when there is no legend
	w, h, s        int             // image size and font scale
}

// px and py map data coordinates to continuous pixel coordinates: the range
// ends fall on the centres of the first and last pixel of the plot area.
// Points far outside are pulled in to a million pixels, which changes the
// direction of the visible part of a line by far less than a pixel.
func (l *chartLayout) px(v float64) float64 {
	p := float64(l.plot.Min.X) + 0.5 + float64(l.x.norm(v)*float64(l.plot.Dx()-1))
	return math.Max(-1e6, math.Min(1e6, p))
}

func (l *chartLayout) py(v float64) float64 {
	p := float64(l.plot.Max.Y) - 0.5 - float64(l.y.norm(v)*float64(l.plot.Dy()-1))
	return math.Max(-1e6, math.Min(1e6, p))
}

// Render draws the chart and returns the image. It panics with an error
// wrapping matrix.ErrShape when a series has a non-nil X of a different
// length from Y. Empty series, constant series and series without a single
// drawable point are drawn without error. It costs O(Width × Height) plus,
// for each segment, the area of its bounding box.
func (c *LineChart) Render() *image.RGBA {
	l, masks := c.plan()
	img := image.NewRGBA(image.Rect(0, 0, l.w, l.h))
	fillRect(img, img.Rect, white)
	c.drawGrid(img, l)
	for i, m := range masks {
		m.paint(img, c.color(i))
	}
	c.drawAxes(img, l, l.s)
	if !l.legend.Empty() {
		c.drawLegend(img, l.legend, l.s)
	}
	return img
}

// plan fits the axes, lays the chart out, rasterises the series and places
// the legend.
func (c *LineChart) plan() (*chartLayout, []*mask) {
	w, h := c.Width, c.Height
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	s := max(c.FontScale, 1)

	// Gather the drawable points and the data ranges.
	xa := axis{log: c.LogX}
	ya := axis{log: c.LogY}
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	found := false
	for i, sr := range c.Series {
		if sr.X != nil && len(sr.X) != len(sr.Y) {
			panic(fmt.Errorf("plot: series %d (%q) has %d x values and %d y values: %w",
				i, sr.Name, len(sr.X), len(sr.Y), matrix.ErrShape))
		}
		for j, yv := range sr.Y {
			xv := xAt(sr, j)
			if !xa.valid(xv) || !ya.valid(yv) {
				continue
			}
			found = true
			xlo, xhi = math.Min(xlo, xv), math.Max(xhi, xv)
			ylo, yhi = math.Min(ylo, yv), math.Max(yhi, yv)
		}
	}
	xa = newAxis(xlo, xhi, found, c.LogX, c.XRange)
	ya = newAxis(ylo, yhi, found, c.LogY, c.YRange)

	var names []string
	for _, sr := range c.Series {
		if sr.Name != "" {
			names = append(names, sr.Name)
		}
	}
	lw, lh := legendSize(names, s)

	// Lay out with the legend inside the plot area; if every corner would
	// hide part of a line, lay out again with the legend on the right.
	l := c.layout(w, h, s, xa, ya, 0)
	masks := c.rasterise(l)
	if len(names) > 0 {
		best, bestScore := image.Rectangle{}, math.Inf(1)
		in := l.plot.Inset(margin)
		if lw <= in.Dx() && lh <= in.Dy() {
			for _, r := range []image.Rectangle{
				image.Rect(in.Max.X-lw, in.Min.Y, in.Max.X, in.Min.Y+lh), // top right
				image.Rect(in.Min.X, in.Min.Y, in.Min.X+lw, in.Min.Y+lh), // top left
				image.Rect(in.Max.X-lw, in.Max.Y-lh, in.Max.X, in.Max.Y), // bottom right
				image.Rect(in.Min.X, in.Max.Y-lh, in.Min.X+lw, in.Max.Y), // bottom left
			} {
				score := 0.0
				for _, m := range masks {
					score += m.sum(r.Inset(-2))
				}
				if score < bestScore {
					best, bestScore = r, score
				}
			}
		}
		// Stay inside when a corner is clear, or when moving out would take
		// more than a third of the width (unless no corner fits at all).
		if !best.Empty() && (bestScore < 1 || 3*(lw+margin) > w) {
			l.legend = best
		} else {
			l = c.layout(w, h, s, xa, ya, lw+margin)
			masks = c.rasterise(l)
			l.legend = image.Rect(l.plot.Max.X+margin+2, l.plot.Min.Y, l.plot.Max.X+margin+2+lw, l.plot.Min.Y+lh)
		}
	}
	l.w, l.h, l.s = w, h, s
	return l, masks
}

// xAt returns the x value of point j of sr: X[j], or j when X is nil.
func xAt(sr Series, j int) float64 {
	if sr.X == nil {
		return float64(j)
	}
	return sr.X[j]
}

// color returns the opaque colour of series i.
func (c *LineChart) color(i int) color.RGBA {
	if col := c.Series[i].Color; col != nil {
		n := color.NRGBAModel.Convert(col).(color.NRGBA)
		return color.RGBA{n.R, n.G, n.B, 0xff}
	}
	return Palette[i%len(Palette)]
}

// layout places the plot area, leaving extraRight pixels on the right for
// a legend outside it, and chooses ticks that fit.
func (c *LineChart) layout(w, h, s int, xa, ya axis, extraRight int) *chartLayout {
	l := &chartLayout{x: xa, y: ya}
	top := margin + TextAscent(s)/2 + 2
	if c.Title != "" {
		top = margin + TextHeight(2*s) + 8
	}
	bottom := margin + tickLen + 4 + TextHeight(s)
	if c.XLabel != "" {
		bottom += TextHeight(s) + 6
	}
	ph := max(h-top-bottom, 2)
	l.yTicks, l.yLabels, l.yMinor = ya.ticks(max(2, ph/(4*TextHeight(s))))
	left := margin + tickLen + 5
	maxW := 0
	for _, lab := range l.yLabels {
		maxW = max(maxW, TextWidth(lab, s))
	}
	left += maxW
	if c.YLabel != "" {
		left += TextHeight(s) + 10
	}
	right := margin + 8 + extraRight
	pw := max(w-left-right, 2)
	l.plot = image.Rect(left, top, left+pw, top+ph)

	// Fewer x ticks until neighbouring labels keep a clear gap.
	gap := 3 * TextWidth("0", s)
	for n := max(2, pw/(12*(TextWidth("0", s)+1))); n >= 2; n-- {
		l.xTicks, l.xLabels, l.xMinor = xa.ticks(n)
		if l.xLabelsFit(s, gap) {
			break
		}
	}
	return l
}

// xLabelsFit reports whether the x tick labels, centred on their ticks,
// keep at least gap pixels between neighbours.
func (l *chartLayout) xLabelsFit(s, gap int) bool {
	for i := 1; i < len(l.xTicks); i++ {
		d := l.px(l.xTicks[i]) - l.px(l.xTicks[i-1])
		need := float64(TextWidth(l.xLabels[i], s)+TextWidth(l.xLabels[i-1], s))/2 + float64(gap)
		if d < need {
			return false
		}
	}
	return true
}

// rasterise draws every series into its own coverage mask over the plot
// area.
func (c *LineChart) rasterise(l *chartLayout) []*mask {
	masks := make([]*mask, len(c.Series))
	for i, sr := range c.Series {
		m := newMask(l.plot)
		masks[i] = m
		var run []point
		flush := func() {
			if len(run) == 1 && !c.Markers {
				m.disc(run[0].x, run[0].y, markerRadius)
			}
			for k := 1; k < len(run); k++ {
				m.segment(run[k-1].x, run[k-1].y, run[k].x, run[k].y, lineWidth)
			}
			run = run[:0]
		}
		for j, yv := range sr.Y {
			xv := xAt(sr, j)
			if !l.x.valid(xv) || !l.y.valid(yv) {
				flush()
				continue
			}
			p := point{l.px(xv), l.py(yv)}
			run = append(run, p)
			if c.Markers {
				m.disc(p.x, p.y, markerRadius)
			}
		}
		flush()
	}
	return masks
}

// drawGrid draws the light grid lines at the minor and major ticks.
func (c *LineChart) drawGrid(img *image.RGBA, l *chartLayout) {
	vline := func(v float64, col color.RGBA) {
		x := int(math.Floor(l.px(v)))
		fillRect(img, image.Rect(x, l.plot.Min.Y, x+1, l.plot.Max.Y), col)
	}
	hline := func(v float64, col color.RGBA) {
		y := int(math.Floor(l.py(v)))
		fillRect(img, image.Rect(l.plot.Min.X, y, l.plot.Max.X, y+1), col)
	}
	for _, v := range l.xMinor {
		vline(v, gridMinor)
	}
	for _, v := range l.yMinor {
		hline(v, gridMinor)
	}
	for _, v := range l.xTicks {
		vline(v, gridMajor)
	}
	for _, v := range l.yTicks {
		hline(v, gridMajor)
	}
}

// drawAxes draws the frame, the tick marks and labels, the axis labels and
// the title.
func (c *LineChart) drawAxes(img *image.RGBA, l *chartLayout, s int) {
	p := l.plot
	strokeRect(img, p.Inset(-1), axisInk)
	asc := TextAscent(s)
	for i, v := range l.xTicks {
		x := int(math.Floor(l.px(v)))
		fillRect(img, image.Rect(x, p.Max.Y+1, x+1, p.Max.Y+1+tickLen), axisInk)
		tw := TextWidth(l.xLabels[i], s)
		tx := min(max(x-tw/2, 0), img.Rect.Dx()-tw) // keep end labels on the image
		DrawText(img, tx, p.Max.Y+1+tickLen+4, l.xLabels[i], s, ink)
	}
	for i, v := range l.yTicks {
		y := int(math.Floor(l.py(v)))
		fillRect(img, image.Rect(p.Min.X-1-tickLen, y, p.Min.X-1, y+1), axisInk)
		tw := TextWidth(l.yLabels[i], s)
		DrawText(img, p.Min.X-1-tickLen-4-tw, y-asc/2, l.yLabels[i], s, ink)
	}
	if c.XLabel != "" {
		tw := TextWidth(c.XLabel, s)
		DrawText(img, p.Min.X+(p.Dx()-tw)/2, p.Max.Y+1+tickLen+4+TextHeight(s)+6, c.XLabel, s, ink)
	}
	if c.YLabel != "" {
		tw := TextWidth(c.YLabel, s)
		drawTextUp(img, margin, p.Min.Y+(p.Dy()-tw)/2, c.YLabel, s, ink)
	}
	if c.Title != "" {
		// A title too wide for the image at twice the font scale is drawn
		// at the font scale instead, rather than run off the edge.
		ts := 2 * s
		if TextWidth(c.Title, ts) > img.Rect.Dx()-2*margin {
			ts = s
		}
		tw := TextWidth(c.Title, ts)
		x := min(max(p.Min.X+(p.Dx()-tw)/2, margin), max(img.Rect.Dx()-margin-tw, margin))
		DrawText(img, x, margin, c.Title, ts, ink)
	}
}

// Legend geometry in unscaled pixels.
const (
	legendPad    = 8  // inside the legend box
	legendSwatch = 24 // length of the line sample
	legendGap    = 6  // between the sample and the name
)

// legendRow returns the height of one legend entry at scale s.
func legendRow(s int) int { return TextHeight(s) + 5*s }

// legendSize returns the width and height of the legend box for names.
func legendSize(names []string, s int) (int, int) {
	if len(names) == 0 {
		return 0, 0
	}
	maxW := 0
	for _, n := range names {
		maxW = max(maxW, TextWidth(n, s))
	}
	return 2*legendPad + legendSwatch + legendGap + maxW, 2*legendPad + len(names)*legendRow(s) - 5*s
}

// drawLegend draws the legend box at r: a white box with a grey rim and,
// for each named series, a sample of its line and its name.
func (c *LineChart) drawLegend(img *image.RGBA, r image.Rectangle, s int) {
	fillRect(img, r, white)
	strokeRect(img, r, legendRim)
	y := r.Min.Y + legendPad
	for i, sr := range c.Series {
		if sr.Name == "" {
			continue
		}
		m := newMask(r.Inset(1))
		cy := float64(y) + float64(TextAscent(s))/2
		x0 := float64(r.Min.X + legendPad)
		m.segment(x0+1, cy, x0+legendSwatch-1, cy, lineWidth+1)
		if c.Markers {
			m.disc(x0+legendSwatch/2, cy, markerRadius)
		}
		m.paint(img, c.color(i))
		DrawText(img, r.Min.X+legendPad+legendSwatch+legendGap, y, sr.Name, s, ink)
		y += legendRow(s)
	}
}
