package nn

import (
	"math"
	"testing"

	"nnscratch/matrix"
)

func TestLossValues(t *testing.T) {
	a := matrix.FromRows([][]float64{{0.8, 0.1}, {0.3, 0.6}})
	y := matrix.FromRows([][]float64{{1, 0}, {0, 1}})
	sq := 0.04 + 0.01 + 0.09 + 0.16
	ll := -(math.Log(0.8) + math.Log(0.9) + math.Log(0.7) + math.Log(0.6))
	ce := -(math.Log(0.8) + math.Log(0.6))
	tests := []struct {
		loss Loss
		want float64
		mean bool
	}{
		{SSE{}, sq, false},
		{HalfSSE{}, sq / 2, false},
		{MSE{}, sq / 4, true},
		{LogLoss{}, ll / 2, true},
		{LogLoss{Sum: true}, ll, false},
		{CrossEntropy{}, ce / 2, true},
		{CrossEntropy{Sum: true}, ce, false},
	}
	for _, tt := range tests {
		if got := tt.loss.Value(a, y); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("%s %+v: got %v, want %v", tt.loss.Name(), tt.loss, got, tt.want)
		}
		if got := tt.loss.Mean(); got != tt.mean {
			t.Errorf("%s %+v Mean: got %v, want %v", tt.loss.Name(), tt.loss, got, tt.mean)
		}
	}
}

func TestLossClipping(t *testing.T) {
	a := matrix.FromRows([][]float64{{0}, {1}})
	y := matrix.FromRows([][]float64{{1}, {0}})
	want := -math.Log(Eps) // each sample: −ln ε
	for _, loss := range []Loss{LogLoss{}, CrossEntropy{}} {
		got := loss.Value(a, y)
		if math.IsInf(got, 0) || math.IsNaN(got) {
			t.Errorf("%s of saturated outputs: got %v, want a finite value", loss.Name(), got)
		}
		if loss.Name() == "log_loss" && math.Abs(got-want) > 1e-12 {
			t.Errorf("log_loss clipped: got %v, want %v", got, want)
		}
	}
}

// TestLossGrad checks every Grad against central differences of Value.
func TestLossGrad(t *testing.T) {
	a := matrix.FromRows([][]float64{{0.8, 0.1, 0.1}, {0.3, 0.6, 0.1}})
	y := matrix.FromRows([][]float64{{1, 0, 0}, {0, 0.5, 0.5}})
	const h = 1e-7
	for _, loss := range []Loss{SSE{}, HalfSSE{}, MSE{}, LogLoss{}, LogLoss{Sum: true}, CrossEntropy{}, CrossEntropy{Sum: true}} {
		got := matrix.New(2, 3)
		loss.Grad(got, a, y)
		want := matrix.New(2, 3)
		for i := range a.Data {
			p, m := a.Clone(), a.Clone()
			p.Data[i] += h
			m.Data[i] -= h
			want.Data[i] = (loss.Value(p, y) - loss.Value(m, y)) / (2 * h)
		}
		if !matrix.ApproxEqual(got, want, 1e-6) {
			t.Errorf("%s %+v Grad: got %v, want %v", loss.Name(), loss, got.Data, want.Data)
		}
	}
}

// TestOutputDeltaShortcut checks that δ_out = a − y (over n) for a sigmoid
// output with log-loss, and for a softmax output with cross-entropy, equals
// the general chain rule ∂E/∂a ⊙ f′(z).
func TestOutputDeltaShortcut(t *testing.T) {
	z := matrix.FromRows([][]float64{{-1.5, 0.2, 2}, {0.3, -0.4, 0.9}})
	tests := []struct {
		f    Activation
		loss Loss
		y    *matrix.Matrix
	}{
		{Sigmoid{}, LogLoss{}, matrix.FromRows([][]float64{{1, 0, 1}, {0, 0, 1}})},
		{Sigmoid{}, LogLoss{Sum: true}, matrix.FromRows([][]float64{{1, 0, 1}, {0, 0, 1}})},
		{Softmax{}, CrossEntropy{}, matrix.FromRows([][]float64{{0, 0, 1}, {1, 0, 0}})},
		{Softmax{}, CrossEntropy{Sum: true}, matrix.FromRows([][]float64{{0, 1, 0}, {0.5, 0, 0.5}})},
	}
	for _, tt := range tests {
		a := matrix.New(2, 3)
		tt.f.Forward(a, z)
		short, chain := matrix.New(2, 3), matrix.New(2, 3)
		OutputDelta(short, z, a, tt.y, tt.f, tt.loss)
		ChainRuleDelta(chain, z, a, tt.y, tt.f, tt.loss)
		scale := 1.0
		if tt.loss.Mean() {
			scale = 0.5
		}
		want := matrix.ScalarMul(scale, matrix.Sub(a, tt.y))
		if !matrix.Equal(short, want) {
			t.Errorf("%s+%s shortcut: got %v, want (a−y)·%v = %v", tt.f.Name(), tt.loss.Name(), short.Data, scale, want.Data)
		}
		if !matrix.ApproxEqual(short, chain, 1e-14) {
			t.Errorf("%s+%s: shortcut %v, chain rule %v", tt.f.Name(), tt.loss.Name(), short.Data, chain.Data)
		}
	}
}

// reportedLogLoss measures the loss its own way, as package nn/mlp's
// losses do, and keeps LogLoss's gradient and pairing by embedding it.
type reportedLogLoss struct{ LogLoss }

func (reportedLogLoss) Value(a, y *matrix.Matrix) float64 { return 0 }

// TestMatchedLoss checks that a loss embedding LogLoss keeps the matched
// pair's δ_out = (a − y)/n, and that an unmatched activation takes the
// chain rule.
func TestMatchedLoss(t *testing.T) {
	z := matrix.FromRows([][]float64{{0.3}, {-1.2}})
	a, y := matrix.New(2, 1), matrix.FromRows([][]float64{{1}, {0}})
	Sigmoid{}.Forward(a, z)
	got, want := matrix.New(2, 1), matrix.New(2, 1)
	OutputDelta(got, z, a, y, Sigmoid{}, reportedLogLoss{})
	for i := range want.Data {
		want.Data[i] = (a.Data[i] - y.Data[i]) / 2
	}
	if !matrix.Equal(got, want) {
		t.Errorf("embedded LogLoss with Sigmoid: δ_out %v, want (a − y)/n = %v", got.Data, want.Data)
	}
	if (LogLoss{}).Matches(Tanh{}) || !(CrossEntropy{}).Matches(Softmax{}) {
		t.Errorf("Matches: LogLoss pairs with Tanh or CrossEntropy not with Softmax")
	}
}
