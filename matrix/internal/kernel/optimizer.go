package kernel

// Adam applies the Adam update of matrix.AdamStepInto to the first
// elements of w, g, m and v (which have the same length), as many as the
// vector code handles, and returns how many; the caller updates the rest
// with its own loop. c1 and c2 are 1−b1 and 1−b2. With AVX (optimizer_amd64.s)
// that is every whole group of four; elsewhere it is none.
func Adam(w, g, m, v []float64, b1, c1, b2, c2, etaT, eps float64) int {
	n := len(w) &^ 3
	if simdLevel < simdAVX || n == 0 {
		return 0
	}
	_, _, _ = g[n-1], m[n-1], v[n-1]
	c := [6]float64{b1, c1, b2, c2, etaT, eps}
	adamAVX(&w[0], &g[0], &m[0], &v[0], n, &c)
	return n
}

// Momentum applies the momentum update of matrix.MomentumStepInto to the
// first elements of w, g and v (which have the same length), as many as the
// vector code handles, and returns how many, as Adam does.
func Momentum(w, g, v []float64, mu, eta float64, nesterov bool) int {
	n := len(w) &^ 3
	if simdLevel < simdAVX || n == 0 {
		return 0
	}
	_, _ = g[n-1], v[n-1]
	c := [2]float64{mu, eta}
	momentumAVX(&w[0], &g[0], &v[0], n, &c, nesterov)
	return n
}
