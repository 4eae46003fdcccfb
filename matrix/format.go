package matrix

import (
	"math"
	"strconv"
	"strings"
)

// String formats m the way numpy prints a float64 array by default
// (np.set_printoptions defaults: precision 8, floatmode "maxprec", line width
// 75), so a lesson's output can be laid beside a notebook's:
//
//	[[-0.16595599  0.44064899 -0.99977125 -0.39533485]
//	 [-0.70648822 -0.81532281 -0.62747958 -0.30887855]
//	 [-0.20646505  0.07763347 -0.16161097  0.370439  ]]
//
// Each value gets its shortest round-trip digits, cut to 8 after the point;
// values are padded so the points line up. As in numpy, the whole matrix
// switches to scientific notation when a non-zero magnitude is below 1e-4 or
// at least 1e8, or when the largest is more than 1000 times the smallest.
func (m *Matrix) String() string { return m.Format(8) }

// Format is String with at most precision digits after the point, numpy's
// np.array2string(a, precision=precision).
func (m *Matrix) Format(precision int) string {
	words := formatFloats(m.Data, precision)
	var b strings.Builder
	const width = 75
	b.WriteString("[")
	if len(m.Data) == 0 {
		b.WriteString("]")
		return b.String()
	}
	for i := 0; i < m.Rows; i++ {
		if i > 0 {
			b.WriteString("\n ")
		}
		line := "["
		for j := 0; j < m.Cols; j++ {
			w := words[i*m.Cols+j]
			sep := " "
			if j == 0 {
				sep = ""
			}
			// numpy wraps before a word that would pass the line width; the
			// last word of a row must also leave room for the closing "]".
			extra := 0
			if j == m.Cols-1 {
				extra = 1
			}
			if j > 0 && len(line)+len(sep)+len(w)+extra > width {
				b.WriteString(strings.TrimRight(line, " "))
				b.WriteString("\n  ")
				line = ""
				sep = ""
			}
			line += sep + w
		}
		b.WriteString(line)
		b.WriteString("]")
	}
	b.WriteString("]")
	return b.String()
}

// formatFloats returns numpy's text for each value, padded to a common width.
func formatFloats(xs []float64, precision int) []string {
	exp := useExp(xs)
	out := make([]string, len(xs))
	if exp {
		// Scientific: every mantissa gets the same number of digits, the
		// most any value needs (at most precision).
		digits := 0
		for _, x := range xs {
			if isFinite(x) {
				s := strconv.FormatFloat(x, 'e', -1, 64)
				mant := s[:strings.IndexByte(s, 'e')]
				if p := strings.IndexByte(mant, '.'); p >= 0 && len(mant)-p-1 > digits {
					digits = len(mant) - p - 1
				}
			}
		}
		digits = min(digits, precision)
		for i, x := range xs {
			if isFinite(x) {
				s := strconv.FormatFloat(x, 'e', digits, 64)
				if digits == 0 {
					s = strings.Replace(s, "e", ".e", 1)
				}
				out[i] = s
			} else {
				out[i] = nonFinite(x)
			}
		}
		return padLeft(out)
	}
	ints := make([]string, len(xs))
	fracs := make([]string, len(xs))
	padL, padR := 0, 0
	for i, x := range xs {
		if !isFinite(x) {
			continue
		}
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if p := strings.IndexByte(s, '.'); p >= 0 && len(s)-p-1 > precision {
			s = strings.TrimRight(strconv.FormatFloat(x, 'f', precision, 64), "0")
		}
		if !strings.Contains(s, ".") {
			s += "."
		}
		p := strings.IndexByte(s, '.')
		ints[i], fracs[i] = s[:p], s[p+1:]
		padL = max(padL, len(ints[i]))
		padR = max(padR, len(fracs[i]))
	}
	// Non-finite values widen the integer part so that "nan" and "-inf"
	// fit in the same columns.
	for _, x := range xs {
		if !isFinite(x) {
			padL = max(padL, len(nonFinite(x))-padR-1)
		}
	}
	for i, x := range xs {
		if !isFinite(x) {
			out[i] = strings.Repeat(" ", max(0, padL+1+padR-len(nonFinite(x)))) + nonFinite(x)
			continue
		}
		out[i] = strings.Repeat(" ", padL-len(ints[i])) + ints[i] + "." + fracs[i] + strings.Repeat(" ", padR-len(fracs[i]))
	}
	return out
}

// useExp reports whether numpy would print xs in scientific notation.
func useExp(xs []float64) bool {
	lo, hi := math.Inf(1), 0.0
	for _, x := range xs {
		if !isFinite(x) || x == 0 {
			continue
		}
		a := math.Abs(x)
		lo, hi = min(lo, a), max(hi, a)
	}
	if hi == 0 {
		return false
	}
	return hi >= 1e8 || lo < 1e-4 || hi/lo > 1e3
}

func padLeft(words []string) []string {
	w := 0
	for _, s := range words {
		w = max(w, len(s))
	}
	for i, s := range words {
		words[i] = strings.Repeat(" ", w-len(s)) + s
	}
	return words
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func nonFinite(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case x > 0:
		return "inf"
	}
	return "-inf"
}
