package nn

import (
	"nnscratch/matrix"
	"nnscratch/matrix/portable"
)

// A Loss is the error E a network's output a (rows = samples) makes against
// the targets y of the same shape.
//
// Value returns E. Grad writes ∂E/∂a into dst (dst may be a; it must not
// be y). Mean reports whether E averages over the samples (rows) rather
// than summing them: training adds up a sum-type loss over the batches of an
// epoch and takes the sample-weighted average of a mean-type one, so either
// way the epoch's loss is the loss of the whole training set. All three
// panic with an error wrapping matrix.ErrShape if a and y differ in shape;
// none allocates.
type Loss interface {
	Name() string
	Value(a, y *matrix.Matrix) float64
	Grad(dst, a, y *matrix.Matrix)
	Mean() bool
}

// SSE is the sum of squared errors E = Σ (a − y)², summed over every
// output of every sample: the error the forum code prints.
type SSE struct{}

// HalfSSE is E = ½ Σ (a − y)², whose gradient is plain a − y: the error of
// the worked backpropagation example and the loss whose gradient the forum
// code actually descends.
type HalfSSE struct{}

// MSE is the mean squared error over all n×k elements,
// E = Σ (a − y)² / (n·k).
type MSE struct{}

// LogLoss is the binary log-loss (cross-entropy of independent sigmoid
// outputs) averaged over the n samples, as scikit-learn computes it:
//
//	E = −(1/n) Σ [ y·ln a + (1−y)·ln(1−a) ]
//
// with a clipped to [ε, 1−ε], ε = 2⁻⁵² (float64's machine epsilon), so
// a saturated output gives a large finite loss rather than +Inf. With Sum
// set, the 1/n is dropped: the total over the samples, whose gradient is
// the forum answer's "delta = output − target".
//
// Paired with a Sigmoid output, backpropagation uses the simplification
// δ_out = (a − y)/n (or a − y with Sum): σ′ = a(1−a) cancels the
// denominator of ∂E/∂a. See OutputDelta.
type LogLoss struct{ Sum bool }

// CrossEntropy is the categorical cross-entropy for one-hot (or
// probability) targets, averaged over the n samples:
//
//	E = −(1/n) Σ y·ln a
//
// with a clipped to [ε, 1−ε] as in LogLoss, and Sum dropping the 1/n.
// Paired with a Softmax output its δ_out is (a − y)/n, which assumes each
// row of y sums to 1 (one-hot or a probability distribution).
type CrossEntropy struct{ Sum bool }

// Eps is the clipping bound for probabilities in LogLoss and CrossEntropy:
// float64's machine epsilon, numpy's np.finfo(float64).eps, which
// scikit-learn uses.
const Eps = 0x1p-52

func clip(p float64) float64 { return min(max(p, Eps), 1-Eps) }

// Name returns "sse".
func (SSE) Name() string { return "sse" }

// Name returns "half_sse".
func (HalfSSE) Name() string { return "half_sse" }

// Name returns "mse".
func (MSE) Name() string { return "mse" }

// Name returns "log_loss".
func (LogLoss) Name() string { return "log_loss" }

// Name returns "cross_entropy".
func (CrossEntropy) Name() string { return "cross_entropy" }

// Mean returns false.
func (SSE) Mean() bool { return false }

// Mean returns false.
func (HalfSSE) Mean() bool { return false }

// Mean returns true.
func (MSE) Mean() bool { return true }

// Mean returns !l.Sum.
func (l LogLoss) Mean() bool { return !l.Sum }

// Mean returns !l.Sum.
func (l CrossEntropy) Mean() bool { return !l.Sum }

func sumSquares(a, y *matrix.Matrix) float64 {
	sameShapes("loss", a, y)
	s := 0.0
	yv := y.Data[:len(a.Data)]
	for i, v := range a.Data {
		d := v - yv[i]
		// float64 rounds d²: Go may fuse a multiply-add (arm64 does), and
		// the sum must be the same bits on every machine.
		s += float64(d * d)
	}
	return s
}

// scaledDiff sets dst = s·(a − y).
func scaledDiff(dst, a, y *matrix.Matrix, s float64) {
	sameShapes("loss gradient", a, y, dst)
	d, yv := dst.Data[:len(a.Data)], y.Data[:len(a.Data)]
	for i, v := range a.Data {
		d[i] = s * (v - yv[i])
	}
}

// Value returns Σ (a − y)².
func (SSE) Value(a, y *matrix.Matrix) float64 { return sumSquares(a, y) }

// Grad sets dst = 2(a − y).
func (SSE) Grad(dst, a, y *matrix.Matrix) { scaledDiff(dst, a, y, 2) }

// Value returns ½ Σ (a − y)².
func (HalfSSE) Value(a, y *matrix.Matrix) float64 { return 0.5 * sumSquares(a, y) }

// Grad sets dst = a − y.
func (HalfSSE) Grad(dst, a, y *matrix.Matrix) { scaledDiff(dst, a, y, 1) }

