package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
)

// The book's scaling: inputs x/255·0.99 + 0.01, so that no input is 0 and
// every weight can learn; targets 0.01 and 0.99, which a sigmoid can reach.
const (
	inLo, inHi  = 0.01, 1.0
	off, on     = 0.01, 0.99
	evalRows    = 500     // test images scaled and run at once (a 3 MB buffer)
	evalFloats  = 1 << 22 // fewer rows at once if they would need more values (32 MB)
	progressGap = 10 * time.Second
)

// bookNet is the book's three-layer network, 784-h-10, sigmoid everywhere,
// no biases, and the buffers its one-image step reuses. Samples are rows,
// so W1 is 784×h and W2 is h×10: the transposes of the book's wih and who.
type bookNet struct {
	net      *nn.Network
	lr       float64
	gradient bool           // update with the true gradient of ½Σ(t−o)² (nn's Step) instead
	x, t     *matrix.Matrix // the current image, 1×784, and its target, 1×10
	e, dOut  *matrix.Matrix // e = t − o and e ⊙ o(1−o), 1×10
	eH, dH   *matrix.Matrix // e_h = e·W2ᵀ and e_h ⊙ h(1−h), 1×h
}

// newBookNet builds the network and draws its weights from src: with
// fromFanOut false each W from N(0, fan_in^−½), nn.ScaledNormal in the
// book's orientation (the book's text and its corrected code,
// pow(self.inodes, -0.5)); with fromFanOut true from N(0, fan_out^−½), as
// the book's first code did (pow(self.hnodes, -0.5)).
func newBookNet(inputs, hidden, outputs int, lr float64, fromFanOut, gradient bool, src nn.Source) *bookNet {
	net := nn.New([]int{inputs, hidden, outputs}, false, nn.Sigmoid{}, nn.Sigmoid{})
	if fromFanOut {
		bookNormal(net, src, (*nn.Layer).FanOut)
	} else {
		nn.ScaledNormal{OutIn: true}.Initialize(net, src)
	}
	return &bookNet{
		net: net, lr: lr, gradient: gradient,
		x: matrix.New(1, inputs), t: matrix.New(1, outputs),
		e: matrix.New(1, outputs), dOut: matrix.New(1, outputs),
		eH: matrix.New(1, hidden), dH: matrix.New(1, hidden),
	}
}

// bookNormal fills every layer's W as numpy.random.normal(0, count^−½,
// (fan_out, fan_in)) would, transposed into our fan_in×fan_out W, where count
// is the layer's FanIn or FanOut. It allocates one fan_out×fan_in matrix per
// layer.
func bookNormal(net *nn.Network, src nn.Source, count func(*nn.Layer) int) {
	for _, l := range net.Layers {
		book := matrix.New(l.FanOut(), l.FanIn())
		nn.FillNormal(book, src, 0, 1/math.Sqrt(float64(count(l))))
		matrix.TransposeInto(l.W, book)
	}
}

// step trains the network on the image in b.x with target b.t, the book's
// train(): forward, then
//
//	e   = t − o                 e_h = e·W2ᵀ      (the book: whoᵀ·e)
//	W2 += lr · hᵀ·(e ⊙ o(1−o))  W1 += lr · xᵀ·(e_h ⊙ h(1−h))
//
// The book passes the raw error e back, not e ⊙ o(1−o): with b.gradient set
// the step is nn's Step on ½Σ(t−o)² instead, whose hidden error is
// (e ⊙ o(1−o))·W2ᵀ. It allocates nothing.
func (b *bookNet) step() {
	if b.gradient {
		b.net.Step(b.x, b.t, nn.HalfSSE{}, 0, nn.GD{}, b.lr)
		return
	}
	hid, out := b.net.Layers[0], b.net.Layers[1]
	o := b.net.Forward(b.x)
	matrix.SubInto(b.e, b.t, o)
	nn.Sigmoid{}.Backward(b.dOut, out.Z, o, b.e)
	matrix.MulTransBInto(b.eH, b.e, out.W) // before W2 changes, as in the book
	nn.Sigmoid{}.Backward(b.dH, hid.Z, hid.A, b.eH)
	addOuter(out.W, b.lr, hid.A, b.dOut)
	addOuter(hid.W, b.lr, b.x, b.dH)
}

