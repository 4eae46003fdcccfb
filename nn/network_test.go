package nn

import (
	"errors"
	"math"
	"testing"

	"nnscratch/matrix"
)

// workedExample returns the 2-2-2 network of the well-known hand-worked
// backpropagation example, with its input and target.
func workedExample() (net *Network, x, y *matrix.Matrix) {
	net = NewNetwork(
		NewLayer(matrix.FromRows([][]float64{{0.15, 0.25}, {0.20, 0.30}}), matrix.FromRows([][]float64{{0.35, 0.35}}), Sigmoid{}),
		NewLayer(matrix.FromRows([][]float64{{0.40, 0.50}, {0.45, 0.55}}), matrix.FromRows([][]float64{{0.60, 0.60}}), Sigmoid{}),
	)
	return net, matrix.FromRows([][]float64{{0.05, 0.10}}), matrix.FromRows([][]float64{{0.01, 0.99}})
}

func TestWorkedExample(t *testing.T) {
	net, x, y := workedExample()
	out := net.Forward(x)
	// Published figures of the worked example (rounded to 9 places).
	checks := []struct {
		name      string
		got, want float64
	}{
		{"out_h1", net.Layers[0].A.At(0, 0), 0.593269992},
		{"out_h2", net.Layers[0].A.At(0, 1), 0.596884378},
		{"out_o1", out.At(0, 0), 0.75136507},
		{"out_o2", out.At(0, 1), 0.772928465},
		{"E_total", HalfSSE{}.Value(out, y), 0.298371109},
	}
	net.Backward(y, HalfSSE{})
	checks = append(checks, []struct {
		name      string
		got, want float64
	}{
		{"∂E/∂w5", net.Layers[1].GradW.At(0, 0), 0.082167041},
		{"∂E/∂w1", net.Layers[0].GradW.At(0, 0), 0.000438568},
	}...)
	GD{}.Step(net.Params(), 0.5)
	checks = append(checks, []struct {
		name      string
		got, want float64
	}{
		{"w5 after one update", net.Layers[1].W.At(0, 0), 0.35891648},
		{"w6", net.Layers[1].W.At(1, 0), 0.408666186},
		{"w7", net.Layers[1].W.At(0, 1), 0.511301270},
		{"w8", net.Layers[1].W.At(1, 1), 0.561370121},
		{"w1", net.Layers[0].W.At(0, 0), 0.149780716},
		{"w2", net.Layers[0].W.At(1, 0), 0.19956143},
		{"w3", net.Layers[0].W.At(0, 1), 0.24975114},
		{"w4", net.Layers[0].W.At(1, 1), 0.29950229},
	}...)
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 5e-9 {
			t.Errorf("%s: got %.9f, want %.9f", c.name, c.got, c.want)
		}
	}
}

func TestBackwardHandComputed(t *testing.T) {
	// The equations written out with the matrix package's pure functions,
	// for a 3-sample batch through a 2-3-2 tanh/sigmoid network.
	w1 := matrix.FromRows([][]float64{{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}})
	b1 := matrix.FromRows([][]float64{{0.01, 0.02, -0.03}})
	w2 := matrix.FromRows([][]float64{{0.7, -0.1}, {0.2, 0.3}, {-0.5, 0.6}})
	b2 := matrix.FromRows([][]float64{{-0.2, 0.1}})
	x := matrix.FromRows([][]float64{{1, 2}, {-1, 0.5}, {0.3, -0.7}})
	y := matrix.FromRows([][]float64{{0, 1}, {1, 0}, {1, 1}})
	net := NewNetwork(NewLayer(w1.Clone(), b1.Clone(), Tanh{}), NewLayer(w2.Clone(), b2.Clone(), Sigmoid{}))
	net.Forward(x)
	net.Backward(y, HalfSSE{})

	a1 := matrix.Apply(math.Tanh, matrix.AddRowVector(matrix.Mul(x, w1), b1))
	a2 := matrix.Apply(func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }, matrix.AddRowVector(matrix.Mul(a1, w2), b2))
	ones := func(m *matrix.Matrix) *matrix.Matrix { return matrix.Apply(func(float64) float64 { return 1 }, m) }
	d2 := matrix.Hadamard(matrix.Sub(a2, y), matrix.Hadamard(a2, matrix.Sub(ones(a2), a2)))
	d1 := matrix.Hadamard(matrix.Mul(d2, matrix.Transpose(w2)), matrix.Sub(ones(a1), matrix.Hadamard(a1, a1)))
	want := map[string]*matrix.Matrix{
		"A1": a1, "A2": a2, "δ2": d2, "δ1": d1,
		"GradW2": matrix.Mul(matrix.Transpose(a1), d2), "GradB2": matrix.SumRows(d2),
		"GradW1": matrix.Mul(matrix.Transpose(x), d1), "GradB1": matrix.SumRows(d1),
	}
	l1, l2 := net.Layers[0], net.Layers[1]
	got := map[string]*matrix.Matrix{
		"A1": l1.A, "A2": l2.A, "δ2": l2.Delta, "δ1": l1.Delta,
		"GradW2": l2.GradW, "GradB2": l2.GradB, "GradW1": l1.GradW, "GradB1": l1.GradB,
	}
	for name, w := range want {
		if !matrix.ApproxEqual(got[name], w, 1e-14) {
			t.Errorf("%s: got\n%v\nwant\n%v", name, got[name], w)
		}
	}
	if !matrix.Equal(l1.W, w1) || !matrix.Equal(l2.W, w2) {
		t.Errorf("Backward changed the weights")
	}
}