// Value returns Σ (a − y)² / (n·k).
func (MSE) Value(a, y *matrix.Matrix) float64 {
	return sumSquares(a, y) / float64(len(a.Data))
}

// Grad sets dst = 2(a − y)/(n·k).
func (MSE) Grad(dst, a, y *matrix.Matrix) { scaledDiff(dst, a, y, 2/float64(len(a.Data))) }

// perSample returns 1/n for a mean-type loss over n rows and 1 for a sum.
func perSample(mean bool, a *matrix.Matrix) float64 {
	if mean && a.Rows > 0 {
		return 1 / float64(a.Rows)
	}
	return 1
}

// Value returns the binary log-loss of a against y.
func (l LogLoss) Value(a, y *matrix.Matrix) float64 {
	sameShapes("LogLoss", a, y)
	s := 0.0
	yv := y.Data[:len(a.Data)]
	for i, v := range a.Data {
		p, t := clip(v), yv[i]
		if t != 0 {
			s += float64(t * portable.Log(p))
		}
		if t != 1 {
			s += float64((1 - t) * portable.Log(1-p))
		}
	}
	return -s * perSample(l.Mean(), a)
}

// Grad sets dst = (1/n)·(−y/a + (1−y)/(1−a)), a clipped, the general
// derivative that the chain rule then multiplies by f′(z).
func (l LogLoss) Grad(dst, a, y *matrix.Matrix) {
	sameShapes("LogLoss.Grad", a, y, dst)
	s := perSample(l.Mean(), a)
	d, yv := dst.Data[:len(a.Data)], y.Data[:len(a.Data)]
	for i, v := range a.Data {
		p, t := clip(v), yv[i]
		d[i] = s * (-t/p + (1-t)/(1-p))
	}
}

// Value returns the categorical cross-entropy of a against y.
func (l CrossEntropy) Value(a, y *matrix.Matrix) float64 {
	sameShapes("CrossEntropy", a, y)
	s := 0.0
	yv := y.Data[:len(a.Data)]
	for i, v := range a.Data {
		if t := yv[i]; t != 0 {
			s += float64(t * portable.Log(clip(v)))
		}
	}
	return -s * perSample(l.Mean(), a)
}

// Grad sets dst = −(1/n)·y/a, a clipped.
func (l CrossEntropy) Grad(dst, a, y *matrix.Matrix) {
	sameShapes("CrossEntropy.Grad", a, y, dst)
	s := perSample(l.Mean(), a)
	d, yv := dst.Data[:len(a.Data)], y.Data[:len(a.Data)]
	for i, v := range a.Data {
		d[i] = -s * yv[i] / clip(v)
	}
}

// OutputDelta sets dst = δ_out = ∂E/∂z of the output layer, given its
// weighted input z, its output a = f(z) and the targets y. When the pair
// has a closed form it uses it:
//
//	LogLoss with Sigmoid, CrossEntropy with Softmax:  δ_out = (a − y)/n
//
// (without the 1/n for a Sum loss); otherwise it is ChainRuleDelta. dst
// must not be y. It does not allocate.
func OutputDelta(dst, z, a, y *matrix.Matrix, f Activation, loss Loss) {
	if canonical(f, loss) {
		scaledDiff(dst, a, y, perSample(loss.Mean(), a))
		return
	}
	ChainRuleDelta(dst, z, a, y, f, loss)
}

// ChainRuleDelta sets dst = ∂E/∂a ⊙ f′(z), the general output delta
// δ_out = (a − y) ⊙ f′(z) for HalfSSE, without any simplification.
// dst must not be y.
func ChainRuleDelta(dst, z, a, y *matrix.Matrix, f Activation, loss Loss) {
	loss.Grad(dst, a, y)
	f.Backward(dst, z, a, dst)
}

// A MatchedLoss is a loss with an output activation it is matched with
// (the canonical pairs of the textbooks: LogLoss with Sigmoid, CrossEntropy
// with Softmax), whose f′ cancels against the loss's gradient so that
//
//	δ_out = (a − y)/n      (a − y for a Sum loss)
//
// Matches reports whether f is that activation. OutputDelta takes the
// simplification when it does. A type that embeds LogLoss or CrossEntropy
// keeps the pairing (package nn/mlp's losses do).
type MatchedLoss interface {
	Loss
	Matches(f Activation) bool
}

// Matches reports whether f is Sigmoid.
func (LogLoss) Matches(f Activation) bool {
	_, ok := f.(Sigmoid)
	return ok
}

// Matches reports whether f is Softmax.
func (CrossEntropy) Matches(f Activation) bool {
	_, ok := f.(Softmax)
	return ok
}

// canonical reports whether the pair's δ_out is (a − y) times 1/n or 1.
func canonical(f Activation, loss Loss) bool {
	m, ok := loss.(MatchedLoss)
	return ok && m.Matches(f)
}
