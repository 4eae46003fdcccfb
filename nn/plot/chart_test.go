package plot

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"math"
	"testing"

	"nnscratch/matrix"
)

var red = color.RGBA{255, 0, 0, 255}

// render renders c and returns the image with the layout it used.
func render(t *testing.T, c *LineChart) (*image.RGBA, *chartLayout) {
	t.Helper()
	l, _ := c.plan()
	return c.Render(), l
}

func TestLineChartPixels(t *testing.T) {
	c := &LineChart{
		Title: "T", XLabel: "x", YLabel: "y",
		Width: 400, Height: 300,
		XRange: [2]float64{0, 1}, YRange: [2]float64{0, 1},
		Series: []Series{{X: []float64{0, 1}, Y: []float64{0.5, 0.5}, Color: red}},
	}
	img, l := render(t, c)
	if got, want := img.Rect, image.Rect(0, 0, 400, 300); got != want {
		t.Fatalf("image bounds: got %v, want %v", got, want)
	}
	p := l.plot
	midY := int(math.Floor(l.py(0.5)))
	gridY := -1 // a grid line clear of the series and the frame
	for _, v := range l.yTicks {
		if v > 0 && v < 1 && math.Abs(v-0.5) > 0.1 {
			gridY = int(math.Floor(l.py(v)))
		}
	}
	probes := []struct {
		name string
		x, y int
		want color.RGBA
	}{
		{"background corner", 1, 1, white},
		{"left axis line", p.Min.X - 1, p.Min.Y + p.Dy()/3, axisInk},
		{"bottom axis line", p.Min.X + p.Dx()/3, p.Max.Y, axisInk},
		{"top of frame", p.Min.X + p.Dx()/3, p.Min.Y - 1, axisInk},
		{"series at its middle", p.Min.X + p.Dx()/2, midY, red},
		{"series at its left end", p.Min.X, midY, red},
		{"series at its right end", p.Max.X - 1, midY, red},
		{"tick mark at x = 0", int(math.Floor(l.px(0))), p.Max.Y + tickLen, axisInk},
		{"plot area well away from the line", p.Min.X + p.Dx()/2 + 3, p.Min.Y + 3, white},
		{"grid line at a y tick", p.Min.X + p.Dx()/2 + 3, gridY, gridMajor},
	}
	for _, pr := range probes {
		if got := at(img, pr.x, pr.y); got != pr.want {
			t.Errorf("%s: pixel (%d, %d) got %v, want %v", pr.name, pr.x, pr.y, got, pr.want)
		}
	}
	// The line is 2 pixels wide: full colour at the centre row, and no red
	// tint 3 rows away.
	if got := at(img, p.Min.X+p.Dx()/2, midY+3); reddish(got) {
		t.Errorf("3 px below the line: got %v, want no red", got)
	}
	if n := len(l.xLabels); n < 3 || l.xLabels[0] != "0.0" || l.xLabels[n-1] != "1.0" {
		t.Errorf("x tick labels: got %q, want at least three from 0.0 to 1.0", l.xLabels)
	}
}

func TestLineChartDefaultsAndDeterminism(t *testing.T) {
	c := alphaSweepChart()
	a, b := c.Render(), c.Render()
	if got, want := a.Rect, image.Rect(0, 0, DefaultWidth, DefaultHeight); got != want {
		t.Errorf("default size: got %v, want %v", got, want)
	}
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("two renderings of one chart differ, want identical pixels")
	}
	for i := range c.Series {
		if n := countColor(a, image.Rectangle{}, true, Palette[i]); n == 0 {
			t.Errorf("series %d: got no pixel of its palette colour %v, want some", i, Palette[i])
		}
	}
}

// TestLineChartClipping draws a line that leaves a fixed range and checks
// that no red pixel lands outside the plot area.
func TestLineChartClipping(t *testing.T) {
	c := &LineChart{
		Width: 300, Height: 200,
		YRange: [2]float64{0, 1},
		Series: []Series{{X: []float64{0, 1, 2, 3}, Y: []float64{-5, 10, -1e12, 0.5}, Color: red}},
	}
	img, l := render(t, c)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			if !(image.Point{x, y}).In(l.plot) && reddish(at(img, x, y)) {
				t.Fatalf("pixel (%d, %d) outside the plot area %v: got red %v, want none", x, y, l.plot, at(img, x, y))
			}
		}
	}
	if countColor(img, l.plot, false, red) == 0 {
		t.Error("got no red inside the plot area, want the visible parts of the line")
	}
}

