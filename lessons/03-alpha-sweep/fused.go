package main

import "nnscratch/matrix"

// trainFused is train with the network's sizes fixed at compile time: the
// same operations in the same order as network.step's matrix calls, so the
// same bits, but with the arrays on the stack and no calls between them,
// and with the sigmoids computed four at a time. It is the optional fast
// path: -fused runs it instead of step.go, and TestFusedMatchesStep checks
// that the two agree bit for bit.
//
// Each sum starts at 0 and adds its products in k order, every product
// rounded before it is added (float64(x*y)), exactly as package matrix
// does, so the compiler cannot fuse them into FMA instructions on one
// machine and not on another.
func trainFused(cfg config, alpha float64) result {
	w0m, w1m := initialWeights(cfg.seed)
	var (
		x  = [4][3]float64{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}}
		y  = [4]float64{0, 1, 1, 0}
		w0 [3][4]float64
		w1 [4]float64
	)
	for k := range 3 {
		copy(w0[k][:], w0m.Row(k))
	}
	copy(w1[:], w1m.Data)

	r := result{alpha: alpha}
	// Count down to the next print and the next recorded point instead of
	// dividing by cfg.every and cfg.record at every step.
	toPrint, toRecord := 0, 0
	// The layers, declared once: handed to matrix.SigmoidInto, they may
	// live on the heap, and must not be allocated again every step.
	var l1 [16]float64 // l1[4i+j] is element (i, j)
	var l2, err, d2 [4]float64
	for step := 0; step < cfg.steps; step++ {
		// l1 = σ(X·W0), l2 = σ(l1·W1): the sums first, then σ of all of
		// them in one matrix.SigmoidInto call (four lanes at a time, the
		// same bits as sigmoid). Every element is overwritten.
		for i := range 4 {
			for j := range 4 {
				s := 0.0
				for k := range 3 {
					s += float64(x[i][k] * w0[k][j])
				}
				l1[4*i+j] = s
			}
		}
		matrix.SigmoidInto(l1[:], l1[:])
		for i := range 4 {
			s := 0.0
			for k := range 4 {
				s += float64(l1[4*i+k] * w1[k])
			}
			l2[i] = s
		}
		matrix.SigmoidInto(l2[:], l2[:])
		for i := range 4 {
			// δ2 = (l2 − y) ⊙ l2(1 − l2).
			err[i] = l2[i] - y[i]
			d2[i] = err[i] * sigmoidDerivative(l2[i])
		}
		if toPrint == 0 || toRecord == 0 {
			e := ((((0 + abs(err[0])) + abs(err[1])) + abs(err[2])) + abs(err[3])) / 4
			if toPrint == 0 {
				r.printed = append(r.printed, e)
				toPrint = cfg.every
			}
			if toRecord == 0 {
				r.curve = append(r.curve, e)
				toRecord = cfg.record
			}
		}
		toPrint--
		toRecord--
		// δ1 = δ2·W1ᵀ ⊙ l1(1 − l1).
		var d1 [4][4]float64
		for i := range 4 {
			for j := range 4 {
				e := 0.0
				e += float64(d2[i] * w1[j])
				d1[i][j] = e * sigmoidDerivative(l1[4*i+j])
			}
		}
		// W1 ← W1 − α·l1ᵀ·δ2, W0 ← W0 − α·Xᵀ·δ1.
		for j := range 4 {
			g := 0.0
			for k := range 4 {
				g += float64(l1[4*k+j] * d2[k])
			}
			w1[j] += float64(-alpha * g)
		}
		for i := range 3 {
			for j := range 4 {
				g := 0.0
				for k := range 4 {
					g += float64(x[k][i] * d1[k][j])
				}
				w0[i][j] += float64(-alpha * g)
			}
		}
	}
	r.w0, r.w1 = w0m, w1m
	for k := range 3 {
		copy(w0m.Row(k), w0[k][:])
	}
	copy(w1m.Data, w1[:])
	return r
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
