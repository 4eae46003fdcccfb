package main

import (
	"fmt"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
)

// slope is the source programs' sigmoid_derivative(a) = a(1 − a), σ′
// written from σ's output.
func slope(a *matrix.Matrix) *matrix.Matrix {
	return matrix.Apply(func(o float64) float64 { return o * (1 - o) }, a)
}

// inspectNotebook prints the step as lesson 03's step.go names it: the
// 3-4-1 network's synapse_0 and synapse_1 and the notebook's variables.
func (s *Session) inspectNotebook(tr *trace.Trace) {
	l1, l2 := s.net.Layers[0], s.net.Layers[1]
	alpha := s.set.Rate
	tr.PrintInts("layer_0", s.last.x)
	tr.Print("np.dot(layer_0,synapse_0)", l1.Z)
	tr.Print("layer_1", l1.A)
	tr.Print("np.dot(layer_1,synapse_1)", l2.Z)
	tr.Print("layer_2", l2.A)
	tr.Print("layer_2_error", matrix.Sub(l2.A, s.last.y))
	tr.Print("sigmoid_derivative(layer_2)", slope(l2.A))
	tr.Print("layer_2_delta", l2.Delta)
	tr.Print("layer_1_error", matrix.Mul(l2.Delta, matrix.Transpose(s.last.before[1])))
	tr.Print("sigmoid_derivative(layer_1)", slope(l1.A))
	tr.Print("layer_1_delta", l1.Delta)
	tr.Print("layer_1.T.dot(layer_2_delta)", l2.GradW)
	tr.Print("alpha * (layer_1.T.dot(layer_2_delta))", matrix.ScalarMul(alpha, l2.GradW))
	tr.Print("synapse_1", l2.W)
	tr.Print("layer_0.T.dot(layer_1_delta)", l1.GradW)
	tr.Print("alpha * (layer_0.T.dot(layer_1_delta))", matrix.ScalarMul(alpha, l1.GradW))
	tr.Print("synapse_0", l1.W)
}

// inspectQuestion prints the step as lessons 04 and 05 name it: the
// forum question's 2-3-1 network with weights_1, bias_1, weights_2 and
// bias_2. Lesson 04 prints σ′ and the biases as numpy's 1-D arrays and
// ends with calculateError(Y, layer_2); lesson 05 prints the starting
// parameters before its first step.
func (s *Session) inspectQuestion(tr *trace.Trace) {
	l1, l2 := s.net.Layers[0], s.net.Layers[1]
	alpha, four := s.set.Rate, s.set.Lesson == "04"
	if !four && s.last.step == 1 { // lesson 05's printStart
		for _, k := range []int{0, 2, 1, 3} { // W1, W2, b1, b2 in Params order W1, b1, W2, b2
			tr.Print([]string{"weights_1", "bias_1", "weights_2", "bias_2"}[k], s.last.before[k])
		}
	}
	bias := func(name string, m *matrix.Matrix) {
		if four { // numpy holds biases and sums over axis 0 as 1-D arrays
			f := m.Format(8)
			fmt.Fprintf(tr.W, "%s =\n%s\n", name, f[1:len(f)-1])
		} else {
			tr.Print(name, m)
		}
	}
	tr.Print("layer_0", s.last.x)
	tr.Print("numpy.dot(layer_0, weights_1)+bias_1", l1.Z)
	tr.Print("layer_1", l1.A)
	tr.Print("numpy.dot(layer_1, weights_2)+bias_2", l2.Z)
	tr.Print("layer_2", l2.A)
	tr.Print("layer_2_error", matrix.Sub(l2.A, s.last.y))
	if four {
		tr.Print("sigmoid_derivative(layer_2)", slope(l2.A))
	}
	tr.Print("layer_2_delta", l2.Delta)
	tr.Print("layer_1_error", matrix.Mul(l2.Delta, matrix.Transpose(s.last.before[2])))
	if four {
		tr.Print("sigmoid_derivative(layer_1)", slope(l1.A))
	}
	tr.Print("layer_1_delta", l1.Delta)
	tr.Print("layer_1.T.dot(layer_2_delta)", l2.GradW)
	tr.Print("alpha * layer_1.T.dot(layer_2_delta)", matrix.ScalarMul(alpha, l2.GradW))
	tr.Print("weights_2", l2.W)
	tr.Print("layer_0.T.dot(layer_1_delta)", l1.GradW)
	tr.Print("alpha * layer_0.T.dot(layer_1_delta)", matrix.ScalarMul(alpha, l1.GradW))
	tr.Print("weights_1", l1.W)
	for _, b := range []struct {
		delta, name string
		l           *nn.Layer
	}{{"layer_2_delta", "bias_2", l2}, {"layer_1_delta", "bias_1", l1}} {
		bias("numpy.sum("+b.delta+", axis=0)", b.l.GradB)
		if four {
			bias("alpha * numpy.sum("+b.delta+", axis=0)", matrix.ScalarMul(alpha, b.l.GradB))
		}
		bias(b.name, b.l.B)
	}
	if four {
		bias("calculateError(Y, layer_2)", matrix.FromSlice(1, 1, []float64{nn.SSE{}.Value(l2.A, s.last.y)}))
	}
}
