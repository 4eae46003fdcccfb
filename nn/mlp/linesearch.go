package mlp

import "math"

// lineSearch is the Moré–Thuente line search (Moré and Thuente 1994, as in
// MINPACK-2's dcsrch and dcstep, the copy L-BFGS-B 3.0 calls): it looks for a
// step α > 0 along a descent direction that satisfies
//
//	φ(α) ≤ φ(0) + ftol·α·φ′(0)   (sufficient decrease)
//	|φ′(α)| ≤ gtol·|φ′(0)|         (curvature)
//
// where φ(α) = f(x + α·d). It is driven by its caller: start and next each
// return the step at which φ and φ′ are wanted next, or report that the
// search has ended (converged, or stuck with a warning, the step then being
// the last one evaluated). L-BFGS-B uses ftol 10⁻³, gtol 0.9, xtol 0.1 and
// bounds [0, stpmax] on the step.
type lineSearch struct {
	ftol, gtol, xtol, stpmin, stpmax float64

	brackt bool // whether [stx, sty] brackets a step that satisfies both conditions
	stage  int  // 1 until a step with ψ(α) ≤ 0 and φ′(α) ≥ 0 is seen, then 2
	finit, ginit, gtest,
	stx, fx, gx, // the best step so far, φ and φ′ there
	sty, fy, gy, // the other end of the interval
	stmin, stmax, // the interval the next step must lie in
	width, width1 float64 // the interval's last two widths, for forced bisection
}

// lsStatus says what a lineSearch wants next.
type lsStatus int

const (
	lsEvaluate  lsStatus = iota // evaluate φ and φ′ at the returned step
	lsConverged                 // the step satisfies both conditions
	lsWarning                   // no progress is possible; the step satisfies at most the first
	lsError                     // the arguments to start were invalid
)

// start begins a search at step stp from φ(0) = f and φ′(0) = g (which must
// be negative). It returns the first step to evaluate, stp itself.
func (ls *lineSearch) start(f, g, stp float64) (float64, lsStatus) {
	if stp < ls.stpmin || stp > ls.stpmax || g >= 0 || ls.ftol < 0 || ls.gtol < 0 ||
		ls.xtol < 0 || ls.stpmin < 0 || ls.stpmax < ls.stpmin {
		return stp, lsError
	}
	ls.brackt = false
	ls.stage = 1
	ls.finit, ls.ginit = f, g
	ls.gtest = ls.ftol * g
	ls.width = ls.stpmax - ls.stpmin
	ls.width1 = ls.width / 0.5
	ls.stx, ls.fx, ls.gx = 0, f, g
	ls.sty, ls.fy, ls.gy = 0, f, g
	ls.stmin = 0
	ls.stmax = stp + float64(4*stp)
	return stp, lsEvaluate
}

// next takes φ(stp) = f and φ′(stp) = g at the step last returned and
// returns the next step to evaluate, or the accepted one with lsConverged or
// lsWarning.
func (ls *lineSearch) next(f, g, stp float64) (float64, lsStatus) {
	ftest := ls.finit + float64(stp*ls.gtest)
	if ls.stage == 1 && f <= ftest && g >= 0 {
		ls.stage = 2
	}
	status := lsEvaluate
	if ls.brackt && (stp <= ls.stmin || stp >= ls.stmax) {
		status = lsWarning // rounding errors prevent progress
	}
	if ls.brackt && ls.stmax-ls.stmin <= ls.xtol*ls.stmax {
		status = lsWarning // the interval is below xtol
	}
	if stp == ls.stpmax && f <= ftest && g <= ls.gtest {
		status = lsWarning // stp = stpmax
	}
	if stp == ls.stpmin && (f > ftest || g >= ls.gtest) {
		status = lsWarning // stp = stpmin
	}
	if f <= ftest && math.Abs(g) <= ls.gtol*(-ls.ginit) {
		status = lsConverged
	}
	if status != lsEvaluate {
		return stp, status
	}

	if ls.stage == 1 && f <= ls.fx && f > ftest {
		// A lower value without sufficient decrease: step on the modified
		// function ψ(α) = φ(α) − φ(0) − ftol·α·φ′(0) instead.
		gt := ls.gtest
		fm := f - float64(stp*gt)
		fxm := ls.fx - float64(ls.stx*gt)
		fym := ls.fy - float64(ls.sty*gt)
		gm, gxm, gym := g-gt, ls.gx-gt, ls.gy-gt
		stp = ls.step(&fxm, &gxm, &fym, &gym, stp, fm, gm)
		ls.fx = fxm + float64(ls.stx*gt)
		ls.fy = fym + float64(ls.sty*gt)
		ls.gx = gxm + gt
		ls.gy = gym + gt
	} else {
		stp = ls.step(&ls.fx, &ls.gx, &ls.fy, &ls.gy, stp, f, g)
	}

	if ls.brackt {
		if math.Abs(ls.sty-ls.stx) >= 0.66*ls.width1 {
			stp = ls.stx + float64(0.5*(ls.sty-ls.stx)) // too little shrinkage: bisect
		}
		ls.width1 = ls.width
		ls.width = math.Abs(ls.sty - ls.stx)
	}
	if ls.brackt {
		ls.stmin = math.Min(ls.stx, ls.sty)
		ls.stmax = math.Max(ls.stx, ls.sty)
	} else {
		ls.stmin = stp + float64(1.1*(stp-ls.stx))
		ls.stmax = stp + float64(4*(stp-ls.stx))
	}
	stp = math.Max(stp, ls.stpmin)
	stp = math.Min(stp, ls.stpmax)
	if ls.brackt && (stp <= ls.stmin || stp >= ls.stmax) ||
		ls.brackt && ls.stmax-ls.stmin <= ls.xtol*ls.stmax {
		stp = ls.stx // no further progress: go back to the best step
	}
	return stp, lsEvaluate
}

