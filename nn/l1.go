package nn

import "math"

// L1Penalty returns the L1 term α/n·Σ_l Σ|W_l| for a batch of n samples,
// the lasso counterpart of Penalty (scaled by 1/n as Penalty is); biases
// are not penalised. It is 0 when alpha is 0.
func (n *Network) L1Penalty(alpha float64, samples int) float64 {
	if alpha == 0 {
		return 0
	}
	s := 0.0
	for _, l := range n.Layers {
		for _, w := range l.W.Data {
			s += math.Abs(w)
		}
	}
	return alpha * s / float64(samples)
}

// AddL1Grad adds the (sub)gradient of L1Penalty, (α/n)·sign(W), to every
// GradW; at W = 0 it adds 0. Call it after Backward. It allocates nothing.
func (n *Network) AddL1Grad(alpha float64, samples int) {
	if alpha == 0 {
		return
	}
	c := alpha / float64(samples)
	for _, l := range n.Layers {
		g := l.GradW.Data[:len(l.W.Data)]
		for i, w := range l.W.Data {
			switch {
			case w > 0:
				g[i] += c
			case w < 0:
				g[i] -= c
			}
		}
	}
}
