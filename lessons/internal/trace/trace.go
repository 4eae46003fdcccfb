// Package trace prints the intermediates of a lesson's first training steps
// (inputs, z, a, errors, deltas, gradients, updates, new weights) in numpy's
// print format, under the variable names of the source program, so that a
// reader can add print lines to their own Python and diff the two outputs to
// find the first quantity that differs.
//
// A lesson makes one Trace from its -trace N flag and calls Step at the start
// of every step and Print for every quantity; after the first N steps (and
// always when N is 0) both do nothing and cost nothing, so the training loop
// still allocates nothing in steady state. The output of
//
//	t := trace.New(w, 1)
//	t.Step(0)
//	t.Print("layer_1", layer1)
//
// is what this Python prints:
//
//	print("--- step 0 ---")
//	print("layer_1 =")
//	print(layer_1)
package trace

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"nnscratch/matrix"
)

// Trace writes the quantities of the first N steps to W. A nil *Trace is
// valid and never prints.
type Trace struct {
	W    io.Writer
	N    int // how many steps to print
	step int // the step now running, as told by Step
}

// New returns a Trace that prints the first n steps to w, or nil when n ≤ 0.
func New(w io.Writer, n int) *Trace {
	if n <= 0 {
		return nil
	}
	return &Trace{W: w, N: n, step: -1}
}

// On reports whether the current step is printed; lessons use it to skip
// work done only for the trace.
func (t *Trace) On() bool { return t != nil && t.step >= 0 && t.step < t.N }

// Step marks the start of step i (counted from 0) and, when it is printed,
// writes the header "--- step i ---".
func (t *Trace) Step(i int) {
	if t == nil {
		return
	}
	t.step = i
	if t.On() {
		fmt.Fprintf(t.W, "--- step %d ---\n", i)
	}
}

// Print writes "name =" and m in numpy's format (matrix.Matrix.String) when
// the current step is printed.
func (t *Trace) Print(name string, m *matrix.Matrix) {
	if !t.On() {
		return
	}
	fmt.Fprintf(t.W, "%s =\n%s\n", name, m.String())
}

// Scalar writes "name =" and x as numpy prints a float64 scalar (its
// shortest round-trip digits) when the current step is printed.
func (t *Trace) Scalar(name string, x float64) {
	if !t.On() {
		return
	}
	fmt.Fprintf(t.W, "%s =\n%s\n", name, Float(x))
}

// Float formats x as numpy prints a float64 scalar: the shortest digits
// that round-trip, positional ("0.5", "123.0") from 1e-4 up to 1e16 and
// scientific ("1e-05", "2.5e+16") outside that range.
func Float(x float64) string {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case a == 0 || (a >= 1e-4 && a < 1e16):
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	return strconv.FormatFloat(x, 'e', -1, 64)
}