// TestLineChartBreaks checks that an undrawable point breaks the line: the
// two neighbours are not joined across it.
func TestLineChartBreaks(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, -3} {
		c := &LineChart{
			Width: 300, Height: 200, LogY: true,
			Series: []Series{{Y: []float64{1, 2, bad, 2, 1}, Color: red}},
		}
		img, l := render(t, c)
		x, y := int(math.Floor(l.px(2))), int(math.Floor(l.py(2)))
		if got := at(img, x, y); reddish(got) {
			t.Errorf("y[2] = %g on a log axis: pixel where the joined line would pass got %v, want no red", bad, got)
		}
		x, y = int(math.Floor(l.px(0.5))), int(math.Floor(l.py(math.Sqrt(2))))
		if got := at(img, x, y); !reddish(got) {
			t.Errorf("y[2] = %g: pixel on the first segment got %v, want red", bad, got)
		}
	}
}

func TestLineChartEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		c      LineChart
		wantSC bool // whether red must appear
	}{
		{"no series", LineChart{Title: "empty"}, false},
		{"empty series", LineChart{Series: []Series{{Name: "none", Color: red}}}, false},
		{"one point", LineChart{Series: []Series{{Y: []float64{3}, Color: red}}}, true},
		{"one point, log axes", LineChart{LogX: true, LogY: true, Series: []Series{{X: []float64{5}, Y: []float64{0.01}, Color: red}}}, true},
		{"constant series", LineChart{Series: []Series{{Y: []float64{2, 2, 2, 2}, Color: red}}}, true},
		{"constant zero series", LineChart{Series: []Series{{Y: []float64{0, 0, 0}, Color: red}}}, true},
		{"all non-positive on log", LineChart{LogY: true, Series: []Series{{Y: []float64{0, -1, 0}, Color: red}}}, false},
		{"zeros on log", LineChart{LogY: true, Series: []Series{{Y: []float64{0, 0.5, 0.1, 0, 0.01}, Color: red}}}, true},
		{"all NaN", LineChart{Series: []Series{{Y: []float64{math.NaN(), math.NaN()}, Color: red}}}, false},
		{"huge linear range", LineChart{Series: []Series{{Y: []float64{-1e300, 1e300}, Color: red}}}, true},
		{"extreme linear range", LineChart{Series: []Series{{Y: []float64{-math.MaxFloat64, math.MaxFloat64}, Color: red}}}, true},
		{"huge log range", LineChart{LogY: true, Series: []Series{{Y: []float64{1e-300, 1e300}, Color: red}}}, true},
		{"tiny range", LineChart{Series: []Series{{Y: []float64{1, 1 + 1e-15}, Color: red}}}, true},
		{"bad fixed range ignored", LineChart{LogY: true, YRange: [2]float64{-1, 1}, Series: []Series{{Y: []float64{1, 10}, Color: red}}}, true},
		{"tiny image", LineChart{Width: 20, Height: 10, Title: "title", Series: []Series{{Name: "a", Y: []float64{1, 2}, Color: red}}}, false},
		{"markers", LineChart{Markers: true, Series: []Series{{Name: "m", Y: []float64{1, 3, 2}, Color: red}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := tt.c.Render()
			if tt.wantSC && countColor(img, image.Rectangle{}, true, red) == 0 {
				t.Error("got no pixel of the series colour, want the series drawn")
			}
		})
	}
}

func TestLineChartShapeMismatchPanics(t *testing.T) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !errors.Is(err, matrix.ErrShape) {
			t.Errorf("recovered %v, want an error wrapping matrix.ErrShape", r)
		}
	}()
	c := &LineChart{Series: []Series{{Name: "bad", X: []float64{1, 2, 3}, Y: []float64{1, 2}}}}
	c.Render()
}

