package mlp

import "math"

// lbfgsOptions are the settings of SciPy's L-BFGS-B that matter for a
// problem without bounds.
type lbfgsOptions struct {
	m       int     // maxcor: correction pairs kept
	ftol    float64 // stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol
	pgtol   float64 // stop when max |∂f/∂xᵢ| ≤ pgtol (SciPy's gtol)
	maxFun  int     // maxfun: checked after each iteration, so it may be passed
	maxIter int     // maxiter
	maxLS   int     // maxls: trial steps in one line search
}

// sklearnLBFGS returns the options scikit-learn 1.2's lbfgs solver passes
// to scipy.optimize.minimize(method="L-BFGS-B"): maxfun, maxiter and
// gtol=tol, and SciPy's defaults for the rest (maxcor 10, ftol = 10⁷·ε,
// maxls 20).
func sklearnLBFGS(maxIter, maxFun int, tol float64) lbfgsOptions {
	return lbfgsOptions{m: 10, ftol: 2.2204460492503131e-09, pgtol: tol, maxFun: maxFun, maxIter: maxIter, maxLS: 20}
}

// SciPy's messages (OptimizeResult.message) for the ways L-BFGS-B stops.
const (
	msgPGTol   = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL"
	msgFactr   = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"
	msgMaxFun  = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"
	msgMaxIter = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"
	msgLnSrch  = "ABNORMAL_TERMINATION_IN_LNSRCH"
)

// lbfgsResult is SciPy's OptimizeResult for L-BFGS-B.
type lbfgsResult struct {
	x        []float64 // the last accepted point
	f        float64   // fun: the last value computed (see minimizeLBFGSB)
	nit      int       // iterations: accepted line searches
	nfev     int       // evaluations of f and its gradient
	message  string    // one of the msg constants
	warnflag int       // status: 0 converged, 1 a limit was reached, 2 the line search failed
}

// epsmch is the machine precision L-BFGS-B uses, 2⁻⁵².
const epsmch = 0x1p-52

