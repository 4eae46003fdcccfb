// Alpha-sweep trains the 3-4-1 sigmoid network of the alpha-sweep notebook on
// XOR (with a constant third input standing in for a bias) once for each of
// seven learning rates, from the same numpy-seeded starting weights, and
// prints the notebook's "Error after N iterations" lines so the two can be
// laid side by side.
//
//	go run ./lessons/03-alpha-sweep
//	go run ./lessons/03-alpha-sweep -alphas 0.5,5,50 -steps 20000 -plot sweep.png
//	go run ./lessons/03-alpha-sweep -alphas 10 -steps 1 -trace 1
//
// Each step is the notebook's full-batch backpropagation, one statement per
// line in step.go (network.step):
//
//	l1 = σ(X·W0)            l2 = σ(l1·W1)
//	δ2 = (l2 − y) ⊙ l2(1 − l2)
//	δ1 = δ2·W1ᵀ ⊙ l1(1 − l1)
//	W1 ← W1 − α·l1ᵀ·δ2      W0 ← W0 − α·Xᵀ·δ1
//
// fused.go is the same loop with the sizes fixed and the calls removed; -fused
// runs it, with the same bits.
package main

import (
	"bytes"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
)

// config holds the lesson's settings, one per flag.
type config struct {
	alphas []float64 // learning rates to sweep
	steps  int       // training steps per alpha
	every  int       // print the error every this many steps
	record int       // record the error for the plot every this many steps
	seed   uint32    // np.random.seed value
	digits int       // significant digits printed; 0 = all (Python's repr)
	plot   string    // PNG or JPEG file for the error curves; "" = none
	fused  bool      // run fused.go's loop instead of step.go's
	trace  int       // print every quantity of the first trace steps
}

// figure is the picture the README shows; only the default run writes it.
const figure = "alpha-sweep.png"

func defaultConfig() config {
	return config{
		alphas: []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000},
		steps:  60000, every: 10000, record: 100, seed: 1, digits: 10,
		plot: figure,
	}
}

func main() { cli.Main("alpha-sweep", parseFlags, run) }

// run prints the initial synapses and, for each learning rate, the error
// every cfg.every steps, then the trace if asked for; it writes the error
// curves to cfg.plot.
func run(w io.Writer, cfg config) error {
	w0, w1 := initialWeights(cfg.seed)
	printSynapses(w, w0, w1)

	results := sweep(cfg)
	for _, r := range results {
		printErrors(w, cfg, r)
	}
	if cfg.trace > 0 {
		fmt.Fprintf(w, "\nTrace of each learning rate's first steps (-trace %d):\n", cfg.trace)
		for _, r := range results {
			fmt.Fprint(w, r.trace)
		}
	}
	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg, results) })
}

// sweep trains one network per learning rate, with step.go's loop or, with
// cfg.fused, fused.go's. The rates are independent, so they run on all cores
// at once; each result is the same as a serial run.
func sweep(cfg config) []result {
	results := make([]result, len(cfg.alphas))
	cli.Parallel(len(cfg.alphas), func(i int) { results[i] = trainOne(cfg, cfg.alphas[i]) })
	return results
}

// trainOne trains the network for one learning rate, keeping the trace of
// its first cfg.trace steps in the result.
func trainOne(cfg config, alpha float64) result {
	if cfg.fused {
		return trainFused(cfg, alpha)
	}
	var buf bytes.Buffer
	tr := trace.New(&buf, cfg.trace)
	if tr != nil {
		fmt.Fprintf(&buf, "Training With Alpha: %s\n", formatAlpha(alpha))
	}
	r := train(cfg, alpha, tr)
	r.trace = buf.String()
	return r
}
