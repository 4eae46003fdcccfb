package matrix

import (
	"fmt"
	"math"

	"nnscratch/matrix/internal/kernel"
	"nnscratch/matrix/portable"
)

// ExpInto sets dst[i] = portable.Exp(x[i]) for every i, bit for bit, the
// same bits on every platform: on amd64 with AVX and FMA the kernel
// evaluates four lanes at a time with the very operations, in the same
// order and with the same rounding, as portable.Exp, and leaves to
// portable.Exp any group of four it would treat specially (infinite or NaN
// input, overflow, a subnormal or zero result) and the last len(x)%4
// elements. Elsewhere it is this portable.Exp loop. dst may be x itself but
// must not otherwise overlap it. It allocates nothing and panics with an
// error wrapping ErrShape if the lengths differ.
func ExpInto(dst, x []float64) {
	checkLen("ExpInto", dst, x)
	for i := kernel.Exp(dst, x); i < len(x); i++ {
		dst[i] = portable.Exp(x[i])
	}
}

// SigmoidInto sets dst[i] = 1/(1+portable.Exp(-x[i])) for every i, bit for
// bit, the logistic function σ(x) as the lessons write it, four lanes at a
// time as in ExpInto. dst may be x itself but must not otherwise overlap it. It
// allocates nothing and panics with an error wrapping ErrShape if the
// lengths differ.
func SigmoidInto(dst, x []float64) {
	checkLen("SigmoidInto", dst, x)
	for i := kernel.Sigmoid(dst, x); i < len(x); i++ {
		dst[i] = 1 / (1 + portable.Exp(-x[i]))
	}
}

// checkLen panics with an error wrapping ErrShape unless dst and x have the
// same length.
func checkLen(op string, dst, x []float64) {
	if len(dst) != len(x) {
		panic(fmt.Errorf("matrix: %s: destination has %d values, source %d: %w", op, len(dst), len(x), ErrShape))
	}
}

// TanhInto sets dst[i] = portable.Tanh(x[i]) for every i, bit for bit. For
// 0.625 ≤ |x| ≤ 44.01 portable.Tanh computes ±(1 − 2/(e^(2|x|) + 1)); here
// the exponentials of a block of 64 values come from ExpInto, four lanes
// at a time, and every other input goes to portable.Tanh itself. (2|x| is
// exact, a doubling, so ExpInto sees the very argument portable.Tanh gives
// portable.Exp.) dst may be x itself but must not otherwise overlap it. It
// allocates nothing and panics with an error wrapping ErrShape if the
// lengths differ.
func TanhInto(dst, x []float64) {
	checkLen("TanhInto", dst, x)
	const maxLog = 8.8029691931113054295988e+01 // ln 2^127, as in portable.Tanh
	var e [64]float64                           // e^(2|x|) of the block
	for lo := 0; lo < len(x); lo += len(e) {
		xs := x[lo:min(lo+len(e), len(x))]
		es := e[:len(xs)]
		for j, v := range xs {
			es[j] = 2 * math.Abs(v)
		}
		ExpInto(es, es)
		ds := dst[lo : lo+len(xs)]
		for j, v := range xs {
			if z := math.Abs(v); z >= 0.625 && z <= 0.5*maxLog {
				ds[j] = math.Copysign(1-2/(es[j]+1), v)
			} else {
				ds[j] = portable.Tanh(v)
			}
		}
	}
}
