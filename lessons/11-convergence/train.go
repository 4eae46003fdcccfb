package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// patterns is a time series turned into supervised rows as the question
// does: each target x_t with the lags values before it as inputs, all
// min-max scaled to [0, 1].
type patterns struct {
	scaler *nn.MinMaxScaler // fitted to the whole series
	years  []int            // the year of each row's target
	x      *matrix.Matrix   // row r: x_{t−1}, x_{t−2}, …, x_{t−lags} (scaled)
	y      *matrix.Matrix   // row r: x_t (scaled)
}

// makePatterns scales the series to [0, 1] and builds its lagged rows, one
// per year from years[lags] on. It returns an error if the series is too
// short for lags, or if years and values differ in length.
func makePatterns(values []float64, years []int, lags int) (*patterns, error) {
	if len(years) != len(values) {
		return nil, fmt.Errorf("%d years for %d values", len(years), len(values))
	}
	if lags < 1 || lags > len(values)-2 {
		return nil, fmt.Errorf("-lags must be in 1 … %d for a series of %d values, got %d", len(values)-2, len(values), lags)
	}
	s := &nn.MinMaxScaler{}
	scaled := s.FitTransform(matrix.FromSlice(len(values), 1, append([]float64(nil), values...))).Data
	n := len(values) - lags
	p := &patterns{scaler: s, years: years[lags:], x: matrix.New(n, lags), y: matrix.New(n, 1)}
	for r := range n {
		t := r + lags
		p.y.Data[r] = scaled[t]
		for k := 1; k <= lags; k++ {
			p.x.Data[r*lags+k-1] = scaled[t-k]
		}
	}
	return p, nil
}

// unscale maps scaled values back to the series' units (lynx trapped).
func (p *patterns) unscale(v []float64) []float64 {
	return p.scaler.InverseTransform(matrix.FromSlice(len(v), 1, append([]float64(nil), v...))).Data
}

// contextStart is the context units' initial activation (JE_Weights
// parameter 5), and initLo, initHi the range of every trainable weight
// (parameters 1 and 2).
const (
	contextStart   = 0.5
	initLo, initHi = -1, 1
)

// newNet returns the network with its seeded starting weights.
func newNet(cfg config) *Elman {
	net := NewElman(cfg.lags, cfg.hidden, 1, cfg.lambda)
	net.Init(nprand.New(cfg.seed), initLo, initHi)
	return net
}

// newSchedule returns the learning-rate schedule called kind: "constant"
// (η₀ throughout) or "invscaling" (η_t = η₀/(t+1)^p, t the patterns seen).
func newSchedule(kind string, eta0, power float64) nn.Schedule {
	if kind == "invscaling" {
		return &nn.InvScaling{Eta0: eta0, Power: power}
	}
	return nn.Constant(eta0)
}

// trainResult is what a training run leaves behind.
type trainResult struct {
	History []float64 // History[i] is iteration i+1's SSE over all patterns
	Updates int       // weight updates made
	SumRate float64   // Σ η over every update
	SumSq   float64   // Σ η² over every update
	Rate    float64   // the rate of the last update
}

// train runs maxit iterations (epochs) over the patterns in their time order,
// as SNNS's JE_BP does with shufflePatterns = FALSE. Each iteration starts
// the context units at c0 and walks the series in pieces of window steps:
// Forward from the context the previous piece left, Backward (BPTT inside
// the piece), one update W ← W − η·∂E/∂W with η from sched, then the next
// piece. window = 1 is JE_BP's online update after every pattern; window ≥
// the number of patterns is full-batch gradient descent with exact BPTT.
//
// An iteration's SSE is summed over the pieces as they are met, each before
// its update, which is the error SNNS reports for a training cycle. The
// schedule's t is the number of patterns seen, advanced after every update.
// train returns an *nn.DivergedError if the SSE becomes NaN or infinite.
// It prints every quantity of the first updates to t (see printStep).
func train(net *Elman, p *patterns, maxit, window int, sched nn.Schedule, c0 float64, t *trace.Trace) (trainResult, error) {
	var r trainResult
	start := make([]float64, net.Hidden())
	ctx := make([]float64, net.Hidden())
	n := p.x.Rows
	seen := 0
	for it := 1; it <= maxit; it++ {
		for j := range start {
			start[j] = c0
		}
		copy(ctx, start)
		sse := 0.0
		for lo := 0; lo < n; lo += window {
			hi := min(lo+window, n)
			x := matrix.FromSlice(hi-lo, p.x.Cols, p.x.Data[lo*p.x.Cols:hi*p.x.Cols])
			y := matrix.FromSlice(hi-lo, 1, p.y.Data[lo:hi])
			sse += nn.SSE{}.Value(net.Forward(x, ctx), y)
			copy(ctx, net.Context())
			net.Backward(y)
			eta := sched.Rate()
			t.Step(r.Updates)
			printStep(t, net, y, eta, true)
			net.Step(eta)
			printStep(t, net, y, eta, false)
			r.Updates++
			r.SumRate += eta
			r.SumSq += float64(eta * eta) // rounded before the sum: no multiply-add on arm64
			r.Rate = eta
			seen += hi - lo
			sched.EpochEnd(seen)
		}
		if math.IsNaN(sse) || math.IsInf(sse, 0) {
			return r, &nn.DivergedError{Epoch: it, Loss: sse, Rate: r.Rate}
		}
		r.History = append(r.History, sse)
	}
	return r, nil
}

