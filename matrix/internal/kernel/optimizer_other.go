//go:build !amd64 || purego

package kernel

// adamAVX and momentumAVX are never called off amd64 (simdLevel is below
// simdAVX there).
func adamAVX(w, grad, m, v *float64, n int, c *[6]float64) {
	panic("kernel: adamAVX without AVX")
}

func momentumAVX(w, grad, v *float64, n int, c *[2]float64, nesterov bool) {
	panic("kernel: momentumAVX without AVX")
}
