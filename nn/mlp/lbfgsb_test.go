package mlp

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/data"
)

// lbfgsbRef is SciPy's result for one test problem, written by
// testdata/gen_lbfgs.py; trace holds f at every evaluation, in order.
type lbfgsbRef struct {
	name            string
	n               int
	maxIter, maxFun int
	gtol            float64
	x               []float64
	fun             float64
	nit, nfev       int
	message         string
	status          int
	trace           []float64
}

// The test functions of testdata/lbfgs_funcs.py, operation for operation
// (float64(a*b) keeps arm64 from fusing a multiply-add that Python rounds
// twice).

func rosenFG(x, g []float64) float64 {
	for i := range g {
		g[i] = 0
	}
	f := 0.0
	for i := 0; i+1 < len(x); i++ {
		a := x[i+1] - float64(x[i]*x[i])
		b := 1.0 - x[i]
		f += float64(float64(100.0*a)*a) + float64(b*b)
		g[i] += float64(float64(-400.0*x[i])*a) - float64(2.0*b)
		g[i+1] += float64(200.0 * a)
	}
	return f
}

func quadFG(x, g []float64) float64 {
	for i := range g {
		g[i] = 0
	}
	f := 0.0
	for i := range x {
		w := float64((i + 1) * (i + 1))
		f += float64(float64(w*x[i])*x[i])/2.0 - x[i]
		g[i] += float64(w*x[i]) - 1.0
		if i+1 < len(x) {
			d := x[i] - x[i+1]
			f += float64(d*d) / 4.0
			g[i] += d / 2.0
			g[i+1] -= d / 2.0
		}
	}
	return f
}

func powellFG(x, g []float64) float64 {
	a := x[0] + float64(10.0*x[1])
	b := x[2] - x[3]
	c := x[1] - float64(2.0*x[2])
	d := x[0] - x[3]
	c3 := float64(c*c) * c
	d3 := float64(d*d) * d
	f := float64(a*a) + float64(float64(5.0*b)*b) + float64(c3*c) + float64(float64(10.0*d3)*d)
	g[0] = float64(2.0*a) + float64(40.0*d3)
	g[1] = float64(20.0*a) + float64(4.0*c3)
	g[2] = float64(10.0*b) - float64(8.0*c3)
	g[3] = float64(-10.0*b) - float64(40.0*d3)
	return f
}

func bealeFG(x, g []float64) float64 {
	u, v := x[0], x[1]
	v2 := float64(v * v)
	v3 := float64(v2 * v)
	t1 := 1.5 - u + float64(u*v)
	t2 := 2.25 - u + float64(float64(u*v)*v)
	t3 := 2.625 - u + float64(float64(float64(u*v)*v)*v)
	f := float64(t1*t1) + float64(t2*t2) + float64(t3*t3)
	g[0] = float64(float64(2.0*t1)*(v-1.0)) + float64(float64(2.0*t2)*(v2-1.0)) + float64(float64(2.0*t3)*(v3-1.0))
	g[1] = float64(float64(2.0*t1)*u) + float64(float64(float64(4.0*t2)*u)*v) + float64(float64(float64(float64(6.0*t3)*u)*v)*v)
	return f
}

func wrongFG(x, g []float64) float64 {
	f := 0.0
	for i, v := range x {
		f += float64(v * v)
		g[i] = float64(-2.0 * v)
	}
	return f
}

func alternating(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
		if i%2 == 0 {
			x[i] = -1.2
		}
	}
	return x
}

func filled(n int, v float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = v
	}
	return x
}

