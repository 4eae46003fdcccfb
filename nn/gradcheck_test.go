package nn

import (
	"fmt"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// TestGradCheckAllPairs runs GradCheck on a 3-4-3 network with biases for
// every hidden activation × (output activation, loss) pair, with and
// without the L2 penalty.
func TestGradCheckAllPairs(t *testing.T) {
	hidden := []Activation{Sigmoid{}, Tanh{}, ReLU{}, ReLU{AtZero: 0.5}, LeakyReLU{Slope: 0.05}, Identity{}, Softmax{}}
	type head struct {
		out  Activation
		loss Loss
	}
	var heads []head
	for _, out := range []Activation{Sigmoid{}, Tanh{}, Identity{}, ReLU{}, LeakyReLU{Slope: 0.05}, Softmax{}} {
		for _, loss := range []Loss{SSE{}, HalfSSE{}, MSE{}} {
			heads = append(heads, head{out, loss})
		}
	}
	// The probability losses need outputs in (0, 1).
	for _, out := range []Activation{Sigmoid{}, Softmax{}} {
		for _, loss := range []Loss{LogLoss{}, LogLoss{Sum: true}, CrossEntropy{}, CrossEntropy{Sum: true}} {
			heads = append(heads, head{out, loss})
		}
	}
	src := nprand.New(7)
	x := matrix.New(5, 3)
	FillUniform(x, src, -2, 2)
	y := matrix.New(5, 3)
	FillUniform(y, src, 0.05, 0.95) // valid targets for every loss
	// Softmax's δ_out = a − y with cross-entropy needs rows that sum to 1.
	yp := y.Clone()
	for i := range yp.Rows {
		r := yp.Row(i)
		s := r[0] + r[1] + r[2]
		for j := range r {
			r[j] /= s
		}
	}
	for _, hid := range hidden {
		for _, hd := range heads {
			for _, alpha := range []float64{0, 0.3} {
				name := fmt.Sprintf("%s/%s/%s/alpha=%v", hid.Name(), hd.out.Name(), hd.loss.Name(), alpha)
				if m := hd.loss.Mean(); !m {
					name += "(sum)"
				}
				y := y
				if _, ok := hd.out.(Softmax); ok {
					y = yp
				}
				net := New([]int{3, 4, 3}, true, hid, hd.out)
				Glorot{}.Initialize(net, src)
				net.Forward(x)
				net.Backward(y, hd.loss)
				net.AddPenaltyGrad(alpha, x.Rows)
				r := GradCheck(net.Params(), func() float64 { return net.Objective(x, y, hd.loss, alpha) }, 0)
				// A wrong gradient gives errors of order 1; right ones stay
				// near 1e-8, except where a small gradient meets a loss of
				// order 10 (rounding noise ε·E/h) or a ReLU kink, up to ~5e-6.
				if r.MaxRelErr > 1e-5 {
					t.Errorf("%s: got max relative error %.3g at %s, want ≤ 1e-5\n%v", name, r.MaxRelErr, r.Worst, r)
				}
				if len(r.Params) != 4 {
					t.Errorf("%s: got %d parameters checked, want 4", name, len(r.Params))
				}
			}
		}
	}
}

// TestGradCheckGeneric checks a model that is not a Network — a single
// weight matrix w with E = Σ (x·w)² — and that a wrong gradient is caught.
func TestGradCheckGeneric(t *testing.T) {
	x := matrix.FromRows([][]float64{{1, 2}, {3, -1}})
	w := matrix.FromRows([][]float64{{0.5}, {-0.25}})
	loss := func() float64 {
		s := 0.0
		for _, v := range matrix.Mul(x, w).Data {
			s += v * v
		}
		return s
	}
	// ∂E/∂w = 2·xᵀ·(x·w)
	grad := matrix.ScalarMul(2, matrix.Mul(matrix.Transpose(x), matrix.Mul(x, w)))
	orig := w.Clone()
	r := GradCheck([]Param{{Name: "w", Value: w, Grad: grad}}, loss, 0)
	if r.MaxRelErr > 1e-8 {
		t.Errorf("right gradient: got max relative error %v, want ≤ 1e-8", r.MaxRelErr)
	}
	if !matrix.Equal(w, orig) {
		t.Errorf("GradCheck changed the parameter: got %v, want %v", w.Data, orig.Data)
	}
	bad := grad.Clone()
	bad.Data[1] *= 0.5
	r = GradCheck([]Param{{Name: "w", Value: w, Grad: bad}}, loss, 0)
	if r.MaxRelErr < 0.1 || r.Worst != "w[1,0]" {
		t.Errorf("wrong gradient: got error %v at %s, want ≥ 0.1 at w[1,0]", r.MaxRelErr, r.Worst)
	}
}
