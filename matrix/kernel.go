package matrix

import (
	"fmt"

	"nnscratch/matrix/internal/kernel"
)

// A Kernel names one way of computing a matrix product, so that the kernels
// MulInto chooses between can be called one by one and timed side by side
// (lesson 14 does). Every kernel returns MulNaive's result bit for bit; they
// differ only in speed.
type Kernel int

// The kernels, from the textbook loop to the fastest.
const (
	KernelAuto     Kernel = iota // what MulInto and MulTransAInto choose for the shape and data
	KernelNaive                  // the textbook triple loop of MulNaive, one dot product per element
	KernelIKJ                    // the i-k-j loop (k-i-j for aᵀ·b), walking memory in order
	KernelBlocked                // packed operands and a register tile (4×8 SIMD on amd64, else 2×3), one goroutine
	KernelParallel               // KernelBlocked with the rows of C split over GOMAXPROCS goroutines
	KernelSparse                 // KernelParallel skipping the exact zeros of the left operand
)

// Kernels lists every Kernel, in the order of their constants.
var Kernels = []Kernel{KernelAuto, KernelNaive, KernelIKJ, KernelBlocked, KernelParallel, KernelSparse}

var kernelNames = [...]string{"auto", "naive", "ikj", "blocked", "parallel", "sparse"}

// String returns the kernel's short name: "auto", "naive", "ikj",
// "blocked", "parallel" or "sparse".
func (k Kernel) String() string {
	if k < 0 || int(k) >= len(kernelNames) {
		return fmt.Sprintf("Kernel(%d)", int(k))
	}
	return kernelNames[k]
}

// MulKernelInto sets dst = a·b with kernel k and returns dst. dst must be
// a.Rows×b.Cols and must not share storage with a or b. It panics on a
// shape mismatch and on an unknown kernel. The result equals MulNaive(a, b)
// bit for bit whatever the kernel; KernelSparse packs the operands whole
// when b holds an Inf or NaN. KernelNaive allocates nothing (unlike
// MulNaive), and nor do the others once their buffers exist.
func MulKernelInto(k Kernel, dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	dstShape("MulKernelInto", dst, a.Rows, b.Cols)
	return product(k, kernel.Mul, dst, a, b, a.Rows, a.Cols, b.Cols)
}

// MulTransAKernelInto sets dst = aᵀ·b with kernel k and returns dst:
// MulTransAInto with the kernel chosen by the caller. dst must be
// a.Cols×b.Cols and must not share storage with a or b. It panics unless
// a.Rows == b.Rows, and on an unknown kernel. The result equals
// MulNaive(Transpose(a), b) bit for bit whatever the kernel. KernelNaive
// forms aᵀ, as the textbook does, and multiplies it with MulNaive's loop;
// the others read aᵀ in place.
func MulTransAKernelInto(k Kernel, dst, a, b *Matrix) *Matrix {
	if a.Rows != b.Rows {
		panic(shapeError("MulTransA", a, "ᵀ·", b))
	}
	dstShape("MulTransAKernelInto", dst, a.Cols, b.Cols)
	return product(k, kernel.TransA, dst, a, b, a.Cols, a.Rows, b.Cols)
}
