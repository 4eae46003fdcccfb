package matrix

import (
	"fmt"
	"runtime"
)

// A Kernel names one way of computing a matrix product, so that the kernels
// MulInto chooses between can be called one by one and timed side by side
// (lesson 14 does). Every kernel returns MulNaive's result bit for bit; they
// differ only in speed.
type Kernel int

// The kernels, from the textbook loop to the fastest (see Kernels in the
// package documentation).
const (
	KernelAuto     Kernel = iota // what MulInto and MulTransAInto choose for the shape and data
	KernelNaive                  // the textbook triple loop, one dot product per element
	KernelIKJ                    // the i-k-j loop (k-i-j for aᵀ·b), walking memory in order
	KernelBlocked                // packed operands and a register tile (4×8 SIMD on amd64, else 2×3), one goroutine
	KernelParallel               // KernelBlocked with the rows of C split over GOMAXPROCS goroutines
	KernelSparse                 // skips the exact zeros of the left operand, on GOMAXPROCS goroutines
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
// bit for bit whatever the kernel; KernelSparse falls back to the dense
// blocked kernel when b holds an Inf or NaN. KernelNaive allocates nothing
// (unlike MulNaive), and nor do the others once their buffers exist.
func MulKernelInto(k Kernel, dst, a, b *Matrix) *Matrix {
	if a.Cols != b.Rows {
		panic(shapeError("Mul", a, "·", b))
	}
	dstShape("MulKernelInto", dst, a.Rows, b.Cols)
	runKernel(k, opMul, dst, a, b, a.Rows, a.Cols, b.Cols, MulInto, mulNaiveInto, mulIKJ)
	return dst
}

// MulTransAKernelInto sets dst = aᵀ·b with kernel k, without forming aᵀ,
// and returns dst: MulTransAInto with the kernel chosen by the caller. dst
// must be a.Cols×b.Cols and must not share storage with a or b. It panics
// unless a.Rows == b.Rows, and on an unknown kernel. The result equals
// MulNaive(Transpose(a), b) bit for bit whatever the kernel.
func MulTransAKernelInto(k Kernel, dst, a, b *Matrix) *Matrix {
	if a.Rows != b.Rows {
		panic(shapeError("MulTransA", a, "ᵀ·", b))
	}
	dstShape("MulTransAKernelInto", dst, a.Cols, b.Cols)
	runKernel(k, opTransA, dst, a, b, a.Cols, a.Rows, b.Cols, MulTransAInto, mulTransANaive, mulTransAKIJ)
	return dst
}

// runKernel runs kernel k for the product op (an r×n · n×m product): the
// automatic choice, the naive loop and the simple loop are given by the
// caller, the blocked kernels are shared.
func runKernel(k Kernel, op int, dst, a, b *Matrix, r, n, m int, auto func(dst, a, b *Matrix) *Matrix, naive, simple func(dst, a, b *Matrix)) {
	switch k {
	case KernelAuto:
		auto(dst, a, b)
	case KernelNaive:
		naive(dst, a, b)
	case KernelIKJ:
		simple(dst, a, b)
	case KernelBlocked:
		mulBlockedP(op, dst, a, b, r, n, m, 1)
	case KernelParallel:
		mulBlockedP(op, dst, a, b, r, n, m, procs())
	case KernelSparse:
		mulBlockedSkipP(op, dst, a, b, r, n, m, procs(), true)
	default:
		panic(fmt.Sprintf("matrix: unknown kernel %v", k))
	}
}

// procs is the number of goroutines the parallel kernels use when asked
// for all of them.
func procs() int { return min(runtime.GOMAXPROCS(0), runtime.NumCPU()) }

// mulNaiveInto is MulNaive's triple loop writing into dst.
func mulNaiveInto(dst, a, b *Matrix) {
	for i := 0; i < a.Rows; i++ {
		for j := 0; j < b.Cols; j++ {
			sum := 0.0
			for k := 0; k < a.Cols; k++ {
				sum += float64(a.Data[i*a.Cols+k] * b.Data[k*b.Cols+j])
			}
			dst.Data[i*dst.Cols+j] = sum
		}
	}
}

// mulTransANaive is the triple loop for aᵀ·b, reading aᵀ[i,k] = a[k,i] in
// place.
func mulTransANaive(dst, a, b *Matrix) {
	for i := 0; i < a.Cols; i++ {
		for j := 0; j < b.Cols; j++ {
			sum := 0.0
			for k := 0; k < a.Rows; k++ {
				sum += float64(a.Data[k*a.Cols+i] * b.Data[k*b.Cols+j])
			}
			dst.Data[i*dst.Cols+j] = sum
		}
	}
}
