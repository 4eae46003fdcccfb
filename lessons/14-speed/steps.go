package main

import (
	"fmt"
	"io"

	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// sigmoidNet is the alpha-sweep notebook's network (lesson 03) at any size:
// no biases, sigmoid everywhere, half the squared error, plain gradient
// descent. One step is
//
//	l1 = σ(X·W0)                  l2 = σ(l1·W1)
//	δ2 = (l2 − y) ⊙ l2(1 − l2)    δ1 = δ2·W1ᵀ ⊙ l1(1 − l1)
//	W1 ← W1 − α·l1ᵀ·δ2            W0 ← W0 − α·Xᵀ·δ1
//
// written three ways below; all three give the same weights bit for bit.
type sigmoidNet struct {
	alpha  float64
	x, y   *matrix.Matrix
	w0, w1 *matrix.Matrix

	// Buffers of stepInto.
	l1, l2, e2, d2, e1, d1, s1, s2, g0, g1 *matrix.Matrix
}

func sigmoid(x float64) float64 { return 1 / (1 + portable.Exp(-x)) }

// slope is σ′ written from σ's output o.
func slope(o float64) float64 { return o * (1 - o) }

// newSigmoidNet returns the network for inputs x and targets y with hidden
// units and weights uniform in [−r, r) from src. The notebook's r is 1; a
// network with many inputs needs a smaller one, or its sigmoids saturate
// and the products fill with subnormal numbers, which x86 processors
// handle a hundred times slower than normal ones.
func newSigmoidNet(x, y *matrix.Matrix, hidden int, r, alpha float64, src *nprand.RandomState) *sigmoidNet {
	n, in, out := x.Rows, x.Cols, y.Cols
	t := &sigmoidNet{alpha: alpha, x: x, y: y, w0: matrix.New(in, hidden), w1: matrix.New(hidden, out)}
	src.FillUniform(t.w0.Data, -r, r)
	src.FillUniform(t.w1.Data, -r, r)
	t.l1, t.e1, t.d1, t.s1 = matrix.New(n, hidden), matrix.New(n, hidden), matrix.New(n, hidden), matrix.New(n, hidden)
	t.l2, t.e2, t.d2, t.s2 = matrix.New(n, out), matrix.New(n, out), matrix.New(n, out), matrix.New(n, out)
	t.g0, t.g1 = matrix.New(in, hidden), matrix.New(hidden, out)
	return t
}

// stepPure is one step written as numpy code writes it: every operation
// returns a new matrix, so a step allocates about a dozen of them (and two
// transposes), which the garbage collector must later free.
func (t *sigmoidNet) stepPure() {
	l1 := matrix.Apply(sigmoid, matrix.Mul(t.x, t.w0))
	l2 := matrix.Apply(sigmoid, matrix.Mul(l1, t.w1))
	d2 := matrix.Hadamard(matrix.Sub(l2, t.y), matrix.Apply(slope, l2))
	d1 := matrix.Hadamard(matrix.Mul(d2, matrix.Transpose(t.w1)), matrix.Apply(slope, l1))
	t.w1 = matrix.Sub(t.w1, matrix.ScalarMul(t.alpha, matrix.Mul(matrix.Transpose(l1), d2)))
	t.w0 = matrix.Sub(t.w0, matrix.ScalarMul(t.alpha, matrix.Mul(matrix.Transpose(t.x), d1)))
}

// stepInto is the same step written with the Into functions into buffers
// allocated once, as lesson 03's train.go is: it allocates nothing.
func (t *sigmoidNet) stepInto() {
	matrix.ApplyInto(t.l1, sigmoid, matrix.MulInto(t.l1, t.x, t.w0))
	matrix.ApplyInto(t.l2, sigmoid, matrix.MulInto(t.l2, t.l1, t.w1))
	matrix.SubInto(t.e2, t.l2, t.y)
	matrix.HadamardInto(t.d2, t.e2, matrix.ApplyInto(t.s2, slope, t.l2))
	matrix.MulTransBInto(t.e1, t.d2, t.w1)
	matrix.HadamardInto(t.d1, t.e1, matrix.ApplyInto(t.s1, slope, t.l1))
	matrix.AddScaledInto(t.w1, t.w1, -t.alpha, matrix.MulTransAInto(t.g1, t.l1, t.d2))
	matrix.AddScaledInto(t.w0, t.w0, -t.alpha, matrix.MulTransAInto(t.g0, t.x, t.d1))
}

// stepFused is the same step as one compiled loop nest over the flat
// slices: no function call per operation, no shape checks, nothing
// allocated. Each sum runs in the order the matrix kernels use and each
// product is rounded before it is added, so the weights stay bit-identical
// to the other two ways.
func (t *sigmoidNet) stepFused() {
	n, in, hid, out := t.x.Rows, t.x.Cols, t.w0.Cols, t.w1.Cols
	x, y, w0, w1 := t.x.Data, t.y.Data, t.w0.Data, t.w1.Data
	l1, l2, d1, d2 := t.l1.Data, t.l2.Data, t.d1.Data, t.d2.Data
	for i := range n {
		for j := range hid {
			s := 0.0
			for k := range in {
				s += float64(x[i*in+k] * w0[k*hid+j])
			}
			l1[i*hid+j] = sigmoid(s)
		}
		for j := range out {
			s := 0.0
			for k := range hid {
				s += float64(l1[i*hid+k] * w1[k*out+j])
			}
			o := sigmoid(s)
			l2[i*out+j] = o
			d2[i*out+j] = (o - y[i*out+j]) * (o * (1 - o))
		}
		for j := range hid {
			s := 0.0
			for k := range out {
				s += float64(d2[i*out+k] * w1[j*out+k])
			}
			o := l1[i*hid+j]
			d1[i*hid+j] = s * (o * (1 - o))
		}
	}
	update(w1, l1, d2, n, hid, out, t.alpha)
	update(w0, x, d1, n, in, hid, t.alpha)
}

// update sets w ← w − α·aᵀ·d for a (n×r) and d (n×c), summing each element
// of aᵀ·d over the samples in order.
func update(w, a, d []float64, n, r, c int, alpha float64) {
	for i := range r {
		for j := range c {
			s := 0.0
			for k := range n {
				s += float64(a[k*r+i] * d[k*c+j])
			}
			w[i*c+j] += float64(-alpha * s)
		}
	}
}

// xorNet is lesson 03's network: XOR with a constant third input, four
// hidden units, α = 1 (any rate costs the same).
func xorNet() *sigmoidNet {
	x := matrix.FromRows([][]float64{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}})
	y := matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})
	return newSigmoidNet(x, y, 4, 1, 1, nprand.New(1))
}

