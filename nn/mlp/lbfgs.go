package mlp

import (
	"fmt"

	"nnscratch/matrix"
)

// trainLBFGS fits the network on the whole of X at once with SciPy's
// L-BFGS-B as scikit-learn runs it (minimizeLBFGSB): at most MaxIter
// iterations, stopping after the one whose evaluations pass MaxFun, or
// when no gradient component exceeds Tol or the loss stops falling.
func (tr *trainer) trainLBFGS(p *Params, X, Y *matrix.Matrix) error {
	net := tr.net
	params := net.params()
	x := pack(params)
	fg := func(v, g []float64) float64 {
		unpack(params, v)
		loss := net.backprop(X, Y, nil)
		off := 0
		for _, gr := range net.grads() {
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

func pack(params [][]float64) []float64 {
	var x []float64
	for _, p := range params {
		x = append(x, p...)
	}
	return x
}

func unpack(params [][]float64, x []float64) {
	off := 0
	for _, p := range params {
		off += copy(p, x[off:])
	}
}
