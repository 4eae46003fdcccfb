//go:build !purego

#include "textflag.h"

// A four-lane version of portable.Exp, which is the fused multiply-add
// variant of the assembly behind math.Exp on amd64 (see exp_amd64.go). Each
// lane runs portable.Exp's arithmetic, operation for operation:
//
//	k = round-to-nearest-int32(x·log2(e)),  r = x − k·ln2hi − k·ln2lo
//	r = r/16,  p = Taylor polynomial of degree 8 in r (Horner, from 1/8!)
//	e = r·p, then four times e = e·(e+2)   (e^r − 1 squared up to e^(16r) − 1)
//	exp(x) = (e + 1)·2^k
//
// with a packed fused multiply-add wherever portable.Exp calls math.FMA. A
// group of four whose input is NaN, above the overflow threshold or whose
// biased exponent k+1023 falls outside 1…2046 (where portable.Exp takes its
// infinite, zero or subnormal paths) is not written: the function returns
// and leaves that group to portable.Exp.
//
// Registers: SI is x, DI is dst, DX counts the elements done, CX is n.
// X6 holds four int32 1s and X7 zero for the exponent tests and packing.

#define C4(off, v) \
	DATA expc<>+(off)(SB)/8, v \
	DATA expc<>+(off+8)(SB)/8, v \
	DATA expc<>+(off+16)(SB)/8, v \
	DATA expc<>+(off+24)(SB)/8, v

#define I4(off, v) \
	DATA expc<>+(off)(SB)/4, v \
	DATA expc<>+(off+4)(SB)/4, v \
	DATA expc<>+(off+8)(SB)/4, v \
	DATA expc<>+(off+12)(SB)/4, v

C4(0, $7.09782712893384e+02)                          // largest x math.Exp does not send to +Inf
C4(32, $1.4426950408889634073599246810018920)         // log2(e)
C4(64, $0.69314718055966295651160180568695068359375)  // ln 2, high part
C4(96, $0.28235290563031577122588448175013436025525412068e-12) // ln 2, low part
C4(128, $0.0625)                                      // 1/16
C4(160, $2.4801587301587301587e-5)                    // 1/8!
C4(192, $1.9841269841269841270e-4)                    // 1/7!
C4(224, $1.3888888888888888889e-3)                    // 1/6!
C4(256, $8.3333333333333333333e-3)                    // 1/5!
C4(288, $4.1666666666666666667e-2)                    // 1/4!
C4(320, $1.6666666666666666667e-1)                    // 1/3!
C4(352, $0.5)                                         // 1/2!
C4(384, $1.0)
C4(416, $2.0)
C4(448, $0x8000000000000000)                          // sign bit
I4(480, $0x3FF)                                       // exponent bias
I4(496, $1)
I4(512, $0x7FE)                                       // largest finite biased exponent
GLOBL expc<>(SB), RODATA|NOPTR, $528

// RANGE: Y0 = x. Leaves AX ≠ 0 if some lane is NaN or above the overflow
// threshold, X2 = k (int32), Y1 = k (float64).
#define RANGE \
	VCMPPD     $0x16, expc<>+0(SB), Y0, Y5 \ // not (x ≤ threshold), true for NaN
	VMOVMSKPD  Y5, AX \
	VMULPD     expc<>+32(SB), Y0, Y1 \
	VCVTPD2DQY Y1, X2 \                      // rounds to nearest, like CVTSD2SL
	VCVTDQ2PD  X2, Y1

// SQUARINGS: Y0 = r, Y1 = p → Y0 = e = r·p, then three times e = e·(e+2)
// (from e^s − 1 to e^(2s) − 1), and Y1 = e + 2 for the fourth, which
// POLYFMA fuses with the final + 1.
#define SQUARINGS \
	VMULPD Y1, Y0, Y0 \
	VADDPD expc<>+416(SB), Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD expc<>+416(SB), Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD expc<>+416(SB), Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD expc<>+416(SB), Y0, Y1

