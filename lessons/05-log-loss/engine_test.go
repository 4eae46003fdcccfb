package main

import (
	"math"
	"runtime"
	"sync"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// engineRun is train's run made by nn's engine instead of step.go: the same
// network (nn.New with nn.NumpyUniform draws the question's weights in its
// order), nn.Train with full-batch gradient descent on nn.HalfSSE, whose
// output delta is (a − y) ⊙ a(1 − a), or on the summed log-loss
// nn.LogLoss{Sum: true}, whose output delta is a − y, and the same stopping
// rule. It returns the outcome's counts and errors and the trained network.
func engineRun(x, y *matrix.Matrix, seed uint32, loss string, alpha, goal float64, maxIter int) (outcome, *nn.Network, error) {
	net := nn.New([]int{2, 3, 1}, true, nn.Sigmoid{}, nn.Sigmoid{})
	nn.NumpyUniform{}.Initialize(net, nprand.New(seed))
	var l nn.Loss = nn.HalfSSE{}
	if loss == "log" {
		l = nn.LogLoss{Sum: true}
	}
	out := outcome{atSSE: -1, atLog: -1}
	_, err := net.Train(x, y, nn.TrainConfig{
		Loss: l, Schedule: nn.Constant(alpha), MaxEpochs: maxIter,
		Callback: func(e nn.Epoch) error {
			i := e.N - 1
			out.sse = nn.SSE{}.Value(e.Net.Output(), y)
			out.logLoss = nn.LogLoss{}.Value(e.Net.Output(), y)
			if out.atSSE < 0 && out.sse < goal {
				out.atSSE = i
			}
			if out.atLog < 0 && out.logLoss < goal {
				out.atLog = i
			}
			if out.atSSE >= 0 && (loss != "log" || out.atLog >= 0) {
				return nn.ErrStop
			}
			return nil
		},
	})
	return out, net, err
}

// sameBits reports whether a and b hold the same float64s to the last bit.
func sameBits(a, b []float64) bool {
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return len(a) == len(b)
}

// TestEngineEqual proves the lesson's step equal to nn's engine: every run
// of the default table, made by nn.Train, stops at the same iterations with
// the same errors and the same weights and biases, to the last bit.
func TestEngineEqual(t *testing.T) {
	x, y := data.EpochsQuestionIris()
	inputs := map[bool]*matrix.Matrix{false: x, true: new(nn.StandardScaler).FitTransform(x)}
	cfg := defaultConfig()
	cells := defaultTable()
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, c := range cells {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			want, net, err := engineRun(inputs[c.standardised], y, cfg.seed, c.loss, c.alpha, cfg.goal, cfg.maxIter)
			if err != nil || c.err != nil {
				t.Errorf("%s, standardised %v, α %g: errors %v (lesson) and %v (nn)", c.loss, c.standardised, c.alpha, c.err, err)
				return
			}
			got := c.out
			if got.atSSE != want.atSSE || got.atLog != want.atLog || !sameBits([]float64{got.sse, got.logLoss}, []float64{want.sse, want.logLoss}) {
				t.Errorf("%s, standardised %v, α %g: got at %d/%d, errors %.17g/%.17g; nn at %d/%d, errors %.17g/%.17g",
					c.loss, c.standardised, c.alpha, got.atSSE, got.atLog, got.sse, got.logLoss, want.atSSE, want.atLog, want.sse, want.logLoss)
			}
			l1, l2 := net.Layers[0], net.Layers[1]
			for _, p := range []struct {
				name      string
				got, want *matrix.Matrix
			}{
				{"weights_1", got.net.weights1, l1.W}, {"bias_1", got.net.bias1, l1.B},
				{"weights_2", got.net.weights2, l2.W}, {"bias_2", got.net.bias2, l2.B},
			} {
				if !sameBits(p.got.Data, p.want.Data) {
					t.Errorf("%s, standardised %v, α %g: %s got\n%v\nnn\n%v", c.loss, c.standardised, c.alpha, p.name, p.got, p.want)
				}
			}
		}()
	}
	wg.Wait()
}
