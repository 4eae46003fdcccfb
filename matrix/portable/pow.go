package portable

import "math"

// Pow returns x^y with the bits of math.Pow on amd64 with FMA, on every
// platform. Where math.Pow's answer involves neither math.Exp nor math.Log
// (y an integer, y = ±½, the special cases of zeros, infinities, NaNs and
// negative x) Pow is math.Pow, whose products of powers of two are the same
// everywhere. Otherwise, for x > 0 finite, it follows math.Pow's steps with
// Exp and Log: y = yi + yf with yi an integer and |yf| ≤ ½,
//
//	x^y = e^(yf·ln x) · x^yi
//
// the second factor by repeated squaring of x's fraction while its
// exponents are summed apart, and for y < 0 the reciprocal. It allocates
// nothing.
func Pow(x, y float64) float64 {
	yi, yf := math.Modf(math.Abs(y))
	if yf == 0 || y == 0.5 || y == -0.5 || !(x > 0) || math.IsInf(x, 1) || math.IsNaN(y) || math.IsInf(y, 0) || x == 1 {
		return math.Pow(x, y)
	}
	if yf > 0.5 {
		yf--
		yi++
	}
	a1 := Exp(float64(yf * Log(x)))
	ae := 0
	x1, xe := math.Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			ae += xe // the result is 0 or +Inf: see math.Pow
			break
		}
		if i&1 == 1 {
			a1 *= x1
			ae += xe
		}
		x1 = float64(x1 * x1) // rounded before the doubling below, as on amd64
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return math.Ldexp(a1, ae)
}
