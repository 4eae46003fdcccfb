// Optimizers races four update rules — plain gradient descent, momentum,
// Nesterov momentum and Adam — on the forum question's 2-3-1 sigmoid network
// (and on XOR), each from the same numpy-seeded starting weights, and counts
// the full-batch iterations each needs to bring the summed squared error
// below 0.001, with raw and with standardised inputs. The answer to the
// question says a hand-written gradient descent needs a better optimiser to
// compete with scikit-learn's Adam; the tables say by how much.
//
//	go run ./lessons/06-optimizers
//	go run ./lessons/06-optimizers -time -plot ""
//	go run ./lessons/06-optimizers -seed 7 -mu 0.5 -adam-rates 0.001,0.01
//
// With g = ∂E/∂W, one iteration of each rule is (rules.go, in matrix
// operations; nn.Train runs the rest of the step)
//
//	gradient descent  W ← W − η·g
//	momentum          v ← μ·v − η·g;  W ← W + v
//	Nesterov          v ← μ·v − η·g;  W ← W + μ·v − η·g
//	Adam              m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²
//	                  W ← W − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√s + ε)
package main

import (
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn"
)

// questionRate is the learning rate of the question's script (alpha = 0.5).
const questionRate = 0.5

// config holds the lesson's settings, one per flag.
type config struct {
	seed      uint32    // np.random.seed value for the starting weights
	mu        float64   // momentum coefficient μ (momentum and Nesterov)
	goal      float64   // stop once Σ(a − y)² < goal
	maxIter   int       // give up after this many iterations
	gdRates   []float64 // learning rates swept for gradient descent
	momRates  []float64 // … for momentum and Nesterov
	adamRates []float64 // … for Adam
	time      bool      // also measure and print wall times
	reps      int       // timing repetitions (the fastest is printed)
	plot      string    // PNG or JPEG file for the loss curves; "" = none
	trace     int       // print the first trace steps of each rule at its first rate on Iris, raw inputs
}

func defaultConfig() config {
	return config{
		seed: 1, mu: 0.9, goal: 0.001, maxIter: 100000,
		gdRates:   []float64{0.1, 0.5, 1, 2, 5, 10},
		momRates:  []float64{0.01, 0.05, 0.1, 0.5, 1},
		adamRates: []float64{0.001, 0.01, 0.05, 0.1, 0.5},
		reps:      5,
		plot:      "optimizers.png",
	}
}

// optimisers returns the four rules (rules.go), each with the rates swept for it.
func optimisers(cfg config) []optimiser {
	return []optimiser{
		{"gradient descent", cfg.gdRates, func() nn.Optimizer { return gradientDescent{} }},
		{"momentum", cfg.momRates, func() nn.Optimizer { return &momentum{mu: cfg.mu} }},
		{"Nesterov", cfg.momRates, func() nn.Optimizer { return &nesterov{mu: cfg.mu} }},
		{"Adam", cfg.adamRates, func() nn.Optimizer { return &adam{} }},
	}
}

func main() { cli.Main("optimizers", parseFlags, run) }

// study is everything the lesson computes before it prints.
type study struct {
	ps    []problem
	opts  []optimiser
	res   [][][]run1 // res[p][o][k]: problem p, optimiser o, its rate k
	bests []bests    // bests[p]: each optimiser's best rate on problem p
}

// newStudy sweeps every optimiser's rates on every problem and picks the
// best rate of each.
func newStudy(cfg config) *study {
	ps := problems()
	s := &study{ps: ps, opts: optimisers(cfg)}
	s.res = sweep(cfg, s.ps, s.opts)
	for p := range ps {
		s.bests = append(s.bests, bestRates(cfg, ps[p], s.opts, s.res[p]))
	}
	return s
}

// run sweeps every optimiser's rates on every problem, prints the iteration
// counts and the best rate of each, and writes the Iris loss curves to
// cfg.plot. With cfg.time it times each best run afresh, one at a time.
func run(w io.Writer, cfg config) error {
	if cfg.trace > 0 {
		traceRules(w, cfg)
	}
	return report(w, cfg, newStudy(cfg))
}
