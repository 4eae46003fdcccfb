// Package kernel holds the fast matrix products and exponentials behind
// package matrix: packed operands, register tiles, SIMD assembly, skipping of
// zero terms and a pool of goroutines. It works on plain row-major slices
// with their dimensions, as gonum's internal/asm and the standard library's
// internal/bytealg do, so that matrix keeps only the loops a reader learns
// from and calls in here for the hot paths.
//
// # The blocked product
//
// Blocked computes an r×m product C = op(A)·op(B) with inner dimension n,
// where op reads an operand as it is or transposed in place (Op):
//
//   - B is copied once into packed panels of a few columns (reading Bᵀ in
//     place, so no transpose is ever formed). A is taken a strip of a few
//     rows at a time, read where it lies, except that a strip of Aᵀ (a few
//     columns of A) is copied into a small buffer first. A tile of C is
//     kept in registers for the whole inner dimension, and panels are
//     visited in blocks that fit the L2 cache.
//   - On amd64 the tile is 4×8 and its micro-kernel is assembly (simd.go,
//     simd_amd64.s) that works across the columns of C: it broadcasts A[i,k]
//     and adds A[i,k]·B[k,j:j+w] to a row of the tile with a packed multiply
//     and then a packed add, AVX (4 float64 per register) when CPUID and
//     XGETBV report it, else SSE2 (2). Elsewhere, and under the purego build
//     tag, the tile is 2×3 in Go (tile2x3.go), six scalar registers; a 2×4
//     or 4×4 tile spills (BenchmarkTile).
//   - The rows of C can be split into a fixed number of contiguous blocks run
//     by a pool of goroutines (Auto does so from 2M multiply-adds); the
//     caller takes back the blocks no worker has started, and the workers
//     poll for tasks for half a millisecond before they block, since
//     waking a blocked one costs about 90 µs here (parallel.go).
//   - With skip set, the k where all rows of a strip of A are zero are left
//     out: the tile runs over the list of the k kept (sparse.go).
//
// # Every kernel gives the reference loop's result bit for bit
//
// Every kernel computes each element of the product as one dot product
// accumulated in the plain order k = 0, 1, 2, … starting from 0, exactly as
// matrix.MulNaive does:
//
//	s = 0; s = s + round(A[i,0]·B[0,j]); s = s + round(A[i,1]·B[1,j]); …
//
// with each product rounded before it is added (float64(x*y): the conversion
// forbids the compiler to fuse the multiply and the add, which Go does on
// arm64 and under GOAMD64=v3 for some expression shapes and not others).
// The kernels differ only in which elements are in flight at the same time
// and in where the operands come from (rows of A and B, or packed copies).
// Float64 loads and stores are exact, so the result is bit for bit the
// reference's, whatever the kernel, the block sizes, the number of
// goroutines, the GOAMD64 level or the architecture. Nothing here blocks
// over k, which would change the rounding. The vector micro-kernels keep
// this because each lane of a register is one element of C and goes through
// exactly the scalar sequence above; they use a packed multiply and a
// separate packed add, never FMA (TestTile4x8), so GOAMD64=v3 gets no FMA.
// (A tile with FMA would give other bits, and measured only 15% faster on
// this Zen 4 machine, whose separate add pipes already keep pace: see
// lessons/14-speed/README.md for the measurement and the decision.)
// Skipping a zero term is exact for the reasons sparse.go gives. Once its
// buffers exist a product allocates nothing.
//
// Exp and Sigmoid (exp_amd64.s) apply portable.Exp and 1/(1+e^−x) four
// lanes at a time with AVX and FMA, operation for operation as
// portable.Exp, so with the same bits.
package kernel

import "runtime"

// Op says how a product reads its operands, all row-major.
type Op int

const (
	Mul    Op = iota // C = A·B: a is r×n, b is n×m
	TransA           // C = Aᵀ·B: a is n×r, b is n×m
	TransB           // C = A·Bᵀ: a is r×n, b is m×n
)

