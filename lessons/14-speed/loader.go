package main

import (
	"nnscratch/matrix"
	"nnscratch/nn/data"
)

// A loader scales the next mini-batch from the byte pixels on a goroutine
// of its own while the current one trains: outside its two large products
// a training step keeps only one core busy, and scaling a batch of 200
// images was 9% of the step's time on that core. It fills two pairs of
// buffers in turn, so that it never writes the batch the step is reading;
// the batches are the ones the loop would scale itself.
type loader struct {
	set        *data.Set
	xbuf, ybuf [2][]float64     // the two pairs of buffers
	x, y       [2]matrix.Matrix // the batches in them
	todo       chan []int       // the samples of each batch to scale, in order
	done       chan struct{}    // one value per batch scaled
	next       int              // the buffer of the next batch to return
}

// newLoader returns a loader of batches of at most bs samples of set, with
// in pixels and out classes, and starts its goroutine; stop ends it.
func newLoader(set *data.Set, bs, in, out int) *loader {
	l := &loader{set: set, todo: make(chan []int, 1), done: make(chan struct{}, 1)}
	for b := range l.xbuf {
		l.xbuf[b], l.ybuf[b] = make([]float64, bs*in), make([]float64, bs*out)
		l.x[b].Cols, l.y[b].Cols = in, out
	}
	go l.run()
	return l
}

// run scales each batch asked for into the buffers after the last ones.
func (l *loader) run() {
	b := 0
	for idx := range l.todo {
		n, x, y := len(idx), &l.x[b], &l.y[b]
		x.Rows, x.Data = n, l.xbuf[b][:n*x.Cols]
		y.Rows, y.Data = n, l.ybuf[b][:n*y.Cols]
		l.set.Images.ScaleInto(x.Data, idx, 0, 1)
		l.set.OneHotInto(y.Data, idx, 0, 1)
		l.done <- struct{}{}
		b = 1 - b
	}
}

// ask asks for the batch of the samples idx, which must not change until
// the batch has been taken.
func (l *loader) ask(idx []int) { l.todo <- idx }

// take waits for the first batch asked for and not yet taken, and returns
// it; it stays valid until the batch after it has been taken and another
// asked for.
func (l *loader) take() (x, y *matrix.Matrix) {
	<-l.done
	b := l.next
	l.next = 1 - b
	return &l.x[b], &l.y[b]
}

// stop ends the loader's goroutine.
func (l *loader) stop() { close(l.todo) }
