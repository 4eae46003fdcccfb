package nn

import (
	"fmt"
	"math"

	"nnscratch/matrix"
)

// An Activation is the function f a layer applies to its weighted input
// z = a_prev·W + b, element by element (or row by row, for Softmax).
//
// Forward sets dst = f(z); dst may be z. Backward turns g = ∂E/∂a into
// ∂E/∂z and writes it into dst (dst may be g):
//
//	∂E/∂z = g ⊙ f′(z)
//
// for the element-wise functions, where f′ is computed from the output a
// whenever it can be (σ′ = a(1−a), tanh′ = 1−a²), so the forward pass's
// exp and tanh are not repeated. Both panic with an error wrapping
// matrix.ErrShape if the shapes differ. Neither allocates.
type Activation interface {
	// Name is the activation's name as saved in a model file.
	Name() string
	Forward(dst, z *matrix.Matrix)
	Backward(dst, z, a, g *matrix.Matrix)
}

// Sigmoid is the logistic function σ(z) = 1/(1+e^−z), scikit-learn's
// "logistic". Its derivative is taken from the output: σ′ = a(1−a).
type Sigmoid struct{}

// Tanh is the hyperbolic tangent; tanh′ = 1 − a².
type Tanh struct{}

// Identity is f(z) = z, the output activation of a regression network.
type Identity struct{}

// ReLU is the rectified linear unit f(z) = max(0, z). Its derivative is 1
// for z > 0 and 0 for z < 0; at exactly z = 0, where it has none, AtZero is
// used as the subgradient: 0 (the usual choice and scikit-learn's) or 0.5
// (the homework in the sources).
type ReLU struct{ AtZero float64 }

// LeakyReLU is f(z) = z for z > 0 and Slope·z otherwise (Slope is
// typically 0.01). Its derivative at exactly 0 is taken as Slope.
type LeakyReLU struct{ Slope float64 }

// Softmax turns each row of z into a probability distribution:
//
//	a_j = e^(z_j − m) / Σ_k e^(z_k − m),   m = max_k z_k
//
// Subtracting the row maximum m changes nothing mathematically and keeps
// e^x from overflowing. The sum is numpy's (PairwiseSum), so the result
// agrees with numpy code, such as scikit-learn's, to the last bit. Unlike the others it is not element-wise: its
// Backward is the Jacobian-vector product ∂E/∂z_j = a_j·(g_j − Σ_k a_k·g_k).
type Softmax struct{}

// Name returns "sigmoid".
func (Sigmoid) Name() string { return "sigmoid" }

// Name returns "tanh".
func (Tanh) Name() string { return "tanh" }

// Name returns "identity".
func (Identity) Name() string { return "identity" }

// Name returns "relu".
func (ReLU) Name() string { return "relu" }

// Name returns "leaky_relu".
func (LeakyReLU) Name() string { return "leaky_relu" }

// Name returns "softmax".
func (Softmax) Name() string { return "softmax" }

// sameShapes panics unless every matrix has the shape of the first.
func sameShapes(op string, ms ...*matrix.Matrix) {
	for _, m := range ms[1:] {
		if m.Rows != ms[0].Rows || m.Cols != ms[0].Cols {
			panic(fmt.Errorf("nn: %s %dx%d and %dx%d: %w", op, ms[0].Rows, ms[0].Cols, m.Rows, m.Cols, matrix.ErrShape))
		}
	}
}

// Forward sets dst = σ(z), computed as numpy code writes it, 1/(1+exp(−z)),
// which is exact to the last bit against such code and saturates to 0 or 1
// without overflow trouble in float64.
func (Sigmoid) Forward(dst, z *matrix.Matrix) {
	sameShapes("Sigmoid.Forward", z, dst)
	// 1/(1+portable.Exp(−z)) element by element, four at a time where the
	// processor allows, with the same bits (matrix.SigmoidInto).
	matrix.SigmoidInto(dst.Data[:len(z.Data)], z.Data)
}

// Backward sets dst = g ⊙ a(1−a).
func (Sigmoid) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("Sigmoid.Backward", g, a, dst)
	d, av := dst.Data[:len(g.Data)], a.Data[:len(g.Data)]
	for i, v := range g.Data {
		d[i] = v * (av[i] * (1 - av[i]))
	}
}

