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
	ss.loss, ss.measure, ss.lossName = chooseLoss(s, ss.data.regression)
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
		return fmt.Errorf("setting: not in canonical form (inputs out of order, or fields that do not apply to data %s or lesson %q set); use ParseSetting(s.Query())", s.Data, s.Lesson)
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
