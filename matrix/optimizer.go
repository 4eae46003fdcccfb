package matrix

import (
	"math"

	"nnscratch/matrix/internal/kernel"
)

// AdamStepInto applies one update of the Adam optimiser (Kingma and Ba, as
// scikit-learn writes it) to the parameters w with gradient g and moment
// estimates m and v, element by element:
//
//	m ← β₁·m + (1−β₁)·g
//	v ← β₂·v + (1−β₂)·g²
//	w ← w − η_t·m/(√v + ε)
//
// where etaT is the step's η_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ). Each product is
// rounded before it is added, as the loop below writes it; where the
// processor has AVX the same operations run four elements at a time
// (matrix/internal/kernel), with the same bits, since a vector multiply,
// add, divide and square root round each lane exactly as the scalar ones
// do. It panics with an error wrapping ErrShape unless all four have the
// same shape, and allocates nothing.
func AdamStepInto(w, g, m, v *Matrix, beta1, beta2, etaT, eps float64) {
	sameShape("AdamStepInto", w, g)
	sameShape("AdamStepInto", w, m)
	sameShape("AdamStepInto", w, v)
	wd := w.Data
	gd, md, vd := g.Data[:len(wd)], m.Data[:len(wd)], v.Data[:len(wd)]
	c1, c2 := 1-beta1, 1-beta2
	for i := kernel.Adam(wd, gd, md, vd, beta1, c1, beta2, c2, etaT, eps); i < len(wd); i++ {
		gi := gd[i]
		mi := float64(beta1*md[i]) + float64(c1*gi)
		vi := float64(beta2*vd[i]) + float64(c2*(gi*gi))
		md[i], vd[i] = mi, vi
		wd[i] -= etaT * mi / (math.Sqrt(vi) + eps)
	}
}

// MomentumStepInto applies one update of gradient descent with momentum (the
// homework's form, also scikit-learn's) to the parameters w with gradient g
// and velocity v, element by element:
//
//	v ← μ·v − η·g
//	w ← w + v                 (with nesterov: w ← w + μ·v − η·g)
//
// Each product is rounded before it is added, as the loop below writes it;
// where the processor has AVX the same operations run four elements at a
// time, with the same bits. It panics with an error wrapping ErrShape
// unless all three have the same shape, and allocates nothing.
func MomentumStepInto(w, g, v *Matrix, mu, eta float64, nesterov bool) {
	sameShape("MomentumStepInto", w, g)
	sameShape("MomentumStepInto", w, v)
	wd := w.Data
	gd, vd := g.Data[:len(wd)], v.Data[:len(wd)]
	for i := kernel.Momentum(wd, gd, vd, mu, eta, nesterov); i < len(wd); i++ {
		gi := gd[i]
		vd[i] = float64(mu*vd[i]) - float64(eta*gi)
		if nesterov {
			wd[i] += float64(mu*vd[i]) - float64(eta*gi)
		} else {
			wd[i] += vd[i]
		}
	}
}
