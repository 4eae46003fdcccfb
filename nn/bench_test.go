package nn

import (
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// BenchmarkStep2x3x1 is one full-batch training step of the forum's 2-3-1
// sigmoid network on its ten samples.
func BenchmarkStep2x3x1(b *testing.B) {
	src := nprand.New(1)
	net := New([]int{2, 3, 1}, true, Sigmoid{}, Sigmoid{})
	NumpyUniform{}.Initialize(net, src)
	x := new(StandardScaler).FitTransform(matrix.FromRows(forumX))
	y := matrix.FromRows([][]float64{{0}, {1}, {0}, {1}, {1}, {0}, {1}, {1}, {0}, {1}})
	net.Step(x, y, HalfSSE{}, 0, GD{}, 0.5) // allocate the buffers
	b.ReportAllocs()
	for b.Loop() {
		net.Step(x, y, HalfSSE{}, 0, GD{}, 0.5)
	}
}

// BenchmarkStep784x100x10 is one mini-batch step (200 samples) of an
// MNIST-sized sigmoid/softmax network with Adam and L2.
func BenchmarkStep784x100x10(b *testing.B) { benchStep(b, Sigmoid{}, 0) }

// BenchmarkStep784x100x10ReLU is one mini-batch step (200 samples) of the
// scikit-learn-style Fashion-MNIST network of lesson 14: ReLU, softmax with
// cross-entropy, Adam and L2, on inputs that are half exact zeros as
// Fashion-MNIST's backgrounds are (so the products skip them).
func BenchmarkStep784x100x10ReLU(b *testing.B) { benchStep(b, ReLU{}, 0.5) }

// BenchmarkStep784x50x1 is one mini-batch step (50 samples) of lesson 12's
// homework network: ReLU hidden layer, sigmoid output with cross-entropy,
// L2, momentum SGD, on inputs half exact zeros.
func BenchmarkStep784x50x1(b *testing.B) {
	src := nprand.New(1)
	net := New([]int{784, 50, 1}, true, ReLU{AtZero: 0.5}, Sigmoid{})
	Glorot{}.Initialize(net, src)
	x := matrix.New(50, 784)
	FillUniform(x, src, 0, 1)
	for i := range x.Data {
		if src.RandomSample() < 0.5 {
			x.Data[i] = 0
		}
	}
	y := matrix.New(50, 1)
	for i := range 50 {
		y.Data[i] = float64(i % 2)
	}
	opt := &Momentum{Mu: 0.7}
	net.Step(x, y, LogLoss{}, 0.005, opt, 0.01) // allocate the buffers
	b.ReportAllocs()
	loopCPU(b, func() { net.Step(x, y, LogLoss{}, 0.005, opt, 0.01) })
}

// benchStep times Step on a 784-100-10 network with the hidden activation
// f, on 200 random inputs of which the fraction zeros is set to 0.
func benchStep(b *testing.B, f Activation, zeros float64) {
	src := nprand.New(1)
	net := New([]int{784, 100, 10}, true, f, Softmax{})
	Glorot{}.Initialize(net, src)
	x := matrix.New(200, 784)
	FillUniform(x, src, 0, 1)
	if zeros > 0 {
		for i := range x.Data {
			if src.RandomSample() < zeros {
				x.Data[i] = 0
			}
		}
	}
	y := matrix.New(200, 10)
	for i := range 200 {
		y.Set(i, i%10, 1)
	}
	opt := &Adam{}
	net.Step(x, y, CrossEntropy{}, 1e-4, opt, 0.001) // allocate the buffers
	b.ReportAllocs()
	loopCPU(b, func() { net.Step(x, y, CrossEntropy{}, 1e-4, opt, 0.001) })
}

// BenchmarkAdam784x100x10 is one Adam update of the 79,510 parameters of
// a 784-100-10 network, the optimiser's share of BenchmarkStep784x100x10.
func BenchmarkAdam784x100x10(b *testing.B) {
	net := New([]int{784, 100, 10}, true, ReLU{}, Softmax{})
	Glorot{}.Initialize(net, nprand.New(1))
	for _, p := range net.Params() {
		FillUniform(p.Grad, nprand.New(2), -1, 1)
	}
	opt := &Adam{}
	opt.Step(net.Params(), 0.001)
	b.ReportAllocs()
	loopCPU(b, func() { opt.Step(net.Params(), 0.001) })
}

// BenchmarkMomentum784x50x1 is one momentum update of the 39,301
// parameters of lesson 12's 784-50-1 network, the optimiser's share of
// BenchmarkStep784x50x1.
func BenchmarkMomentum784x50x1(b *testing.B) {
	net := New([]int{784, 50, 1}, true, ReLU{}, Sigmoid{})
	Glorot{}.Initialize(net, nprand.New(1))
	for _, p := range net.Params() {
		FillUniform(p.Grad, nprand.New(2), -1, 1)
	}
	opt := &Momentum{Mu: 0.7}
	opt.Step(net.Params(), 0.01)
	b.ReportAllocs()
	loopCPU(b, func() { opt.Step(net.Params(), 0.01) })
}