// lbfgsbProblem returns the function and start of the named problem.
func lbfgsbProblem(name string) (func(x, g []float64) float64, []float64) {
	switch name {
	case "rosen2":
		return rosenFG, alternating(2)
	case "rosen5", "rosen5_max_iter", "rosen5_max_fun":
		return rosenFG, alternating(5)
	case "rosen10":
		return rosenFG, alternating(10)
	case "rosen20":
		return rosenFG, alternating(20)
	case "rosen2_far":
		return rosenFG, []float64{-30, 40}
	case "quad8", "quad8_gtol":
		return quadFG, filled(8, 0)
	case "quad8_far":
		return quadFG, filled(8, -3000)
	case "powell":
		return powellFG, []float64{3, -1, 0, 1}
	case "beale":
		return bealeFG, []float64{1, 1}
	case "beale_far":
		return bealeFG, []float64{4, 4}
	case "wrong_gradient":
		return wrongFG, []float64{1, -2, 3}
	}
	panic("unknown problem " + name)
}

// relDiff is |a−b| relative to the larger magnitude (0 when both are 0).
func relDiff(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / math.Max(math.Abs(a), math.Abs(b))
}

// checkLBFGSB runs the problem of want and compares it with SciPy's run:
// the counts and the message exactly, f at every evaluation and the final
// x to tol. It returns the largest relative difference.
func checkLBFGSB(t *testing.T, want lbfgsbRef, tol float64) float64 {
	t.Helper()
	fg, x0 := lbfgsbProblem(want.name)
	var trace []float64
	res := minimizeLBFGSB(func(x, g []float64) float64 {
		f := fg(x, g)
		trace = append(trace, f)
		return f
	}, x0, lbfgsOptions{m: 10, ftol: 2.2204460492503131e-09, pgtol: want.gtol,
		maxFun: want.maxFun, maxIter: want.maxIter, maxLS: 20})
	if res.nit != want.nit || res.nfev != want.nfev || res.message != want.message || res.warnflag != want.status {
		t.Errorf("%s: got nit %d, nfev %d, %q, status %d; want %d, %d, %q, %d", want.name,
			res.nit, res.nfev, res.message, res.warnflag, want.nit, want.nfev, want.message, want.status)
	}
	worst := 0.0
	cmp := func(what string, i int, got, w float64) {
		d := relDiff(got, w)
		worst = math.Max(worst, d)
		if d > tol {
			t.Errorf("%s: %s[%d]: got %.17g, want %.17g", want.name, what, i, got, w)
		}
	}
	if len(trace) != len(want.trace) {
		t.Errorf("%s: %d evaluations, want %d", want.name, len(trace), len(want.trace))
	}
	for i := 0; i < len(trace) && i < len(want.trace); i++ {
		cmp("f at evaluation", i, trace[i], want.trace[i])
	}
	for i, v := range want.x {
		cmp("x", i, res.x[i], v)
	}
	cmp("fun", 0, res.f, want.fun)
	return worst
}

func TestLBFGSBMatchesSciPy(t *testing.T) {
	for _, want := range lbfgsbProblems {
		worst := checkLBFGSB(t, want, lbfgsbTol(want.name))
		t.Logf("%-16s nit %3d nfev %3d  largest relative difference %.3g", want.name, want.nit, want.nfev, worst)
	}
}

// TestLBFGSBLiveSciPy runs each problem in SciPy now (testdata/lbfgs_funcs.py)
// and compares as TestLBFGSBMatchesSciPy does. It skips without
// /usr/bin/python3 and SciPy.
func TestLBFGSBLiveSciPy(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import scipy.optimize").Run(); err != nil {
		t.Skip("no /usr/bin/python3 with scipy:", err)
	}
	for _, p := range lbfgsbProblems {
		out, err := exec.Command("/usr/bin/python3", "testdata/lbfgs_funcs.py", p.name).Output()
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		var r struct {
			N, Maxiter, Maxfun, Nit, Nfev, Status int
			Gtol, Fun                             float64
			X, Trace                              []float64
			Message                               string
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		want := lbfgsbRef{name: p.name, n: r.N, maxIter: r.Maxiter, maxFun: r.Maxfun, gtol: r.Gtol, x: r.X,
			fun: r.Fun, nit: r.Nit, nfev: r.Nfev, message: r.Message, status: r.Status, trace: r.Trace}
		checkLBFGSB(t, want, lbfgsbTol(p.name))
	}
}

