package matrix

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
// sends ExpInto and SigmoidInto to math.Exp for every element.
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
	return cpuExpLevel()
}

// cpuExpLevel returns expAVXFMA if CPUID announces AVX, OSXSAVE and FMA and
// XGETBV shows that the operating system saves the XMM and YMM state,
// expAVXMul if only FMA is missing, and expScalar otherwise.
//
//go:noescape
func cpuExpLevel() int

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

// expBlocks sets dst[i] = math.Exp(x[i]) for the first len(x) &^ 3
// elements with expAVX, falling back to math.Exp for the groups it stops
// at, and returns where ExpInto's scalar loop starts.
func expBlocks(dst, x []float64) int {
	n := len(x) &^ 3
	if expLevel == expScalar || n == 0 {
		return 0
	}
	dst = dst[:len(x)]
	fma := expLevel == expAVXFMA
	i := 0
	for i < n {
		i += expAVX(&dst[i], &x[i], n-i, fma)
		if i < n {
			g, y := dst[i:i+4], x[i:i+4]
			for j := range g {
				g[j] = math.Exp(y[j])
			}
			i += 4
		}
	}
	return n
}

// sigmoidBlocks is expBlocks for 1/(1+math.Exp(-x[i])).
func sigmoidBlocks(dst, x []float64) int {
	n := len(x) &^ 3
	if expLevel == expScalar || n == 0 {
		return 0
	}
	dst = dst[:len(x)]
	fma := expLevel == expAVXFMA
	i := 0
	for i < n {
		i += sigmoidAVX(&dst[i], &x[i], n-i, fma)
		if i < n {
			g, y := dst[i:i+4], x[i:i+4]
			for j := range g {
				g[j] = 1 / (1 + math.Exp(-y[j]))
			}
			i += 4
		}
	}
	return n
}
