package nn

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"nnscratch/matrix"
)

// Step performs one training update on the batch (x, y): Forward, the loss
// (plus the L2 term α/(2n)·Σ‖W‖² when alpha > 0), Backward, the penalty's
// gradient, and one optimiser step with learning rate eta. It returns the
// batch's loss measured before the update. In steady state it allocates
// nothing. It panics with an error wrapping matrix.ErrShape on a shape
// mismatch.
func (n *Network) Step(x, y *matrix.Matrix, loss Loss, alpha float64, opt Optimizer, eta float64) float64 {
	e := n.Gradient(x, y, loss, alpha)
	opt.Step(n.Params(), eta)
	return e
}

// A Shuffler permutes a slice of indices in place; *nprand.RandomState is
// one, drawing as np.random.shuffle does.
type Shuffler interface {
	Shuffle(x []int)
}

// ErrIdenticalUnits is wrapped by the error Train returns for a network
// whose hidden units are all alike, such as New's before an Initializer
// has filled it: units that start equal receive equal gradients and stay
// equal, so the layer works as one unit. (From all-zero weights a tanh
// or ReLU layer is worse off still: its outputs stay 0, so a softmax
// classifier of Iris's three even classes stays at loss ln 3 and 33%
// accuracy.)
var ErrIdenticalUnits = errors.New("nn: identical hidden units")

// identicalUnits returns the number (from 1) of the first hidden layer
// whose units are identical, or 0 if there is none. The units of layer l
// (not the last, with at least two units) are identical when every unit
// has the same incoming weights (the columns of W_l), the same bias and the
// same outgoing weights (the rows of W_{l+1}).
func (n *Network) identicalUnits() int {
	for i, l := range n.Layers[:len(n.Layers)-1] {
		if l.FanOut() < 2 {
			continue
		}
		same := true
		for r := range l.W.Rows {
			same = same && allEqual(l.W.Row(r))
		}
		if l.B != nil {
			same = same && allEqual(l.B.Data)
		}
		next := n.Layers[i+1].W
		for r := 1; same && r < next.Rows; r++ {
			same = slices.Equal(next.Row(r), next.Row(0))
		}
		if same {
			return i + 1
		}
	}
	return 0
}

