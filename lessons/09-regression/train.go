package main

import (
	"fmt"
	"math"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// The question's data: x = 1 … 9 and y = (1.2x + 1)/div, div = 10 (or 100,
// the question's second run).
func data(div float64) (xs, ys []float64) {
	for x := 1.0; x <= 9; x++ {
		xs = append(xs, x)
		// float64(x*1.2): the product rounded before the sum, as the
		// question's Java does; Go may otherwise fuse x*1.2+1 on arm64.
		ys = append(ys, (float64(x*1.2)+1)/div)
	}
	return xs, ys
}

// startWeights draws the two weights of the 1-1-1 network, uniform in
// [−1, 1) from np.random.seed(seed): w1 (input → hidden), then w2.
func startWeights(seed uint32) (w1, w2 float64) {
	rng := nprand.New(seed)
	w1 = rng.Uniform(-1, 1)
	w2 = rng.Uniform(-1, 1)
	return w1, w2
}

// column returns v as an n×1 matrix, each element divided by scale.
func column(v []float64, scale float64) *matrix.Matrix {
	m := matrix.New(len(v), 1)
	for i, x := range v {
		m.Data[i] = x / scale
	}
	return m
}

// rows returns the rows of the n×1 matrix m as 1×1 matrices sharing its
// storage.
func rows(m *matrix.Matrix) []*matrix.Matrix {
	r := make([]*matrix.Matrix, m.Rows)
	for i := range r {
		r[i] = matrix.FromSlice(1, 1, m.Data[i:i+1])
	}
	return r
}

// fit trains net by gradient descent (network.step), one sample at a time
// in order, for the given epochs, printing the first steps to t. It
// returns the first epoch after which every prediction is within
// closeEnough of its target, or −1 if none was, and an error naming the
// epoch if the error ½(out − t)² becomes NaN or infinite.
func fit(net *network, x, y *matrix.Matrix, rate float64, epochs int, t *trace.Trace) (first int, err error) {
	first = -1
	xs, ys := rows(x), rows(y)
	for e := 1; e <= epochs; e++ {
		for i := range xs {
			t.Step((e-1)*len(xs) + i)
			loss := net.step(xs[i], ys[i], rate)
			if math.IsNaN(loss) || math.IsInf(loss, 0) {
				return first, fmt.Errorf("diverged at epoch %d, sample %d: the error is %v; try a smaller -rate than %g", e, i+1, loss, rate)
			}
			net.print(t, xs[i])
		}
		if first < 0 && maxAbsError(net.predict(x), y) < closeEnough {
			first = e
		}
	}
	return first, nil
}

// closeEnough is the largest |prediction − target| fit counts as a fit.
const closeEnough = 0.02

// predict returns the network's output for each row of the n×1 matrix x.
func (n *network) predict(x *matrix.Matrix) *matrix.Matrix {
	out := matrix.New(x.Rows, 1)
	for i, xi := range rows(x) {
		out.Data[i] = n.forward(xi).Data[0]
	}
	return out
}

// params returns w1, b1, w2, b2 of a 1-1-1 network.
func (n *network) params() (w1, b1, w2, b2 float64) {
	return n.w1.Data[0], n.b1.Data[0], n.w2.Data[0], n.b2.Data[0]
}

// maxAbsError is the largest |prediction − target|.
func maxAbsError(pred, y *matrix.Matrix) float64 {
	m := 0.0
	for i, p := range pred.Data {
		m = max(m, math.Abs(p-y.Data[i]))
	}
	return m
}
