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
// machine and not on another. The sums are written out term by term,
// ((0 + p₀) + p₁) + p₂, the order a loop over k adds them in: Go does not
// unroll loops, and the loops' own counting took about a third of the time
// (BenchmarkFused: 11.9 ms a learning rate with the loops, 8.3 ms without).
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
			xi := &x[i]
			for j := range 4 {
				l1[4*i+j] = ((0 + float64(xi[0]*w0[0][j])) + float64(xi[1]*w0[1][j])) + float64(xi[2]*w0[2][j])
			}
		}
		matrix.SigmoidInto(l1[:], l1[:])
		for i := range 4 {
			a := (*[4]float64)(l1[4*i:])
			l2[i] = (((0 + float64(a[0]*w1[0])) + float64(a[1]*w1[1])) + float64(a[2]*w1[2])) + float64(a[3]*w1[3])
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
			g := (((0 + float64(l1[j]*d2[0])) + float64(l1[4+j]*d2[1])) + float64(l1[8+j]*d2[2])) + float64(l1[12+j]*d2[3])
			w1[j] += float64(-alpha * g)
		}
		for i := range 3 {
			for j := range 4 {
				g := (((0 + float64(x[0][i]*d1[0][j])) + float64(x[1][i]*d1[1][j])) + float64(x[2][i]*d1[2][j])) + float64(x[3][i]*d1[3][j])
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