// mustPanicShape runs f and fails unless it panics with an error wrapping
// matrix.ErrShape.
func mustPanicShape(t *testing.T, name string, f func()) {
	t.Helper()
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !errors.Is(err, matrix.ErrShape) {
			t.Errorf("%s: got panic %v, want an error wrapping matrix.ErrShape", name, r)
		}
	}()
	f()
}

func TestShapePanics(t *testing.T) {
	net := New([]int{2, 3, 1}, true, Sigmoid{}, Sigmoid{})
	mustPanicShape(t, "Forward 3 columns", func() { net.Forward(matrix.New(4, 3)) })
	mustPanicShape(t, "NewNetwork 2-3 then 2-1", func() { NewNetwork(Dense(2, 3, true, Tanh{}), Dense(2, 1, true, Tanh{})) })
	mustPanicShape(t, "NewLayer bias 1x2 for 2x3", func() { NewLayer(matrix.New(2, 3), matrix.New(1, 2), Tanh{}) })
	mustPanicShape(t, "Backward target 4x2", func() {
		net.Forward(matrix.New(4, 2))
		net.Backward(matrix.New(4, 2), HalfSSE{})
	})
}

func TestParams(t *testing.T) {
	net := NewNetwork(Dense(2, 3, true, ReLU{}), Dense(3, 1, false, Identity{}))
	ps := net.Params()
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
		if p.Value.Rows != p.Grad.Rows || p.Value.Cols != p.Grad.Cols {
			t.Errorf("%s: value %dx%d, grad %dx%d", p.Name, p.Value.Rows, p.Value.Cols, p.Grad.Rows, p.Grad.Cols)
		}
	}
	if got, want := len(names), 3; got != want || names[0] != "W1" || names[1] != "b1" || names[2] != "W2" {
		t.Errorf("got params %v, want [W1 b1 W2]", names)
	}
	if allocs := testing.AllocsPerRun(10, func() { net.Params() }); allocs != 0 {
		t.Errorf("Params: got %v allocations, want 0", allocs)
	}
	net.Layers[1].W = matrix.New(3, 1)
	if net.Params()[2].Value != net.Layers[1].W {
		t.Errorf("Params not refreshed after replacing W2")
	}
}

func TestPenalty(t *testing.T) {
	net := NewNetwork(
		NewLayer(matrix.FromRows([][]float64{{1, 2}}), matrix.FromRows([][]float64{{100, 100}}), Identity{}),
		NewLayer(matrix.FromRows([][]float64{{3}, {-1}}), nil, Identity{}))
	// Σ‖W‖² = 1 + 4 + 9 + 1 = 15; biases are not penalised.
	if got, want := net.Penalty(0.2, 3), 0.2/(2*3)*15; math.Abs(got-want) > 1e-15 {
		t.Errorf("Penalty: got %v, want %v", got, want)
	}
	net.Params()
	net.AddPenaltyGrad(0.3, 2)
	if got, want := net.Layers[1].GradW.At(0, 0), 0.3/2*3; math.Abs(got-want) > 1e-15 {
		t.Errorf("penalty gradient of W2[0,0]: got %v, want %v", got, want)
	}
	if got := net.Layers[0].GradB.At(0, 0); got != 0 {
		t.Errorf("penalty gradient of b1: got %v, want 0", got)
	}
}

func TestErrorRate(t *testing.T) {
	tests := []struct {
		name string
		a, y [][]float64
		want float64
	}{
		{"one column", [][]float64{{0.2}, {0.7}, {0.5}, {0.49}}, [][]float64{{0}, {1}, {0}, {1}}, 0.5},
		{"arg-max", [][]float64{{0.1, 0.9}, {0.6, 0.4}, {0.3, 0.7}}, [][]float64{{0, 1}, {0, 1}, {0, 1}}, 1.0 / 3},
	}
	for _, tt := range tests {
		if got := ErrorRate(matrix.FromRows(tt.a), matrix.FromRows(tt.y)); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestArgmax(t *testing.T) {
	tests := []struct {
		v    []float64
		want int
	}{
		{[]float64{0.1, 0.7, 0.2}, 1},
		{[]float64{3, 1, 3}, 0},
		{[]float64{-2, -1}, 1},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := Argmax(tt.v); got != tt.want {
			t.Errorf("Argmax(%v) = %d, want %d", tt.v, got, tt.want)
		}
	}
}
