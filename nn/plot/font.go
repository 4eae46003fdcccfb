package plot

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
)

// The built-in font is a proportional bitmap font drawn on a 5×9 grid: rows
// 0 to 6 hold capitals and digits (the cap height is 7 pixels, the baseline
// sits under row 6), rows 7 and 8 hold the descenders of g, j, p, q, y and
// the comma. Blank columns at the left and right of a glyph are trimmed when
// the font is built, so "i" and "." are narrower than "m" and "W"; one blank
// column separates neighbouring glyphs.
const (
	glyphCols = 5
	glyphRows = 9
	// glyphAscent is the number of rows above the baseline.
	glyphAscent = 7
	// spaceAdvance is the advance of ' ' in unscaled pixels, gap included.
	spaceAdvance = 4
)

// fontBands draws the printable ASCII glyphs '!' to '~', twelve to a band.
// The first line of a band names its characters, one every six columns;
// the nine lines after it are the glyph rows, '#' for ink and '.' for paper,
// each glyph five columns wide and followed by one separating space.
var fontBands = []string{
	"!     \"     #     $     %     &     '     (     )     *     +     ,",
	"..#.. .#.#. .#.#. ..#.. ##... .##.. ..#.. ...#. .#... ..... ..... .....",
	"..#.. .#.#. .#.#. .#### ##..# #..#. ..#.. ..#.. ..#.. ..#.. ..#.. .....",
	"..#.. ..... ##### #.#.. ...#. #.#.. ..... .#... ...#. #.#.# ..#.. .....",
	"..#.. ..... .#.#. .###. ..#.. .#... ..... .#... ...#. .###. ##### .....",
	"..#.. ..... ##### ..#.# .#... #.#.# ..... .#... ...#. #.#.# ..#.. .....",
	"..... ..... .#.#. ####. #..## #..#. ..... ..#.. ..#.. ..#.. ..#.. .....",
	"..#.. ..... .#.#. ..#.. ...## .##.# ..... ...#. .#... ..... ..... .##..",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..#..",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .#...",
	"-     .     /     0     1     2     3     4     5     6     7     8",
	"..... ..... ....# .###. ..#.. .###. ##### ...#. ##### ..##. ##### .###.",
	"..... ..... ....# #...# .##.. #...# ...#. ..##. #.... .#... ....# #...#",
	"..... ..... ...#. #..## ..#.. ....# ..#.. .#.#. ####. #.... ...#. #...#",
	"####. ..... ..#.. #.#.# ..#.. ...#. ...#. #..#. ....# ####. ..#.. .###.",
	"..... ..... .#... ##..# ..#.. ..#.. ....# ##### ....# #...# .#... #...#",
	"..... .##.. #.... #...# ..#.. .#... #...# ...#. #...# #...# .#... #...#",
	"..... .##.. #.... .###. .###. ##### .###. ...#. .###. .###. .#... .###.",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"9     :     ;     <     =     >     ?     @     A     B     C     D",
	".###. ..... ..... ...#. ..... .#... .###. .###. .###. ####. .###. ###..",
	"#...# ..... ..... ..#.. ..... ..#.. #...# #...# #...# #...# #...# #..#.",
	"#...# .##.. .##.. .#... ##### ...#. ....# #.### #...# #...# #.... #...#",
	".#### .##.. .##.. #.... ..... ....# ...#. #.#.# ##### ####. #.... #...#",
	"....# ..... ..... .#... ##### ...#. ..#.. #.##. #...# #...# #.... #...#",
	"...#. .##.. .##.. ..#.. ..... ..#.. ..... #.... #...# #...# #...# #..#.",
	".##.. .##.. .##.. ...#. ..... .#... ..#.. .#### #...# ####. .###. ###..",
	"..... ..... ..#.. ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"..... ..... .#... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"E     F     G     H     I     J     K     L     M     N     O     P",
	"##### ##### .###. #...# .###. ..### #...# #.... #...# #...# .###. ####.",
	"#.... #.... #...# #...# ..#.. ...#. #..#. #.... ##.## #...# #...# #...#",
	"#.... #.... #.... #...# ..#.. ...#. #.#.. #.... #.#.# ##..# #...# #...#",
	"####. ####. #.### ##### ..#.. ...#. ##... #.... #.#.# #.#.# #...# ####.",
	"#.... #.... #...# #...# ..#.. ...#. #.#.. #.... #...# #..## #...# #....",
	"#.... #.... #...# #...# ..#.. #..#. #..#. #.... #...# #...# #...# #....",
	"##### #.... .#### #...# .###. .##.. #...# ##### #...# #...# .###. #....",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"Q     R     S     T     U     V     W     X     Y     Z     [     \\",
	".###. ####. .#### ##### #...# #...# #...# #...# #...# ##### .###. #....",
	"#...# #...# #.... ..#.. #...# #...# #...# #...# #...# ....# .#... #....",
	"#...# #...# #.... ..#.. #...# #...# #...# .#.#. .#.#. ...#. .#... .#...",
	"#...# ####. .###. ..#.. #...# #...# #.#.# ..#.. ..#.. ..#.. .#... ..#..",
	"#.#.# #.#.. ....# ..#.. #...# #...# #.#.# .#.#. ..#.. .#... .#... ...#.",
	"#..#. #..#. ....# ..#.. #...# .#.#. #.#.# #...# ..#.. #.... .#... ....#",
	".##.# #...# ####. ..#.. .###. ..#.. .#.#. #...# ..#.. ##### .###. ....#",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....",
	"]     ^     _     `     a     b     c     d     e     f     g     h",
	".###. ..#.. ..... .#... ..... #.... ..... ....# ..... ..##. ..... #....",
	"...#. .#.#. ..... ..#.. ..... #.... ..... ....# ..... .#..# ..... #....",
	"...#. #...# ..... ..... .###. #.##. .###. .##.# .###. .#... .#### #.##.",
	"...#. ..... ..... ..... ....# ##..# #.... #..## #...# ###.. #...# ##..#",
	"...#. ..... ..... ..... .#### #...# #.... #...# ##### .#... #...# #...#",
	"...#. ..... ..... ..... #...# #...# #...# #...# #.... .#... #..## #...#",
	".###. ..... ..... ..... .#### ####. .###. .#### .###. .#... .##.# #...#",
	"..... ..... ##### ..... ..... ..... ..... ..... ..... ..... ....# .....",
	"..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .###. .....",
	"i     j     k     l     m     n     o     p     q     r     s     t",
	"..#.. ...#. #.... .##.. ..... ..... ..... ..... ..... ..... ..... .#...",
	"..... ..... #.... ..#.. ..... ..... ..... ..... ..... ..... ..... .#...",
	".##.. ..##. #..#. ..#.. ##.#. #.##. .###. ####. .#### #.##. .#### ###..",
	"..#.. ...#. #.#.. ..#.. #.#.# ##..# #...# #...# #...# ##..# #.... .#...",
	"..#.. ...#. ##... ..#.. #.#.# #...# #...# #...# #...# #.... .###. .#...",
	"..#.. ...#. #.#.. ..#.. #.#.# #...# #...# ##..# #..## #.... ....# .#..#",
	".###. ...#. #..#. .###. #.#.# #...# .###. #.##. .##.# #.... ####. ..##.",
	"..... #..#. ..... ..... ..... ..... ..... #.... ....# ..... ..... .....",
	"..... .##.. ..... ..... ..... ..... ..... #.... ....# ..... ..... .....",
	"u     v     w     x     y     z     {     |     }     ~",
	"..... ..... ..... ..... ..... ..... ...#. ..#.. .#... .....",
	"..... ..... ..... ..... ..... ..... ..#.. ..#.. ..#.. .....",
	"#...# #...# #...# #...# #...# ##### ..#.. ..#.. ..#.. .#...",
	"#...# #...# #...# .#.#. #...# ...#. .#... ..#.. ...#. #.#.#",
	"#...# #...# #.#.# ..#.. #...# ..#.. ..#.. ..#.. ..#.. ...#.",
	"#..## .#.#. #.#.# .#.#. #..## .#... ..#.. ..#.. ..#.. .....",
	".##.# ..#.. .#.#. #...# .##.# ##### ...#. ..#.. .#... .....",
	"..... ..... ..... ..... ....# ..... ..... ..#.. ..... .....",
	"..... ..... ..... ..... .###. ..... ..... ..#.. ..... .....",
}

