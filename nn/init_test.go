package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// TestNumpyUniformOrder checks the forum's draw order: weights_1,
// weights_2, bias_1, bias_2, each 2·random − 1 in C order.
func TestNumpyUniformOrder(t *testing.T) {
	net := New([]int{2, 3, 1}, true, Sigmoid{}, Sigmoid{})
	NumpyUniform{}.Initialize(net, nprand.New(1))
	r := nprand.New(1)
	draws := make([]float64, 6+3+3+1)
	r.Rand(draws)
	for i := range draws {
		draws[i] = 2*draws[i] - 1
	}
	want := [][]float64{draws[0:6], draws[6:9], draws[9:12], draws[12:13]}
	got := [][]float64{net.Layers[0].W.Data, net.Layers[1].W.Data, net.Layers[0].B.Data, net.Layers[1].B.Data}
	names := []string{"weights_1", "weights_2", "bias_1", "bias_2"}
	for k := range want {
		if !matrix.Equal(matrix.FromSlice(1, len(got[k]), got[k]), matrix.FromSlice(1, len(want[k]), want[k])) {
			t.Errorf("%s: got %v, want %v", names[k], got[k], want[k])
		}
	}
	// np.random.seed(1); 2*np.random.random((3,4)) - 1 starts with
	// -0.16595599 (the alpha-sweep notebook's first weight).
	if got, want := draws[0], -0.16595599; math.Abs(got-want) > 5e-9 {
		t.Errorf("first draw: got %.8f, want %.8f", got, want)
	}
}

// TestGlorot checks scikit-learn's bound and order: per layer W then b,
// uniform in ±sqrt(factor/(fan_in+fan_out)), factor 2 for a logistic
// hidden activation and 6 otherwise.
func TestGlorot(t *testing.T) {
	tests := []struct {
		hidden Activation
		factor float64
	}{
		{Sigmoid{}, 2},
		{ReLU{}, 6},
		{Tanh{}, 6},
	}
	for _, tt := range tests {
		net := New([]int{4, 3, 2}, true, tt.hidden, Softmax{})
		Glorot{}.Initialize(net, nprand.New(42))
		r := nprand.New(42)
		for i, l := range net.Layers {
			bound := math.Sqrt(tt.factor / float64(l.FanIn()+l.FanOut()))
			w, b := matrix.New(l.FanIn(), l.FanOut()), matrix.New(1, l.FanOut())
			r.FillUniform(w.Data, -bound, bound)
			r.FillUniform(b.Data, -bound, bound)
			if !matrix.Equal(l.W, w) || !matrix.Equal(l.B, b) {
				t.Errorf("%s layer %d: got W %v b %v, want W %v b %v", tt.hidden.Name(), i+1, l.W.Data, l.B.Data, w.Data, b.Data)
			}
		}
	}
}

func TestNormalInits(t *testing.T) {
	const fanIn, fanOut = 400, 300
	tests := []struct {
		init Initializer
		sd   float64
	}{
		{ScaledNormal{}, 1 / math.Sqrt(fanIn)},
		{ScaledNormal{OutIn: true}, 1 / math.Sqrt(fanIn)},
		{He{}, math.Sqrt(2.0 / fanIn)},
	}
	for _, tt := range tests {
		net := NewNetwork(Dense(fanIn, fanOut, true, ReLU{}))
		net.Layers[0].B.Data[0] = 3
		tt.init.Initialize(net, nprand.New(9))
		w := net.Layers[0].W.Data
		mean, ss := 0.0, 0.0
		for _, v := range w {
			mean += v
		}
		mean /= float64(len(w))
		for _, v := range w {
			ss += (v - mean) * (v - mean)
		}
		sd := math.Sqrt(ss / float64(len(w)))
		// 120,000 draws: the sample sd is within 1% of the true one.
		if math.Abs(sd-tt.sd)/tt.sd > 0.01 || math.Abs(mean) > 3*tt.sd/math.Sqrt(float64(len(w))) {
			t.Errorf("%T%+v: got mean %.5f sd %.5f, want 0 and %.5f", tt.init, tt.init, mean, sd, tt.sd)
		}
		if got := net.Layers[0].B.Data[0]; got != 0 {
			t.Errorf("%T: got bias %v, want 0", tt.init, got)
		}
	}
	// OutIn fills W in the book's (fan_out × fan_in) C order.
	a, b := NewNetwork(Dense(3, 2, false, Sigmoid{})), NewNetwork(Dense(3, 2, false, Sigmoid{}))
	ScaledNormal{OutIn: true}.Initialize(a, nprand.New(4))
	ScaledNormal{}.Initialize(b, nprand.New(4))
	book := matrix.FromSlice(2, 3, b.Layers[0].W.Data) // the draws as numpy shapes them (hnodes × inodes)
	if !matrix.Equal(a.Layers[0].W, matrix.Transpose(book)) {
		t.Errorf("OutIn: got %v, want the transpose of %v", a.Layers[0].W, book)
	}
}

// TestMathRand checks that a math/rand/v2 generator serves as Source and
// Shuffler: the same seed gives the same weights and the same training.
func TestMathRand(t *testing.T) {
	x, y := xorData()
	train := func() *Network {
		src := MathRand{rand.New(rand.NewPCG(1, 2))}
		net := New([]int{2, 3, 1}, true, Tanh{}, Sigmoid{})
		Glorot{}.Initialize(net, src)
		if _, err := net.Train(x, y, TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.5), MaxEpochs: 5, BatchSize: 1, Shuffle: src}); err != nil {
			t.Fatal(err)
		}
		return net
	}
	a, b := train(), train()
	if !matrix.Equal(a.Layers[0].W, b.Layers[0].W) || matrix.Equal(a.Layers[0].W, matrix.New(2, 3)) {
		t.Errorf("two runs from one seed: got %v and %v, want equal non-zero weights", a.Layers[0].W.Data, b.Layers[0].W.Data)
	}
}
