package plot

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// tickEps is the relative slack allowed when deciding whether a tick lies
// inside a range, so that 0.3 counts as inside [0.1, 0.3] although 0.3/0.1
// is 2.9999999999999996 in floating point.
const tickEps = 1e-9

// decimal returns the float64 nearest to m × 10^e, correctly rounded, so
// that ticks print as the short decimals they stand for (0.3, not
// 0.30000000000000004).
func decimal(m int64, e int) float64 {
	// The only possible error is overflow, for which ParseFloat still
	// returns ±Inf; callers drop non-finite ticks.
	v, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", m, e), 64)
	return v
}

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// NiceTicks returns at most maxTicks "nice" tick values inside [lo, hi]:
// the multiples of a step of 1, 2 or 5 times a power of ten, choosing the
// smallest such step that keeps the count within maxTicks (values below 2
// count as 2). NiceTicks(0, 1, 6) is [0 0.2 0.4 0.6 0.8 1]. Each tick is
// the float64 nearest its decimal value. When lo == hi it returns [lo]; when
// lo > hi or either is NaN or infinite it returns nil. It costs
// O(maxTicks) plus a few logarithms.
func NiceTicks(lo, hi float64, maxTicks int) []float64 {
	if !finite(lo) || !finite(hi) || lo > hi {
		return nil
	}
	if lo == hi {
		return []float64{lo}
	}
	maxTicks = max(maxTicks, 2)
	// Divide before subtracting so that a span near MaxFloat64 cannot
	// overflow.
	raw := hi/float64(maxTicks) - lo/float64(maxTicks)
	e := int(math.Floor(log10(raw))) - 1
	for ; ; e++ {
		for _, m := range []int64{1, 2, 5} {
			step := float64(m) * math.Pow(10, float64(e))
			if math.IsInf(step, 0) {
				return nil
			}
			first := math.Ceil(lo/step - tickEps)
			last := math.Floor(hi/step + tickEps)
			if last-first+1 > float64(maxTicks) {
				continue
			}
			// Count ticks with an integer: far from zero, first+1 can
			// equal first in float64, and a float loop would never end.
			var ticks []float64
			for i := 0; i <= int(last-first); i++ {
				k := first + float64(i)
				var v float64
				if math.Abs(k) < 1<<53/5 {
					v = decimal(int64(k)*m, e)
				} else {
					v = k * step // too far from zero for an exact integer multiple
				}
				if finite(v) && (len(ticks) == 0 || v > ticks[len(ticks)-1]) {
					ticks = append(ticks, v)
				}
			}
			if len(ticks) == 0 {
				return []float64{lo}
			}
			return ticks
		}
	}
}

// LogTicks returns at most maxTicks (values below 2 count as 2) tick values
// inside [lo, hi] for a logarithmic axis. Over three or more decades they
// are powers of ten (every second, third, … power when there are more
// decades than maxTicks); over a shorter range they are the 1-2-5 multiples
// of powers of ten, or all nine multiples when 1-2-5 gives fewer than three;
// when even those give fewer than two, it falls back to NiceTicks. It
// returns nil unless 0 < lo < hi and both are finite. It costs
// O(maxTicks + number of decades).
func LogTicks(lo, hi float64, maxTicks int) []float64 {
	ticks, _ := logTicks(lo, hi, maxTicks)
	return ticks
}

// logTicks is LogTicks that also returns the unlabelled minor ticks worth a
// light grid line: the 2…9 multiples when the major ticks are consecutive
// powers of ten.
func logTicks(lo, hi float64, maxTicks int) (major, minor []float64) {
	if !finite(lo) || !finite(hi) || lo <= 0 || hi <= lo {
		return nil, nil
	}
	maxTicks = max(maxTicks, 2)
	llo, lhi := log10(lo), log10(hi)
	first := int(math.Ceil(llo - tickEps))
	last := int(math.Floor(lhi + tickEps))
	if last-first+1 >= 3 {
		k := 1
		for floorDiv(last, k)-ceilDiv(first, k)+1 > maxTicks {
			k++
		}
		for d := ceilDiv(first, k) * k; d <= last; d += k {
			major = append(major, decimal(1, d))
		}
		if k == 1 {
			minor = multiples(lo, hi, []int64{2, 3, 4, 5, 6, 7, 8, 9})
		}
		return major, minor
	}
	if t := multiples(lo, hi, []int64{1, 2, 5}); len(t) >= 3 && len(t) <= maxTicks {
		return t, multiples(lo, hi, []int64{3, 4, 6, 7, 8, 9})
	}
	if t := multiples(lo, hi, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9}); len(t) >= 2 && len(t) <= maxTicks {
		return t, nil
	}
	if t := multiples(lo, hi, []int64{1, 2, 5}); len(t) >= 2 && len(t) <= maxTicks {
		return t, nil
	}
	return NiceTicks(lo, hi, maxTicks), nil
}

// ceilDiv returns ⌈a/b⌉ for b > 0.
func ceilDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

// floorDiv returns ⌊a/b⌋ for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// multiples returns, in increasing order, the values m × 10^d inside
// [lo, hi] for the given mantissas m and every integer d, with lo > 0.
func multiples(lo, hi float64, ms []int64) []float64 {
	var out []float64
	for d := int(math.Floor(log10(lo))) - 1; d <= int(math.Ceil(log10(hi))); d++ {
		for _, m := range ms {
			v := decimal(m, d)
			if v >= lo*(1-tickEps) && v <= hi*(1+tickEps) {
				out = append(out, v)
			}
		}
	}
	return out
}

// TickLabels returns a label for each tick. Linear ticks (log false) share
// one number of decimals, the most any tick needs, so that 0, 0.5, 1
// print as 0.0, 0.5, 1.0. Ticks of a logarithmic axis (log true) print in
// their shortest form: 0.001, 0.02, 100. Either kind switches to exponent
// notation for every tick of the axis (1e-5, 2.5e6) when the plain form
// would be unwieldy: a tick at or above 1e6 in magnitude, or a non-zero tick
// below 1e-3 (log) or needing more than four decimals (linear). It costs
// O(len(ticks)).
func TickLabels(ticks []float64, log bool) []string {
	labels := make([]string, len(ticks))
	useExp := false
	decimals := 0
	for _, v := range ticks {
		a := math.Abs(v)
		if a >= 1e6 || (log && a != 0 && a < 1e-3) {
			useExp = true
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if i := strings.IndexByte(s, '.'); i >= 0 {
			decimals = max(decimals, len(s)-i-1)
		}
	}
	if !log && decimals > 4 {
		useExp = true
	}
	for i, v := range ticks {
		if v == 0 {
			v = 0 // turn -0 into 0
		}
		switch {
		case useExp:
			labels[i] = expLabel(v)
		case log:
			labels[i] = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			labels[i] = strconv.FormatFloat(v, 'f', decimals, 64)
		}
	}
	return labels
}

// expLabel formats v in the shortest exponent notation without a plus sign
// or leading zeros in the exponent: 1e-5, 2.5e6, 0.
func expLabel(v float64) string {
	if v == 0 {
		return "0"
	}
	s := strconv.FormatFloat(v, 'e', -1, 64) // like "2.5e+06" or "1e-05"
	mant, exp, _ := strings.Cut(s, "e")
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	if exp == "" {
		return mant
	}
	return mant + "e" + sign + exp
}