// glyph is one character of the built-in font after trimming: bit c of
// rows[r] (counting from the left, bit 0 first) is ink at column c, row r.
type glyph struct {
	rows  [glyphRows]uint8
	width int // trimmed width in unscaled pixels
}

// font holds the glyphs of the printable ASCII characters, indexed by code.
// A zero width marks a character the font lacks.
var font = buildFont(fontBands)

// tofu is drawn for characters the font lacks: a hollow box.
var tofu = glyph{width: 4, rows: [glyphRows]uint8{0, 0xf, 0x9, 0x9, 0x9, 0x9, 0xf}}

// buildFont parses the bands into glyphs. It panics on a malformed band,
// which the package tests rule out.
func buildFont(bands []string) [128]glyph {
	var f [128]glyph
	if len(bands)%(glyphRows+1) != 0 {
		panic("plot: font bands are not multiples of ten lines")
	}
	for b := 0; b < len(bands); b += glyphRows + 1 {
		header := bands[b]
		n := (len(header) + glyphCols) / (glyphCols + 1)
		for i := 0; i < n; i++ {
			ch := header[i*(glyphCols+1)]
			var g glyph
			left, right := glyphCols, -1
			for r := 0; r < glyphRows; r++ {
				row := bands[b+1+r]
				if len(row) != n*(glyphCols+1)-1 {
					panic("plot: font band row has the wrong length: " + row)
				}
				for c := 0; c < glyphCols; c++ {
					if row[i*(glyphCols+1)+c] == '#' {
						left, right = min(left, c), max(right, c)
					}
				}
			}
			for r := 0; r < glyphRows; r++ {
				row := bands[b+1+r]
				for c := left; c <= right; c++ {
					if row[i*(glyphCols+1)+c] == '#' {
						g.rows[r] |= 1 << (c - left)
					}
				}
			}
			g.width = right - left + 1
			f[ch] = g
		}
	}
	return f
}

