package mlp

import (
	"fmt"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// trainLBFGS fits the network on the whole of X at once with SciPy's
// L-BFGS-B as scikit-learn runs it (minimizeLBFGSB): at most MaxIter
// iterations, stopping after the one whose evaluations pass MaxFun, or
// when no gradient component exceeds Tol or the loss stops falling.
func (tr *trainer) trainLBFGS(p *Params, X, Y *matrix.Matrix) error {
	net := tr.net
	var params, grads [][]float64
	for _, l := range net.Layers {
		params, grads = append(params, l.W.Data), append(grads, l.GradW.Data)
	}
	for _, l := range net.Layers {
		params, grads = append(params, l.B.Data), append(grads, l.GradB.Data)
	}
	x := pack(params)
	sum := summed(tr.loss)
	fg := func(v, g []float64) float64 {
		unpack(params, v)
		loss := tr.gradient(X, Y, sum, p.Alpha)
		off := 0
		for _, gr := range grads {
			off += copy(g[off:], gr)
		}
		return loss
	}
	res := minimizeLBFGSB(fg, x, sklearnLBFGS(p.MaxIter, p.MaxFun, p.Tol))
	unpack(params, res.x)
	tr.f.NIter, tr.f.Loss = min(res.nit, p.MaxIter), res.f
	if res.warnflag != 0 {
		tr.f.ConvergenceWarning = fmt.Sprintf("lbfgs failed to converge (status=%d):\n", res.warnflag) + res.message + ".\n\n" +
			"Increase the number of iterations (max_iter) or scale the data as shown in:\n" +
			"    https://scikit-learn.org/stable/modules/preprocessing.html"
	}
	return nil
}

// gradient returns the objective on (X, Y), the loss plus the L2 term, and
// fills every layer's GradW and GradB with its gradient, as nn's Gradient
// does but in scikit-learn's order of operations (its _backprop), so that
// the rounding, which L-BFGS amplifies over hundreds of iterations,
// follows scikit-learn's: the output delta is a − y, not yet divided by
// the n samples (sum is the loss whose δ_out that is), and then
//
//	∂E/∂W = (Aᵀ·δ + α·W) / n,   ∂E/∂b = mean(δ, axis 0)
//
// where numpy's mean of a single column adds it pairwise (nn.PairwiseSum)
// and of several columns adds the rows in order (matrix.SumRowsInto).
func (tr *trainer) gradient(X, Y *matrix.Matrix, sum nn.Loss, alpha float64) float64 {
	net := tr.net
	n := float64(X.Rows)
	e := tr.loss.Value(net.Forward(X), Y) + net.Penalty(alpha, X.Rows)
	net.Backward(Y, sum)
	for _, l := range net.Layers {
		if alpha != 0 {
			matrix.AddScaledInto(l.GradW, l.GradW, alpha, l.W)
		}
		for j := range l.GradW.Data {
			l.GradW.Data[j] /= n // coef_grads /= n_samples: a division, not ·(1/n)
		}
		if l.Delta.Cols == 1 {
			l.GradB.Data[0] = nn.PairwiseSum(l.Delta.Data)
		}
		for j := range l.GradB.Data {
			l.GradB.Data[j] /= n
		}
	}
	return e
}

// summed returns the form of the loss whose output delta is a − y, the
// delta scikit-learn back-propagates before it divides by n.
func summed(loss nn.Loss) nn.Loss {
	switch loss.(type) {
	case *binaryLogLoss:
		return nn.LogLoss{Sum: true}
	case *logLoss:
		return nn.CrossEntropy{Sum: true}
	}
	return nn.HalfSSE{}
}

// pack returns the parameters laid end to end in one new vector.
func pack(params [][]float64) []float64 {
	var x []float64
	for _, p := range params {
		x = append(x, p...)
	}
	return x
}

// unpack copies the vector x back into the parameters pack laid out.
func unpack(params [][]float64, x []float64) {
	off := 0
	for _, p := range params {
		off += copy(p, x[off:])
	}
}

// dot returns Σ x[i]·y[i], added in order.
func dot(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		s += float64(v * y[i])
	}
	return s
}
