package main

import (
	"fmt"
	"io"
	"strings"

	"nnscratch/lessons/internal/trace"
	"nnscratch/nn/plot"
)

// printSaturation prints σ′ at the hidden unit's net input for the first
// and last x, at the start and after training.
func printSaturation(w io.Writer, w1 float64, raw, scaled *network) {
	fmt.Fprintf(w, "\n2. Saturation: σ′(z) at the hidden unit's net input z = w1·x + b1 for x = 1 and x = 9\n")
	for _, c := range []struct {
		name   string
		w1, b1 float64
		div    float64
	}{
		{"w1 = 1, b1 = 0, inputs 1 … 9", 1, 0, 1},
		{"w1 = 1, b1 = 0, inputs 0.1 … 0.9", 1, 0, 10},
		{"start, inputs 1 … 9", w1, 0, 1},
		{"start, inputs 0.1 … 0.9", w1, 0, 10},
		{"trained (3), inputs 1 … 9", raw.w1.Data[0], raw.b1.Data[0], 1},
		{"trained (3), inputs 0.1 … 0.9", scaled.w1.Data[0], scaled.b1.Data[0], 10},
	} {
		z1, z9 := c.w1*1/c.div+c.b1, c.w1*9/c.div+c.b1
		fmt.Fprintf(w, "   %-33s z = %7.4f → σ′ = %.3e   z = %7.4f → σ′ = %.3e\n", c.name, z1, sigmoidPrime(z1), z9, sigmoidPrime(z9))
	}
}

// traceRuns prints every quantity of the first cfg.trace steps of the
// question's rule (targets /10, inputs 1 … 9) and of gradient descent on
// the same data, from the starting weights w1 and w2.
func traceRuns(w io.Writer, cfg config, w1, w2 float64) error {
	xs, ys := data(10)
	fmt.Fprintf(w, "== trace: the question's rule, /10, inputs 1 … 9 ==\n")
	r := askerRun{w1: w1, w2: w2, t: trace.New(w, cfg.trace)}
	for i := 0; i < cfg.trace; i++ {
		r.t.Step(i)
		r.step(xs[i%len(xs)], ys[i%len(ys)])
	}
	fmt.Fprintf(w, "\n== trace: gradient descent, inputs 1 … 9, rate %g ==\n", cfg.rate)
	epochs := (cfg.trace + len(xs) - 1) / len(xs)
	_, err := fit(newNet(w1, w2, sigmoid, sigmoidSlope), column(xs, 1), column(ys, 1), cfg.rate, epochs, trace.New(w, cfg.trace))
	fmt.Fprintln(w)
	return err
}

// writePlot draws the targets, the question's rule's outputs and the
// gradient-descent fit against x.
func writePlot(path string, xs, ys, asker, fitted []float64) error {
	chart := plot.LineChart{
		Title:  "1-1-1 network fitting y = (1.2x + 1)/10",
		XLabel: "x", YLabel: "y", Markers: true,
		Series: []plot.Series{
			{Name: "target", X: xs, Y: ys},
			{Name: "the question's rule (/10, inputs 1..9)", X: xs, Y: asker},
			{Name: "gradient descent, inputs 0.1..0.9, identity output", X: xs, Y: fitted},
		},
	}
	return plot.Save(path, chart.Render())
}

func epochOrNever(n int) string {
	if n < 0 {
		return "never"
	}
	return fmt.Sprint(n)
}

// list formats the values with the given verb, separated by spaces.
func list(v []float64, verb string) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf(verb, x)
	}
	return strings.Join(parts, " ")
}