// minimizeLBFGSB minimises f from x0 as SciPy 1.10's
// minimize(fun, x0, method="L-BFGS-B", jac=True, options=…) does when no
// variable has bounds: the algorithm of Byrd, Lu, Nocedal and Zhu (1995)
// in L-BFGS-B 3.0's order of operations. fg returns f(x) and writes ∇f(x)
// into grad; x0 is not changed. Each iteration
//
//   - takes the step d = −B⁻¹g of the limited-memory BFGS matrix B kept in
//     compact form (θI − W·M·Wᵀ, Byrd, Nocedal and Schnabel 1994) over the
//     last m pairs s = x_{k+1} − x_k, y = g_{k+1} − g_k, computed through
//     the factorisation of the 2m×2m middle matrix; with no pairs (at the
//     start, after a reset) the generalised Cauchy point with B = θI, which
//     without bounds is x − g/θ;
//   - searches along d with the Moré–Thuente line search (ftol 10⁻³,
//     gtol 0.9, xtol 0.1, steps in [0, 10¹⁰]), first trial step 1/‖d‖ on the
//     first iteration and 1 after that, at most maxLS evaluations;
//   - stops when nit reaches maxIter or nfev exceeds maxFun (both checked
//     after the line search, as SciPy's driver does), when max|gᵢ| ≤ pgtol,
//     or when f fell by a relative amount ≤ ftol;
//   - adds the pair (s, y) unless sᵀy ≤ ε·(−gᵀs), with θ = yᵀy/sᵀy.
//
// A line search that fails, or a factorisation that breaks down, discards
// the pairs and starts again from the Cauchy point; a failing line search
// without pairs ends the run (ABNORMAL_TERMINATION_IN_LNSRCH) with x
// restored to the last accepted point. Like SciPy's f, which is the value
// of the last call of fun, res.f then belongs to the last trial point.
// As SciPy's counter does, nfev does not count a call at the very point
// evaluated last, which is answered from memory.
//
// It allocates O(m·n) once and nothing per iteration.
func minimizeLBFGSB(fg func(x, grad []float64) float64, x0 []float64, opt lbfgsOptions) lbfgsResult {
	n := len(x0)
	ev := newMemoEval(fg, n)
	x := append([]float64(nil), x0...)
	g := make([]float64, n)
	z := make([]float64, n) // the point the step aims at, x + d
	d := make([]float64, n)
	t := make([]float64, n) // x at the start of the line search
	r := make([]float64, n) // g at the start of the line search, then y
	mem := newLBFGSMemory(n, opt.m)

	factr := opt.ftol / epsmch
	tol := factr * epsmch
	f := ev.eval(x, g)
	res := lbfgsResult{x: x, f: f}
	finish := func(msg string) lbfgsResult {
		res.message, res.nfev = msg, ev.nfev
		switch {
		case msg == msgPGTol || msg == msgFactr:
			res.warnflag = 0
		case ev.nfev > opt.maxFun || res.nit >= opt.maxIter:
			res.warnflag = 1
		default:
			res.warnflag = 2
		}
		return res
	}
	if projectedGradNorm(g) <= opt.pgtol {
		return finish(msgPGTol)
	}

	iter := 0 // L-BFGS-B's own count, which also counts the failed last search
	updated := false
	var ls lineSearch
	for {
		// The step z − x.
		if mem.col == 0 {
			cauchyPoint(x, g, mem.theta, z)
		} else {
			ok := true
			if updated {
				ok = mem.formK()
			}
			if ok {
				ok = mem.subspaceStep(x, g, z)
			}
			if !ok {
				mem.reset()
				updated = false
				continue
			}
		}
		for i := range d {
			d[i] = z[i] - x[i]
		}

		// The line search along d.
		dtd := dot(d, d)
		dnorm := math.Sqrt(dtd)
		ls = lineSearch{ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: 1e10}
		stp := 1.0
		if iter == 0 {
			stp = math.Min(1/dnorm, ls.stpmax)
		}
		copy(t, x)
		copy(r, g)
		fold := f
		var gd, gdold float64
		status := lsEvaluate
		failed := false
		for ifun := 0; ; ifun++ {
			gd = dot(g, d)
			if ifun == 0 {
				gdold = gd
				if gd >= 0 { // not a descent direction
					failed = true
					break
				}
				stp, status = ls.start(f, gd, stp)
			} else {
				stp, status = ls.next(f, gd, stp)
			}
			if status == lsConverged || status == lsWarning {
				break
			}
			if ifun >= opt.maxLS {
				failed = true
				break
			}
			if stp == 1 {
				copy(x, z)
			} else {
				for i := range x {
					x[i] = float64(stp*d[i]) + t[i]
				}
			}
			f = ev.eval(x, g)
			res.f = f
		}
		if failed {
			copy(x, t)
			copy(g, r)
			f = fold
			if mem.col == 0 {
				return finish(msgLnSrch)
			}
			mem.reset()
			updated = false
			continue
		}
		iter++
		sbgnrm := projectedGradNorm(g)

		// SciPy's driver counts the iteration and checks its limits first.
		res.nit++
		if res.nit >= opt.maxIter {
			return finish(msgMaxIter)
		}
		if ev.nfev > opt.maxFun {
			return finish(msgMaxFun)
		}
		if sbgnrm <= opt.pgtol {
			return finish(msgPGTol)
		}
		if fold-f <= tol*math.Max(math.Max(math.Abs(fold), math.Abs(f)), 1) {
			return finish(msgFactr)
		}

		// The new pair: s = stp·d, y = g − r, skipped unless sᵀy > ε·(−gᵀs).
		for i := range r {
			r[i] = g[i] - r[i]
		}
		rr := dot(r, r)
		var dr, ddum float64
		if stp == 1 {
			dr = gd - gdold
			ddum = -gdold
		} else {
			dr = (gd - gdold) * stp
			for i := range d {
				d[i] *= stp
			}
			ddum = -gdold * stp
		}
		if dr <= epsmch*ddum {
			updated = false
			continue
		}
		updated = true
		if !mem.update(d, r, rr, dr, stp, dtd) {
			mem.reset()
			updated = false
		}
	}
}

// projectedGradNorm is max |gᵢ|, the projected gradient's norm without bounds.
func projectedGradNorm(g []float64) float64 {
	s := 0.0
	for _, v := range g {
		if a := math.Abs(v); a > s {
			s = a
		}
	}
	return s
}