// Forward sets dst = tanh(z), with portable.Tanh's bits (the same on every
// platform), computed by matrix.TanhInto four exponentials at a time.
func (Tanh) Forward(dst, z *matrix.Matrix) {
	sameShapes("Tanh.Forward", z, dst)
	matrix.TanhInto(dst.Data[:len(z.Data)], z.Data)
}

// Backward sets dst = g ⊙ (1 − a²).
func (Tanh) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("Tanh.Backward", g, a, dst)
	d, av := dst.Data[:len(g.Data)], a.Data[:len(g.Data)]
	for i, v := range g.Data {
		// float64 rounds a²: Go may fuse a multiply-add (arm64 does), and the
		// result must be the same bits on every machine.
		d[i] = v * (1 - float64(av[i]*av[i]))
	}
}

// Forward copies z into dst.
func (Identity) Forward(dst, z *matrix.Matrix) {
	sameShapes("Identity.Forward", z, dst)
	copy(dst.Data, z.Data)
}

// Backward copies g into dst: f′ = 1.
func (Identity) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("Identity.Backward", g, dst)
	copy(dst.Data, g.Data)
}

// Forward sets dst = max(0, z).
func (ReLU) Forward(dst, z *matrix.Matrix) {
	sameShapes("ReLU.Forward", z, dst)
	d := dst.Data[:len(z.Data)]
	for i, v := range z.Data {
		d[i] = max(v, 0)
	}
}

// Backward sets dst = g ⊙ f′(z) with f′ = 1 (z > 0), 0 (z < 0), AtZero
// (z = 0). It reads z because a = 0 cannot tell z < 0 from z = 0.
func (r ReLU) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("ReLU.Backward", g, z, dst)
	d, zv := dst.Data[:len(g.Data)], z.Data[:len(g.Data)]
	for i, v := range g.Data {
		switch {
		case zv[i] > 0:
			d[i] = v
		case zv[i] < 0:
			d[i] = 0
		default:
			d[i] = v * r.AtZero
		}
	}
}

// Forward sets dst = z for z > 0 and Slope·z otherwise.
func (l LeakyReLU) Forward(dst, z *matrix.Matrix) {
	sameShapes("LeakyReLU.Forward", z, dst)
	d := dst.Data[:len(z.Data)]
	for i, v := range z.Data {
		if v > 0 {
			d[i] = v
		} else {
			d[i] = l.Slope * v
		}
	}
}

// Backward sets dst = g ⊙ f′(z) with f′ = 1 (z > 0) or Slope (z ≤ 0).
func (l LeakyReLU) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("LeakyReLU.Backward", g, z, dst)
	d, zv := dst.Data[:len(g.Data)], z.Data[:len(g.Data)]
	for i, v := range g.Data {
		if zv[i] > 0 {
			d[i] = v
		} else {
			d[i] = v * l.Slope
		}
	}
}

// Forward sets each row of dst to the softmax of that row of z.
func (Softmax) Forward(dst, z *matrix.Matrix) {
	sameShapes("Softmax.Forward", z, dst)
	for i := range z.Rows {
		zr, dr := z.Row(i), dst.Row(i)
		m := math.Inf(-1)
		for _, v := range zr {
			m = max(m, v)
		}
		for j, v := range zr {
			dr[j] = v - m
		}
		matrix.ExpInto(dr, dr) // portable.Exp, four at a time where it can
		sum := PairwiseSum(dr)
		for j := range dr {
			dr[j] /= sum
		}
	}
}

// Backward sets each row of dst to a ⊙ (g − (a·g)), the product of the
// softmax Jacobian diag(a) − a·aᵀ with g.
func (Softmax) Backward(dst, z, a, g *matrix.Matrix) {
	sameShapes("Softmax.Backward", g, a, dst)
	for i := range g.Rows {
		gr, ar, dr := g.Row(i), a.Row(i), dst.Row(i)
		dot := 0.0
		for j, v := range gr {
			dot += float64(ar[j] * v)
		}
		for j, v := range gr {
			dr[j] = ar[j] * (v - dot)
		}
	}
}
