package main

import (
	"math"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// engineOnline is online's question loop made by nn's engine: the same
// start (converted by engine), the same draws, and one nn Network.Step
// (loss nn.HalfSSE, optimiser nn.GD) per drawn row.
func engineOnline(t task, s setting, hidden int, seed uint32, steps int) *nn.Network {
	rng := nprand.New(seed)
	net := newNetwork(hidden, s.scale, rng).engine()
	for range steps {
		i := int(rng.Randint(0, 4))
		x, y := matrix.FromSlice(1, 2, t.x.Row(i)), matrix.FromSlice(1, 1, t.y.Row(i))
		net.Step(x, y, nn.HalfSSE{}, 0, nn.GD{}, s.rate)
	}
	return net
}

// TestEngineEqual proves the lesson's step equal to nn's engine: for every
// task and setting of the default table, at the default seed and at seeds
// 1 … 3 of the sweep, the lesson's loop and nn's end with the same weights
// and biases to the last bit.
func TestEngineEqual(t *testing.T) {
	cfg := defaultConfig()
	settings := []setting{{"question", 1, 0.1}, {"rate only", 1, 0.2}, {"scale only", 2, 0.1}, {"answer", 2, 0.2}}
	for _, tk := range []task{or, xor} {
		for _, s := range settings {
			for _, seed := range []uint32{cfg.seed, 1, 2, 3} {
				got := online(tk, s, cfg.hidden, seed, cfg.steps, cfg.steps+1, questionLoop, nil).net.engine()
				want := engineOnline(tk, s, cfg.hidden, seed, cfg.steps)
				pg, pw := got.Params(), want.Params()
				for k := range pg {
					for i, v := range pg[k].Value.Data {
						if w := pw[k].Value.Data[i]; math.Float64bits(v) != math.Float64bits(w) {
							t.Fatalf("%s, %v, seed %d: %s[%d] is %.17g, nn's %.17g", tk.name, s, seed, pg[k].Name, i, v, w)
						}
					}
				}
			}
		}
	}
}

// TestStepAllocations checks that a training step allocates nothing.
func TestStepAllocations(t *testing.T) {
	net := newNetwork(3, 1, nprand.New(1))
	xs, ys := or.columns()
	if n := testing.AllocsPerRun(100, func() { net.backpropagate(xs[1], ys[1], 0.1) }); n != 0 {
		t.Errorf("a step allocates %v times, want 0", n)
	}
}
