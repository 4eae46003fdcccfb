package main

import (
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
)

func sigmoid(z float64) float64 { return 1 / (1 + portable.Exp(-z)) }

// sigmoidPrime is σ′(v) = σ(v)(1 − σ(v)), evaluated at whatever v it is given.
func sigmoidPrime(v float64) float64 { s := sigmoid(v); return s * (1 - s) }

// askerRun is the question's Java training, for a 1-1-1 network of sigmoid
// units without biases (h = σ(w1·x), out = σ(w2·h)), one sample at a time in
// the order x = 1 … 9, learning rate 1. Its step is the Java's arithmetic,
// one statement per line of the README, scalars as in the Java; the slips
// are marked where they happen.
type askerRun struct {
	w1, w2   float64
	keepSign bool // the question's Edit 2
	t        *trace.Trace
}

// step trains on one sample. Both deltas are computed before either weight
// changes, as in the Java.
func (r *askerRun) step(x, t float64) {
	zH := r.w1 * x // the hidden neuron's net input
	h := sigmoid(zH)
	zOut := r.w2 * h
	out := sigmoid(zOut)
	eOut := t - out // outputErrors[k][i] = outputs[i] - network[k+1][i].result
	// Slip 3, the lost sign: σ′ > 0, so e_h has the sign of w2 whatever
	// e_out's. Gradient descent's hidden delta is δ_out·w2·σ′(z_h).
	eH := sigmoidPrime(eOut) * r.w2 // outputErrors[k][i] += sigmoidDerivative(outputErrors[k+1][j]) * emergingWeights[j]
	if r.keepSign {
		eH *= eOut // Edit 2: … * outputErrors[k+1][j]
	}
	// Slips 1 and 2: σ′ at the error instead of at the net input z, and the
	// weight itself instead of the input that feeds it (gradient descent:
	// Δw2 = −η·δ_out·h, Δw1 = −η·δ_h·x). Each Δw is rounded (float64) before
	// it is added, as in the Java: Go may otherwise fuse the last product
	// with the += below into one multiply-add on arm64, and the bits differ.
	d2 := float64(eOut * sigmoidPrime(eOut) * r.w2) // deltaWeights[1][0][0] = error * sigmoidDerivative(error) * emergingWeights
	d1 := float64(eH * sigmoidPrime(eH) * r.w1)     // deltaWeights[0][0][0]
	r.w2 += d2                                      // emergingWeights[j] += deltaWeights[k][i][j]
	r.w1 += d1
	if r.t.On() {
		for _, q := range []struct {
			name string
			v    float64
		}{{"x", x}, {"w1*x", zH}, {"network[1][0].result", h}, {"w2*h", zOut},
			{"network[2][0].result", out}, {"outputErrors[1][0]", eOut}, {"outputErrors[0][0]", eH},
			{"deltaWeights[1][0][0]", d2}, {"deltaWeights[0][0][0]", d1},
			{"network[1][0].emergingWeights[0]", r.w2}, {"network[0][0].emergingWeights[0]", r.w1}} {
			r.t.Scalar(q.name, q.v)
		}
	}
}

// epoch trains once on every sample, in order.
func (r *askerRun) epoch(xs, ys []float64) {
	for i, x := range xs {
		r.step(x, ys[i])
	}
}

// outputs returns the network's output for each x.
func (r *askerRun) outputs(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = sigmoid(r.w2 * sigmoid(r.w1*x))
	}
	return out
}

// network is the 1-1-1 network done right, h = f(w1·x + b1) and
// out = w2·h + b2 (an identity output), trained by gradient descent on
// E = ½(out − t)² one sample at a time. Every parameter and quantity is a
// 1×1 matrix, so the step reads as the equations do for wider layers; the
// buffers make a step allocate nothing.
type network struct {
	w1, b1, w2, b2 *matrix.Matrix
	f, fPrime      func(float64) float64 // the hidden activation, and its slope from its output h

	z1, h, out, dOut, back, slope, dH, gradW2, gradW1 *matrix.Matrix
}

// newNet returns the network with hidden activation f (its slope fPrime
// taken from the output), the weights w1 and w2 and zero biases.
func newNet(w1, w2 float64, f, fPrime func(float64) float64) *network {
	m := func(v float64) *matrix.Matrix { return matrix.FromSlice(1, 1, []float64{v}) }
	return &network{w1: m(w1), b1: m(0), w2: m(w2), b2: m(0), f: f, fPrime: fPrime,
		z1: m(0), h: m(0), out: m(0), dOut: m(0), back: m(0), slope: m(0), dH: m(0), gradW2: m(0), gradW1: m(0)}
}

// sigmoidSlope is σ′ written in terms of the output h = σ(z): h(1 − h).
func sigmoidSlope(h float64) float64 { return h * (1 - h) }

func identity(z float64) float64    { return z }
func identitySlope(float64) float64 { return 1 }

// forward sets h and out for the 1×1 input x and returns out.
func (n *network) forward(x *matrix.Matrix) *matrix.Matrix {
	// h = f(w1·x + b1)
	matrix.MulInto(n.z1, x, n.w1)
	matrix.AddInto(n.z1, n.z1, n.b1)
	matrix.ApplyInto(n.h, n.f, n.z1)
	// out = w2·h + b2
	matrix.MulInto(n.out, n.h, n.w2)
	matrix.AddInto(n.out, n.out, n.b2)
	return n.out
}

// step makes one gradient-descent update on the sample (x, t) and returns
// the error ½(out − t)² of its forward pass, before the update. In the
// answer's pseudocode the output delta is d_n = a′(n)(n − target), with
// a′ = 1 for the identity output.
func (n *network) step(x, t *matrix.Matrix, rate float64) float64 {
	n.forward(x)
	matrix.SubInto(n.dOut, n.out, t)                  // δ_out = out − t
	matrix.MulTransBInto(n.back, n.dOut, n.w2)        // δ_out·w2
	matrix.ApplyInto(n.slope, n.fPrime, n.h)          // f′(w1·x + b1), from h
	matrix.HadamardInto(n.dH, n.back, n.slope)        // δ_h = δ_out·w2·f′(w1·x + b1)
	matrix.MulTransAInto(n.gradW2, n.h, n.dOut)       // δ_out·h
	matrix.AddScaledInto(n.w2, n.w2, -rate, n.gradW2) // w2 −= η·δ_out·h
	matrix.AddScaledInto(n.b2, n.b2, -rate, n.dOut)   // b2 −= η·δ_out
	matrix.MulTransAInto(n.gradW1, x, n.dH)           // δ_h·x
	matrix.AddScaledInto(n.w1, n.w1, -rate, n.gradW1) // w1 −= η·δ_h·x
	matrix.AddScaledInto(n.b1, n.b1, -rate, n.dH)     // b1 −= η·δ_h
	d := n.dOut.Data[0]
	return 0.5 * (d * d)
}

// print writes every quantity of the step just made to t (the weights and
// biases after their update).
func (n *network) print(t *trace.Trace, x *matrix.Matrix) {
	if !t.On() {
		return
	}
	for _, q := range []struct {
		name string
		m    *matrix.Matrix
	}{{"x", x}, {"w1*x + b1", n.z1}, {"h", n.h}, {"out", n.out}, {"d_out", n.dOut}, {"d_h", n.dH},
		{"d_out*h", n.gradW2}, {"d_h*x", n.gradW1}, {"w1", n.w1}, {"b1", n.b1}, {"w2", n.w2}, {"b2", n.b2}} {
		t.Print(q.name, q.m)
	}
}
