//go:build !purego

package kernel

// cpuid returns the registers the CPUID instruction sets for leaf eaxArg,
// sub-leaf ecxArg.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv returns extended control register 0 (XCR0), which says which
// register state the operating system saves. Only for processors whose
// CPUID announces OSXSAVE.
func xgetbv() (eax, edx uint32)

// hasAVX reports whether CPUID announces AVX and OSXSAVE and XGETBV shows
// that the operating system saves the XMM and YMM state (XCR0 bits 1 and 2).
func hasAVX() bool {
	const osxsave, avx = 1 << 27, 1 << 28
	_, _, ecx, _ := cpuid(1, 0)
	if ecx&(osxsave|avx) != osxsave|avx {
		return false
	}
	xcr0, _ := xgetbv()
	return xcr0&6 == 6
}

// hasFMA reports whether CPUID announces the fused multiply-add
// instructions (FMA3).
func hasFMA() bool {
	_, _, ecx, _ := cpuid(1, 0)
	return ecx&(1<<12) != 0
}
