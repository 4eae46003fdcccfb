// Package matrix is a small, slice-based float64 matrix package: the
// operations a "Make Your Own Neural Network" style network is built from,
// written as the simple loops a reader learns from.
//
// A Matrix is dense and row-major: element (i, j) of an r×c matrix is
// Data[i*Cols+j]. The pure functions (Mul, Transpose, Hadamard, ScalarMul,
// Add, Sub, Apply, SumRows, AddRowVector) return a new matrix and read like
// the equations; each has an …Into variant that writes into a destination the
// caller owns, so a training loop can reuse its buffers and allocate nothing.
// String prints a matrix the way numpy prints an array.
//
// A shape mismatch is a programmer error: the operation panics with an error
// that wraps ErrShape and names the operation and both shapes, for example
//
//	matrix: Mul 4x3 · 4x1: dimension mismatch
//
// Callers that want to test for it recover the value and use errors.Is.
//
// # Products
//
// MulNaive is the textbook triple loop, the reference:
//
//	C[i,j] = Σ_k A[i,k]·B[k,j]
//
// MulInto, MulTransAInto (aᵀ·b, the weight gradient) and MulTransBInto
// (a·bᵀ, the back-propagated error) compute a small product with a loop
// that walks memory in order (mul.go) and hand a large one to the fast
// kernels of matrix/internal/kernel: packed operands, register tiles in
// SIMD assembly on amd64, skipped zero terms, a pool of goroutines. That
// package's documentation says how they work; lesson 14 measures them, one
// at a time through MulKernelInto. ExpInto and SigmoidInto compute
// portable.Exp (matrix/portable: the same bits on every platform) and σ
// four lanes at a time on amd64 with FMA. The build tag purego leaves out
// all assembly.
//
// Every kernel adds the products of each element in the order k = 0, 1, 2, …
// and rounds each product before adding it, as MulNaive does, so that the
// fast paths change no number: every kernel gives MulNaive's result bit for
// bit.
package matrix
