package main

import (
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

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
	a []*matrix.Matrix // each layer's activations, computed in place from its z
}

// newEvaluator returns an evaluator for batches of rows samples.
func newEvaluator(net *nn.Network, rows int) evaluator {
	var e evaluator
	for _, l := range net.Layers {
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
		matrix.MulInto(e.a[l], in, layer.W)
		if layer.B != nil {
			matrix.AddRowVectorInto(e.a[l], e.a[l], layer.B)
		}
		layer.Act.Forward(e.a[l], e.a[l]) // in place, as nn's Predict does
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
