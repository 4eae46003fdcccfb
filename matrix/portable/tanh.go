package portable

import "math"

// The rational approximation of math.Tanh for |x| < 0.625 (Cephes):
// tanh x ≈ x + x·s·P(s)/Q(s) with s = x².
var (
	tanhP = [...]float64{-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3}
	tanhQ = [...]float64{1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3}
)

// Tanh returns the hyperbolic tangent of x with the bits of math.Tanh on
// amd64 with FMA, on every platform: math.Tanh's algorithm, on Exp and with
// every product rounded before the sum it feeds,
//
//	tanh x = ±(1 − 2/(e^(2|x|) + 1))   for 0.625 ≤ |x| ≤ 44.01
//	tanh x = x + x·s·P(s)/Q(s)          for |x| < 0.625, s = x²
//
// and ±1 beyond. It allocates nothing.
func Tanh(x float64) float64 {
	const maxLog = 8.8029691931113054295988e+01 // ln 2^127
	z := math.Abs(x)
	switch {
	case z > 0.5*maxLog:
		return math.Copysign(1, x)
	case z >= 0.625:
		s := Exp(2 * z)
		return math.Copysign(1-2/(s+1), x)
	case x == 0:
		return x
	}
	s := float64(x * x)
	p := float64(float64(float64(tanhP[0]*s)+tanhP[1])*s) + tanhP[2]
	q := float64(float64(float64(float64(s+tanhQ[0])*s)+tanhQ[1])*s) + tanhQ[2]
	return x + float64(float64(x*s)*p)/q
}