// printStep writes to t, under the names of elman.go's equations, the
// quantities of the update about to be made (before: the inputs, the
// context, z, h, the outputs and targets, the errors e = (ŷ − y)/T, the
// deltas, the rate, each gradient and its update η·∂E/∂W) or the weights it
// made (after).
func printStep(t *trace.Trace, net *Elman, y *matrix.Matrix, eta float64, before bool) {
	if !t.On() {
		return
	}
	if !before {
		for _, p := range net.Params() {
			t.Print(p.Name, p.Value)
		}
		return
	}
	for _, q := range []nn.Param{{Name: "x", Value: net.x}, {Name: "c", Value: net.C}, {Name: "z", Value: net.Z},
		{Name: "h", Value: net.H}, {Name: "y_hat", Value: net.Out}, {Name: "y", Value: y},
		{Name: "e", Value: net.E}, {Name: "delta", Value: net.Delta}} {
		t.Print(q.Name, q.Value)
	}
	t.Scalar("eta", eta)
	for _, p := range net.Params() {
		t.Print("dE/d"+p.Name, p.Grad)
		t.Print("eta * dE/d"+p.Name, matrix.ScalarMul(eta, p.Grad))
	}
}

// converged returns the iteration k after which the SSE improved by less than
// tol at each of the next n iterations, k+1 … k+n, looking for the first such
// run in history (History[i] is iteration i+1). An increase counts as no
// improvement. ok is false when no such run exists, that is when training
// had not converged by this rule at maxit.
//
//	improvement at iteration j:  d_j = E_{j−1} − E_j,   converged at the first k with d_{k+1}, …, d_{k+n} < tol
func converged(history []float64, tol float64, n int) (k int, ok bool) {
	run := 0
	for j := 2; j <= len(history); j++ {
		if history[j-2]-history[j-1] < tol {
			run++
			if run == n {
				return j - n, true
			}
		} else {
			run = 0
		}
	}
	return 0, false
}

// predict runs the whole series through net from the context c0 without
// training and returns the fitted values (scaled), one per pattern.
func predict(net *Elman, p *patterns, c0 float64) []float64 {
	start := make([]float64, net.Hidden())
	for j := range start {
		start[j] = c0
	}
	return append([]float64(nil), net.Forward(p.x, start).Data...)
}

// fixedSSE returns the SSE of net's current weights over the whole series,
// run from the starting context without any update: the error of the
// weights training ended with, unlike an iteration's SSE, which is summed
// while the weights are still moving.
func fixedSSE(net *Elman, p *patterns) float64 {
	return nn.SSE{}.Value(matrix.FromSlice(p.y.Rows, 1, predict(net, p, contextStart)), p.y)
}

// scheduleRun is one training run of the schedule comparison.
type scheduleRun struct {
	name  string
	power float64 // p, or 0 for the constant rate
	res   trainResult
	conv  int     // converged iteration, 0 if not converged
	fixed float64 // SSE of the final weights over the whole series
}

// compareSchedules trains the network from the same starting weights once
// with the constant rate and once per invscaling power. The runs are
// independent, so they run on all cores, each on its own network; the results
// are those of a serial run.
func compareSchedules(cfg config, p *patterns) ([]scheduleRun, error) {
	runs := []scheduleRun{{name: "constant " + rateName("constant", cfg.rate, 0)}}
	for _, pw := range cfg.powers {
		runs = append(runs, scheduleRun{name: "invscaling p=" + strconv.FormatFloat(pw, 'g', -1, 64), power: pw})
	}
	errs := make([]error, len(runs))
	cli.Parallel(len(runs), func(i int) {
		kind := "invscaling"
		if runs[i].power == 0 {
			kind = "constant"
		}
		net := newNet(cfg)
		res, err := train(net, p, cfg.maxit, cfg.window, newSchedule(kind, cfg.rate, runs[i].power), contextStart, nil)
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", runs[i].name, err)
			return
		}
		runs[i].res = res
		runs[i].fixed = fixedSSE(net, p)
		runs[i].conv, _ = converged(res.History, cfg.tol, cfg.noChange)
	})
	return runs, errors.Join(errs...)
}
