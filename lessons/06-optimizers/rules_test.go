package main

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn"
)

// TestRulesEqualNN checks the lesson's four rules against nn's own
// (nn.GD, nn.Momentum with and without Nesterov, nn.Adam): on every problem,
// at every rate of the default sweep, 2000 steps of each give the same
// weights and biases to the last bit, or diverge at the same step.
func TestRulesEqualNN(t *testing.T) {
	cfg := defaultConfig()
	engine := map[string]func() nn.Optimizer{
		"gradient descent": func() nn.Optimizer { return nn.GD{} },
		"momentum":         func() nn.Optimizer { return &nn.Momentum{Mu: cfg.mu} },
		"Nesterov":         func() nn.Optimizer { return &nn.Momentum{Mu: cfg.mu, Nesterov: true} },
		"Adam":             func() nn.Optimizer { return &nn.Adam{} },
	}
	for _, p := range problems() {
		for _, o := range optimisers(cfg) {
			for _, rate := range o.rates {
				ours, theirs := newNet(cfg.seed), newNet(cfg.seed)
				steps := func(net *nn.Network, opt nn.Optimizer) string {
					res, err := net.Train(p.x, p.y, nn.TrainConfig{Loss: nn.HalfSSE{}, Schedule: nn.Constant(rate), MaxEpochs: 2000, Optimizer: opt})
					return fmt.Sprint(res.Epochs, err)
				}
				a, b := steps(ours, o.make()), steps(theirs, engine[o.name]())
				if a != b {
					t.Errorf("%s, %s, η=%g: the lesson's rule ends with %s, nn's with %s", p.name, o.name, rate, a, b)
				}
				po, pt := ours.Params(), theirs.Params()
				for k := range po {
					for i, v := range po[k].Value.Data {
						if w := pt[k].Value.Data[i]; math.Float64bits(v) != math.Float64bits(w) {
							t.Fatalf("%s, %s, η=%g: %s[%d] is %.17g, nn's %.17g", p.name, o.name, rate, po[k].Name, i, v, w)
						}
					}
				}
			}
		}
	}
}

// TestTrace guards the -trace output for one step of each rule and checks
// that the README quotes the momentum excerpt.
func TestTrace(t *testing.T) {
	cfg := defaultConfig()
	cfg.trace = 1
	var buf bytes.Buffer
	traceRules(&buf, cfg)
	golden.Check(t, "trace", buf.Bytes())
	momentum := lessontest.Excerpt(t, buf.String(), "== trace: momentum", "== trace: Nesterov")
	golden.InREADME(t, "README.md", lessontest.Excerpt(t, momentum, "v_w2 =", "w1 - w1_old ="))
}
