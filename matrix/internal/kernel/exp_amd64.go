//go:build !purego

package kernel

import "nnscratch/matrix/portable"

// useExpAVX reports whether expAVX and sigmoidAVX can run: they need AVX
// (with the YMM state saved by the operating system) and FMA, checked with
// CPUID, whatever GODEBUG says (their bits are portable.Exp's either way).
// Without them Exp and Sigmoid set nothing and the caller's portable.Exp
// loop does all the work, with math.FMA in software: slower, same bits.
var useExpAVX = hasAVX() && hasFMA()

// expAVX sets dst[i] = portable.Exp(x[i]) for i = 0, 4, 8, … in groups of
// four until n (a multiple of 4) or the first group in which some lane
// needs one of portable.Exp's special paths, and returns how many it set.
// Only for machines with AVX and FMA.
//
//go:noescape
func expAVX(dst, x *float64, n int) int

// sigmoidAVX is expAVX for 1/(1+portable.Exp(-x[i])).
//
//go:noescape
func sigmoidAVX(dst, x *float64, n int) int

// Exp sets dst[i] = portable.Exp(x[i]), bit for bit, for the first
// len(x) &^ 3 elements, four at a time with AVX and FMA, handing any group
// of four that portable.Exp would treat specially (infinite or NaN input,
// overflow, a subnormal or zero result) to portable.Exp itself, and returns
// how many elements it set: 0 on machines without AVX and FMA, where the
// caller's loop does all the work. dst may be x itself but must not
// otherwise overlap it, and must be at least as long.
func Exp(dst, x []float64) int { return blocks(dst, x, false) }

// Sigmoid is Exp for σ(x) = 1/(1+portable.Exp(-x)).
func Sigmoid(dst, x []float64) int { return blocks(dst, x, true) }

// blocks runs expAVX, or sigmoidAVX if sigmoid is set, over the groups of
// four of x, and the scalar expression over each group the assembly stops
// at, and returns how many elements it set. It calls the assembly directly,
// not through a function value, so that dst and x do not escape to the heap.
func blocks(dst, x []float64, sigmoid bool) int {
	n := len(x) &^ 3
	if !useExpAVX || n == 0 {
		return 0
	}
	dst = dst[:len(x)]
	i := 0
	for i < n {
		if sigmoid {
			i += sigmoidAVX(&dst[i], &x[i], n-i)
		} else {
			i += expAVX(&dst[i], &x[i], n-i)
		}
		if i < n {
			g, y := dst[i:i+4], x[i:i+4]
			for j := range g {
				if sigmoid {
					g[j] = 1 / (1 + portable.Exp(-y[j]))
				} else {
					g[j] = portable.Exp(y[j])
				}
			}
			i += 4
		}
	}
	return n
}