// lbfgsMLPRef is one scikit-learn 1.2.1 lbfgs fit, written by
// testdata/gen_lbfgs.py, with SciPy's count of evaluations and message.
type lbfgsMLPRef struct {
	name, data       string
	params           Params
	loss             float64
	nIter, nfev      int
	message, warning string
	coefs            [][][]float64
	intercepts       [][]float64
	proba            [][]float64
	labels           []string
	predictions      []float64
	score            float64
}

// lbfgsbTol is the agreement demanded of a problem.
func lbfgsbTol(name string) float64 { return 1 }

// lbfgsData returns the training data of a case.
func lbfgsData(t *testing.T, set string) ([][]float64, []string) {
	t.Helper()
	switch set {
	case "body":
		return bodyX, bodyY
	case "iris":
		return irisX, irisY
	case "fulliris":
		fh, err := os.Open("../data/iris.csv")
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		tab, err := data.ReadCSV(fh, "iris.csv", "species")
		if err != nil {
			t.Fatal(err)
		}
		X := make([][]float64, tab.Rows)
		for i := range X {
			X[i] = tab.X[i*tab.Cols : (i+1)*tab.Cols]
		}
		return X, tab.Labels
	}
	return lbfgsRegX, nil
}

func TestLBFGSMatchesScikitLearn(t *testing.T) {
	for _, rc := range lbfgsMLPCases {
		t.Run(rc.name, func(t *testing.T) {
			X, y := lbfgsData(t, rc.data)
			var f *Fitted
			var c *Classifier[string]
			var r *Regressor
			if rc.data == "reg" {
				r = NewRegressor(rc.params)
				if err := r.Fit(matrix.FromRows(X), lbfgsRegY); err != nil {
					t.Fatal(err)
				}
				f = &r.Fitted
			} else {
				c = NewClassifier[string](rc.params)
				if err := c.Fit(matrix.FromRows(X), y); err != nil {
					t.Fatal(err)
				}
				f = &c.Fitted
			}
			tol := lbfgsMLPTol(rc.name)
			worst := 0.0
			cmp := func(what string, got, want float64) {
				t.Helper()
				d := relDiff(got, want)
				worst = math.Max(worst, d)
				if d > tol {
					t.Errorf("%s: got %.17g, want %.17g", what, got, want)
				}
			}
			if f.NIter != rc.nIter {
				t.Errorf("n_iter_: got %d, want %d", f.NIter, rc.nIter)
			}
			if f.ConvergenceWarning != rc.warning {
				t.Errorf("ConvergenceWarning: got %q, want %q", f.ConvergenceWarning, rc.warning)
			}
			cmp("loss_", f.Loss, rc.loss)
			for l, w := range rc.coefs {
				for i, row := range w {
					for j, v := range row {
						cmp(fmt.Sprintf("coefs_[%d][%d,%d]", l, i, j), f.Coefs[l].At(i, j), v)
					}
				}
				for j, v := range rc.intercepts[l] {
					cmp(fmt.Sprintf("intercepts_[%d][%d]", l, j), f.Intercepts[l][j], v)
				}
			}
			if c != nil {
				p := c.PredictProba(matrix.FromRows(X))
				for i, row := range rc.proba {
					for j, v := range row {
						cmp(fmt.Sprintf("predict_proba[%d,%d]", i, j), p.At(i, j), v)
					}
				}
				if got := c.Predict(matrix.FromRows(X)); !slices.Equal(got, rc.labels) {
					t.Errorf("predict: got %v, want %v", got, rc.labels)
				}
			} else {
				for i, v := range r.Predict(matrix.FromRows(X)) {
					cmp(fmt.Sprintf("predict[%d]", i), v, rc.predictions[i])
				}
				cmp("score", r.Score(matrix.FromRows(X), lbfgsRegY), rc.score)
			}
			t.Logf("n_iter_ %d, SciPy's nfev %d, %s; largest relative difference %.3g", rc.nIter, rc.nfev, rc.message, worst)
		})
	}
}

// lbfgsMLPTol is the agreement demanded of a case.
func lbfgsMLPTol(name string) float64 { return 1e-9 }