// step is dcstep: from the best step stx (value fx, slope dx), the other end
// sty (fy, dy) and the trial step stp (fp, dp), it returns a new trial step
// (cubic, quadratic or secant interpolation, safeguarded to [stmin, stmax])
// and updates the interval. The four cases are those of Moré and Thuente's
// section 4.
func (ls *lineSearch) step(fx, dx, fy, dy *float64, stp, fp, dp float64) float64 {
	stx, sty := ls.stx, ls.sty
	stpmin, stpmax := ls.stmin, ls.stmax
	sgnd := dp * (*dx / math.Abs(*dx))
	var stpf float64
	switch {
	case fp > *fx:
		// A higher value: the minimum is bracketed. Take the cubic step if it
		// is closer to stx than the quadratic one, else their average.
		theta := 3*(*fx-fp)/(stp-stx) + *dx + dp
		s := max3abs(theta, *dx, dp)
		gamma := s * math.Sqrt(float64((theta/s)*(theta/s))-float64((*dx/s)*(dp/s)))
		if stp < stx {
			gamma = -gamma
		}
		p := (gamma - *dx) + theta
		q := ((gamma - *dx) + gamma) + dp
		r := p / q
		stpc := stx + float64(r*(stp-stx))
		stpq := stx + float64(((*dx/((*fx-fp)/(stp-stx)+*dx))/2)*(stp-stx))
		if math.Abs(stpc-stx) < math.Abs(stpq-stx) {
			stpf = stpc
		} else {
			stpf = stpc + (stpq-stpc)/2
		}
		ls.brackt = true
	case sgnd < 0:
		// A lower value and slopes of opposite sign: bracketed. Take the
		// cubic step if it is farther from stp than the secant step.
		theta := 3*(*fx-fp)/(stp-stx) + *dx + dp
		s := max3abs(theta, *dx, dp)
		gamma := s * math.Sqrt(float64((theta/s)*(theta/s))-float64((*dx/s)*(dp/s)))
		if stp > stx {
			gamma = -gamma
		}
		p := (gamma - dp) + theta
		q := ((gamma - dp) + gamma) + *dx
		r := p / q
		stpc := stp + float64(r*(stx-stp))
		stpq := stp + float64((dp/(dp-*dx))*(stx-stp))
		if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
			stpf = stpc
		} else {
			stpf = stpq
		}
		ls.brackt = true
	case math.Abs(dp) < math.Abs(*dx):
		// A lower value, slopes of the same sign, the slope's size falling.
		// The cubic step is used only if the cubic tends to infinity in the
		// direction of the step or its minimum lies beyond stp.
		theta := 3*(*fx-fp)/(stp-stx) + *dx + dp
		s := max3abs(theta, *dx, dp)
		gamma := s * math.Sqrt(math.Max(0, float64((theta/s)*(theta/s))-float64((*dx/s)*(dp/s))))
		if stp > stx {
			gamma = -gamma
		}
		p := (gamma - dp) + theta
		q := (gamma + (*dx - dp)) + gamma
		r := p / q
		var stpc float64
		switch {
		case r < 0 && gamma != 0:
			stpc = stp + float64(r*(stx-stp))
		case stp > stx:
			stpc = stpmax
		default:
			stpc = stpmin
		}
		stpq := stp + float64((dp/(dp-*dx))*(stx-stp))
		if ls.brackt {
			if math.Abs(stpc-stp) < math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			if stp > stx {
				stpf = math.Min(stp+float64(0.66*(sty-stp)), stpf)
			} else {
				stpf = math.Max(stp+float64(0.66*(sty-stp)), stpf)
			}
		} else {
			if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			stpf = math.Min(stpmax, stpf)
			stpf = math.Max(stpmin, stpf)
		}
	default:
		// A lower value, slopes of the same sign, the slope not falling:
		// the cubic step between stp and sty if bracketed, else a bound.
		switch {
		case ls.brackt:
			theta := 3*(fp-*fy)/(sty-stp) + *dy + dp
			s := max3abs(theta, *dy, dp)
			gamma := s * math.Sqrt(float64((theta/s)*(theta/s))-float64((*dy/s)*(dp/s)))
			if stp > sty {
				gamma = -gamma
			}
			p := (gamma - dp) + theta
			q := ((gamma - dp) + gamma) + *dy
			r := p / q
			stpf = stp + float64(r*(sty-stp))
		case stp > stx:
			stpf = stpmax
		default:
			stpf = stpmin
		}
	}

	if fp > *fx {
		ls.sty, *fy, *dy = stp, fp, dp
	} else {
		if sgnd < 0 {
			ls.sty, *fy, *dy = stx, *fx, *dx
		}
		ls.stx, *fx, *dx = stp, fp, dp
	}
	return stpf
}

func max3abs(a, b, c float64) float64 {
	return math.Max(math.Max(math.Abs(a), math.Abs(b)), math.Abs(c))
}
