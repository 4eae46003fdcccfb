//go:build !purego

#include "textflag.h"

// func nonzero4AVX(r0, r1, r2, r3 *float64, n int, idx *int32) int
//
// For k = 0, 4, 8, … while k+4 ≤ n: ORs the bits of r0[k:k+4] … r3[k:k+4],
// compares the four results with 0.0 (not equal or unordered: any bit
// besides the sign makes a float64 that is not ±0, or a NaN), and writes
// the kept k of the group at idx[kept] with a table of lane numbers
// (keepLanes, plus k) and a table of counts (keepCount). It writes four
// int32 for every group, so idx must have room for kept+4 entries at each
// group, which k+4 ≤ n guarantees with len(idx) ≥ n.
//
// Registers: R8–R11 the rows, CX n, DI idx, SI k, BX kept, R12 and R13 the
// tables, Y15 zero, X14 k in each of four int32 lanes, X13 four 4s.
TEXT ·nonzero4AVX(SB), NOSPLIT, $0-56
	MOVQ   r0+0(FP), R8
	MOVQ   r1+8(FP), R9
	MOVQ   r2+16(FP), R10
	MOVQ   r3+24(FP), R11
	MOVQ   n+32(FP), CX
	MOVQ   idx+40(FP), DI
	LEAQ   ·keepLanes(SB), R12
	LEAQ   ·keepCount(SB), R13
	XORQ   SI, SI
	XORQ   BX, BX
	VXORPD Y15, Y15, Y15
	VPXOR  X14, X14, X14
	VMOVDQU ·keepStep(SB), X13

loop:
	LEAQ      4(SI), AX
	CMPQ      AX, CX
	JGT       done
	VMOVUPD   (R8)(SI*8), Y0
	VORPD     (R9)(SI*8), Y0, Y0
	VORPD     (R10)(SI*8), Y0, Y0
	VORPD     (R11)(SI*8), Y0, Y0
	VCMPPD    $4, Y15, Y0, Y0
	VMOVMSKPD Y0, AX
	MOVQ      AX, DX
	SHLQ      $4, DX
	VMOVDQU   (R12)(DX*1), X1
	VPADDD    X14, X1, X1
	VMOVDQU   X1, (DI)(BX*4)
	MOVBQZX   (R13)(AX*1), AX
	ADDQ      AX, BX
	VPADDD    X13, X14, X14
	ADDQ      $4, SI
	JMP       loop

done:
	MOVQ BX, ret+48(FP)
	VZEROUPPER
	RET
