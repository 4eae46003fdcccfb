package mlp

import (
	"math"

	"nnscratch/matrix"
)

// lbfgsResult is what minimizeLBFGS reports.
type lbfgsResult struct {
	f       float64 // the loss at the returned point
	iters   int     // iterations (accepted steps)
	evals   int     // loss-and-gradient evaluations
	stopped string  // why it stopped without converging, "" if it converged
}

// Wolfe constants of the line search and scipy's default stopping
// tolerance on the relative reduction of the loss (factr·ε = 10⁷·2⁻⁵²).
const (
	wolfeC1  = 1e-3
	wolfeC2  = 0.9
	relFTol  = 1e7 * 0x1p-52
	memory   = 10 // correction pairs kept, scipy's m
	maxTries = 20 // evaluations allowed in one line search
)

// minimizeLBFGS minimises fg (which returns f(x) and writes ∇f(x) into g)
// from x, in place, by limited-memory BFGS: the search direction
// d = −H·∇f comes from the two-loop recursion over the last 10 pairs
// (s, y) = (x_{k+1}−x_k, ∇f_{k+1}−∇f_k), with H₀ = (sᵀy / yᵀy)·I, and the
// step length from a line search that satisfies the strong Wolfe conditions
//
//	f(x+αd) ≤ f(x) + c₁α∇fᵀd,   |∇f(x+αd)ᵀd| ≤ c₂|∇fᵀd|.
//
// It stops when max|∇f| ≤ gtol, when the loss falls by a relative amount
// below 2.2·10⁻⁹, after maxIter steps or after maxFun evaluations.
func minimizeLBFGS(fg func(x, g []float64) float64, x []float64, maxIter, maxFun int, gtol float64) lbfgsResult {
	n := len(x)
	g := make([]float64, n)
	f := fg(x, g)
	res := lbfgsResult{f: f, evals: 1}
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	xn, gn := make([]float64, n), make([]float64, n)
	alpha := make([]float64, memory)
	for {
		if maxAbs(g) <= gtol {
			return res
		}
		if res.iters >= maxIter {
			res.stopped = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"
			return res
		}
		if res.evals >= maxFun {
			res.stopped = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"
			return res
		}
		// Two-loop recursion: d = −H·g.
		for i := range d {
			d[i] = -g[i]
		}
		for i := len(ss) - 1; i >= 0; i-- {
			alpha[i] = rhos[i] * dot(ss[i], d)
			axpy(d, -alpha[i], ys[i])
		}
		step := 1.0
		if k := len(ss) - 1; k >= 0 {
			gamma := dot(ss[k], ys[k]) / dot(ys[k], ys[k])
			for i := range d {
				d[i] *= gamma
			}
		} else {
			step = 1 / math.Sqrt(dot(g, g))
		}
		for i := range ss {
			b := rhos[i] * dot(ys[i], d)
			axpy(d, alpha[i]-b, ss[i])
		}
		slope := dot(g, d)
		if !(slope < 0) { // not a descent direction: restart from −g
			ss, ys, rhos = nil, nil, nil
			for i := range d {
				d[i] = -g[i]
			}
			slope = dot(g, d)
			step = 1 / math.Sqrt(-slope)
		}
		fn, ok := lineSearch(fg, x, f, g, d, slope, step, xn, gn, &res.evals, maxFun)
		if !ok {
			if len(ss) > 0 { // forget the curvature pairs and try steepest descent
				ss, ys, rhos = nil, nil, nil
				continue
			}
			res.stopped = "ABNORMAL_TERMINATION_IN_LNSRCH"
			return res
		}
		s, y := make([]float64, n), make([]float64, n)
		for i := range s {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		if sy := dot(s, y); sy > 1e-10*dot(y, y) {
			if len(ss) == memory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		copy(x, xn)
		copy(g, gn)
		res.iters++
		old := f
		f = fn
		res.f = f
		if (old-f)/math.Max(math.Max(math.Abs(old), math.Abs(f)), 1) <= relFTol {
			return res
		}
	}
}

// lineSearch finds α satisfying the strong Wolfe conditions along d from x
// (loss f, gradient g, slope gᵀd < 0), starting from α = step and doubling
// until the minimum is bracketed, then narrowing the bracket by safeguarded
// cubic interpolation (Nocedal and Wright, Algorithms 3.5 and 3.6). When
// 20 evaluations do not meet the curvature condition it accepts the best
// step of sufficient decrease found. It leaves the accepted point in xn and
// its gradient in gn.
func lineSearch(fg func(x, g []float64) float64, x []float64, f float64, g, d []float64, slope, step float64,
	xn, gn []float64, evals *int, maxFun int) (float64, bool) {
	eval := func(a float64) point {
		for i := range xn {
			xn[i] = x[i] + a*d[i]
		}
		fa := fg(xn, gn)
		*evals++
		return point{a, fa, dot(gn, d)}
	}
	armijo := func(p point) bool { return p.f <= f+wolfeC1*p.a*slope }
	curv := func(p point) bool { return math.Abs(p.d) <= -wolfeC2*slope }
	zoom := func(lo, hi point) (point, bool) {
		for try := 0; try < maxTries && *evals < maxFun; try++ {
			a := cubicMin(lo, hi)
			w := hi.a - lo.a
			if math.IsNaN(a) || (a-lo.a)/w < 0.1 || (hi.a-a)/w < 0.1 {
				a = lo.a + w/2
			}
			p := eval(a)
			if !armijo(p) || p.f >= lo.f {
				hi = p
				continue
			}
			if curv(p) {
				return p, true
			}
			if p.d*(hi.a-lo.a) >= 0 {
				hi = lo
			}
			lo = p
		}
		// The curvature condition was not met (a kink of relu can make it
		// unreachable): settle for the best point of sufficient decrease.
		if lo.a > 0 && *evals < maxFun {
			return eval(lo.a), true
		}
		return point{}, false
	}
	prev := point{0, f, slope}
	a := step
	for try := 0; try < maxTries && *evals < maxFun; try++ {
		p := eval(a)
		var ok bool
		switch {
		case math.IsNaN(p.f) || math.IsInf(p.f, 0):
			a = prev.a + (a-prev.a)/4 // stepped into overflow: come back
			continue
		case !armijo(p) || (try > 0 && p.f >= prev.f):
			p, ok = zoom(prev, p)
		case curv(p):
			return p.f, true
		case p.d >= 0:
			p, ok = zoom(p, prev)
		default:
			prev, a = p, 2*a
			continue
		}
		if ok {
			// zoom's last evaluation was the accepted point.
			return p.f, true
		}
		return 0, false
	}
	return 0, false
}

// point is a trial step of the line search: α, f(x+αd) and its slope along d.
type point struct{ a, f, d float64 }

// cubicMin returns the minimiser of the cubic through two trial points
// (values and slopes), or NaN when the cubic has none.
func cubicMin(p, q point) float64 {
	d1 := p.d + q.d - 3*(p.f-q.f)/(p.a-q.a)
	r := d1*d1 - p.d*q.d
	if r < 0 {
		return math.NaN()
	}
	d2 := math.Copysign(math.Sqrt(r), q.a-p.a)
	return q.a - (q.a-p.a)*(q.d+d2-d1)/(q.d-p.d+2*d2)
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// axpy sets y += a·x.
func axpy(y []float64, a float64, x []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}

// trainLBFGS fits the network on the whole of X at once with L-BFGS,
// MaxIter iterations and MaxFun loss evaluations at most, to a gradient of
// at most Tol in every component. The optimiser sees the parameters as one
// vector packed in scikit-learn's order, every layer's weights (row by
// row) and then every layer's intercepts; nn's Gradient gives the loss and
// its gradient at each point.
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
	fg := func(v, g []float64) float64 {
		unpack(params, v)
		loss := net.Gradient(X, Y, tr.loss, p.Alpha)
		off := 0
		for _, gr := range grads {
			off += copy(g[off:], gr)
		}
		return loss
	}
	res := minimizeLBFGS(fg, x, p.MaxIter, p.MaxFun, p.Tol)
	unpack(params, x)
	tr.f.NIter, tr.f.Loss = res.iters, res.f
	if res.stopped != "" {
		tr.f.ConvergenceWarning = "lbfgs failed to converge (status=1):\n" + res.stopped + ".\n\n" +
			"Increase the number of iterations (max_iter) or scale the data as shown in:\n" +
			"    https://scikit-learn.org/stable/modules/preprocessing.html"
	}
	return nil
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