// cauchyPoint sets z to the generalised Cauchy point of the model
// gᵀs + θ/2·sᵀs without bounds: the minimiser x − g/θ along −g,
// computed as L-BFGS-B's cauchy does (the step length −f′/f″ along −g).
func cauchyPoint(x, g []float64, theta float64, z []float64) {
	f1 := 0.0
	for _, v := range g {
		f1 -= float64(v * v)
	}
	f2 := -theta * f1
	dtm := -f1 / f2
	if dtm <= 0 {
		dtm = 0
	}
	for i := range z {
		z[i] = x[i] + float64(dtm*-g[i])
	}
}

// memoEval calls fg and counts the calls as SciPy's ScalarFunction does: a
// call at the point evaluated last is answered from memory and not counted.
type memoEval struct {
	fg           func(x, grad []float64) float64
	nfev         int
	lastX, lastG []float64
	lastF        float64
}

func newMemoEval(fg func(x, grad []float64) float64, n int) *memoEval {
	return &memoEval{fg: fg, lastX: make([]float64, n), lastG: make([]float64, n)}
}

func (e *memoEval) eval(x, g []float64) float64 {
	if e.nfev > 0 && equalValues(x, e.lastX) {
		copy(g, e.lastG)
		return e.lastF
	}
	copy(e.lastX, x)
	f := e.fg(x, g)
	e.nfev++
	copy(e.lastG, g)
	e.lastF = f
	return f
}

// equalValues reports whether x and y hold equal numbers (numpy's
// array_equal: 0 equals −0, NaN equals nothing).
func equalValues(x, y []float64) bool {
	for i, v := range x {
		if v != y[i] {
			return false
		}
	}
	return true
}

// lbfgsMemory is the limited-memory BFGS matrix in L-BFGS-B's compact form
// (Byrd, Nocedal and Schnabel 1994, eq. 2.17 ff.),
//
//	B = θI − W·M·Wᵀ,   W = [Y  θS],   M⁻¹ = [−D  Lᵀ; L  θSᵀS],
//
// where the columns of S and Y are the last col ≤ m pairs s and y (oldest
// first), D is the diagonal of SᵀY and L its strictly lower part.
// Pair i (0 = oldest) is stored in s[(head+i)%m] and y[(head+i)%m]; the
// small matrices are indexed by pair: sy[i][j] = sᵢᵀyⱼ (i ≥ j),
// ss[i][j] = sᵢᵀsⱼ (i ≤ j), yy[i][j] = yᵢᵀyⱼ (i ≥ j), rz[i][j] = sᵢᵀyⱼ
// (i ≤ j, summed separately, as L-BFGS-B's formk does).
type lbfgsMemory struct {
	n, m      int
	col, head int
	updates   int // pairs added since the last reset (iupdat)
	theta     float64
	s, y      [][]float64
	sy, ss    [][]float64
	yy, rz    [][]float64
	wt        [][]float64 // the Cholesky factor Jᵀ of θSᵀS + L·D⁻¹·Lᵀ
	wn        [][]float64 // the 2col×2col factor of K (see formK)
	wv        []float64
}

func newLBFGSMemory(n, m int) *lbfgsMemory {
	sq := func(k int) [][]float64 {
		a := make([][]float64, k)
		for i := range a {
			a[i] = make([]float64, k)
		}
		return a
	}
	vecs := func() [][]float64 {
		a := make([][]float64, m)
		for i := range a {
			a[i] = make([]float64, n)
		}
		return a
	}
	b := &lbfgsMemory{n: n, m: m, s: vecs(), y: vecs(), sy: sq(m), ss: sq(m), yy: sq(m), rz: sq(m),
		wt: sq(m), wn: sq(2 * m), wv: make([]float64, 2*m)}
	b.reset()
	return b
}

// reset forgets every pair: B = I.
func (b *lbfgsMemory) reset() {
	b.col, b.head, b.updates, b.theta = 0, 0, 0, 1
}

// pair returns the ring index of pair i.
func (b *lbfgsMemory) pair(i int) int { return (b.head + i) % b.m }

