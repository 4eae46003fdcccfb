package portable

import "math"

// The constants of math.Log's amd64 assembly: √2/2, ln 2 split into a high
// part with trailing zero bits and a low part, and the coefficients of the
// polynomial R(s) ≈ log((1+s)/(1−s)) − 2s.
const (
	halfSqrt2 = 7.07106781186547524401e-01
	logLn2Hi  = 6.93147180369123816490e-01
	logLn2Lo  = 1.90821492927058770002e-10
	l1        = 6.666666666666735130e-01
	l2        = 3.999999999940941908e-01
	l3        = 2.857142874366239149e-01
	l4        = 2.222219843214978396e-01
	l5        = 1.818357216161805012e-01
	l6        = 1.531383769920937332e-01
	l7        = 1.479819860511658591e-01
)

// Log returns the natural logarithm ln x with the bits of math.Log on amd64,
// on every platform. Like that assembly it writes x = 2^k·(1+f) with
// √2/2 ≤ 1+f < √2 (reading the fraction and exponent straight from the
// bits, so a subnormal x keeps k = −1022), then
//
//	s = f/(2+f),  ln(1+f) = f − hfsq + s·(hfsq + R(s)),  hfsq = ½f²
//	ln x = k·ln2Hi − ((hfsq − (s·(hfsq+R) + k·ln2Lo)) − f)
//
// with every product rounded before the sum it feeds. Log(0) = −Inf,
// Log(x < 0) = NaN, Log(+Inf) = +Inf and Log(NaN) is that NaN. It
// allocates nothing.
func Log(x float64) float64 {
	b := math.Float64bits(x)
	switch {
	case b&^(1<<63) == 0:
		return math.Inf(-1)
	case b>>63 != 0:
		return math.NaN()
	case b >= 0x7FF<<52:
		return x
	}
	f1 := math.Float64frombits(b&(1<<52-1) | 0x3FE<<52) // in [½, 1)
	k := float64(int(b>>52) - 0x3FE)
	if f1 <= halfSqrt2 {
		k--
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	sum := float64(s*(hfsq+r)) + float64(k*logLn2Lo)
	return float64(k*logLn2Hi) - ((hfsq - sum) - f)
}