func TestLegendPlacement(t *testing.T) {
	diag := []float64{0, 1, 2, 3, 4}
	tests := []struct {
		name  string
		c     *LineChart
		where string
	}{
		// A rising line fills the bottom-left and top-right corners; a
		// falling one the top-left and bottom-right.
		{"rising", &LineChart{Series: []Series{{Name: "up", X: diag, Y: diag}}}, "top left"},
		{"falling", &LineChart{Series: []Series{{Name: "down", X: diag, Y: []float64{4, 3, 2, 1, 0}}}}, "top right"},
		{"every corner busy", alphaSweepChart(), "outside"},
		{"narrow image keeps it inside", &LineChart{Width: 300, Series: alphaSweepChart().Series}, "inside"},
	}
	for _, tt := range tests {
		l, _ := tt.c.plan()
		p, g := l.plot, l.legend
		var got string
		switch {
		case g.Min.X >= p.Max.X:
			got = "outside"
		case tt.where == "inside" && g.In(p):
			got = "inside"
		case g.Min.Y < p.Min.Y+p.Dy()/2 && g.Min.X < p.Min.X+p.Dx()/2:
			got = "top left"
		case g.Min.Y < p.Min.Y+p.Dy()/2:
			got = "top right"
		default:
			got = "bottom"
		}
		if got != tt.where {
			t.Errorf("%s: legend at %v in plot %v: got %s, want %s", tt.name, g, p, got, tt.where)
		}
	}
}

// TestXTickLabelsDoNotOverlap checks the x labels of a log-scale sweep and a
// long linear axis at several widths.
func TestXTickLabelsDoNotOverlap(t *testing.T) {
	for _, w := range []int{200, 320, 480, 800, 1600} {
		for _, c := range []*LineChart{
			{Width: w, LogX: true, Series: []Series{{X: []float64{1e-6, 1e6}, Y: []float64{0, 1}}}},
			{Width: w, Series: []Series{{X: []float64{0, 123456}, Y: []float64{0, 1}}}},
			{Width: w, Series: []Series{{X: []float64{-0.000123, 0.000456}, Y: []float64{0, 1}}}},
		} {
			l, _ := c.plan()
			if !l.xLabelsFit(1, 1) && len(l.xTicks) > 2 {
				t.Errorf("width %d: x labels %q overlap", w, l.xLabels)
			}
			if len(l.xTicks) < 2 && w >= 320 {
				t.Errorf("width %d: got %d x ticks (%q), want at least 2", w, len(l.xTicks), l.xLabels)
			}
		}
	}
}

func TestSeriesWithoutXUsesIndices(t *testing.T) {
	c := &LineChart{Series: []Series{{Y: []float64{5, 6, 7}}}}
	l, _ := c.plan()
	if l.x.lo >= 0 || l.x.hi <= 2 || l.x.lo < -0.2 || l.x.hi > 2.2 {
		t.Errorf("x range for indices 0..2: got [%g, %g], want 0..2 with 5%% room", l.x.lo, l.x.hi)
	}
}

func TestAxisPadding(t *testing.T) {
	tests := []struct {
		lo, hi float64
		log    bool
		fixed  [2]float64
		want   axis
	}{
		{0, 10, false, [2]float64{}, axis{-0.5, 10.5, false}},
		{0, 10, false, [2]float64{2, 3}, axis{2, 3, false}},
		{4, 4, false, [2]float64{}, axis{3.56, 4.44, false}},
		{0, 0, false, [2]float64{}, axis{-1.1, 1.1, false}},
		{1, 1000, true, [2]float64{}, axis{math.Pow(10, -0.15), math.Pow(10, 3.15), true}},
	}
	for _, tt := range tests {
		got := newAxis(tt.lo, tt.hi, true, tt.log, tt.fixed)
		if math.Abs(got.lo-tt.want.lo) > 1e-9 || math.Abs(got.hi-tt.want.hi) > 1e-9*math.Abs(tt.want.hi) || got.log != tt.want.log {
			t.Errorf("newAxis(%g, %g, log %v, fixed %v): got %+v, want %+v", tt.lo, tt.hi, tt.log, tt.fixed, got, tt.want)
		}
	}
}

// TestLongTitleStaysInside checks that a title too wide for twice the font
// scale is drawn smaller instead of running off the image.
func TestLongTitleStaysInside(t *testing.T) {
	c := LineChart{
		Title:  "Elman 5-5-1, lynx: fit of the weights after 1000 iterations, rate 0.2",
		Width:  500,
		Height: 300,
		Series: []Series{{Y: []float64{1, 2, 3}}},
	}
	img := c.Render()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Min.Y+margin+TextHeight(2); y++ {
		for x := b.Max.X - margin; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r != 0xffff || g != 0xffff || bl != 0xffff {
				t.Fatalf("pixel (%d, %d) in the right margin beside the title is not white", x, y)
			}
		}
	}
}
