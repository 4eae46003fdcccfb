package portable

import "math"

// The constants of math.Exp's amd64 assembly: ln 2 split into a high part
// whose products with small integers are exact and a low part, and the
// Taylor coefficients 1/n! as that file writes them.
const (
	log2e    = 1.4426950408889634073599246810018920
	ln2Hi    = 0.69314718055966295651160180568695068359375
	ln2Lo    = 0.28235290563031577122588448175013436025525412068e-12
	overflow = 7.09782712893384e+02
)

// taylor holds 1/8!, 1/7!, …, 1/1! as math.Exp's amd64 assembly writes them.
var taylor = [...]float64{
	2.4801587301587301587e-5, // 1/8!
	1.9841269841269841270e-4, // 1/7!
	1.3888888888888888889e-3, // 1/6!
	8.3333333333333333333e-3, // 1/5!
	4.1666666666666666667e-2, // 1/4!
	1.6666666666666666667e-1, // 1/3!
	0.5,                      // 1/2!
	1,                        // 1/1!
}

// Exp returns e^x with the bits of math.Exp on amd64 with FMA, on every
// platform. Like that assembly it writes x = k·ln 2 + r with k an integer
// and |r| ≤ ½ln 2, evaluates e^(r/16) − 1 by its Taylor polynomial of
// degree 8, squares four times with
//
//	e^(2t) − 1 = (e^t − 1)·((e^t − 1) + 2)
//
// and multiplies by 2^k. It returns +Inf above about 709.78 (and for a few
// arguments just below, as the assembly does), 0 below about −745.13, and a
// NaN for a NaN. It allocates nothing.
func Exp(x float64) float64 {
	if !(x <= overflow) { // NaN, +Inf or overflow
		if x != x {
			return x
		}
		return math.Inf(1)
	}
	kf := math.RoundToEven(float64(x * log2e))
	if kf < -1075 { // also −Inf: 2^k would be below the smallest subnormal
		return 0
	}
	k := int(kf)
	kf = float64(k) // +0, never −0, as the assembly's integer conversion gives
	r := math.FMA(-kf, ln2Hi, x)
	r = math.FMA(-kf, ln2Lo, r)
	r = float64(r * 0.0625)
	// Horner's rule from 1/8!, one rounding per step.
	p := math.FMA(taylor[0], r, taylor[1])
	p = math.FMA(p, r, taylor[2])
	p = math.FMA(p, r, taylor[3])
	p = math.FMA(p, r, taylor[4])
	p = math.FMA(p, r, taylor[5])
	p = math.FMA(p, r, taylor[6])
	p = math.FMA(p, r, taylor[7])
	e := float64(r * p) // e^(r/16) − 1
	e = float64(e * (e + 2))
	e = float64(e * (e + 2))
	e = float64(e * (e + 2))
	e = math.FMA(e, e+2, 1) // e^r
	return scale(e, k)
}

// scale returns e·2^k as math.Exp's amd64 assembly does: one product by a
// power of two for a normal result, two (the second rounding to a
// subnormal) for k+1023 in [−52, 0], +Inf from k = 1024 and 0 below.
func scale(e float64, k int) float64 {
	b := k + 1023
	switch {
	case b >= 0x7FF:
		return math.Inf(1)
	case b > 0:
		return float64(e * pow2(b))
	case b < -52:
		return 0
	}
	e = float64(e * pow2(b+0x3FE))
	return float64(e * pow2(1))
}

// pow2 returns the float64 whose biased exponent is b (1 ≤ b ≤ 0x7FE) and
// whose fraction is zero: 2^(b−1023).
func pow2(b int) float64 { return math.Float64frombits(uint64(b) << 52) }
