package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// evalRows is how many images an evaluation pass scales and runs at once:
// 500 rows of 784 pixels are a 3 MB buffer, whatever the size of the set.
// Larger images go fewer at a time, so that the buffer stays within
// evalFloats values (32 MB).
const (
	evalRows   = 500
	evalFloats = 1 << 22
)

// hyper holds the settings one training run depends on; -tune varies one.
type hyper struct {
	hidden   int     // hidden ReLU units
	lr       float64 // learning rate η
	momentum float64 // momentum μ
	batch    int     // samples per mini-batch
	l2       float64 // λ of the penalty (λ/2)·(‖W1‖² + ‖W2‖²)
	relu0    float64 // ReLU′(0), the subgradient used where z1 is exactly 0
	epochs   int
	seed     uint32
}

// trainer is one network, its optimiser and the buffers its steps reuse.
type trainer struct {
	h        hyper
	net      *nn.Network
	opt      *nn.Momentum
	rng      *nprand.RandomState
	perm     []int          // this epoch's order of the training images
	x, y     *matrix.Matrix // the current mini-batch: scaled pixels, labels
	xBuf     []float64      // backing store of x, batch×784
	yBuf     []float64      // backing store of y, batch×1
	ex, ey   *matrix.Matrix // the current evaluation chunk
	exBuf    []float64
	eyBuf    []float64
	evalIdx  []int      // its length is the rows an evaluation chunk holds
	loss     nn.LogLoss // mean cross-entropy: δ2 = (p − y)/n
	sumLoss  nn.LogLoss // summed cross-entropy, for evaluation in chunks
	inputDim int
}

// newTrainer builds the 784-h-1 network with Glorot-uniform starting weights
// drawn from nprand.New(h.seed), the draw scikit-learn makes for a ReLU
// network with random_state=seed; the same source then shuffles.
func newTrainer(h hyper, inputDim int) *trainer {
	t := &trainer{h: h, rng: nprand.New(h.seed), inputDim: inputDim,
		opt: &nn.Momentum{Mu: h.momentum}, sumLoss: nn.LogLoss{Sum: true}}
	t.net = nn.New([]int{inputDim, h.hidden, 1}, true, nn.ReLU{AtZero: h.relu0}, nn.Sigmoid{})
	nn.Glorot{}.Initialize(t.net, t.rng)
	t.xBuf = make([]float64, h.batch*inputDim)
	t.yBuf = make([]float64, h.batch)
	t.x = &matrix.Matrix{Cols: inputDim}
	t.y = &matrix.Matrix{Cols: 1}
	rows := max(1, min(evalRows, evalFloats/inputDim))
	t.exBuf = make([]float64, rows*inputDim)
	t.eyBuf = make([]float64, rows)
	t.ex = &matrix.Matrix{Cols: inputDim}
	t.ey = &matrix.Matrix{Cols: 1}
	t.evalIdx = make([]int, rows)
	return t
}

// load points the batch matrices at the images named by idx, scaled from
// bytes to [0, 1], and their labels. It allocates nothing.
func load(x, y *matrix.Matrix, xBuf, yBuf []float64, set *data.Set, idx []int) {
	n, d := len(idx), x.Cols
	x.Rows, x.Data = n, xBuf[:n*d]
	y.Rows, y.Data = n, yBuf[:n]
	set.Images.ScaleInto(x.Data, idx, 0, 1)
	set.LabelsInto(y.Data, idx)
}

// step is one mini-batch update on the training images named by idx
// (at most h.batch of them): forward, backward with ReLU′(0) = h.relu0, the
// L2 gradient λW, and the momentum update v ← μv − η·grad, W ← W + v.
// It returns the batch objective before the update and allocates nothing.
//
// nn's penalty is scikit-learn's α/(2n)·‖W‖² for a batch of n; passing
// α = λ·n makes it the batch-size-free (λ/2)·‖W‖² of the lesson.
func (t *trainer) step(set *data.Set, idx []int) float64 {
	load(t.x, t.y, t.xBuf, t.yBuf, set, idx)
	return t.net.Step(t.x, t.y, t.loss, t.h.l2*float64(len(idx)), t.opt, t.h.lr)
}

