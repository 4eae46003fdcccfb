//go:build !purego

#include "textflag.h"

// The micro-kernels of simd.go. Each lane of a vector register is one
// element of the 4×8 tile of C and receives, for q = 0, 1, …, n-1 in order,
// acc = acc + round(a·b): a packed multiply, then a separate packed add,
// never a fused multiply-add, so that every lane computes exactly what the
// scalar loop of MulNaive computes.
//
// Registers: R8–R11 point at A[0,0] … A[3,0] (the rows of the strip), DX
// walks idx (int32), SI is the current k and AX is k·64, BX is the packed B
// panel (8 float64 = 64 bytes per k), CX counts down, DI is the tile (row
// i at 64·i bytes).

// SSEROW adds A[i,k]·B[k,j:j+4] to one row of a half tile: it broadcasts
// A[i,k], the float64 SI places past ROW, to both lanes of X10 and adds
// its products with X8 and X9 (four columns of B) to ACC0 and ACC1.
#define SSEROW(ROW, ACC0, ACC1) \
	MOVSD    (ROW)(SI*8), X10 \
	UNPCKLPD X10, X10         \
	MOVAPD   X10, X11         \
	MULPD    X8, X11          \
	ADDPD    X11, ACC0        \
	MULPD    X9, X10          \
	ADDPD    X10, ACC1

// SSEHALF computes columns OFF/8 … OFF/8+3 of the tile (OFF is their byte
// offset in a row of 8 float64) in X0–X7: row i, columns 2h, 2h+1 of the
// half in X(2i+h).
#define SSEHALF(OFF, LOOP) \
	MOVQ  idx+32(FP), DX            \
	MOVQ  n+48(FP), CX              \
	XORPS X0, X0                    \
	XORPS X1, X1                    \
	XORPS X2, X2                    \
	XORPS X3, X3                    \
	XORPS X4, X4                    \
	XORPS X5, X5                    \
	XORPS X6, X6                    \
	XORPS X7, X7                    \
LOOP:                                   \
	MOVLQSX  (DX), SI               \
	MOVQ     SI, AX                 \
	SHLQ     $6, AX                 \
	MOVUPD   OFF(BX)(AX*1), X8      \
	MOVUPD   OFF+16(BX)(AX*1), X9   \
	SSEROW(R8, X0, X1)              \
	SSEROW(R9, X2, X3)              \
	SSEROW(R10, X4, X5)             \
	SSEROW(R11, X6, X7)             \
	ADDQ     $4, DX                 \
	DECQ     CX                     \
	JNZ      LOOP                   \
	MOVUPD   X0, OFF(DI)            \
	MOVUPD   X1, OFF+16(DI)         \
	MOVUPD   X2, OFF+64(DI)         \
	MOVUPD   X3, OFF+80(DI)         \
	MOVUPD   X4, OFF+128(DI)        \
	MOVUPD   X5, OFF+144(DI)        \
	MOVUPD   X6, OFF+192(DI)        \
	MOVUPD   X7, OFF+208(DI)

// ARGS loads the arguments both micro-kernels share.
#define ARGS \
	MOVQ a0+0(FP), R8    \
	MOVQ a1+8(FP), R9    \
	MOVQ a2+16(FP), R10  \
	MOVQ a3+24(FP), R11  \
	MOVQ bp+40(FP), BX   \
	MOVQ t+56(FP), DI

// func tile4x8SSE2(a0, a1, a2, a3 *float64, idx *int32, bp *[8]float64, n int, t *[4][8]float64)
TEXT ·tile4x8SSE2(SB), NOSPLIT, $0-64
	ARGS
	SSEHALF(0, lo)
	SSEHALF(32, hi)
	RET

// AVXROW adds A[i,k]·B[k,j:j+8] to row i of the tile: it broadcasts
// A[i,k], the float64 SI places past ROW, to the four lanes of Y10 and
// adds its products with Y8 and Y9 (the eight columns of B) to ACC0 and
// ACC1.
#define AVXROW(ROW, ACC0, ACC1) \
	VBROADCASTSD (ROW)(SI*8), Y10 \
	VMULPD       Y8, Y10, Y11     \
	VADDPD       Y11, ACC0, ACC0  \
	VMULPD       Y9, Y10, Y11     \
	VADDPD       Y11, ACC1, ACC1

// func tile4x8AVX(a0, a1, a2, a3 *float64, idx *int32, bp *[8]float64, n int, t *[4][8]float64)
TEXT ·tile4x8AVX(SB), NOSPLIT, $0-64
	ARGS
	MOVQ   idx+32(FP), DX
	MOVQ   n+48(FP), CX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
loop:
	MOVLQSX (DX), SI
	MOVQ    SI, AX
	SHLQ    $6, AX
	VMOVUPD (BX)(AX*1), Y8
	VMOVUPD 32(BX)(AX*1), Y9
	AVXROW(R8, Y0, Y1)
	AVXROW(R9, Y2, Y3)
	AVXROW(R10, Y4, Y5)
	AVXROW(R11, Y6, Y7)
	ADDQ    $4, DX
	DECQ    CX
	JNZ     loop
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	VMOVUPD Y4, 128(DI)
	VMOVUPD Y5, 160(DI)
	VMOVUPD Y6, 192(DI)
	VMOVUPD Y7, 224(DI)
	VZEROUPPER
	RET