// glyphFor returns the glyph drawn for r: the font's glyph, or the hollow
// box for a character outside printable ASCII. The boolean reports a space.
func glyphFor(r rune) (glyph, bool) {
	if r == ' ' {
		return glyph{}, true
	}
	if r > 0 && r < 128 && font[r].width > 0 {
		return font[r], false
	}
	return tofu, false
}

// advance returns the horizontal distance, in unscaled pixels, from the
// start of r to the start of the next character.
func advance(r rune) int {
	g, space := glyphFor(r)
	if space {
		return spaceAdvance
	}
	return g.width + 1
}

// TextWidth returns the width in pixels of s drawn with DrawText at the
// given scale (values below 1 count as 1): the sum of the character
// advances without the gap after the last character. It costs O(len(s)).
// Characters outside printable ASCII are measured as the box drawn for them.
func TextWidth(s string, scale int) int {
	scale = max(scale, 1)
	w := 0
	for _, r := range s {
		w += advance(r)
	}
	if w > 0 {
		w-- // no gap after the last glyph
	}
	return w * scale
}

// TextHeight returns the height in pixels of one line of text at the given
// scale (values below 1 count as 1), from the top of the capitals to the
// bottom of the descenders: 9 × scale.
func TextHeight(scale int) int { return glyphRows * max(scale, 1) }

// TextAscent returns the height in pixels of capitals and digits at the
// given scale (values below 1 count as 1): 7 × scale. The baseline of text
// drawn at y is at y + TextAscent(scale).
func TextAscent(scale int) int { return glyphAscent * max(scale, 1) }

// DrawText draws s onto dst with its top-left corner at (x, y) in colour c,
// each font pixel becoming a scale×scale block (values below 1 count as 1).
// Pixels outside dst's bounds are skipped. Characters outside printable
// ASCII are drawn as a hollow box; '\n' is not interpreted. It returns the
// x coordinate just after the text. It costs O(len(s) × scale²) pixel writes.
func DrawText(dst draw.Image, x, y int, s string, scale int, c color.Color) int {
	scale = max(scale, 1)
	fill := image.NewUniform(c)
	start := x
	for _, r := range s {
		g, _ := glyphFor(r)
		for row := 0; row < glyphRows; row++ {
			bits := g.rows[row]
			for col := 0; bits != 0; col++ {
				if bits&1 != 0 {
					px, py := x+col*scale, y+row*scale
					draw.Draw(dst, image.Rect(px, py, px+scale, py+scale), fill, image.Point{}, draw.Over)
				}
				bits >>= 1
			}
		}
		x += advance(r) * scale
	}
	if x > start {
		x -= scale
	}
	return x
}

// drawTextUp draws s rotated a quarter turn anticlockwise, reading from
// bottom to top, so that its unrotated top-left corner lands at (x, y+w-1)
// where w is TextWidth(s, scale): the rotated text fills the box from
// (x, y) to (x+TextHeight(scale), y+w).
func drawTextUp(dst draw.Image, x, y int, s string, scale int, c color.Color) {
	scale = max(scale, 1)
	fill := image.NewUniform(c)
	w := TextWidth(s, scale)
	pos := 0 // distance along the text from its start, in pixels
	for _, r := range s {
		g, _ := glyphFor(r)
		for row := 0; row < glyphRows; row++ {
			bits := g.rows[row]
			for col := 0; bits != 0; col++ {
				if bits&1 != 0 {
					// Text column u maps to image row y+w-1-u; text row v
					// maps to image column x+v.
					u := pos + col*scale
					px, py := x+row*scale, y+w-u-scale
					draw.Draw(dst, image.Rect(px, py, px+scale, py+scale), fill, image.Point{}, draw.Over)
				}
				bits >>= 1
			}
		}
		pos += advance(r) * scale
	}
}

// wrapText splits s into lines no wider than maxWidth pixels at the given
// scale. Explicit newlines always break. A paragraph too wide for one line
// is first split after each " / " separator, so that "pred: shirt / true:
// coat" becomes "pred: shirt /" and "true: coat", and each piece is then
// wrapped at spaces. A single word wider than maxWidth stays whole on its
// own line.
func wrapText(s string, scale, maxWidth int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		pieces := []string{para}
		if TextWidth(para, scale) > maxWidth {
			pieces = strings.SplitAfter(para, " / ")
		}
		for _, piece := range pieces {
			lines = append(lines, wrapWords(piece, scale, maxWidth)...)
		}
	}
	return lines
}

// wrapWords breaks s at spaces into lines no wider than maxWidth pixels,
// except that a single over-long word stays whole. An empty s gives one
// empty line.
func wrapWords(s string, scale, maxWidth int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if TextWidth(line+" "+w, scale) <= maxWidth {
			line += " " + w
			continue
		}
		lines = append(lines, line)
		line = w
	}
	return append(lines, line)
}
