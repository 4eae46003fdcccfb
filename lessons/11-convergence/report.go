package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"nnscratch/nn/plot"
)

// rateName describes a schedule's rate: "0.2" or "0.2/(t+1)^0.75".
func rateName(schedule string, eta0, p float64) string {
	if schedule == "invscaling" {
		return fmt.Sprintf("%g/(t+1)^%g", eta0, p)
	}
	return strconv.FormatFloat(eta0, 'g', -1, 64)
}

// checkpoints returns 1, 2, 5, 10, 20, 50, … below maxit, then maxit.
func checkpoints(maxit int) []int {
	var out []int
	for dec := 1; dec < maxit; dec *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*dec < maxit {
				out = append(out, m*dec)
			}
		}
	}
	return append(out, maxit)
}

// printHistory prints the SSE at a few iterations and where it converged.
func printHistory(w io.Writer, h []float64, fixed float64, cfg config) {
	fmt.Fprintf(w, "%9s  %10s\n", "iteration", "SSE")
	for _, it := range checkpoints(len(h)) {
		fmt.Fprintf(w, "%9d  %10.6f\n", it, h[it-1])
	}
	fmt.Fprintf(w, "(each iteration's SSE is summed while the weights move; the final weights' SSE is %.6f)\n", fixed)
	k, ok := converged(h, cfg.tol, cfg.noChange)
	if !ok {
		fmt.Fprintf(w, "not converged: the SSE still improved by %g or more within every %d iterations up to %d\n\n",
			cfg.tol, cfg.noChange, len(h))
		return
	}
	fmt.Fprintf(w, "converged at iteration %d: iterations %d … %d each lowered the SSE by less than tol = %g\n",
		k, k+1, k+cfg.noChange, cfg.tol)
	fmt.Fprintf(w, "SSE %.6f there, %.6f after all %d iterations (RSNNS always runs maxit)\n\n",
		h[k-1], h[len(h)-1], len(h))
}

// printFit prints the fitted and actual series, in lynx trapped, for the
// first and last few years, and the error over all of them.
func printFit(w io.Writer, p *patterns, fitted []float64) {
	actual := p.unscale(p.y.Data)
	fit := p.unscale(fitted)
	fmt.Fprintf(w, "fitted vs actual (lynx trapped), one step ahead:\n%6s  %7s  %7s  %7s\n", "year", "actual", "fitted", "error")
	row := func(i int) {
		fmt.Fprintf(w, "%6d  %7.0f  %7.0f  %+7.0f\n", p.years[i], actual[i], fit[i], fit[i]-actual[i])
	}
	n := len(actual)
	for i := range min(4, n) {
		row(i)
	}
	if n > 8 {
		fmt.Fprintf(w, "%6s\n", "…")
	}
	for i := max(4, n-4); i < n; i++ {
		row(i)
	}
	sse := 0.0
	for i := range actual {
		d := fit[i] - actual[i]
		// d² rounded before the sum (float64): no multiply-add on arm64.
		sse += float64(d * d)
	}
	fmt.Fprintf(w, "RMSE over %d years: %.0f lynx (the series' standard deviation: %.0f)\n\n",
		n, math.Sqrt(sse/float64(n)), stddev(actual))
}

// stddev returns the population standard deviation of v.
func stddev(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	s := 0.0
	for _, x := range v {
		s += float64((x - m) * (x - m))
	}
	return math.Sqrt(s / float64(len(v)))
}

// printSchedules prints the comparison table.
func printSchedules(w io.Writer, runs []scheduleRun, cfg config) {
	fmt.Fprintf(w, "learning-rate schedules, η_t = η₀/(t+1)^p with t = patterns seen, η₀ = %g, %d iterations from the same start:\n", cfg.rate, cfg.maxit)
	fmt.Fprintf(w, "%-18s  %9s  %9s  %9s  %9s  %9s\n", "", "", "", "", "last-pass", "end-weight")
	fmt.Fprintf(w, "%-18s  %9s  %9s  %9s  %9s  %9s  %9s\n", "schedule", "Σ η", "Σ η²", "last η", "SSE", "SSE", "converged")
	for _, r := range runs {
		conv := "no"
		if r.conv > 0 {
			conv = strconv.Itoa(r.conv)
		}
		fmt.Fprintf(w, "%-18s  %9.4g  %9.4g  %9.3g  %9.4f  %9.4f  %9s\n",
			r.name, r.res.SumRate, r.res.SumSq, r.res.Rate, r.res.History[len(r.res.History)-1], r.fixed, conv)
	}
}

// writePlots draws the fitted series into fitPath and the schedules' SSE
// curves into schedPath.
func writePlots(fitPath, schedPath string, p *patterns, fitted []float64, runs []scheduleRun, cfg config) error {
	if err := writeFitPlot(fitPath, p, fitted, cfg); err != nil {
		return err
	}
	return writeSchedulePlot(schedPath, runs, cfg)
}

// writeFitPlot draws the actual and fitted series.
func writeFitPlot(path string, p *patterns, fitted []float64, cfg config) error {
	xs := make([]float64, len(p.years))
	for i, y := range p.years {
		xs[i] = float64(y)
	}
	chart := plot.LineChart{
		Title:  fmt.Sprintf("Elman %d-%d-1, lynx: fit of the weights after %d iterations, rate %s", cfg.lags, cfg.hidden, cfg.maxit, rateName(cfg.schedule, cfg.rate, cfg.powerT)),
		XLabel: "year", YLabel: "lynx trapped",
		Series: []plot.Series{
			{Name: "actual", X: xs, Y: p.unscale(p.y.Data)},
			{Name: "fitted", X: xs, Y: p.unscale(fitted)},
		},
	}
	return plot.Save(path, chart.Render())
}

// writeSchedulePlot draws every schedule's SSE by iteration on a log scale.
func writeSchedulePlot(path string, runs []scheduleRun, cfg config) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("SSE by iteration: constant rate %g vs %g/(t+1)^p", cfg.rate, cfg.rate),
		XLabel: "iteration", YLabel: "SSE (scaled units)", LogY: true,
	}
	for _, r := range runs {
		xs := make([]float64, len(r.res.History))
		for i := range xs {
			xs[i] = float64(i + 1)
		}
		chart.Series = append(chart.Series, plot.Series{Name: r.name, X: xs, Y: r.res.History})
	}
	return plot.Save(path, chart.Render())
}
