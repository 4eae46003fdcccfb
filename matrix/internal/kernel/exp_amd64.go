//go:build !purego

package kernel

import (
	"math"
	"os"
	"strings"
)

// Which of its two instruction sequences math.Exp runs on this machine, and
// so which one expAVX must copy: Go's runtime picks the fused multiply-add
// one when the processor has AVX (with the YMM state saved by the operating
// system) and FMA. GODEBUG=cpu.… settings can switch that choice off inside
// the runtime, where this package cannot see it, so any cpu option there
// sends Exp and Sigmoid to math.Exp for every element.
const (
	expScalar = iota // no AVX: a math.Exp loop
	expAVXMul        // AVX without FMA: multiply, then add
	expAVXFMA        // AVX and FMA: fused multiply-adds where math.Exp fuses
)

var expLevel = chooseExpLevel()

func chooseExpLevel() int {
	if strings.Contains(os.Getenv("GODEBUG"), "cpu.") {
		return expScalar
	}
	switch {
	case !hasAVX():
		return expScalar
	case hasFMA():
		return expAVXFMA
	}
	return expAVXMul
}

// expAVX sets dst[i] = math.Exp(x[i]) for i = 0, 4, 8, … in groups of four
// until n (a multiple of 4) or the first group in which some lane needs one
// of math.Exp's special paths, and returns how many it set. fma selects the
// sequence (see expLevel); only for machines with AVX.
//
//go:noescape
func expAVX(dst, x *float64, n int, fma bool) int

// sigmoidAVX is expAVX for 1/(1+math.Exp(-x[i])).
//
//go:noescape
func sigmoidAVX(dst, x *float64, n int, fma bool) int

// Exp sets dst[i] = math.Exp(x[i]), bit for bit, for the first len(x) &^ 3
// elements, four at a time with AVX, handing any group of four that
// math.Exp would treat specially (infinite or NaN input, overflow, a
// subnormal or zero result) to math.Exp itself, and returns how many
// elements it set: 0 on machines without AVX, where the caller's math.Exp
// loop does all the work. dst may be x itself but must not otherwise
// overlap it, and must be at least as long.
func Exp(dst, x []float64) int { return blocks(dst, x, false) }

// Sigmoid is Exp for σ(x) = 1/(1+math.Exp(-x)).
func Sigmoid(dst, x []float64) int { return blocks(dst, x, true) }

// blocks runs expAVX, or sigmoidAVX if sigmoid is set, over the groups of
// four of x, and the scalar expression over each group the assembly stops
// at, and returns how many elements it set. It calls the assembly directly,
// not through a function value, so that dst and x do not escape to the heap.
func blocks(dst, x []float64, sigmoid bool) int {
	n := len(x) &^ 3
	if expLevel == expScalar || n == 0 {
		return 0
	}
	dst = dst[:len(x)]
	fma := expLevel == expAVXFMA
	i := 0
	for i < n {
		if sigmoid {
			i += sigmoidAVX(&dst[i], &x[i], n-i, fma)
		} else {
			i += expAVX(&dst[i], &x[i], n-i, fma)
		}
		if i < n {
			g, y := dst[i:i+4], x[i:i+4]
			for j := range g {
				if sigmoid {
					g[j] = 1 / (1 + math.Exp(-y[j]))
				} else {
					g[j] = math.Exp(y[j])
				}
			}
			i += 4
		}
	}
	return n
}
