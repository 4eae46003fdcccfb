package main

import (
	"fmt"
	"math"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// A Session is one playground run: its data, its network and where its
// training stands. It draws every random number from one numpy generator
// seeded with Setting.Seed, in this order: the data, the train/test split,
// the initial weights, then one shuffle of the training order per epoch
// (when batches are smaller than the training set), so a Setting always
// gives the same numbers. A Session is not safe for concurrent use: the
// server holds a lock around each call.
type Session struct {
	set   Setting
	lim   Limits
	data  *dataset
	feats []feature
	net   *nn.Network
	rng   *nprand.RandomState

	loss           nn.Loss                           // the loss trained on
	measure        func(a, y *matrix.Matrix) float64 // the loss reported
	lossName       string                            // what measure is
	opt            nn.Optimizer
	l1, l2         float64 // penalty coefficients (at most one is set)
	xTrain, yTrain *matrix.Matrix
	xTest, yTest   *matrix.Matrix

	batches batcher
	step    int // optimiser steps made
	epoch   int // passes over the training set completed
	err     error

	hist    history
	last    lastStep
	plots   heatMaps
	evTrain evaluator
	evTest  evaluator
}

// NewSession builds the session of s within lim: it generates the data,
// splits it, initialises the network and records the losses at step 0. It
// returns an error naming the field if s does not satisfy lim or is not a
// Setting that ParseSetting could return; every size is checked before
// anything is allocated.
func NewSession(s Setting, lim Limits) (*Session, error) {
	if err := lim.check(); err != nil {
		return nil, err
	}
	if err := s.validate(lim); err != nil {
		return nil, err
	}
	ss := &Session{set: s, lim: lim, rng: nprand.New(s.Seed)}
	ss.data = loadData(s, ss.rng)
	ss.feats = sessionFeatures(s)
	ss.xTrain, ss.yTrain = ss.rows(ss.data.train)
	ss.xTest, ss.yTest = ss.rows(ss.data.tst)
	ss.net = newNetwork(s, len(ss.feats), ss.data.regression, ss.rng)
	ss.loss, ss.measure, ss.lossName = losses(s, ss.data.regression)
	ss.opt = optimizer(s.Opt)
	switch s.Reg {
	case "l1":
		ss.l1 = s.RegRate
	case "l2":
		ss.l2 = s.RegRate
	}
	ss.batches.init(ss.xTrain, ss.yTrain, s.Batch)
	ss.evTrain = newEvaluator(ss.net, ss.xTrain.Rows)
	ss.evTest = newEvaluator(ss.net, ss.xTest.Rows)
	ss.last.init(ss.net)
	ss.plots.init(ss, lim)
	ss.hist.init(lim.MaxHistory)
	ss.record()
	return ss, nil
}

// validate checks s as ParseSetting would have: every value in range and
// every name known, so that a Setting built by hand is held to the same
// rules as one read from a query.
func (s Setting) validate(lim Limits) error {
	t, err := lim.ParseSetting(s.Query())
	if err != nil {
		return err
	}
	if !t.Equal(s) {
		return fmt.Errorf("setting: fields that do not apply to data %s or lesson %q are set; use ParseSetting(s.Query())", s.Data, s.Lesson)
	}
	return nil
}

// Setting returns the session's setting.
func (s *Session) Setting() Setting { return s.set }

// rows returns the features and targets of the points idx, in that order.
func (s *Session) rows(idx []int) (x, y *matrix.Matrix) {
	x, y = matrix.New(len(idx), len(s.feats)), matrix.New(len(idx), 1)
	x1, x2 := make([]float64, len(idx)), make([]float64, len(idx))
	for k, i := range idx {
		x1[k], x2[k], y.Data[k] = s.data.x1[i], s.data.x2[i], s.data.label[i]
	}
	expand(x, s.feats, x1, x2)
	return x, y
}

// newNetwork returns the network of s with its initial weights: lesson
// 01's neuron w = (−2, 0, 0); lessons 03 to 05 drawn as the lessons draw
// them (nn.NumpyUniform: every W, then every b, each 2·u − 1); otherwise
// nn.Glorot's scikit-learn draws. Lessons 01 and 03 have a bias input
// instead of bias rows.
func newNetwork(s Setting, inputs int, regression bool, rng *nprand.RandomState) *nn.Network {
	sizes := append(append([]int{inputs}, s.Hidden...), 1)
	var out nn.Activation = nn.Sigmoid{}
	if regression {
		out = nn.Identity{}
	}
	net := nn.New(sizes, s.Lesson != "01" && s.Lesson != "03", activation(s.Act), out)
	switch s.Lesson {
	case "01":
		net.Layers[0].W.Data[0] = -2
	case "03", "04", "05":
		nn.NumpyUniform{}.Initialize(net, rng)
	default:
		nn.Glorot{}.Initialize(net, rng)
	}
	return net
}

// activation returns the activation called name.
func activation(name string) nn.Activation {
	switch name {
	case "relu":
		return nn.ReLU{}
	case "sigmoid":
		return nn.Sigmoid{}
	case "linear":
		return nn.Identity{}
	}
	return nn.Tanh{}
}

// optimizer returns a new optimiser called name; momentum and Nesterov use
// μ = 0.9, Adam its paper's defaults.
func optimizer(name string) nn.Optimizer {
	switch name {
	case "momentum":
		return &nn.Momentum{Mu: 0.9}
	case "nesterov":
		return &nn.Momentum{Mu: 0.9, Nesterov: true}
	case "adam":
		return &nn.Adam{}
	}
	return nn.GD{}
}

// losses returns the loss s trains on, the loss the session reports and
// its name. The lessons train on their summed losses, ½·SSE (nn.HalfSSE)
// or the summed log-loss (δ = a − y), and report what they print: lesson
// 03 the mean |error|, the others the sum of squared errors. Other runs
// train on and report the mean squared error or the mean log-loss.
func losses(s Setting, regression bool) (nn.Loss, func(a, y *matrix.Matrix) float64, string) {
	if s.Lesson != "" {
		var l nn.Loss = nn.HalfSSE{}
		if s.Loss == "logloss" {
			l = nn.LogLoss{Sum: true}
		}
		if s.Lesson == "03" {
			return l, meanAbsError, "mean |error|"
		}
		return l, nn.SSE{}.Value, "sum of squared errors"
	}
	if s.Loss == "logloss" && !regression {
		return nn.LogLoss{}, nn.LogLoss{}.Value, "mean log-loss"
	}
	return nn.MSE{}, nn.MSE{}.Value, "mean squared error"
}

// meanAbsError is the notebook's np.mean(np.abs(layer_2 - y)): the sum in
// order, divided by the count.
func meanAbsError(a, y *matrix.Matrix) float64 {
	s := 0.0
	for i, v := range a.Data {
		s += math.Abs(v - y.Data[i])
	}
	return s / float64(len(a.Data))
}

// Step makes n optimiser updates, each on the next batch of the training
// set: the forward pass, the loss, backpropagation, the penalty's gradient
// and the optimiser's step,
//
//	E = loss(f(X_b), y_b) + α·penalty(W)
//	W ← W − η·∂E/∂W   (or the momentum, Nesterov or Adam rule)
//
// It returns an error if n is not in 1 … Limits.MaxSteps, and an error
// naming the step if the loss becomes NaN or infinite; after that every
// Step returns the same error. In steady state it allocates nothing.
func (s *Session) Step(n int) error {
	if s.err != nil {
		return s.err
	}
	if n < 1 || n > s.lim.MaxSteps {
		return fmt.Errorf("steps: %d is not in 1 … %d", n, s.lim.MaxSteps)
	}
	for range n {
		s.last.keep(s.net)
		x, y, wrapped := s.batches.next(s.rng)
		e := s.update(x, y)
		s.step++
		s.last.step, s.last.x, s.last.y = s.step, x, y
		if wrapped {
			s.epoch++
		}
		if math.IsNaN(e) || math.IsInf(e, 0) {
			s.err = fmt.Errorf("step %d: the training loss is %v: training diverged; try a smaller rate than %g", s.step, e, s.set.Rate)
			return s.err
		}
		if s.step%s.hist.every == 0 {
			s.record()
		}
	}
	return nil
}

// update makes one optimiser step on the batch (x, y) and returns the
// batch's loss before it, penalty included.
func (s *Session) update(x, y *matrix.Matrix) float64 {
	if s.l1 == 0 {
		return s.net.Step(x, y, s.loss, s.l2, s.opt, s.set.Rate)
	}
	e := s.net.Gradient(x, y, s.loss, 0) + s.net.L1Penalty(s.l1, x.Rows)
	s.net.AddL1Grad(s.l1, x.Rows)
	s.opt.Step(s.net.Params(), s.set.Rate)
	return e
}

// losses returns the reported loss on the training and the test set (0
// when there is no test set), computed in the session's own buffers.
func (s *Session) losses() (train, test float64) {
	train = s.measure(s.evTrain.forward(s.net, s.xTrain), s.yTrain)
	if s.xTest.Rows > 0 {
		test = s.measure(s.evTest.forward(s.net, s.xTest), s.yTest)
	}
	return train, test
}

// record appends the current losses to the history.
func (s *Session) record() {
	train, test := s.losses()
	s.hist.add(s.step, train, test)
}

// A batcher deals the training set out in batches: the whole set every
// step, or batches of a given size in an order shuffled before each epoch
// (the last batch of an epoch holds what is left).
type batcher struct {
	x, y   *matrix.Matrix // the training set
	size   int
	idx    []int // the order of the current epoch
	pos    int   // where the next batch starts in idx
	bx, by []float64
	vx, vy matrix.Matrix // the current batch, views of bx and by
}

// init prepares batches of size from (x, y); size 0, or at least the
// number of rows, means the whole set.
func (b *batcher) init(x, y *matrix.Matrix, size int) {
	b.x, b.y, b.size = x, y, size
	if size == 0 || size >= x.Rows {
		b.size = x.Rows
		return
	}
	b.idx = make([]int, x.Rows)
	for i := range b.idx {
		b.idx[i] = i
	}
	b.bx, b.by = make([]float64, size*x.Cols), make([]float64, size*y.Cols)
}

// next returns the next batch, shuffling the order with rng when an epoch
// begins, and reports whether the batch ends an epoch. The matrices stay
// valid until the next call.
func (b *batcher) next(rng *nprand.RandomState) (x, y *matrix.Matrix, wrapped bool) {
	if b.idx == nil {
		return b.x, b.y, true
	}
	if b.pos == 0 {
		rng.Shuffle(b.idx)
	}
	n := min(b.size, len(b.idx)-b.pos)
	b.vx = matrix.Matrix{Rows: n, Cols: b.x.Cols, Data: b.bx[:n*b.x.Cols]}
	b.vy = matrix.Matrix{Rows: n, Cols: b.y.Cols, Data: b.by[:n*b.y.Cols]}
	for k, i := range b.idx[b.pos : b.pos+n] {
		copy(b.vx.Row(k), b.x.Row(i))
		copy(b.vy.Row(k), b.y.Row(i))
	}
	b.pos += n
	if b.pos == len(b.idx) {
		b.pos = 0
		wrapped = true
	}
	return &b.vx, &b.vy, wrapped
}

// A history keeps the losses at steps 0, every, 2·every, …; when it is
// full it drops every other entry and doubles every, so it always spans
// the whole run in at most max entries.
type history struct {
	every       int
	steps       []int
	train, test []float64
}

// init makes room for max entries.
func (h *history) init(max int) {
	h.every = 1
	h.steps, h.train, h.test = make([]int, 0, max), make([]float64, 0, max), make([]float64, 0, max)
}

// add records the losses at step; it allocates nothing.
func (h *history) add(step int, train, test float64) {
	if len(h.steps) == cap(h.steps) {
		h.steps, h.train, h.test = halve(h.steps), halve(h.train), halve(h.test)
		h.every *= 2
		if step%h.every != 0 {
			return
		}
	}
	h.steps, h.train, h.test = append(h.steps, step), append(h.train, train), append(h.test, test)
}

// halve keeps the entries of v at even indices, in place.
func halve[T any](v []T) []T {
	for i := range (len(v) + 1) / 2 {
		v[i] = v[2*i]
	}
	return v[:(len(v)+1)/2]
}

// An evaluator runs a network forward in buffers of its own, so that
// measuring losses and drawing heat maps leave the training pass's
// matrices (which Inspect shows) untouched. It computes exactly what
// nn.Layer.Forward computes.
type evaluator struct {
	z, a []*matrix.Matrix
}

// newEvaluator returns an evaluator for batches of rows samples.
func newEvaluator(net *nn.Network, rows int) evaluator {
	var e evaluator
	for _, l := range net.Layers {
		e.z = append(e.z, matrix.New(rows, l.FanOut()))
		e.a = append(e.a, matrix.New(rows, l.FanOut()))
	}
	return e
}

// forward returns the network's output for x, which must have the rows
// the evaluator was made for,
//
//	Z_l = A_{l−1}·W_l + b_l,   A_l = f_l(Z_l),   A_0 = x
//
// leaving every layer's A in e.a. It allocates nothing.
func (e *evaluator) forward(net *nn.Network, x *matrix.Matrix) *matrix.Matrix {
	in := x
	for l, layer := range net.Layers {
		matrix.MulInto(e.z[l], in, layer.W)
		if layer.B != nil {
			matrix.AddRowVectorInto(e.z[l], e.z[l], layer.B)
		}
		layer.Act.Forward(e.a[l], e.z[l])
		in = e.a[l]
	}
	return in
}

// lastStep keeps what Inspect shows of the last step: the parameters before
// it, and its batch.
type lastStep struct {
	step   int              // the step's number, from 1; 0 before any
	before []*matrix.Matrix // W1, b1, W2, … before the step, as net.Params orders them
	x, y   *matrix.Matrix
}

// init allocates the copies of the parameters.
func (l *lastStep) init(net *nn.Network) {
	for _, p := range net.Params() {
		l.before = append(l.before, matrix.New(p.Value.Rows, p.Value.Cols))
	}
}

// keep copies the parameters before a step; it allocates nothing.
func (l *lastStep) keep(net *nn.Network) {
	for i, p := range net.Params() {
		copy(l.before[i].Data, p.Value.Data)
	}
}
