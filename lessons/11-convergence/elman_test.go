package main

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// randomSequence returns a T×cols matrix of values uniform in [0, 1).
func randomSequence(src *nprand.RandomState, rows, cols int) *matrix.Matrix {
	m := matrix.New(rows, cols)
	src.Rand(m.Data)
	return m
}

// TestBPTTGradCheck compares Backward's gradients with central differences
// of Loss (nn.GradCheck) for sequences long enough that the context path
// carries most of the gradient, with and without the context self-loop.
func TestBPTTGradCheck(t *testing.T) {
	const tol = 1e-8 // the README's bound
	tests := []struct {
		inputs, hidden, outputs, steps int
		lambda                         float64
	}{
		{5, 5, 1, 1, 0.3},
		{5, 5, 1, 12, 0.3},
		{3, 4, 2, 20, 0},
		{2, 6, 1, 30, 0.7},
	}
	for _, tc := range tests {
		name := fmt.Sprintf("%d-%d-%d_T%d_lambda%g", tc.inputs, tc.hidden, tc.outputs, tc.steps, tc.lambda)
		t.Run(name, func(t *testing.T) {
			src := nprand.New(7)
			net := NewElman(tc.inputs, tc.hidden, tc.outputs, tc.lambda)
			net.Init(src, -1, 1)
			x := randomSequence(src, tc.steps, tc.inputs)
			y := randomSequence(src, tc.steps, tc.outputs)
			c0 := make([]float64, tc.hidden)
			src.Rand(c0)
			net.Forward(x, c0)
			net.Backward(y)
			loss := func() float64 {
				net.Forward(x, c0)
				return net.Loss(y)
			}
			rep := nn.GradCheck(net.Params(), loss, 0)
			t.Logf("largest relative error %.3g at %s", rep.MaxRelErr, rep.Worst)
			if !(rep.MaxRelErr <= tol) {
				t.Errorf("got largest relative error %.3g at %s, want ≤ %g\n%s", rep.MaxRelErr, rep.Worst, tol, rep)
			}
		})
	}
}

// TestBPTTReachesBack checks that the gradient really flows through time: in
// a long sequence, the error at the last step changes the input weights
// through the first step's input, so zeroing every target error except the
// last still leaves a non-zero Wx gradient contribution from x_1.
func TestBPTTReachesBack(t *testing.T) {
	src := nprand.New(3)
	net := NewElman(1, 3, 1, 0.3)
	net.Init(src, -1, 1)
	x := randomSequence(src, 6, 1)
	c0 := []float64{0.5, 0.5, 0.5}
	out := net.Forward(x, c0)
	y := matrix.New(6, 1)
	copy(y.Data, out.Data) // zero error at every step …
	y.Data[5] -= 1         // … but the last
	net.Backward(y)
	// δ_1 (the first row of Delta) is non-zero only through the context path.
	nonzero := false
	for _, d := range net.Delta.Data[:3] {
		nonzero = nonzero || d != 0
	}
	if !nonzero {
		t.Errorf("got δ_1 = %v, want a non-zero gradient reaching step 1 from step 6", net.Delta.Data[:3])
	}
}

// TestForwardContext checks the context recurrence c_{t+1} = λ·c_t + h_t
// against the stored activations.
func TestForwardContext(t *testing.T) {
	src := nprand.New(5)
	net := NewElman(2, 3, 1, 0.3)
	net.Init(src, -1, 1)
	x := randomSequence(src, 4, 2)
	c0 := []float64{0.5, 0.5, 0.5}
	net.Forward(x, c0)
	for j := range 3 {
		if got := net.C.Data[j]; got != c0[j] {
			t.Errorf("c_1[%d]: got %g, want %g", j, got, c0[j])
		}
	}
	for tt := 1; tt < 4; tt++ {
		for j := range 3 {
			want := 0.3*net.C.Data[(tt-1)*3+j] + net.H.Data[(tt-1)*3+j]
			if got := net.C.Data[tt*3+j]; math.Abs(got-want) > 1e-15 {
				t.Errorf("c_%d[%d]: got %g, want %g", tt+1, j, got, want)
			}
		}
	}
}

// TestShapePanics checks that wrong widths panic with matrix.ErrShape.
func TestShapePanics(t *testing.T) {
	net := NewElman(2, 3, 1, 0)
	tests := []struct {
		name string
		f    func()
	}{
		{"input width", func() { net.Forward(matrix.New(4, 3), make([]float64, 3)) }},
		{"context length", func() { net.Forward(matrix.New(4, 2), make([]float64, 2)) }},
		{"target rows", func() { net.Forward(matrix.New(4, 2), make([]float64, 3)); net.Backward(matrix.New(3, 1)) }},
		{"SSE", func() { nn.SSE{}.Value(matrix.New(2, 1), matrix.New(1, 2)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				err, ok := r.(error)
				if !ok || !errors.Is(err, matrix.ErrShape) {
					t.Errorf("got panic %v, want an error wrapping matrix.ErrShape", r)
				}
			}()
			tc.f()
		})
	}
}

// TestForwardAllocs checks that a Forward and Backward over a sequence no
// longer than the last allocate nothing.
func TestForwardAllocs(t *testing.T) {
	net := NewElman(5, 5, 1, 0.3)
	net.Init(nprand.New(1), -1, 1)
	x, y := matrix.New(10, 5), matrix.New(10, 1)
	c0 := make([]float64, 5)
	net.Forward(x, c0)
	net.Backward(y)
	if got := testing.AllocsPerRun(20, func() { net.Forward(x, c0); net.Backward(y); net.Step(0.1) }); got != 0 {
		t.Errorf("got %g allocations per step, want 0", got)
	}
}