// POLYFMA: Y0 = x, Y1 = k → Y0 = e + 1.
#define POLYFMA \
	VFNMADD231PD expc<>+64(SB), Y1, Y0 \
	VFNMADD231PD expc<>+96(SB), Y1, Y0 \
	VMULPD       expc<>+128(SB), Y0, Y0 \
	VMOVUPD      expc<>+160(SB), Y1 \
	VFMADD213PD  expc<>+192(SB), Y0, Y1 \
	VFMADD213PD  expc<>+224(SB), Y0, Y1 \
	VFMADD213PD  expc<>+256(SB), Y0, Y1 \
	VFMADD213PD  expc<>+288(SB), Y0, Y1 \
	VFMADD213PD  expc<>+320(SB), Y0, Y1 \
	VFMADD213PD  expc<>+352(SB), Y0, Y1 \
	VFMADD213PD  expc<>+384(SB), Y0, Y1 \
	SQUARINGS \
	VFMADD213PD  expc<>+384(SB), Y1, Y0

// LDEXP: Y0 = e + 1, X2 = k, AX from RANGE → Y0 = (e + 1)·2^k, or jumps to
// done if some lane needs a special path.
#define LDEXP \
	VPADDD      expc<>+480(SB), X2, X3 \ // k + 1023
	VPCMPGTD    X3, X6, X4 \             // 1 > k+1023: zero or subnormal
	VPCMPGTD    expc<>+512(SB), X3, X5 \ // k+1023 > 2046: +Inf
	VPOR        X5, X4, X4 \
	VMOVMSKPS   X4, BX \
	ORL         BX, AX \
	JNZ         done \
	VPSLLD      $20, X3, X3 \            // exponent field in each int32's top bits
	VPUNPCKLDQ  X3, X7, X4 \             // lanes 0, 1 as float64 2^k
	VPUNPCKHDQ  X3, X7, X5 \             // lanes 2, 3
	VINSERTF128 $1, X5, Y4, Y4 \
	VMULPD      Y4, Y0, Y0

#define PROLOGUE \
	MOVQ    dst+0(FP), DI \
	MOVQ    x+8(FP), SI \
	MOVQ    n+16(FP), CX \
	XORQ    DX, DX \
	VMOVDQU expc<>+496(SB), X6 \
	VPXOR   X7, X7, X7

// EXPLOOP(LOOP, POLY, BEFORE, AFTER) is the loop of expAVX and sigmoidAVX:
// for each group of four from DX on, BEFORE on x, then e^x by RANGE, POLY
// and LDEXP, then AFTER on the result. It jumps to done at n or at the
// first group that needs a special path.
#define EXPLOOP(LOOP, POLY, BEFORE, AFTER) \
LOOP: \
	CMPQ    DX, CX \
	JGE     done \
	VMOVUPD (SI)(DX*8), Y0 \
	BEFORE \
	RANGE \
	POLY \
	LDEXP \
	AFTER \
	VMOVUPD Y0, (DI)(DX*8) \
	ADDQ    $4, DX \
	JMP     LOOP

#define NOTHING

// NEGATE: Y0 = −x.
#define NEGATE VXORPD expc<>+448(SB), Y0, Y0

// RECIPROCAL: Y0 = e^−x → 1/(1 + e^−x).
#define RECIPROCAL \
	VADDPD  expc<>+384(SB), Y0, Y0 \
	VMOVUPD expc<>+384(SB), Y1 \
	VDIVPD  Y0, Y1, Y0

// EXPFUNC(BEFORE, AFTER) is the body of expAVX and sigmoidAVX.
#define EXPFUNC(BEFORE, AFTER) \
	PROLOGUE \
	EXPLOOP(loop, POLYFMA, BEFORE, AFTER) \
done: \
	VZEROUPPER \
	MOVQ DX, ret+24(FP) \
	RET

// func expAVX(dst, x *float64, n int) int
TEXT ·expAVX(SB), NOSPLIT, $0-32
	EXPFUNC(NOTHING, NOTHING)

// func sigmoidAVX(dst, x *float64, n int) int
TEXT ·sigmoidAVX(SB), NOSPLIT, $0-32
	EXPFUNC(NEGATE, RECIPROCAL)