// addOuter sets W += lr · aᵀ·d for the rows a (1×m) and d (1×n), W m×n:
// the outer-product update of one sample, in one pass over W, without
// forming aᵀ·d. It is what matrix.MulTransAInto followed by
// matrix.AddScaledInto computes, at a third of the memory traffic.
func addOuter(w *matrix.Matrix, lr float64, a, d *matrix.Matrix) {
	if a.Rows != 1 || d.Rows != 1 || w.Rows != a.Cols || w.Cols != d.Cols {
		panic(fmt.Errorf("addOuter %dx%d += %dx%dᵀ·%dx%d: %w", w.Rows, w.Cols, a.Rows, a.Cols, d.Rows, d.Cols, matrix.ErrShape))
	}
	for i, ai := range a.Data {
		s := lr * ai
		row := w.Data[i*w.Cols : (i+1)*w.Cols]
		for j, dj := range d.Data[:len(row)] {
			row[j] += float64(s * dj) // the conversion forbids a fused multiply-add
		}
	}
}

// epoch trains on every image of s once, in file order, as the book does.
// tick, if not nil, is called after every image.
func (b *bookNet) epoch(s *data.Set, tick func()) {
	idx := []int{0}
	for i := range s.Len() {
		idx[0] = i
		s.Images.ScaleInto(b.x.Data, idx, inLo, inHi)
		s.OneHotInto(b.t.Data, idx, off, on)
		b.step()
		if tick != nil {
			tick()
		}
	}
}

// predict returns the class the network gives each image of s: the output
// unit with the largest value, the book's numpy.nn.Argmax(outputs).
func predict(net *nn.Network, s *data.Set) []int {
	pred := make([]int, s.Len())
	rows := max(1, min(evalRows, evalFloats/s.Images.Size()))
	buf := make([]float64, min(rows, s.Len())*s.Images.Size())
	idx := make([]int, 0, rows)
	for start := 0; start < s.Len(); start += rows {
		idx = idx[:0]
		for i := start; i < min(start+rows, s.Len()); i++ {
			idx = append(idx, i)
		}
		x := matrix.FromSlice(len(idx), s.Images.Size(), buf[:len(idx)*s.Images.Size()])
		s.Images.ScaleInto(x.Data, idx, inLo, inHi)
		out := net.Forward(x)
		for k := range idx {
			pred[start+k] = nn.Argmax(out.Row(k))
		}
	}
	return pred
}

// progress reports on w how far a long run has got, at most every
// progressGap and not before progressGap has passed, so short runs stay
// quiet.
type progress struct {
	w           io.Writer
	start, last time.Time
	done, total int // images trained so far and in all
	perEpoch    int
}

// newProgress starts the clock for epochs passes over perEpoch images.
func newProgress(w io.Writer, epochs, perEpoch int) *progress {
	now := time.Now()
	return &progress{w: w, start: now, last: now, total: epochs * perEpoch, perEpoch: perEpoch}
}

// tick counts one image and prints a line when it is time.
func (p *progress) tick() {
	p.done++
	if p.done%1000 != 0 || time.Since(p.last) < progressGap {
		return
	}
	p.last = time.Now()
	elapsed := p.last.Sub(p.start)
	remaining := elapsed.Seconds() * float64(p.total-p.done) / float64(p.done)
	fmt.Fprintf(p.w, "epoch %d/%d: %3.0f%% of the epoch, elapsed %s, remaining about %s\n",
		(p.done-1)/p.perEpoch+1, p.total/p.perEpoch, 100*float64((p.done-1)%p.perEpoch+1)/float64(p.perEpoch),
		elapsed.Round(time.Second), seconds(remaining))
}

// seconds formats a time in seconds as a time.Duration does, rounded to the
// second, or in hours when it is too long for a Duration (292 years).
func seconds(s float64) string {
	if s < 1e9 {
		return time.Duration(s * float64(time.Second)).Round(time.Second).String()
	}
	return fmt.Sprintf("%.3g h", s/3600)
}
