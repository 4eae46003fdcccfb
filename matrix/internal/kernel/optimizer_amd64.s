//go:build !purego

#include "textflag.h"

// func adamAVX(w, grad, m, v *float64, n int, c *[6]float64)
//
// Per group of four: Y0 = g, Y1 = m₊ (the new m), Y4 = v₊ (the new v),
// Y5 = √v₊ + ε, Y6 = η_t·m₊ divided by Y5, Y7 = w − Y6. The constants stay
// in Y10–Y15.
TEXT ·adamAVX(SB), NOSPLIT, $0-48
	MOVQ         w+0(FP), DI
	MOVQ         grad+8(FP), SI
	MOVQ         m+16(FP), DX
	MOVQ         v+24(FP), R8
	MOVQ         n+32(FP), CX
	MOVQ         c+40(FP), AX
	VBROADCASTSD 0(AX), Y10  // b1
	VBROADCASTSD 8(AX), Y11  // 1−b1
	VBROADCASTSD 16(AX), Y12 // b2
	VBROADCASTSD 24(AX), Y13 // 1−b2
	VBROADCASTSD 32(AX), Y14 // η_t
	VBROADCASTSD 40(AX), Y15 // ε
	XORQ         BX, BX

loop:
	VMOVUPD (SI)(BX*8), Y0
	VMULPD  (DX)(BX*8), Y10, Y1 // b1·m
	VMULPD  Y0, Y11, Y2         // (1−b1)·g
	VADDPD  Y2, Y1, Y1          // m₊ = b1·m + (1−b1)·g
	VMOVUPD Y1, (DX)(BX*8)
	VMULPD  Y0, Y0, Y3          // g·g
	VMULPD  Y3, Y13, Y3         // (1−b2)·(g·g)
	VMULPD  (R8)(BX*8), Y12, Y4 // b2·v
	VADDPD  Y3, Y4, Y4          // v₊ = b2·v + (1−b2)·(g·g)
	VMOVUPD Y4, (R8)(BX*8)
	VSQRTPD Y4, Y5
	VADDPD  Y15, Y5, Y5         // √v₊ + ε
	VMULPD  Y1, Y14, Y6         // η_t·m₊
	VDIVPD  Y5, Y6, Y6          // η_t·m₊ / (√v₊ + ε)
	VMOVUPD (DI)(BX*8), Y7
	VSUBPD  Y6, Y7, Y7          // w − …
	VMOVUPD Y7, (DI)(BX*8)
	ADDQ    $4, BX
	CMPQ    BX, CX
	JLT     loop
	VZEROUPPER
	RET

// func momentumAVX(w, grad, v *float64, n int, c *[2]float64, nesterov bool)
//
// Per group of four: Y0 = g, Y2 = η·g, Y1 = v₊ = μ·v − η·g (the new v),
// then W + v₊, or with nesterov W + (μ·v₊ − η·g). μ and η stay in Y10 and
// Y11.
TEXT ·momentumAVX(SB), NOSPLIT, $0-41
	MOVQ         w+0(FP), DI
	MOVQ         grad+8(FP), SI
	MOVQ         v+16(FP), DX
	MOVQ         n+24(FP), CX
	MOVQ         c+32(FP), AX
	MOVBLZX      nesterov+40(FP), R8
	VBROADCASTSD 0(AX), Y10 // μ
	VBROADCASTSD 8(AX), Y11 // η
	XORQ         BX, BX
	TESTQ        R8, R8
	JNZ          nesterov

plain:
	VMOVUPD (SI)(BX*8), Y0
	VMULPD  (DX)(BX*8), Y10, Y1 // μ·v
	VMULPD  Y0, Y11, Y2         // η·g
	VSUBPD  Y2, Y1, Y1          // v₊ = μ·v − η·g
	VMOVUPD Y1, (DX)(BX*8)
	VMOVUPD (DI)(BX*8), Y3
	VADDPD  Y1, Y3, Y3          // W + v₊
	VMOVUPD Y3, (DI)(BX*8)
	ADDQ    $4, BX
	CMPQ    BX, CX
	JLT     plain
	VZEROUPPER
	RET

nesterov:
	VMOVUPD (SI)(BX*8), Y0
	VMULPD  (DX)(BX*8), Y10, Y1 // μ·v
	VMULPD  Y0, Y11, Y2         // η·g
	VSUBPD  Y2, Y1, Y1          // v₊ = μ·v − η·g
	VMOVUPD Y1, (DX)(BX*8)
	VMULPD  Y1, Y10, Y1         // μ·v₊
	VSUBPD  Y2, Y1, Y1          // μ·v₊ − η·g
	VMOVUPD (DI)(BX*8), Y3
	VADDPD  Y1, Y3, Y3          // W + (μ·v₊ − η·g)
	VMOVUPD Y3, (DI)(BX*8)
	ADDQ    $4, BX
	CMPQ    BX, CX
	JLT     nesterov
	VZEROUPPER
	RET
