package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
)

func scaleName(standardised bool) string {
	if standardised {
		return "standard"
	}
	return "raw"
}

// count prints an outcome's iteration count as the question's code does,
// or says that the goal was not reached.
func count(o outcome) string {
	if !o.reached {
		return fmt.Sprintf("%7s", "never")
	}
	return fmt.Sprintf("%7d", o.iterations)
}

// printLearned prints the parameters that the fixed and the shared-bias code
// learned, and how far the shared bias moved each hidden unit's bias from
// the start.
func printLearned(w io.Writer, results map[string]map[bool]outcome, scales []bool, start *network) {
	for _, name := range []string{"fixed", "shared-bias"} {
		for _, s := range scales {
			o, ok := results[name][s]
			if !ok {
				continue
			}
			fmt.Fprintf(w, "\nLearned by %s, %s inputs (%d updates, SSE %.4g):\n", name, scaleName(s), o.iterations+1, o.sse)
			printNetwork(w, o.net)
			if name == "shared-bias" {
				moved := matrix.Sub(o.net.bias1, start.bias1)
				fmt.Fprintf(w, "bias_1 - initial bias_1 = %s (the same for every unit)\n", vector(moved, 5))
			}
		}
	}
}

// printAscentHeader prints the heading of the gradient-ascent table, whose
// runs make n updates.
func printAscentHeader(w io.Writer, n int) {
	fmt.Fprintf(w, "\nOnly one sign flipped: gradient ascent. Sum of squared errors after i iterations:\n")
	fmt.Fprintf(w, "  %-12s %-9s", "variant", "inputs")
	for _, m := range ascentMarks {
		if m < n {
			fmt.Fprintf(w, " %9d", m)
		}
	}
	fmt.Fprintln(w)
}

// printNetwork prints the weights and biases under the question's names,
// with numpy's layout.
func printNetwork(w io.Writer, n *network) {
	fmt.Fprintf(w, "weights_1 =\n%v\nbias_1 = %s\nweights_2 =\n%v\nbias_2 = %s\n",
		n.weights1.Format(5), vector(n.bias1, 5), n.weights2.Format(5), vector(n.bias2, 5))
}

// vector prints a 1×n row as numpy prints a 1-D array: one pair of brackets.
func vector(m *matrix.Matrix, precision int) string {
	s := m.Format(precision)
	return s[1 : len(s)-1]
}

// sameWeights reports whether two networks' parameters are equal to the
// last bit.
func sameWeights(a, b *network) bool {
	return matrix.Equal(a.weights1, b.weights1) && matrix.Equal(a.bias1, b.bias1) &&
		matrix.Equal(a.weights2, b.weights2) && matrix.Equal(a.bias2, b.bias2)
}

// print writes every quantity of the step just taken to tr under the
// question's names, in the order its code computes them, as print lines
// after each of its statements would show them. e is the step's
// calculateError(Y, layer_2).
func (n *network) print(tr *trace.Trace, layer0 *matrix.Matrix, v variant, e float64) {
	if !tr.On() {
		return
	}
	tr.Print("layer_0", layer0)
	tr.Print("numpy.dot(layer_0, weights_1)+bias_1", n.z1)
	tr.Print("layer_1", n.layer1)
	tr.Print("numpy.dot(layer_1, weights_2)+bias_2", n.z2)
	tr.Print("layer_2", n.layer2)
	tr.Print("layer_2_error", n.layer2Error)
	tr.Print("sigmoid_derivative(layer_2)", n.slope2)
	tr.Print("layer_2_delta", n.layer2Delta)
	tr.Print("layer_1_error", n.layer1Error)
	tr.Print("sigmoid_derivative(layer_1)", n.slope1)
	tr.Print("layer_1_delta", n.layer1Delta)
	tr.Print("layer_1.T.dot(layer_2_delta)", n.grad2)
	tr.Print("alpha * layer_1.T.dot(layer_2_delta)", n.update2)
	tr.Print("weights_2", n.weights2)
	tr.Print("layer_0.T.dot(layer_1_delta)", n.grad1)
	tr.Print("alpha * layer_0.T.dot(layer_1_delta)", n.update1)
	tr.Print("weights_1", n.weights1)
	for _, b := range []struct {
		delta              string
		grad, update, bias *matrix.Matrix
		name               string
	}{{"layer_2_delta", n.biasGrad2, n.biasUpdate2, n.bias2, "bias_2"}, {"layer_1_delta", n.biasGrad1, n.biasUpdate1, n.bias1, "bias_1"}} {
		if v.sharedBias { // numpy.sum(δ) is a number
			tr.Scalar("numpy.sum("+b.delta+")", b.grad.Data[0])
			tr.Scalar("alpha * numpy.sum("+b.delta+")", b.update.Data[0])
		} else { // numpy.sum(δ, axis=0) is a 1-D array
			printVector(tr, "numpy.sum("+b.delta+", axis=0)", b.grad)
			printVector(tr, "alpha * numpy.sum("+b.delta+", axis=0)", b.update)
		}
		printVector(tr, b.name, b.bias)
	}
	printVector(tr, "calculateError(Y, layer_2)", matrix.FromSlice(1, 1, []float64{e}))
}

// printVector is trace.Print for a quantity that numpy holds as a 1-D
// array (the biases, sums over axis 0).
func printVector(tr *trace.Trace, name string, m *matrix.Matrix) {
	fmt.Fprintf(tr.W, "%s =\n%s\n", name, vector(m, 8))
}
