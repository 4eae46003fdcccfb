package main

import (
	"fmt"
	"io"
	"strconv"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn/plot"
)

// printSynapses prints the synapses as the notebook's print call does.
func printSynapses(w io.Writer, w0, w1 *matrix.Matrix) {
	fmt.Fprintf(w, "Synapse 0: \n %v \nSynapse 1: \n %v\n", w0, w1)
}

// printErrors prints one learning rate's "Error after N iterations" lines
// and, for α = 10, its trained synapses, as the notebook does.
func printErrors(w io.Writer, cfg config, r result) {
	fmt.Fprintf(w, "\nTraining With Alpha: %s\n", formatAlpha(r.alpha))
	for i, e := range r.printed {
		fmt.Fprintf(w, "Error after  %d  iterations:  %s\n", i*cfg.every, formatError(e, cfg.digits))
	}
	if r.alpha == 10 {
		printSynapses(w, r.w0, r.w1)
	}
}

// formatAlpha prints a learning rate as Python prints the notebook's list
// items: 0.001, 1, 1000.
func formatAlpha(a float64) string { return strconv.FormatFloat(a, 'g', -1, 64) }

// formatError prints e with the given number of significant digits, or with
// Python's shortest round-trip digits when digits is 0.
func formatError(e float64, digits int) string {
	if digits == 0 {
		return strconv.FormatFloat(e, 'g', -1, 64)
	}
	return strconv.FormatFloat(e, 'g', digits, 64)
}

// print writes every quantity of the step just taken to tr under the
// notebook's names, in the order the notebook computes them, as print
// lines after each of its statements would show them.
func (n *network) print(tr *trace.Trace) {
	if !tr.On() {
		return
	}
	tr.PrintInts("layer_0", inputs)
	tr.Print("np.dot(layer_0,synapse_0)", n.z1)
	tr.Print("layer_1", n.layer1)
	tr.Print("np.dot(layer_1,synapse_1)", n.z2)
	tr.Print("layer_2", n.layer2)
	tr.Print("layer_2_error", n.layer2Error)
	tr.Print("sigmoid_derivative(layer_2)", n.slope2)
	tr.Print("layer_2_delta", n.layer2Delta)
	tr.Print("layer_1_error", n.layer1Error)
	tr.Print("sigmoid_derivative(layer_1)", n.slope1)
	tr.Print("layer_1_delta", n.layer1Delta)
	tr.Print("layer_1.T.dot(layer_2_delta)", n.grad1)
	tr.Print("alpha * (layer_1.T.dot(layer_2_delta))", n.update1)
	tr.Print("synapse_1", n.synapse1)
	tr.Print("layer_0.T.dot(layer_1_delta)", n.grad0)
	tr.Print("alpha * (layer_0.T.dot(layer_1_delta))", n.update0)
	tr.Print("synapse_0", n.synapse0)
}

// writePlot draws every learning rate's recorded errors on a log scale.
func writePlot(cfg config, results []result) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("3-4-1 XOR network: mean |error| by learning rate (seed %d)", cfg.seed),
		XLabel: "iteration", YLabel: "mean |error|", LogY: true,
	}
	for _, r := range results {
		xs := make([]float64, len(r.curve))
		for i := range xs {
			xs[i] = float64(i * cfg.record)
		}
		chart.Series = append(chart.Series, plot.Series{
			Name: "alpha " + formatAlpha(r.alpha), X: xs, Y: r.curve,
		})
	}
	return plot.Save(cfg.plot, chart.Render())
}