// fashionBatch returns 200 images of the embedded Fashion-MNIST subset,
// scaled to [0, 1], with one-hot targets.
func fashionBatch() (x, y *matrix.Matrix) {
	train, _ := data.EmbeddedFashion10()
	idx := make([]int, 200)
	for i := range idx {
		idx[i] = (i * 7919) % train.Len()
	}
	x, y = matrix.New(len(idx), 784), matrix.New(len(idx), 10)
	train.Images.ScaleInto(x.Data, idx, 0, 1)
	train.OneHotInto(y.Data, idx, 0, 1)
	return x, y
}

// stepTable prints the time, bytes and allocations of one training step,
// for the notebook's network at its own size and at 784-100-10, written
// each way, and for nn.Network's step of the scikit-learn-style network.
func stepTable(w io.Writer, cfg config) {
	fmt.Fprintf(w, "\nOne training step (forward, backward, update), median of %d timings\n\n", cfg.reps)
	fmt.Fprintf(w, "%-34s %-32s %10s %10s %7s\n", "network", "written as", "µs/step", "kB/step", "allocs")
	row := func(net, how string, t timing) {
		fmt.Fprintf(w, "%-34s %-32s %10.3f %10.1f %7d\n", net, how, t.ns/1e3, float64(t.bytes)/1e3, t.allocs)
	}
	xor := xorNet()
	row("3-4-1 sigmoid, XOR (lesson 03)", "pure functions (numpy style)", measure(cfg, xor.stepPure))
	row("", "Into functions, reused buffers", measure(cfg, xor.stepInto))
	row("", "one fused loop", measure(cfg, xor.stepFused))

	x, y := fashionBatch()
	big := newSigmoidNet(x, y, 100, 0.08, 0.01, nprand.New(1))
	row("784-100-10 sigmoid, batch of 200", "pure functions (numpy style)", measure(cfg, big.stepPure))
	row("", "Into functions, reused buffers", measure(cfg, big.stepInto))

	net := nn.New([]int{784, 100, 10}, true, nn.ReLU{}, nn.Softmax{})
	nn.Glorot{}.Initialize(net, nprand.New(1))
	opt := &nn.Adam{}
	row("784-100-10 relu/softmax, batch 200", "nn.Network.Step (Adam, L2)", measure(cfg, func() {
		net.Step(x, y, nn.CrossEntropy{}, 1e-4, opt, 0.001)
	}))
	fmt.Fprintln(w, "\nThe three ways of writing the notebook's step give the same weights bit for bit.")
	fmt.Fprintln(w, "numpy spends about a microsecond per call: the 3-4-1 step's 20-odd calls cost it ~40 µs (bench.sh measures it).")
}