// Thresholds, in multiply-adds (r·n·m for an r×n · n×m product), chosen
// from matrix.BenchmarkMulKernels on a 2-core x86-64 machine (AMD EPYC,
// KVM) shared with other jobs, so only roughly.
const (
	// blockedMin is the smallest product worth the blocked kernel, and
	// blockedMinRows the fewest rows: below them the cost of packing B is
	// not repaid. Around 32³ the simple loops and the blocked kernel are
	// within noise of each other; from 64³ the blocked kernel is 1.5–3
	// times faster.
	blockedMin     = 48 * 1024
	blockedMinRows = 16
	// parallelMin is the smallest product split over goroutines. A
	// hand-off costs microseconds, and on a busy machine the second core
	// may not be free: two goroutines lost at 64³ and won at 128³ (2.1M).
	// Lesson 12's products, 1.96M each (50×784·784×50 and its Xᵀ·δ),
	// trained 14% faster on one goroutine than split (1.9 against 2.2 s,
	// load 4.3–4.8, even with the caller taking back unstarted blocks).
	parallelMin = 1 << 21
	// l2Block bounds the packed block of B kept hot in the L2 cache, in
	// float64s (256 KiB).
	l2Block = 32 * 1024
	// chunkMax bounds, in elements of op(A), the chunk of strips of A whose
	// copies (for Aᵀ, 8 MiB) and lists of kept k (4 MiB at most) are made
	// at once (see gemm.rows).
	chunkMax = 1 << 20
	// keepMax is the largest packed buffer, in float64s (32 MiB), kept for
	// the next product.
	keepMax = 4 << 20
)

// Large reports whether an r×n · n×m product is large enough for the blocked
// kernel to beat matrix's simple loops.
func Large(r, n, m int) bool {
	return r >= blockedMinRows && r*n*m >= blockedMin
}

// Auto sets c = op(a)·op(b), an r×m product with inner dimension n, with the
// blocked kernel: on Procs goroutines from 2M multiply-adds, and skipping the
// zero terms of op(a) when at least a quarter of a is zeros (Sparse; never
// for TransB). c must not share storage with a or b.
func Auto(op Op, c, a, b []float64, r, n, m int) {
	p := 1
	if r*n*m >= parallelMin {
		p = Procs()
	}
	Blocked(op, c, a, b, r, n, m, p, op != TransB && Sparse(a))
}

// Blocked sets c = op(a)·op(b), an r×m product with inner dimension n, with
// the packed, register-blocked kernel on at most p goroutines, leaving out
// the zero terms of op(a) if skip is set (sparse.go). The slices hold r·n,
// n·m and r·m values laid out as Op says, and c must not share storage with
// a or b; the caller (package matrix) has checked the shapes. The rows of
// c are split into p blocks that are a fixed function of the shape and p;
// the caller computes every block no worker has started by the time it is
// done with its own (parallel.go), and each element is computed by the
// same operations in any case, so the result does not depend on
// scheduling. (Cutting the rows into more blocks than goroutines, taken
// from a shared counter so that a goroutine whose core is busy takes fewer,
// measured no faster on a loaded machine.)
func Blocked(op Op, c, a, b []float64, r, n, m, p int, skip bool) {
	blockedLevel(simdLevel, op, c, a, b, r, n, m, p, skip)
}

// Procs is the number of goroutines the parallel kernels use when asked for
// all of them: GOMAXPROCS, at most the number of CPUs (and maxProcs).
func Procs() int { return min(runtime.GOMAXPROCS(0), runtime.NumCPU(), maxProcs) }

// The free lists of the two tiles (see freeList).
var (
	free2x3 freeList[[nr]float64]
	free4x8 freeList[[vc]float64]
)

// blockedLevel is Blocked with the micro-kernel of the given level
// (simd.go): the 2×3 tile in Go for simdScalar, else the 4×8 tile.
func blockedLevel(level int, op Op, c, a, b []float64, r, n, m, p int, skip bool) {
	if level == simdScalar {
		blocked(&free2x3, tile2x3, mr, level, op, c, a, b, r, n, m, p, skip)
	} else {
		blocked(&free4x8, tile4x8, vr, level, op, c, a, b, r, n, m, p, skip)
	}
}

// grow returns s resized to n, reusing its storage when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