// update adds the pair (s, y) with yᵀy = rr, sᵀy = dr and sᵀs = stp²·dtd
// (L-BFGS-B's matupd), sets θ = yᵀy/sᵀy and factors θSᵀS + L·D⁻¹·Lᵀ
// (formt). It reports false when that matrix is not positive definite.
func (b *lbfgsMemory) update(s, y []float64, rr, dr, stp, dtd float64) bool {
	b.updates++
	var tail int
	if b.updates <= b.m {
		b.col = b.updates
		tail = (b.head + b.updates - 1) % b.m
	} else {
		tail = b.head
		b.head = (b.head + 1) % b.m
	}
	copy(b.s[tail], s)
	copy(b.y[tail], y)
	b.theta = rr / dr
	col := b.col
	if b.updates > b.m {
		shiftUp(b.ss, col)
		shiftUp(b.sy, col)
	}
	for j := 0; j < col-1; j++ {
		p := b.pair(j)
		b.sy[col-1][j] = dot(s, b.y[p])
		b.ss[j][col-1] = dot(b.s[p], s)
	}
	if stp == 1 {
		b.ss[col-1][col-1] = dtd
	} else {
		b.ss[col-1][col-1] = float64(stp*stp) * dtd
	}
	b.sy[col-1][col-1] = dr

	// T = θSᵀS + L·D⁻¹·Lᵀ, upper triangle.
	for j := 0; j < col; j++ {
		b.wt[0][j] = b.theta * b.ss[0][j]
	}
	for i := 1; i < col; i++ {
		for j := i; j < col; j++ {
			sum := 0.0
			for k := 0; k < i; k++ {
				sum += float64(b.sy[i][k]*b.sy[j][k]) / b.sy[k][k]
			}
			b.wt[i][j] = sum + float64(b.theta*b.ss[i][j])
		}
	}
	return cholesky(b.wt, 0, col)
}

// shiftUp moves a[i+1][j+1] to a[i][j], dropping the oldest pair.
func shiftUp(a [][]float64, col int) {
	for i := 0; i < col-1; i++ {
		copy(a[i][:col-1], a[i+1][1:col])
	}
}

// formK factors, after a new pair, the 2col×2col matrix K through which
// subspaceStep applies B⁻¹ (L-BFGS-B's formk with every variable free):
//
//	K = [−D − YᵀY/θ  −Rᵀ] = L·E·Lᵀ,   E = [−I 0],   L = [L₁₁      0],
//	    [   −R        0 ]              [ 0 I]        [R·L₁₁⁻ᵀ  J]
//
// where R is the upper triangle of SᵀY (its diagonal included),
// L₁₁L₁₁ᵀ = D + YᵀY/θ and JJᵀ = R·L₁₁⁻ᵀ·L₁₁⁻¹·Rᵀ. wn receives Lᵀ's upper
// triangle. It reports false when a Cholesky factorisation breaks down.
func (b *lbfgsMemory) formK() bool {
	col, m := b.col, b.m
	if b.updates > m {
		shiftUp(b.yy, m)
		shiftUp(b.rz, m)
	}
	newest := b.y[b.pair(col-1)]
	for j := 0; j < col; j++ {
		b.yy[col-1][j] = dot(newest, b.y[b.pair(j)])
		b.rz[col-1][j] = 0 // L_a: zero without active bounds
	}
	for i := 0; i < col; i++ {
		b.rz[i][col-1] = dot(b.s[b.pair(i)], newest)
	}

	wn := b.wn
	for iy := 0; iy < col; iy++ {
		is := col + iy
		for jy := 0; jy <= iy; jy++ {
			wn[jy][iy] = b.yy[iy][jy] / b.theta
			wn[col+jy][is] = 0 * b.theta // θ·SᵀAAᵀS: no active bounds
		}
		for jy := 0; jy < iy; jy++ {
			wn[jy][is] = -b.rz[iy][jy]
		}
		for jy := iy; jy < col; jy++ {
			wn[jy][is] = b.rz[iy][jy]
		}
		wn[iy][iy] += b.sy[iy][iy]
	}
	if !cholesky(wn, 0, col) {
		return false
	}
	for js := col; js < 2*col; js++ {
		// Column js of the (1,2) block becomes L⁻¹ times itself.
		for j := 0; j < col; j++ {
			v := wn[j][js]
			for k := 0; k < j; k++ {
				v -= float64(wn[k][j] * wn[k][js])
			}
			wn[j][js] = v / wn[j][j]
		}
	}
	for is := col; is < 2*col; is++ {
		for js := is; js < 2*col; js++ {
			sum := 0.0
			for k := 0; k < col; k++ {
				sum += float64(wn[k][is] * wn[k][js])
			}
			wn[is][js] += sum
		}
	}
	return cholesky(wn, col, col)
}

