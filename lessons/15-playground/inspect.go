package main

import (
	"fmt"
	"strings"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
)

// Inspect returns the matrices of the last step in numpy's print format,
// the text the command-line lessons print with -trace: the batch, every
// layer's z and a, the deltas, the gradients, the updates and the new
// parameters. The runs of lessons 03, 04 and 05 print their source
// program's names and quantities, character for character what the
// lesson's -trace prints for the same step; other runs print the
// textbook's names:
//
//	z_l = a_{l−1}·W_l + b_l      a_l = f(z_l)      a_0 = x
//	δ_L = ∂E/∂z_L                δ_l = δ_{l+1}·W_{l+1}ᵀ ⊙ f′(z_l)
//	∂E/∂W_l = a_{l−1}ᵀ·δ_l       ∂E/∂b_l = Σ_rows δ_l
//	ΔW_l = W_l after − W_l before
//
// Before the first step it says so. It allocates (it is for a person to
// read, not for every frame).
func (s *Session) Inspect() string {
	if s.last.step == 0 {
		return "No step yet: take one step to see its matrices.\n"
	}
	var b strings.Builder
	tr := trace.New(&b, s.last.step)
	tr.Step(s.last.step - 1)
	switch s.set.Lesson {
	case "03":
		s.inspectNotebook(tr)
	case "04", "05":
		s.inspectQuestion(tr)
	default:
		s.inspectLayers(tr)
	}
	return b.String()
}

// inspectLayers prints the step under the textbook's names, layer by
// layer: the forward pass, then backpropagation from the output, then
// each parameter's gradient, update and new value.
func (s *Session) inspectLayers(tr *trace.Trace) {
	names := make([]string, len(s.feats))
	for i, f := range s.feats {
		names[i] = f.label
	}
	fmt.Fprintf(tr.W, "# batch of %d samples; inputs %s; loss %s; rule %s, η = %g\n",
		s.last.x.Rows, strings.Join(names, ", "), s.loss.Name(), s.set.Opt, s.set.Rate)
	tr.Print("x", s.last.x)
	for i, l := range s.net.Layers {
		n, prev := i+1, layerInput(i)
		bias := ""
		if l.B != nil {
			bias = fmt.Sprintf(" + b%d", n)
		}
		tr.Print(fmt.Sprintf("z%d = %s·W%d%s", n, prev, n, bias), l.Z)
		tr.Print(fmt.Sprintf("a%d = %s(z%d)", n, l.Act.Name(), n), l.A)
	}
	tr.Print("y", s.last.y)
	L := len(s.net.Layers)
	for i := L - 1; i >= 0; i-- {
		n := i + 1
		if i == L-1 {
			tr.Print(fmt.Sprintf("δ%d = ∂E/∂z%d", n, n), s.net.Layers[i].Delta)
		} else {
			tr.Print(fmt.Sprintf("δ%d = δ%d·W%dᵀ ⊙ f′(z%d)", n, n+1, n+1, n), s.net.Layers[i].Delta)
		}
	}
	penalty := map[string]string{"l1": " + (α/n)·sign(W)", "l2": " + (α/n)·W"}[s.set.Reg]
	k := 0 // index of the parameter in s.last.before (W1, b1, W2, …)
	for i, l := range s.net.Layers {
		n := i + 1
		tr.Print(fmt.Sprintf("∂E/∂W%d = %sᵀ·δ%d%s", n, layerInput(i), n, penalty), l.GradW)
		tr.Print(fmt.Sprintf("ΔW%d = W%d after − W%d before", n, n, n), matrix.Sub(l.W, s.last.before[k]))
		tr.Print(fmt.Sprintf("W%d", n), l.W)
		k++
		if l.B != nil {
			tr.Print(fmt.Sprintf("∂E/∂b%d = Σ_rows δ%d", n, n), l.GradB)
			tr.Print(fmt.Sprintf("Δb%d = b%d after − b%d before", n, n, n), matrix.Sub(l.B, s.last.before[k]))
			tr.Print(fmt.Sprintf("b%d", n), l.B)
			k++
		}
	}
}

// layerInput names the input of layer i (from 0): x, a1, a2, …
func layerInput(i int) string {
	if i == 0 {
		return "x"
	}
	return fmt.Sprintf("a%d", i)
}