// allEqual reports whether every value of v equals the first.
func allEqual(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

// ErrStop is the sentinel a TrainConfig.Callback returns to end training
// early without an error; the Result's Reason is then StopCallback.
var ErrStop = errors.New("nn: stop training")

// An Epoch is what the per-epoch callback sees after each epoch.
type Epoch struct {
	N    int      // epochs completed, from 1
	Loss float64  // the epoch's training loss (see Result.History)
	Rate float64  // the learning rate used in the epoch's last update
	Net  *Network // the network being trained
}

// TrainConfig says how Train trains. Loss, Schedule and MaxEpochs are
// required; the zero value of every other field means "off" or the plain
// choice.
type TrainConfig struct {
	Loss      Loss
	Schedule  Schedule  // learning rate: Constant(0.5), &InvScaling{…}, &Adaptive{…}
	Optimizer Optimizer // nil means GD{}
	MaxEpochs int       // at most this many passes over the data

	// BatchSize is the number of samples per update: 0 (or ≥ the number of
	// samples) is full-batch gradient descent, 1 is online (one sample at a
	// time), anything between is mini-batch.
	BatchSize int

	// Alpha is the L2 coefficient of the penalty α/(2n)·Σ‖W‖²
	// (scikit-learn's alpha); biases are not penalised.
	Alpha float64

	// Goal stops training after the first epoch whose loss is below it
	// (the forum's maxError); 0 never stops.
	Goal float64

	// Tol and NoChange stop training, as scikit-learn's tol and
	// n_iter_no_change do, once the loss has failed to drop more than Tol
	// below the best loss so far for more than NoChange epochs in a row
	// (the Schedule may instead lower the rate and go on: Adaptive).
	// NoChange 0 turns the test off.
	Tol      float64
	NoChange int

	// Shuffle, if set, permutes the order of the samples before every
	// epoch; the permutation persists from epoch to epoch, as
	// scikit-learn's does.
	Shuffle Shuffler

	// Callback, if set, runs after every epoch; returning ErrStop ends
	// training cleanly, any other error ends it with that error.
	Callback func(Epoch) error

	// History records the loss of every epoch in Result.History.
	History bool
}

// A StopReason says why Train stopped.
type StopReason int

// The reasons training stops.
const (
	StopMaxEpochs     StopReason = iota // ran MaxEpochs epochs: did not converge
	StopGoal                            // an epoch's loss fell below Goal
	StopNoImprovement                   // Tol/NoChange, and the Schedule agreed to stop
	StopCallback                        // the callback returned ErrStop
)

// String names the reason.
func (r StopReason) String() string {
	switch r {
	case StopMaxEpochs:
		return "maximum epochs reached"
	case StopGoal:
		return "goal reached"
	case StopNoImprovement:
		return "no improvement"
	case StopCallback:
		return "stopped by callback"
	}
	return fmt.Sprintf("StopReason(%d)", int(r))
}

// A Result reports how training ended.
type Result struct {
	Reason StopReason
	Epochs int     // epochs completed (the iteration at which training stopped)
	Steps  int     // optimiser updates made
	Loss   float64 // the last epoch's loss

	// History holds each epoch's loss when TrainConfig.History is set:
	// History[k] is epoch k+1's loss, measured during the epoch (each
	// batch's loss before its update, summed for a sum-type loss and
	// sample-weighted averaged for a mean-type one), as scikit-learn's
	// loss_curve_ and the forum code's printed error are.
	History []float64
}

// Converged reports whether training stopped on the goal or on the loss
// no longer improving, rather than running out of epochs or being stopped.
func (r Result) Converged() bool { return r.Reason == StopGoal || r.Reason == StopNoImprovement }

// String describes the result, e.g. "goal reached after 812 epochs (loss 0.000999)".
func (r Result) String() string {
	return fmt.Sprintf("%v after %d epochs (loss %.6g)", r.Reason, r.Epochs, r.Loss)
}

// A DivergedError reports a NaN or infinite loss.
type DivergedError struct {
	Epoch int     // the iteration (epoch, from 1) where it happened
	Loss  float64 // the offending loss
	Rate  float64 // the learning rate in use
}

// Error reads "nn: diverged at iteration 12: loss is +Inf; try a smaller
// alpha than 100 (the learning rate)".
func (e *DivergedError) Error() string {
	return fmt.Sprintf("nn: diverged at iteration %d: loss is %v; try a smaller alpha than %g (the learning rate)",
		e.Epoch, e.Loss, e.Rate)
}

// Train fits the network to the samples x (one per row) and targets y
// (one row per sample) as cfg says, updating the weights in place, and
// reports why and when it stopped. Each epoch is one pass over the data in
// batches of cfg.BatchSize, each batch one Step.
//
// It returns an error if cfg lacks Loss, Schedule or MaxEpochs, if the
// hidden units are identical, as when no Initializer has filled the
// weights (wrapping ErrIdenticalUnits), if x and y do not fit the network
// (wrapping matrix.ErrShape), if the loss becomes
// NaN or infinite (a *DivergedError), or if the callback fails; the Result
// then describes the epochs completed. Batches are gathered into buffers
// allocated once per call, so an epoch allocates nothing (with History
// off).
func (n *Network) Train(x, y *matrix.Matrix, cfg TrainConfig) (Result, error) {
	if x.Rows != y.Rows {
		return Result{}, fmt.Errorf("nn: Train: %d samples but %d targets: %w", x.Rows, y.Rows, matrix.ErrShape)
	}
	return n.TrainSamples(MatrixSamples(x, y), cfg)
}

// TrainSamples is Train for data that is not held as float64 matrices, such
// as images kept as bytes: each batch is gathered from s into buffers
// allocated once per call, so the whole data set never needs converting.
// Train(x, y, cfg) is TrainSamples(MatrixSamples(x, y), cfg).
func (n *Network) TrainSamples(s Samples, cfg TrainConfig) (Result, error) {
	var res Result
	if err := cfg.check(n, s); err != nil {
		return res, err
	}
	opt := cfg.Optimizer
	if opt == nil {
		opt = GD{}
	}
	N := s.Len()
	bs := cfg.BatchSize
	if bs <= 0 || bs > N {
		bs = N
	}
	var b batcher
	b.init(s, bs, cfg.Shuffle != nil)
	best, stale, seen := math.Inf(1), 0, 0
	mean := cfg.Loss.Mean()
	for epoch := 1; epoch <= cfg.MaxEpochs; epoch++ {
		if cfg.Shuffle != nil {
			cfg.Shuffle.Shuffle(b.idx)
		}
		total, eta := 0.0, 0.0
		for start := 0; start < N; start += bs {
			xb, yb := b.batch(start, min(bs, N-start))
			eta = cfg.Schedule.Rate()
			e := n.Step(xb, yb, cfg.Loss, cfg.Alpha, opt, eta)
			if math.IsNaN(e) || math.IsInf(e, 0) {
				return res, &DivergedError{Epoch: epoch, Loss: e, Rate: eta}
			}
			if mean {
				e *= float64(xb.Rows)
			}
			total += e
			res.Steps++
		}
		if mean {
			total /= float64(N)
		}
		res.Epochs, res.Loss = epoch, total
		if cfg.History {
			res.History = append(res.History, total)
		}
		seen += N
		cfg.Schedule.EpochEnd(seen)
		if cfg.Callback != nil {
			if err := cfg.Callback(Epoch{N: epoch, Loss: total, Rate: eta, Net: n}); err != nil {
				if errors.Is(err, ErrStop) {
					res.Reason = StopCallback
					return res, nil
				}
				return res, fmt.Errorf("nn: callback after epoch %d: %w", epoch, err)
			}
		}
		if total < cfg.Goal {
			res.Reason = StopGoal
			return res, nil
		}
		if cfg.NoChange > 0 {
			if total > best-cfg.Tol {
				stale++
			} else {
				stale = 0
			}
			best = min(best, total)
			if stale > cfg.NoChange {
				if cfg.Schedule.Stalled() {
					res.Reason = StopNoImprovement
					return res, nil
				}
				stale = 0
			}
		}
	}
	res.Reason = StopMaxEpochs
	return res, nil
}

func (cfg *TrainConfig) check(n *Network, s Samples) error {
	in, out := s.Dims()
	switch {
	case cfg.Loss == nil:
		return errors.New("nn: Train: TrainConfig.Loss is nil")
	case cfg.Schedule == nil:
		return errors.New("nn: Train: TrainConfig.Schedule is nil (use nn.Constant(eta) for a fixed rate)")
	case cfg.MaxEpochs <= 0:
		return fmt.Errorf("nn: Train: TrainConfig.MaxEpochs is %d, want > 0", cfg.MaxEpochs)
	case cfg.BatchSize < 0:
		return fmt.Errorf("nn: Train: TrainConfig.BatchSize is %d, want ≥ 0", cfg.BatchSize)
	case s.Len() == 0:
		return errors.New("nn: Train: no samples")
	case in != n.Layers[0].FanIn():
		return fmt.Errorf("nn: Train: samples have %d columns, the network %d inputs: %w", in, n.Layers[0].FanIn(), matrix.ErrShape)
	case out != n.Layers[len(n.Layers)-1].FanOut():
		return fmt.Errorf("nn: Train: targets have %d columns, the network %d outputs: %w", out, n.Layers[len(n.Layers)-1].FanOut(), matrix.ErrShape)
	}
	if l := n.identicalUnits(); l > 0 {
		return fmt.Errorf("nn: Train: the %d units of hidden layer %d are identical (the same weights in and out, as when every weight is 0), "+
			"and gradient descent keeps them so; fill the weights with an Initializer first, such as nn.Glorot{}, nn.He{}, nn.ScaledNormal{} or nn.NumpyUniform{}: %w",
			n.Layers[l-1].FanOut(), l, ErrIdenticalUnits)
	}
	return nil
}

// Samples is training data as TrainSamples sees it: a number of samples,
// the width of an input row and of a target row, and a way to copy any of
// them into a batch. Package nn/data's image sets provide one that scales
// byte pixels batch by batch.
type Samples interface {
	Len() int            // the number of samples
	Dims() (in, out int) // the columns of an input row and of a target row
	// Gather writes samples idx[0], idx[1], … as the rows of x and y,
	// which have len(idx) rows. It must not allocate if training is to
	// allocate nothing.
	Gather(x, y *matrix.Matrix, idx []int)
}

// MatrixSamples returns the samples held as the rows of x (inputs) and y
// (targets), which must have as many rows as each other.
func MatrixSamples(x, y *matrix.Matrix) Samples { return matrixSamples{x, y} }

type matrixSamples struct{ x, y *matrix.Matrix }

func (m matrixSamples) Len() int            { return m.x.Rows }
func (m matrixSamples) Dims() (in, out int) { return m.x.Cols, m.y.Cols }

func (m matrixSamples) Gather(x, y *matrix.Matrix, idx []int) {
	xc, yc := m.x.Cols, m.y.Cols
	for k, i := range idx {
		copy(x.Data[k*xc:(k+1)*xc], m.x.Row(i))
		copy(y.Data[k*yc:(k+1)*yc], m.y.Row(i))
	}
}

// A batcher hands out batches of samples: views into the matrices when the
// samples are matrices that stay in order, rows gathered into reused
// buffers otherwise.
type batcher struct {
	src        Samples
	idx        []int
	view       *matrixSamples // non-nil: hand out views, no copying
	xb, yb     matrix.Matrix  // views or gathered copies
	xbuf, ybuf []float64
}

func (b *batcher) init(src Samples, size int, shuffle bool) {
	b.src = src
	b.idx = make([]int, src.Len())
	for i := range b.idx {
		b.idx[i] = i
	}
	in, out := src.Dims()
	b.xb.Cols, b.yb.Cols = in, out
	if m, ok := src.(matrixSamples); ok && !shuffle {
		b.view = &m
		return
	}
	b.xbuf = make([]float64, size*in)
	b.ybuf = make([]float64, size*out)
}

// batch returns the samples idx[start : start+n].
func (b *batcher) batch(start, n int) (*matrix.Matrix, *matrix.Matrix) {
	xc, yc := b.xb.Cols, b.yb.Cols
	b.xb.Rows, b.yb.Rows = n, n
	if b.view != nil {
		b.xb.Data = b.view.x.Data[start*xc : (start+n)*xc]
		b.yb.Data = b.view.y.Data[start*yc : (start+n)*yc]
		return &b.xb, &b.yb
	}
	b.xb.Data, b.yb.Data = b.xbuf[:n*xc], b.ybuf[:n*yc]
	b.src.Gather(&b.xb, &b.yb, b.idx[start:start+n])
	return &b.xb, &b.yb
}
