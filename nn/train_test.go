package nn

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

func xorData() (x, y *matrix.Matrix) {
	return matrix.FromRows([][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
		matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})
}

func TestTrainXOR(t *testing.T) {
	tests := []struct {
		name string
		cfg  TrainConfig
	}{
		{"full batch GD on ½·SSE", TrainConfig{Loss: HalfSSE{}, Schedule: Constant(2), Goal: 0.01}},
		{"online momentum on log-loss", TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.5), BatchSize: 1,
			Optimizer: &Momentum{Mu: 0.9}, Goal: 0.05, Shuffle: nprand.New(3)}},
		{"mini-batch Adam on log-loss", TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.05), BatchSize: 2,
			Optimizer: &Adam{}, Goal: 0.05, Shuffle: nprand.New(3)}},
		{"full batch Nesterov on cross-entropy", TrainConfig{Loss: LogLoss{Sum: true}, Schedule: Constant(0.2),
			Optimizer: &Momentum{Mu: 0.9, Nesterov: true}, Goal: 0.1}},
	}
	x, y := xorData()
	for _, tt := range tests {
		net := New([]int{2, 3, 1}, true, Sigmoid{}, Sigmoid{})
		NumpyUniform{}.Initialize(net, nprand.New(1))
		tt.cfg.MaxEpochs = 20000
		res, err := net.Train(x, y, tt.cfg)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.Reason != StopGoal || !res.Converged() {
			t.Errorf("%s: got %v, want goal reached", tt.name, res)
		}
		if got := ErrorRate(net.Forward(x), y); got != 0 {
			t.Errorf("%s: got error rate %v after %v, want 0 (outputs %v)", tt.name, got, res, net.Output().Data)
		}
	}
}

