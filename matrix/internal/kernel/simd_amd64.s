//go:build !purego

#include "textflag.h"

// The micro-kernels of simd.go. Each lane of a vector register is one
// element of the 4×8 tile of C and receives, for q = 0, 1, …, n-1 in order,
// acc = acc + round(a·b): a packed multiply, then a separate packed add,
// never a fused multiply-add, so that every lane computes exactly what the
// scalar loop of MulNaive computes.
//
// Registers: SI walks ap (4 float64 per kept k), DX walks idx (int32),
// BX is the packed B panel (8 float64 = 64 bytes per k), CX counts down,
// DI is the tile (row i at 64·i bytes).

// func hasAVX() bool
TEXT ·hasAVX(SB), NOSPLIT, $0-1
	MOVL $1, AX
	XORL CX, CX
	CPUID
	// ECX bit 27: OSXSAVE (XGETBV usable); bit 28: AVX.
	ANDL $0x18000000, CX
	CMPL CX, $0x18000000
	JNE  no
	XORL CX, CX
	XGETBV
	// XCR0 bits 1 and 2: the OS saves the XMM and the YMM state.
	ANDL $6, AX
	CMPL AX, $6
	JNE  no
	MOVB $1, ret+0(FP)
	RET
no:
	MOVB $0, ret+0(FP)
	RET

// SSEHALF computes columns OFF/8 … OFF/8+3 of the tile (OFF is their byte
// offset in a row of 8 float64) in X0–X7: row i, columns 2h, 2h+1 of the
// half in X(2i+h). R8, R9 and R10 hold ap, idx and n.
#define SSEHALF(OFF, LOOP) \
	MOVQ  R8, SI                 \
	MOVQ  R9, DX                 \
	MOVQ  R10, CX                \
	XORPS X0, X0                 \
	XORPS X1, X1                 \
	XORPS X2, X2                 \
	XORPS X3, X3                 \
	XORPS X4, X4                 \
	XORPS X5, X5                 \
	XORPS X6, X6                 \
	XORPS X7, X7                 \
LOOP:                            \
	MOVLQSX  (DX), AX            \
	SHLQ     $6, AX              \
	MOVUPD   OFF(BX)(AX*1), X8   \
	MOVUPD   OFF+16(BX)(AX*1), X9 \
	MOVSD    (SI), X10           \
	UNPCKLPD X10, X10            \
	MOVAPD   X10, X11            \
	MULPD    X8, X11             \
	ADDPD    X11, X0             \
	MULPD    X9, X10             \
	ADDPD    X10, X1             \
	MOVSD    8(SI), X10          \
	UNPCKLPD X10, X10            \
	MOVAPD   X10, X11            \
	MULPD    X8, X11             \
	ADDPD    X11, X2             \
	MULPD    X9, X10             \
	ADDPD    X10, X3             \
	MOVSD    16(SI), X10         \
	UNPCKLPD X10, X10            \
	MOVAPD   X10, X11            \
	MULPD    X8, X11             \
	ADDPD    X11, X4             \
	MULPD    X9, X10             \
	ADDPD    X10, X5             \
	MOVSD    24(SI), X10         \
	UNPCKLPD X10, X10            \
	MOVAPD   X10, X11            \
	MULPD    X8, X11             \
	ADDPD    X11, X6             \
	MULPD    X9, X10             \
	ADDPD    X10, X7             \
	ADDQ     $32, SI             \
	ADDQ     $4, DX              \
	DECQ     CX                  \
	JNZ      LOOP                \
	MOVUPD   X0, OFF(DI)         \
	MOVUPD   X1, OFF+16(DI)      \
	MOVUPD   X2, OFF+64(DI)      \
	MOVUPD   X3, OFF+80(DI)      \
	MOVUPD   X4, OFF+128(DI)     \
	MOVUPD   X5, OFF+144(DI)     \
	MOVUPD   X6, OFF+192(DI)     \
	MOVUPD   X7, OFF+208(DI)

// func tile4x8SSE2(ap *[4]float64, idx *int32, bp *[8]float64, n int, t *[4][8]float64)
TEXT ·tile4x8SSE2(SB), NOSPLIT, $0-40
	MOVQ ap+0(FP), R8
	MOVQ idx+8(FP), R9
	MOVQ n+24(FP), R10
	MOVQ bp+16(FP), BX
	MOVQ t+32(FP), DI
	SSEHALF(0, lo)
	SSEHALF(32, hi)
	RET

// func tile4x8AVX(ap *[4]float64, idx *int32, bp *[8]float64, n int, t *[4][8]float64)
TEXT ·tile4x8AVX(SB), NOSPLIT, $0-40
	MOVQ   ap+0(FP), SI
	MOVQ   idx+8(FP), DX
	MOVQ   bp+16(FP), BX
	MOVQ   n+24(FP), CX
	MOVQ   t+32(FP), DI
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
loop:
	MOVLQSX      (DX), AX
	SHLQ         $6, AX
	VMOVUPD      (BX)(AX*1), Y8
	VMOVUPD      32(BX)(AX*1), Y9
	VBROADCASTSD (SI), Y10
	VMULPD       Y8, Y10, Y11
	VADDPD       Y11, Y0, Y0
	VMULPD       Y9, Y10, Y11
	VADDPD       Y11, Y1, Y1
	VBROADCASTSD 8(SI), Y10
	VMULPD       Y8, Y10, Y11
	VADDPD       Y11, Y2, Y2
	VMULPD       Y9, Y10, Y11
	VADDPD       Y11, Y3, Y3
	VBROADCASTSD 16(SI), Y10
	VMULPD       Y8, Y10, Y11
	VADDPD       Y11, Y4, Y4
	VMULPD       Y9, Y10, Y11
	VADDPD       Y11, Y5, Y5
	VBROADCASTSD 24(SI), Y10
	VMULPD       Y8, Y10, Y11
	VADDPD       Y11, Y6, Y6
	VMULPD       Y9, Y10, Y11
	VADDPD       Y11, Y7, Y7
	ADDQ         $32, SI
	ADDQ         $4, DX
	DECQ         CX
	JNZ          loop
	VMOVUPD      Y0, (DI)
	VMOVUPD      Y1, 32(DI)
	VMOVUPD      Y2, 64(DI)
	VMOVUPD      Y3, 96(DI)
	VMOVUPD      Y4, 128(DI)
	VMOVUPD      Y5, 160(DI)
	VMOVUPD      Y6, 192(DI)
	VMOVUPD      Y7, 224(DI)
	VZEROUPPER
	RET
