package mlp

import (
	"math"

	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
)

// scikit-learn's three losses as nn.Loss values. Each keeps nn's gradient,
// and with it nn's δ_out = (a − y)/n for the matched output activation,
// and measures the loss as scikit-learn's loss_ does: every term clipped
// and summed in numpy's order (nn.PairwiseSum), so the reported loss_ and
// loss_curve_ agree with scikit-learn's to the last bits. The terms are
// kept in a buffer that grows with the batch.

// binaryLogLoss is scikit-learn's binary_log_loss for one logistic output:
//
//	E = −(Σ xlogy(y, p) + Σ xlogy(1−y, 1−p)) / n,   p clipped to [ε, 1−ε]
type binaryLogLoss struct {
	nn.LogLoss
	terms []float64
}

// logLoss is scikit-learn's log_loss for softmax outputs:
//
//	E = −Σ xlogy(y, p) / n,   p clipped to [ε, 1−ε]
type logLoss struct {
	nn.CrossEntropy
	terms []float64
}

// squaredLoss is scikit-learn's squared_loss for an identity output,
// half the mean squared error, and its gradient:
//
//	E = Σ (y − ŷ)² / (2·n·k),   ∂E/∂ŷ = (ŷ − y)/n
//
// The gradient divides by the n rows alone, as scikit-learn's does (it
// is the exact gradient for the single output, k = 1, of a Regressor).
type squaredLoss struct{ terms []float64 }

// Value returns the binary log-loss of p against y.
func (l *binaryLogLoss) Value(p, y *matrix.Matrix) float64 {
	t := grow(&l.terms, len(p.Data))
	for i, v := range p.Data {
		t[i] = xlogy(y.Data[i], clip(v))
	}
	s := nn.PairwiseSum(t)
	for i, v := range p.Data {
		t[i] = xlogy(1-y.Data[i], 1-clip(v))
	}
	return -(s + nn.PairwiseSum(t)) / float64(p.Rows)
}

// Value returns the log-loss of p against y.
func (l *logLoss) Value(p, y *matrix.Matrix) float64 {
	t := grow(&l.terms, len(p.Data))
	for i, v := range p.Data {
		t[i] = xlogy(y.Data[i], clip(v))
	}
	return -nn.PairwiseSum(t) / float64(p.Rows)
}

// Name returns "squared_error".
func (*squaredLoss) Name() string { return "squared_error" }

// Mean returns true.
func (*squaredLoss) Mean() bool { return true }

// Value returns half the mean squared error of p against y.
func (l *squaredLoss) Value(p, y *matrix.Matrix) float64 {
	t := grow(&l.terms, len(p.Data))
	for i, v := range p.Data {
		e := y.Data[i] - v
		t[i] = e * e
	}
	return nn.PairwiseSum(t) / float64(len(t)) / 2
}

// Grad sets dst = (p − y)/n.
func (*squaredLoss) Grad(dst, p, y *matrix.Matrix) {
	n := float64(p.Rows)
	for i, v := range p.Data {
		dst.Data[i] = (v - y.Data[i]) / n
	}
}

// grow returns (*buf)[:n], enlarging *buf when it is shorter.
func grow(buf *[]float64, n int) []float64 {
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	return (*buf)[:n]
}

func clip(p float64) float64 { return math.Min(math.Max(p, nn.Eps), 1-nn.Eps) }

// xlogy returns x·log(y), and 0 when x is 0, as scipy.special.xlogy does.
func xlogy(x, y float64) float64 {
	if x == 0 && !math.IsNaN(y) {
		return 0
	}
	return x * portable.Log(y)
}
