package main

import (
	"math"
	"strconv"
	"strings"
)

// Appendix: javaDouble prints the lesson's "Java Double.toString" column,
// so that the outputs can be laid beside the question's printout.

// javaDouble formats x the way Java's Double.toString does since JDK 19: the
// shortest decimal that reads back as x (with at least two significant digits
// when one would do, choosing the closest, so Double.MIN_VALUE is 4.9E-324),
// written plainly when 10⁻³ ≤ |x| < 10⁷ ("0.023803593411627456", "100.0") and
// otherwise as d.ddd…E±n with no exponent padding ("2.05087653022386E-5").
// Older JDKs used a different algorithm that now and then printed a digit
// more than needed; the values in this lesson print the same under both.
func javaDouble(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x == 0 && math.Signbit(x):
		return "-0.0"
	case x == 0:
		return "0.0"
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	s := strconv.FormatFloat(x, 'e', -1, 64) // "2.05087653022386e-05"
	if !strings.Contains(s, ".") {
		// One significant digit: Java picks the closest two-digit decimal.
		s = strconv.FormatFloat(x, 'e', 1, 64)
	}
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp) // FormatFloat always writes a valid exponent
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	if digits == "" { // cannot happen for x ≠ 0; kept for safety
		digits = "0"
	}
	if x < 1e-3 || x >= 1e7 {
		frac := digits[1:]
		if frac == "" {
			frac = "0"
		}
		return sign + digits[:1] + "." + frac + "E" + strconv.Itoa(e)
	}
	if e < 0 { // 10⁻³ ≤ x < 1: e is −1, −2 or −3
		return sign + "0." + strings.Repeat("0", -e-1) + digits
	}
	for len(digits) < e+2 {
		digits += "0"
	}
	return sign + digits[:e+1] + "." + digits[e+1:]
}
