//go:build !purego

package kernel

// adamAVX applies the Adam update to n elements (a multiple of 4, at least
// 4) of w, grad (g), m and v, four at a time, with c = {b1, 1−b1, b2, 1−b2, η_t, ε}:
// m = b1·m + (1−b1)·g, v = b2·v + (1−b2)·(g·g), w = w − (η_t·m)/(√v + ε),
// each operation rounded as the scalar loop of matrix.AdamStepInto rounds
// it. Only for machines where hasAVX is true.
//
//go:noescape
func adamAVX(w, grad, m, v *float64, n int, c *[6]float64)

// momentumAVX applies the momentum update to n elements (a multiple of 4,
// at least 4) of w, grad (g) and v, four at a time, with c = {μ, η}:
// v = μ·v − η·g, then w = w + v, or with nesterov w = w + (μ·v − η·g),
// each operation rounded as the scalar loop of matrix.MomentumStepInto
// rounds it. Only for machines where hasAVX is true.
//
//go:noescape
func momentumAVX(w, grad, v *float64, n int, c *[2]float64, nesterov bool)
