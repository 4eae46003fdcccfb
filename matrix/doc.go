// Package matrix is a small, slice-based float64 matrix package: the
// operations a "Make Your Own Neural Network" style network is built from,
// written as the simple loops a reader learns from, with faster kernels beside
// them for the hot paths.
//
// A Matrix is dense and row-major: element (i, j) of an r×c matrix is
// Data[i*Cols+j]. The pure functions (Mul, Transpose, Hadamard, ScalarMul,
// Add, Sub, Apply, SumRows, AddRowVector) return a new matrix and read like
// the equations; each has an …Into variant that writes into a destination the
// caller owns, so a training loop can reuse its buffers and allocate nothing.
//
// A shape mismatch is a programmer error: the operation panics with an error
// that wraps ErrShape and names the operation and both shapes, for example
//
//	matrix: Mul 4x3 · 4x1: dimension mismatch
//
// Callers that want to test for it recover the value and use errors.Is.
//
// # Kernels
//
// MulNaive is the textbook triple loop and stays the reference. MulInto,
// MulTransAInto (aᵀ·b) and MulTransBInto (a·bᵀ) pick a faster kernel by the
// size of the r×n · n×m product:
//
//   - Under 16 rows or 48K multiply-adds (r·n·m), as in the lessons' 4×3·3×4,
//     a simple loop that walks memory contiguously: i-k-j order for a·b,
//     k-i-j for aᵀ·b, one dot product of rows per element for a·bᵀ.
//   - Above that, a register-blocked kernel: B is copied once into packed
//     panels of a few columns and each strip of a few rows of A into a
//     packed strip (packing reads aᵀ and bᵀ in place, so no transpose is
//     ever formed); a tile of C is then kept in registers for the whole
//     inner dimension, and panels are visited in blocks that fit the L2
//     cache. On amd64 the tile is 4×8 and its micro-kernel is assembly
//     (simd.go, simd_amd64.s) that works across the columns of C: it
//     broadcasts A[i,k] and adds A[i,k]·B[k,j:j+w] to a row of the tile
//     with a packed multiply and then a packed add, AVX (4 float64 per
//     register) when CPUID and XGETBV report it, else SSE2 (2). Elsewhere
//     the tile is 2×3 in Go, six scalar registers (a 2×4 or 4×4 tile
//     spills; see BenchmarkTile).
//   - From 1M multiply-adds (about 100³), the rows of C are split into a fixed number
//     of contiguous blocks run by a pool of goroutines (at most GOMAXPROCS).
//   - When at least a quarter of the left operand of MulInto or
//     MulTransAInto is exact zeros (image backgrounds, ReLU outputs), the
//     blocked kernel packs each strip of A without the k where all its rows
//     are zero and runs its tile over the k kept (sparse.go). With the
//     2×3 Go tile, on a Fashion-MNIST batch (51% zeros) that left out 34%
//     of the terms of X·W₁ and 45% of those of Xᵀ·δ₁ and measured 1.1 and
//     1.4 times faster than the dense kernel; with the 4×8 vector tile,
//     whose strips of 4 rows share fewer zeros, it is within noise of the
//     dense kernel (BenchmarkSIMD).
//
// MulKernelInto and MulTransAKernelInto run one named Kernel, whatever the
// size, so that the kernels can be timed side by side (lesson 14).
//
// ExpInto and SigmoidInto apply math.Exp and σ(x) = 1/(1+e^−x) four lanes at
// a time with AVX (exp_amd64.s), bit for bit as the scalar expressions.
//
// None of this changes a result. Every kernel sums each element's products
// in the order k = 0, 1, 2, … from 0, as MulNaive does, and rounds each
// product before adding it (float64(x*y)) so that no compiler fuses the two
// into a multiply-add; nothing is blocked over k. So every kernel, on every
// size, number of goroutines, GOAMD64 level and architecture, returns
// MulNaive's result bit for bit (TestKernelsMatchNaive, FuzzKernels). The
// vector micro-kernels keep this because each lane of a register is one
// element of C and goes through exactly the scalar sequence s = s + round(a·b),
// k in order; they use a packed multiply and a separate packed add, never
// FMA (TestTile4x8 checks them against MulNaive on NaN, Inf, −0 and
// subnormals, TestSIMDEdgeSizes on every remainder of the 4×8 tile). The
// price is that GOAMD64=v3 gets no FMA. Skipping a zero A[i,k] is exact
// because its product with a finite B[k,j] is ±0 and adding ±0 to a sum
// that started at +0 changes no bit; when B holds an Inf or NaN (0·Inf is
// NaN) nothing is skipped (TestSparseSpecialValues). Skipping A[i,k] == 0
// one element at a time in the i-k-j loop made dense data 30% slower and
// was no faster than the blocked kernel at 50% zeros (BenchmarkSparse).
// Once its buffers exist a product allocates nothing.
//
// Measured on 2026-11-22 on a 2-core AMD EPYC with AVX2 (KVM, Go 1.26,
// default GOAMD64, load average 1–2), GFLOP/s, medians of 5 timings from
// go run ./lessons/14-speed -big -reps 5; before is the 2×3 Go tile, after
// the 4×8 AVX tile:
//
//	product                      blocked      2 goroutines  MulInto (auto)
//	                             before after before after  before after
//	200×100·100×10 (H·W₂)        2.88  11.08  2.81   6.03   2.97   6.49
//	200×784·784×100 random       5.03  20.16  6.86  25.91   7.01  26.50
//	200×784·784×100 X·W₁ (48% 0) 4.23  26.62  6.49  25.89   7.40  26.72
//	784×200ᵀ·200×100 Xᵀ·δ₁       3.93  19.91  7.79  31.16  10.49  27.70
//	512×512·512×512              5.33  21.97  8.36  32.42   8.80  29.93
//
// At one goroutine SSE2 gives about 1.5–1.9 times the 2×3 tile and AVX
// about 3.5 times (BenchmarkSIMD). A training step of lesson 14's
// 784-100-10 relu network (batch 200, Adam) went from 7.5 ms to 3.7 ms,
// and an epoch of Fashion-MNIST from 2.50 s to 1.30 s.
//
// Re-measure with
//
//	go test ./matrix -run '^$' -bench 'SIMD|MulKernels|MulTrans|Tile|Sparse|Elementwise' -count 5
//	go run ./lessons/14-speed -big -reps 5
//	go run ./lessons/14-speed -fashion
//	GOAMD64=v3 go test ./matrix -run '^$' -bench 'MulKernels|MulTrans' -count 5
//
// and check that the inner loops keep no bounds checks with
//
//	go build -gcflags=-d=ssa/check_bce ./matrix
package matrix
