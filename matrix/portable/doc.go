// Package portable computes the exponential, the logarithm, tanh and powers
// with the same bits on every machine Go runs on.
//
// Go's own math.Exp is assembly on amd64 and arm64, with different
// instruction sequences: on amd64 one with fused multiply-adds when the
// processor has FMA and one without, and another algorithm on arm64. They
// agree to within a unit in the last place, but not bit for bit, and in a
// chaotic training run (a network that needs 4,658 iterations or 4,650
// depending on one last bit) that difference reaches the printed digits.
// math.Log is assembly on amd64 and Go elsewhere, where the compiler may
// fuse x*y + z into one rounding (it does on arm64); math.Tanh and math.Pow
// call math.Exp and math.Log.
//
// The functions here are written in Go with every rounding explicit:
// math.FMA where one rounding is wanted (it rounds once on every platform,
// in hardware or, on processors without FMA, in software), float64(x*y)
// where the product must be rounded before the addition that follows. Each
// returns, on every platform, the bits that Go's math function returns on
// amd64 with FMA, the machine the lessons' golden files were made on:
//
//	Exp   the steps of math.Exp's amd64 assembly, fused variant
//	Log   the steps of math.Log's amd64 assembly
//	Tanh  math.Tanh's algorithm on Exp
//	Pow   math.Pow's algorithm on Exp and Log
//
// The tests compare them with the math package on amd64 and with
// checksums of their results everywhere. They allocate nothing. On amd64
// with FMA (BenchmarkFunctions, 30 November 2026) Exp takes about 1.2 times
// math.Exp's time, Tanh about 1.1 times math.Tanh's, and Log and Pow a
// little less than math's; where math.FMA runs in software (processors
// without FMA; GODEBUG=cpu.fma=off) Exp and Tanh take about 20 times
// longer (about 190 ns). matrix.ExpInto and matrix.SigmoidInto evaluate
// Exp four lanes at a time in assembly on amd64 with FMA.
package portable
