package main

import (
	"math"

	"nnscratch/matrix"
)

// result is what one learning rate's run leaves behind.
type result struct {
	alpha   float64
	printed []float64      // mean |error| at steps 0, every, 2·every, …
	curve   []float64      // mean |error| at steps 0, record, 2·record, …
	w0, w1  *matrix.Matrix // the trained synapses
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// sigmoidDerivative is σ′ written from σ's output o: σ′ = o(1 − o).
func sigmoidDerivative(o float64) float64 { return o * (1 - o) }

// train runs the notebook's loop for one learning rate. Every buffer is
// allocated once, so the 60,000 steps allocate nothing.
func train(cfg config, alpha float64) result {
	w0, w1 := initialWeights(cfg.seed)
	var (
		l1      = matrix.New(4, 4) // hidden layer outputs
		l2      = matrix.New(4, 1) // network outputs
		l2Error = matrix.New(4, 1)
		l2Delta = matrix.New(4, 1)
		l1Error = matrix.New(4, 4)
		l1Delta = matrix.New(4, 4)
		slope1  = matrix.New(4, 4)
		slope2  = matrix.New(4, 1)
		grad0   = matrix.New(3, 4)
		grad1   = matrix.New(4, 1)
	)
	r := result{alpha: alpha}
	for step := 0; step < cfg.steps; step++ {
		// Feed forward through layers 0, 1 and 2.
		matrix.ApplyInto(l1, sigmoid, matrix.MulInto(l1, inputs, w0))
		matrix.ApplyInto(l2, sigmoid, matrix.MulInto(l2, l1, w1))

		// How much did we miss by, and in which direction?
		matrix.SubInto(l2Error, l2, targets)
		matrix.HadamardInto(l2Delta, l2Error, matrix.ApplyInto(slope2, sigmoidDerivative, l2))

		if step%cfg.every == 0 || step%cfg.record == 0 {
			e := meanAbs(l2Error)
			if step%cfg.every == 0 {
				r.printed = append(r.printed, e)
			}
			if step%cfg.record == 0 {
				r.curve = append(r.curve, e)
			}
		}

		// Send the error back through W1, then update both layers.
		matrix.MulTransBInto(l1Error, l2Delta, w1)
		matrix.HadamardInto(l1Delta, l1Error, matrix.ApplyInto(slope1, sigmoidDerivative, l1))
		matrix.AddScaledInto(w1, w1, -alpha, matrix.MulTransAInto(grad1, l1, l2Delta))
		matrix.AddScaledInto(w0, w0, -alpha, matrix.MulTransAInto(grad0, inputs, l1Delta))
	}
	r.w0, r.w1 = w0, w1
	return r
}

// meanAbs is np.mean(np.abs(m)): the sum in order, divided by the count.
func meanAbs(m *matrix.Matrix) float64 {
	s := 0.0
	for _, v := range m.Data {
		s += math.Abs(v)
	}
	return s / float64(len(m.Data))
}
