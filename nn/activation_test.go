package nn

import (
	"math"
	"testing"

	"nnscratch/matrix"
)

func TestActivationForward(t *testing.T) {
	z := matrix.FromRows([][]float64{{-2, 0, 3}})
	tests := []struct {
		f    Activation
		want []float64
	}{
		{Sigmoid{}, []float64{1 / (1 + math.Exp(2)), 0.5, 1 / (1 + math.Exp(-3))}},
		{Tanh{}, []float64{math.Tanh(-2), 0, math.Tanh(3)}},
		{Identity{}, []float64{-2, 0, 3}},
		{ReLU{}, []float64{0, 0, 3}},
		{LeakyReLU{Slope: 0.01}, []float64{-0.02, 0, 3}},
		{Softmax{}, []float64{math.Exp(-2) / (math.Exp(-2) + 1 + math.Exp(3)), 1 / (math.Exp(-2) + 1 + math.Exp(3)), math.Exp(3) / (math.Exp(-2) + 1 + math.Exp(3))}},
	}
	for _, tt := range tests {
		got := matrix.New(1, 3)
		tt.f.Forward(got, z)
		if !matrix.ApproxEqual(got, matrix.FromRows([][]float64{tt.want}), 1e-15) {
			t.Errorf("%s: got %v, want %v", tt.f.Name(), got.Data, tt.want)
		}
	}
}

func TestSoftmaxStable(t *testing.T) {
	z := matrix.FromRows([][]float64{{1000, 1001, 999}, {-1000, -1000, -1000}})
	a := matrix.New(2, 3)
	Softmax{}.Forward(a, z)
	want := matrix.New(2, 3)
	Softmax{}.Forward(want, matrix.FromRows([][]float64{{1, 2, 0}, {0, 0, 0}}))
	if !matrix.ApproxEqual(a, want, 1e-15) {
		t.Errorf("softmax of large inputs: got %v, want %v", a.Data, want.Data)
	}
}

// TestActivationDerivative checks each Backward against a central
// difference of Forward, element by element (and the full Jacobian-vector
// product for Softmax), away from the kinks.
func TestActivationDerivative(t *testing.T) {
	z := matrix.FromRows([][]float64{{-1.3, -0.2, 0.4}, {2.1, 0.7, -3}})
	g := matrix.FromRows([][]float64{{0.3, -1.1, 0.5}, {1, 2, -0.4}})
	const h = 1e-6
	for _, f := range []Activation{Sigmoid{}, Tanh{}, Identity{}, ReLU{}, ReLU{AtZero: 0.5}, LeakyReLU{Slope: 0.1}, Softmax{}} {
		a := matrix.New(2, 3)
		f.Forward(a, z)
		got := matrix.New(2, 3)
		f.Backward(got, z, a, g)
		// want[i,j] = Σ_k g[i,k]·∂a[i,k]/∂z[i,j]
		want := matrix.New(2, 3)
		ap, am := matrix.New(2, 3), matrix.New(2, 3)
		for i := range 2 {
			for j := range 3 {
				zp, zm := z.Clone(), z.Clone()
				zp.Set(i, j, z.At(i, j)+h)
				zm.Set(i, j, z.At(i, j)-h)
				f.Forward(ap, zp)
				f.Forward(am, zm)
				s := 0.0
				for k := range 3 {
					s += g.At(i, k) * (ap.At(i, k) - am.At(i, k)) / (2 * h)
				}
				want.Set(i, j, s)
			}
		}
		if !matrix.ApproxEqual(got, want, 1e-8) {
			t.Errorf("%s Backward: got %v, want %v", f.Name(), got.Data, want.Data)
		}
	}
}

func TestReLUAtZero(t *testing.T) {
	z := matrix.FromRows([][]float64{{-1, 0, 1}})
	g := matrix.FromRows([][]float64{{2, 2, 2}})
	tests := []struct {
		f    Activation
		want []float64
	}{
		{ReLU{}, []float64{0, 0, 2}},
		{ReLU{AtZero: 0.5}, []float64{0, 1, 2}},
		{LeakyReLU{Slope: 0.01}, []float64{0.02, 0.02, 2}},
	}
	for _, tt := range tests {
		a := matrix.New(1, 3)
		tt.f.Forward(a, z)
		got := matrix.New(1, 3)
		tt.f.Backward(got, z, a, g)
		if !matrix.Equal(got, matrix.FromRows([][]float64{tt.want})) {
			t.Errorf("%#v: got %v, want %v", tt.f, got.Data, tt.want)
		}
	}
}

func TestActivationInPlace(t *testing.T) {
	z := matrix.FromRows([][]float64{{-1, 0.5}, {2, 0}})
	for _, f := range []Activation{Sigmoid{}, Tanh{}, Identity{}, ReLU{}, LeakyReLU{Slope: 0.2}, Softmax{}} {
		want := matrix.New(2, 2)
		f.Forward(want, z)
		got := z.Clone()
		f.Forward(got, got)
		if !matrix.Equal(got, want) {
			t.Errorf("%s Forward in place: got %v, want %v", f.Name(), got.Data, want.Data)
		}
	}
}
