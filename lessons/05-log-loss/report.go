package main

import (
	"fmt"
	"io"
	"strconv"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/plot"
)

// report prints the table of the trained cells and draws the plot.
func report(w io.Writer, cfg config, cells []*cell) error {
	fmt.Fprintf(w, "Iterations until the error is below %g (seed %d, at most %d iterations; \"never\" = not reached):\n\n", cfg.goal, cfg.seed, cfg.maxIter)
	fmt.Fprintf(w, "%-15s %-9s %-20s", "trained on", "inputs", "stop when")
	for _, a := range cfg.alphas {
		fmt.Fprintf(w, " %10s", "α "+strconv.FormatFloat(a, 'g', -1, 64))
	}
	fmt.Fprintln(w)
	k := 0
	for _, l := range cfg.losses {
		for _, s := range cfg.scales {
			row := cells[k : k+len(cfg.alphas)]
			k += len(cfg.alphas)
			stops := []string{"SSE"}
			if l == "log" {
				stops = append(stops, "mean log-loss")
			}
			for _, stop := range stops {
				fmt.Fprintf(w, "%-15s %-9s %-20s", lossNames[l], scaleName(s), stop+" < goal")
				for _, c := range row {
					at := c.out.atSSE
					if stop != "SSE" {
						at = c.out.atLog
					}
					fmt.Fprintf(w, " %10s", count(at))
				}
				fmt.Fprintln(w)
			}
		}
	}
	fmt.Fprintf(w, "\nRuns that never reached the goal, at the end:\n")
	none := true
	for _, c := range cells {
		if c.out.atSSE < 0 || (c.loss == "log" && c.out.atLog < 0) {
			none = false
			fmt.Fprintf(w, "  %s, %s inputs, α %g: SSE %.4f, mean log-loss %.4f\n",
				lossNames[c.loss], scaleName(c.standardised), c.alpha, c.out.sse, c.out.logLoss)
		}
	}
	if none {
		fmt.Fprintln(w, "  none")
	}
	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg, cells) })
}

func scaleName(standardised bool) string {
	if standardised {
		return "standard"
	}
	return "raw"
}

func count(at int) string {
	if at < 0 {
		return "never"
	}
	return strconv.Itoa(at)
}

// writePlot draws the SSE of every recorded run against the iteration.
func writePlot(cfg config, cells []*cell) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("2-3-1 network on ten Iris flowers: SSE by loss and input scaling (seed %d)", cfg.seed),
		XLabel: "iteration", YLabel: "sum of squared errors", LogY: true,
	}
	for _, c := range cells {
		if len(c.out.curve) == 0 {
			continue
		}
		chart.Series = append(chart.Series, plot.Series{
			Name: fmt.Sprintf("%s, %s, alpha %g", lossNames[c.loss], scaleName(c.standardised), c.alpha),
			Y:    c.out.curve,
		})
	}
	if len(chart.Series) == 0 {
		return fmt.Errorf("-plot: no run uses α %g (squared error) or α %g (log-loss), the rates the plot shows", plotAlphaSSE, plotAlphaLog)
	}
	return plot.Save(cfg.plot, chart.Render())
}