// epoch shuffles a fresh permutation of the training images and steps
// through it in mini-batches; the last batch is smaller when the batch size
// does not divide the number of images.
func (t *trainer) epoch(set *data.Set) {
	n := set.Len()
	if len(t.perm) != n {
		t.perm = make([]int, n)
	}
	for i := range t.perm {
		t.perm[i] = i
	}
	t.rng.Shuffle(t.perm)
	for start := 0; start < n; start += t.h.batch {
		t.step(set, t.perm[start:min(start+t.h.batch, n)])
	}
}

// penalty is the L2 term (λ/2)·(‖W1‖² + ‖W2‖²) of the objective.
func (t *trainer) penalty() float64 { return t.net.Penalty(t.h.l2, 1) }

// evaluate returns the objective (mean cross-entropy plus the L2 term) and
// the error rate (the fraction with p ≥ 0.5 for a T-shirt or p < 0.5 for a
// shirt) of the network on the whole set, len(t.evalIdx) images at a time.
func (t *trainer) evaluate(set *data.Set) (objective, errorRate float64) {
	n := set.Len()
	var sum float64
	wrong := 0
	for start, rows := 0, len(t.evalIdx); start < n; start += rows {
		idx := t.evalIdx[:min(rows, n-start)]
		for k := range idx {
			idx[k] = start + k
		}
		load(t.ex, t.ey, t.exBuf, t.eyBuf, set, idx)
		p := t.net.Forward(t.ex)
		sum += t.sumLoss.Value(p, t.ey)
		for k, pk := range p.Data {
			if (pk >= 0.5) != (t.ey.Data[k] == 1) {
				wrong++
			}
		}
	}
	return sum/float64(n) + t.penalty(), float64(wrong) / float64(n)
}

// measure is one row of the per-epoch table.
type measure struct {
	epoch             int
	trainObj, testObj float64
	trainErr, testErr float64
	seconds           float64 // training time so far, evaluation excluded
	diverged          bool
}

// history is what one training run leaves: a measure per epoch, from 0.
type history struct {
	h       hyper
	rows    []measure
	seconds float64 // total training time (evaluation excluded)
}

// final returns the last row.
func (r history) final() measure { return r.rows[len(r.rows)-1] }

// trainRun trains a fresh network with h, evaluating both sets before the
// first epoch and after each one. It stops early if the objective stops
// being finite. Each finished epoch is reported to prog (which may be nil).
func trainRun(h hyper, train, test *data.Set, prog *progress) history {
	t := newTrainer(h, train.Images.Size())
	r := history{h: h}
	record := func(epoch int) bool {
		m := measure{epoch: epoch, seconds: r.seconds}
		m.trainObj, m.trainErr = t.evaluate(train)
		m.testObj, m.testErr = t.evaluate(test)
		m.diverged = math.IsNaN(m.trainObj) || math.IsInf(m.trainObj, 0)
		r.rows = append(r.rows, m)
		return !m.diverged
	}
	record(0)
	for e := 1; e <= h.epochs; e++ {
		start := time.Now()
		t.epoch(train)
		r.seconds += time.Since(start).Seconds()
		ok := record(e)
		prog.tick()
		if !ok {
			prog.skip(h.epochs - e)
			break
		}
	}
	return r
}

// progress reports "epoch k/N, elapsed, remaining" on a writer (stderr),
// at most every five seconds and once at the end.
type progress struct {
	w           io.Writer
	label       string // what is running, e.g. "lr 0.01 (run 2/5)"
	done, total int    // epochs
	start, last time.Time
}

func newProgress(w io.Writer, total int) *progress {
	now := time.Now()
	return &progress{w: w, total: total, start: now, last: now}
}

// skip counts n epochs that will not run (a diverged run's).
func (p *progress) skip(n int) {
	if p != nil {
		p.done += n
	}
}

// tick counts one finished epoch and prints a line when one is due.
func (p *progress) tick() {
	if p == nil {
		return
	}
	p.done++
	now := time.Now()
	if p.w == nil || (now.Sub(p.last) < 5*time.Second && p.done < p.total) {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start).Seconds()
	left := elapsed / float64(p.done) * float64(p.total-p.done)
	fmt.Fprintf(p.w, "%sepoch %d/%d, elapsed %.1f s, about %.0f s left\n",
		p.label, p.done, p.total, elapsed, math.Ceil(left))
}