// subspaceStep sets z = x + d with d = −B⁻¹g by the Sherman–Morrison–
// Woodbury formula d = −(1/θ)(g + (1/θ)·W·K⁻¹·Wᵀg) (L-BFGS-B's cmprlb and
// subsm with every variable free). It reports false when K is singular.
func (b *lbfgsMemory) subspaceStep(x, g, z []float64) bool {
	col := b.col
	wv, wn := b.wv[:2*col], b.wn
	for i := 0; i < col; i++ {
		p := b.pair(i)
		t1, t2 := 0.0, 0.0
		for j, gj := range g {
			t1 += float64(b.y[p][j] * -gj)
			t2 += float64(b.s[p][j] * -gj)
		}
		wv[i] = t1
		wv[col+i] = b.theta * t2
	}
	// wv = K⁻¹·wv through the factors: solve WNᵀv = wv, negate the first
	// half, solve WN·v = that.
	for j := range wv {
		if wn[j][j] == 0 {
			return false
		}
		v := wv[j]
		for k := 0; k < j; k++ {
			v -= float64(wn[k][j] * wv[k])
		}
		wv[j] = v / wn[j][j]
	}
	for i := 0; i < col; i++ {
		wv[i] = -wv[i]
	}
	for j := len(wv) - 1; j >= 0; j-- {
		if wv[j] == 0 {
			continue
		}
		wv[j] /= wn[j][j]
		v := wv[j]
		for k := 0; k < j; k++ {
			wv[k] -= float64(v * wn[k][j])
		}
	}
	for i := range z {
		z[i] = -g[i]
	}
	for jy := 0; jy < col; jy++ {
		p := b.pair(jy)
		a, c := wv[jy], wv[col+jy]
		for i := range z {
			z[i] = z[i] + float64(b.y[p][i]*a)/b.theta + float64(b.s[p][i]*c)
		}
	}
	inv := 1 / b.theta
	for i := range z {
		z[i] = x[i] + float64(inv*z[i])
	}
	return true
}

// cholesky factors the k×k symmetric positive definite matrix at
// a[o:o+k][o:o+k], given by its upper triangle, as UᵀU, writing U over it;
// it reports false if the matrix is not positive definite. It splits as
// LAPACK's recursive dpotrf2 does (k₁ = k/2):
//
//	U₁₁ = chol(A₁₁),  U₁₂ = U₁₁⁻ᵀA₁₂,  U₂₂ = chol(A₂₂ − U₁₂ᵀU₁₂),
//
// with the reference BLAS's order of operations in each step.
func cholesky(a [][]float64, o, k int) bool {
	if k == 1 {
		if !(a[o][o] > 0) {
			return false
		}
		a[o][o] = math.Sqrt(a[o][o])
		return true
	}
	k1 := k / 2
	k2 := k - k1
	if !cholesky(a, o, k1) {
		return false
	}
	// U₁₂ = U₁₁⁻ᵀA₁₂, column by column (dtrsm).
	for j := o + k1; j < o+k; j++ {
		for i := o; i < o+k1; i++ {
			v := a[i][j]
			for l := o; l < i; l++ {
				v -= float64(a[l][i] * a[l][j])
			}
			a[i][j] = v / a[i][i]
		}
	}
	// A₂₂ −= U₁₂ᵀU₁₂, upper triangle (dsyrk).
	for j := o + k1; j < o+k; j++ {
		for i := o + k1; i <= j; i++ {
			sum := 0.0
			for l := o; l < o+k1; l++ {
				sum += float64(a[l][i] * a[l][j])
			}
			a[i][j] = -sum + a[i][j]
		}
	}
	return cholesky(a, o+k1, k2)
}