// TestTrainFullBatchMatchesSteps checks that Train with full batches is
// Step repeated, and that the loss it records is the loss before each
// update.
func TestTrainFullBatchMatchesSteps(t *testing.T) {
	x, y := xorData()
	a := New([]int{2, 3, 1}, true, Tanh{}, Sigmoid{})
	NumpyUniform{}.Initialize(a, nprand.New(5))
	b := a.Clone()
	res, err := a.Train(x, y, TrainConfig{Loss: SSE{}, Schedule: Constant(0.1), MaxEpochs: 50, History: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		e := b.Step(x, y, SSE{}, 0, GD{}, 0.1)
		if e != res.History[i] {
			t.Fatalf("epoch %d: got history %v, want step loss %v", i+1, res.History[i], e)
		}
	}
	for l := range a.Layers {
		if !matrix.Equal(a.Layers[l].W, b.Layers[l].W) || !matrix.Equal(a.Layers[l].B, b.Layers[l].B) {
			t.Errorf("layer %d: Train and Step disagree", l+1)
		}
	}
	if res.Epochs != 50 || res.Steps != 50 || res.Reason != StopMaxEpochs || res.Converged() {
		t.Errorf("got %+v, want 50 epochs, 50 steps, maximum epochs reached", res)
	}
}

// TestTrainMiniBatchShuffle checks batches, shuffling and the epoch loss
// against a hand-written loop.
func TestTrainMiniBatchShuffle(t *testing.T) {
	src := nprand.New(11)
	x := matrix.New(7, 2)
	FillUniform(x, src, -1, 1)
	y := matrix.New(7, 1)
	FillUniform(y, src, 0, 1)
	a := New([]int{2, 4, 1}, true, ReLU{}, Identity{})
	Glorot{}.Initialize(a, src)
	b := a.Clone()
	res, err := a.Train(x, y, TrainConfig{Loss: MSE{}, Schedule: Constant(0.05), MaxEpochs: 3, BatchSize: 3,
		Shuffle: nprand.New(2), History: true, Alpha: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	sh := nprand.New(2)
	idx := []int{0, 1, 2, 3, 4, 5, 6}
	for epoch := range 3 {
		sh.Shuffle(idx)
		total := 0.0
		for start := 0; start < 7; start += 3 {
			rows := idx[start:min(start+3, 7)]
			xb, yb := matrix.New(len(rows), 2), matrix.New(len(rows), 1)
			for k, i := range rows {
				copy(xb.Row(k), x.Row(i))
				copy(yb.Row(k), y.Row(i))
			}
			total += b.Step(xb, yb, MSE{}, 0.01, GD{}, 0.05) * float64(len(rows))
		}
		if got, want := res.History[epoch], total/7; math.Abs(got-want) > 1e-15 {
			t.Errorf("epoch %d loss: got %v, want %v", epoch+1, got, want)
		}
	}
	if !matrix.Equal(a.Layers[0].W, b.Layers[0].W) || !matrix.Equal(a.Layers[1].W, b.Layers[1].W) {
		t.Errorf("Train and the hand-written loop disagree")
	}
	if res.Steps != 9 {
		t.Errorf("got %d steps, want 9 (3 epochs of batches 3, 3, 1)", res.Steps)
	}
}

// xorNet returns a 2-2-1 sigmoid network with the forum's uniform weights.
func xorNet() *Network {
	net := New([]int{2, 2, 1}, true, Sigmoid{}, Sigmoid{})
	NumpyUniform{}.Initialize(net, nprand.New(1))
	return net
}

// TestIdenticalUnits checks that Train refuses a network whose hidden units
// are alike, naming the initializers, and trains one whose units differ
// only in their outgoing weights, or that has no hidden layer.
func TestIdenticalUnits(t *testing.T) {
	x, y := xorData()
	cfg := TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.5), MaxEpochs: 2}
	zero := New([]int{2, 2, 1}, true, Sigmoid{}, Sigmoid{})
	_, err := zero.Train(x, y, cfg)
	if !errors.Is(err, ErrIdenticalUnits) || !strings.Contains(err.Error(), "nn.Glorot{}") || !strings.Contains(err.Error(), "hidden layer 1") {
		t.Errorf("zero weights: got error %v, want ErrIdenticalUnits naming hidden layer 1 and the initializers", err)
	}
	deep := New([]int{2, 3, 2, 1}, true, Tanh{}, Sigmoid{})
	deep.Layers[0].W.Data[0] = 1 // layer 1 differs; layer 2 is still all zero
	if _, err := deep.Train(x, y, cfg); !errors.Is(err, ErrIdenticalUnits) || !strings.Contains(err.Error(), "hidden layer 2") {
		t.Errorf("zero second layer: got error %v, want one naming hidden layer 2", err)
	}
	out := New([]int{2, 2, 1}, true, Sigmoid{}, Sigmoid{})
	out.Layers[1].W.Data[0] = 0.5 // the units' outgoing weights differ
	if _, err := out.Train(x, y, cfg); err != nil {
		t.Errorf("units differing in outgoing weights: got error %v, want none", err)
	}
	single := New([]int{2, 1}, true, Identity{}, Sigmoid{})
	if _, err := single.Train(x, y, cfg); err != nil {
		t.Errorf("a single zero neuron: got error %v, want none", err)
	}
}

func TestTrainStopping(t *testing.T) {
	x, y := xorData()
	t.Run("no improvement", func(t *testing.T) {
		net := xorNet()
		// A zero rate: the loss never moves.
		res, err := net.Train(x, y, TrainConfig{Loss: LogLoss{}, Schedule: Constant(0), MaxEpochs: 100, Tol: 1e-4, NoChange: 10})
		if err != nil {
			t.Fatal(err)
		}
		// Epoch 1 sets the best loss; epochs 2…12 fail to improve; the 11th
		// failure exceeds NoChange = 10.
		if res.Reason != StopNoImprovement || res.Epochs != 12 {
			t.Errorf("got %v, want no improvement after 12 epochs", res)
		}
	})
	t.Run("adaptive lowers the rate", func(t *testing.T) {
		net := xorNet()
		sched := &Adaptive{Eta0: 1e-3}
		var rates []float64
		res, err := net.Train(x, y, TrainConfig{Loss: LogLoss{}, Schedule: sched, MaxEpochs: 1000, Tol: 1, NoChange: 1,
			Callback: func(e Epoch) error { rates = append(rates, e.Rate); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		// Epoch 1 sets the best loss; from then on every epoch fails to
		// improve by 1, so a stall (2 failures > NoChange) comes at epochs
		// 3, 5, 7, 9, 11 and 13: the rate goes 1e-3 → 2e-4 → 4e-5 → 8e-6 →
		// 1.6e-6 → 3.2e-7, and the stall at epoch 13 finds it ≤ 1e-6 and
		// stops training.
		if res.Reason != StopNoImprovement || res.Epochs != 13 {
			t.Errorf("got %v, want no improvement after 13 epochs", res)
		}
		if got, want := rates[len(rates)-1], 1e-3/math.Pow(5, 5); math.Abs(got-want) > 1e-18 {
			t.Errorf("last rate: got %v, want %v", got, want)
		}
	})
	t.Run("callback sentinel", func(t *testing.T) {
		net := xorNet()
		res, err := net.Train(x, y, TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.1), MaxEpochs: 100,
			Callback: func(e Epoch) error {
				if e.N == 7 {
					return ErrStop
				}
				return nil
			}})
		if err != nil || res.Reason != StopCallback || res.Epochs != 7 {
			t.Errorf("got %v, %v; want stopped by callback after 7 epochs, no error", res, err)
		}
	})
	t.Run("callback error", func(t *testing.T) {
		net := xorNet()
		boom := errors.New("boom")
		_, err := net.Train(x, y, TrainConfig{Loss: LogLoss{}, Schedule: Constant(0.1), MaxEpochs: 100,
			Callback: func(e Epoch) error { return boom }})
		if !errors.Is(err, boom) || !strings.Contains(err.Error(), "epoch 1") {
			t.Errorf("got error %v, want boom after epoch 1", err)
		}
	})
}

func TestTrainDiverges(t *testing.T) {
	x := matrix.FromRows([][]float64{{1, 2}, {3, 4}, {5, 6}})
	y := matrix.FromRows([][]float64{{1}, {2}, {3}})
	net := New([]int{2, 3, 1}, true, Identity{}, Identity{})
	NumpyUniform{}.Initialize(net, nprand.New(1))
	_, err := net.Train(x, y, TrainConfig{Loss: SSE{}, Schedule: Constant(100), MaxEpochs: 1000})
	var d *DivergedError
	if !errors.As(err, &d) {
		t.Fatalf("got error %v, want a *DivergedError", err)
	}
	if d.Rate != 100 || d.Epoch < 2 || !(math.IsInf(d.Loss, 0) || math.IsNaN(d.Loss)) {
		t.Errorf("got %+v, want rate 100 and a non-finite loss after the first epoch", d)
	}
	for _, want := range []string{"diverged at iteration", "try a smaller alpha", "100"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestTrainConfigErrors(t *testing.T) {
	x, y := xorData()
	net := New([]int{2, 2, 1}, true, Sigmoid{}, Sigmoid{})
	ok := TrainConfig{Loss: HalfSSE{}, Schedule: Constant(1), MaxEpochs: 1}
	tests := []struct {
		name string
		cfg  func(c *TrainConfig)
		x, y *matrix.Matrix
		want string
	}{
		{"no loss", func(c *TrainConfig) { c.Loss = nil }, x, y, "Loss"},
		{"no schedule", func(c *TrainConfig) { c.Schedule = nil }, x, y, "Schedule"},
		{"no epochs", func(c *TrainConfig) { c.MaxEpochs = 0 }, x, y, "MaxEpochs"},
		{"negative batch", func(c *TrainConfig) { c.BatchSize = -1 }, x, y, "BatchSize"},
		{"targets rows", func(*TrainConfig) {}, x, matrix.New(3, 1), "4 samples but 3 targets"},
		{"input columns", func(*TrainConfig) {}, matrix.New(4, 3), y, "3 columns"},
		{"target columns", func(*TrainConfig) {}, x, matrix.New(4, 2), "2 columns"},
	}
	for _, tt := range tests {
		cfg := ok
		tt.cfg(&cfg)
		_, err := net.Train(tt.x, tt.y, cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

// TestStepAllocs asserts that a training step allocates nothing once its
// buffers exist, for each optimiser, and that a whole epoch of shuffled
// mini-batches does not either.
func TestStepAllocs(t *testing.T) {
	src := nprand.New(1)
	x := matrix.New(20, 4)
	FillUniform(x, src, -1, 1)
	y := matrix.New(20, 3)
	for i := range 20 {
		y.Set(i, i%3, 1)
	}
	for _, opt := range []Optimizer{GD{}, &Momentum{Mu: 0.9}, &Momentum{Mu: 0.9, Nesterov: true}, &Adam{}} {
		net := New([]int{4, 5, 3}, true, ReLU{}, Softmax{})
		He{}.Initialize(net, src)
		net.Step(x, y, CrossEntropy{}, 1e-4, opt, 0.01)
		if got := testing.AllocsPerRun(100, func() { net.Step(x, y, CrossEntropy{}, 1e-4, opt, 0.01) }); got != 0 {
			t.Errorf("Step with %T: got %v allocations, want 0", opt, got)
		}
	}
	// A batch large enough for matrix's blocked, parallel kernels.
	big := New([]int{784, 100, 10}, true, Sigmoid{}, Softmax{})
	Glorot{}.Initialize(big, src)
	bx, by := matrix.New(200, 784), matrix.New(200, 10)
	FillUniform(bx, src, 0, 1)
	for i := range 200 {
		by.Set(i, i%10, 1)
	}
	adam := &Adam{}
	big.Step(bx, by, CrossEntropy{}, 1e-4, adam, 0.001)
	if got := testing.AllocsPerRun(3, func() { big.Step(bx, by, CrossEntropy{}, 1e-4, adam, 0.001) }); got != 0 {
		t.Errorf("Step of 784-100-10 on 200 samples: got %v allocations, want 0", got)
	}
	// Train allocates its batch buffers once per call: the allocations of a
	// 1-epoch and a 20-epoch run must be the same.
	net := New([]int{4, 5, 3}, true, Tanh{}, Softmax{})
	Glorot{}.Initialize(net, src)
	run := func(epochs int) float64 {
		return testing.AllocsPerRun(5, func() {
			_, _ = net.Train(x, y, TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.01), MaxEpochs: epochs,
				BatchSize: 6, Shuffle: src, Optimizer: GD{}})
		})
	}
	if one, many := run(1), run(20); one != many {
		t.Errorf("Train: got %v allocations for 1 epoch and %v for 20, want equal", one, many)
	}
}

// scaledSamples stores inputs as bytes, as an image set does, and scales
// them to [0, 1] when a batch is gathered: the case TrainSamples is for.
type scaledSamples struct {
	pix     []byte
	in      int
	targets *matrix.Matrix
}

func (s scaledSamples) Len() int            { return s.targets.Rows }
func (s scaledSamples) Dims() (in, out int) { return s.in, s.targets.Cols }
func (s scaledSamples) Gather(x, y *matrix.Matrix, idx []int) {
	for k, i := range idx {
		for j := range s.in {
			x.Data[k*s.in+j] = float64(s.pix[i*s.in+j]) / 255
		}
		copy(y.Row(k), s.targets.Row(i))
	}
}

// TestTrainSamples checks that training from byte-valued samples gathered
// batch by batch gives exactly what Train gives on the same values held as
// a matrix, shuffled or not, and that its epochs allocate nothing.
func TestTrainSamples(t *testing.T) {
	src := nprand.New(5)
	s := scaledSamples{pix: make([]byte, 9*4), in: 4, targets: matrix.New(9, 3)}
	for i := range s.pix {
		s.pix[i] = byte(src.Randint(0, 256))
	}
	for i := range 9 {
		s.targets.Set(i, i%3, 1)
	}
	x := matrix.Generate(9, 4, func(i, j int) float64 { return float64(s.pix[i*4+j]) / 255 })
	for _, shuffle := range []bool{false, true} {
		a := New([]int{4, 5, 3}, true, Tanh{}, Softmax{})
		Glorot{}.Initialize(a, nprand.New(1))
		b := a.Clone()
		cfg := TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.1), MaxEpochs: 4, BatchSize: 4, History: true}
		if shuffle {
			cfg.Shuffle = nprand.New(3)
		}
		want, err := a.Train(x, s.targets, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if shuffle {
			cfg.Shuffle = nprand.New(3)
		}
		got, err := b.TrainSamples(s, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got.History) != fmt.Sprint(want.History) || !matrix.Equal(a.Layers[0].W, b.Layers[0].W) || !matrix.Equal(a.Layers[1].W, b.Layers[1].W) {
			t.Errorf("shuffle %v: TrainSamples history %v, Train %v (or the weights differ)", shuffle, got.History, want.History)
		}
	}
	net := New([]int{4, 5, 3}, true, Tanh{}, Softmax{})
	run := func(epochs int) float64 {
		return testing.AllocsPerRun(5, func() {
			_, _ = net.TrainSamples(s, TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.01), MaxEpochs: epochs, BatchSize: 4, Shuffle: src})
		})
	}
	if one, many := run(1), run(20); one != many {
		t.Errorf("TrainSamples: got %v allocations for 1 epoch and %v for 20, want equal", one, many)
	}
	if _, err := net.TrainSamples(scaledSamples{in: 2, targets: matrix.New(3, 3), pix: make([]byte, 6)}, TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.01), MaxEpochs: 1}); err == nil || !errors.Is(err, matrix.ErrShape) {
		t.Errorf("TrainSamples with 2-column inputs for a 4-input network: error %v, want one wrapping ErrShape", err)
	}
}

// TestTrainSamplesImages trains on the embedded Fashion-MNIST subset
// straight from its bytes and checks that the loss falls.
func TestTrainSamplesImages(t *testing.T) {
	train, _ := data.EmbeddedFashion10()
	net := New([]int{784, 16, 10}, true, ReLU{}, Softmax{})
	Glorot{}.Initialize(net, nprand.New(1))
	res, err := net.TrainSamples(train.OneHotSamples(0, 1, 0, 1), TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.001),
		Optimizer: &Adam{}, MaxEpochs: 3, BatchSize: 200, Shuffle: nprand.New(2), History: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := res.History; !(h[2] < h[0]) {
		t.Errorf("loss by epoch %v, want it to fall", h)
	}
}
