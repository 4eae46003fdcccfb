package main

import (
	"math"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// engineFit is fit made by nn's engine: the same 1-1-1 network as nn
// layers (hidden activation act, identity output, zero biases) trained by
// nn.Train with batch size 1 in order, loss nn.HalfSSE.
func engineFit(w1, w2 float64, act nn.Activation, x, y *matrix.Matrix, rate float64, epochs int) (*nn.Network, error) {
	net := nn.NewNetwork(
		nn.NewLayer(matrix.FromSlice(1, 1, []float64{w1}), matrix.New(1, 1), act),
		nn.NewLayer(matrix.FromSlice(1, 1, []float64{w2}), matrix.New(1, 1), nn.Identity{}))
	_, err := net.Train(x, y, nn.TrainConfig{Loss: nn.HalfSSE{}, Schedule: nn.Constant(rate), MaxEpochs: epochs, BatchSize: 1})
	return net, err
}

// TestEngineEqual proves the lesson's gradient-descent step equal to nn's
// engine on the default run's three fits (sigmoid hidden unit on raw and
// scaled inputs, identity on raw inputs), and on two more starts: the same
// weights and biases, to the last bit.
func TestEngineEqual(t *testing.T) {
	cfg := defaultConfig()
	xs, ys := data(10)
	y := column(ys, 1)
	for _, seed := range []uint32{cfg.seed, 1, 3} {
		w1, w2 := startWeights(seed)
		for _, c := range []struct {
			name    string
			f, fp   func(float64) float64
			act     nn.Activation
			div, rt float64
		}{
			{"sigmoid, inputs 1 … 9", sigmoid, sigmoidSlope, nn.Sigmoid{}, 1, cfg.rate},
			{"sigmoid, inputs 0.1 … 0.9", sigmoid, sigmoidSlope, nn.Sigmoid{}, 10, cfg.rate},
			{"identity, inputs 1 … 9", identity, identitySlope, nn.Identity{}, 1, linearRate},
		} {
			x := column(xs, c.div)
			got := newNet(w1, w2, c.f, c.fp)
			if _, err := fit(got, x, y, c.rt, cfg.epochs, nil); err != nil {
				t.Fatal(err)
			}
			want, err := engineFit(w1, w2, c.act, x, y, c.rt, cfg.epochs)
			if err != nil {
				t.Fatal(err)
			}
			l1, l2 := want.Layers[0], want.Layers[1]
			gw1, gb1, gw2, gb2 := got.params()
			for i, p := range [][2]float64{{gw1, l1.W.Data[0]}, {gb1, l1.B.Data[0]}, {gw2, l2.W.Data[0]}, {gb2, l2.B.Data[0]}} {
				if math.Float64bits(p[0]) != math.Float64bits(p[1]) {
					t.Errorf("seed %d, %s: parameter %d (w1, b1, w2, b2) is %.17g, nn's %.17g", seed, c.name, i, p[0], p[1])
				}
			}
		}
	}
}
