package nn

// PairwiseSum returns the sum of x added as numpy's sum adds a contiguous
// array (np.sum, ndarray.sum along the last axis), so that a total agrees
// with numpy code to the last bit: fewer than eight values in order; up to
// 128 values with eight interleaved partial sums s0…s7 (s_k adds x[k],
// x[k+8], …), combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), the values
// past the last multiple of eight then added in order; longer arrays split
// in two halves (the first half's length rounded down to a multiple of 8),
// each summed so. It costs len(x) additions and allocates nothing.
func PairwiseSum(x []float64) float64 {
	n := len(x)
	switch {
	case n < 8:
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], x[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for k := range r {
				r[k] += x[i+k]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += x[i]
		}
		return s
	default:
		h := n / 2
		h -= h % 8
		return PairwiseSum(x[:h]) + PairwiseSum(x[h:])
	}
}
