// Delta-rule teaches one sigmoid neuron the AND function with the batch delta
// rule, once with the sigmoid's derivative in the update (gradient descent on
// the squared error) and once without it (gradient descent on the
// cross-entropy), and prints the neuron's four outputs after 10,000 and 35,000
// epochs beside the values a forum question printed from Java. With the
// question's settings the outputs agree bit for bit.
//
//	go run ./lessons/01-delta-rule
//	go run ./lessons/01-delta-rule -epochs 100,1000,100000 -variant cross-entropy
package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"nnscratch/lessons/internal/cli"
)

// config holds the settings of one run; parseFlags fills it from the command
// line.
type config struct {
	epochs   []int     // checkpoints, strictly increasing
	rate     float64   // learning rate η
	biasInit float64   // starting bias weight w₀ (the input weights start at 0)
	variants []variant // which updates to train
	pow      string    // key of exps: how e^-z is computed
}

// variant is one form of the delta rule.
type variant struct {
	name  string
	deriv bool // multiply the error by σ'(z) = a(1−a)
	rule  string
}

var (
	crossEntropy = variant{"cross-entropy", false, "Δw = η·(y − a)·x, no σ'(z)"}
	squaredError = variant{"squared-error", true, "Δw = η·(y − a)·a(1 − a)·x"}
)

// The four AND samples in the question's order, bias input 1 at index 0, and
// the order in which it printed the trained neuron's outputs.
var (
	samples = [4][3]float64{{1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}}
	targets = [4]float64{0, 0, 0, 1}
	probes  = [4][3]float64{{1, 1, 1}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}}
)

// published holds the outputs printed in the question (rate 0.021, bias
// weight −2, input weights 0), keyed by variant and epoch count, as the
// literals Java printed.
var published = map[string]map[int][4]string{
	"cross-entropy": {
		10000: {"0.9666565909058419", "2.05087653022386E-5", "0.023803593411627456", "0.023803593411627456"},
		35000: {"0.9903810162649429", "4.6475933225663785E-7", "0.006870001301253153", "0.006870001301253153"},
	},
	"squared-error": {
		10000: {"0.8446651307271656", "0.004030424878725242", "0.129178264332045", "0.129178264332045"},
		35000: {"0.9218773156128204", "4.169603485934177E-4", "0.06555977437019253", "0.06555977437019253"},
	},
}

// exps are the ways -pow offers to compute e^y. Only "java" gives the same
// bits on every platform (math.Pow and math.Exp have per-architecture code).
var exps = map[string]struct {
	f   func(float64) float64
	how string
}{
	"java": {javaPowE, "as Java's Math.pow(Math.E, -z): correctly rounded"},
	"go":   {func(y float64) float64 { return math.Pow(math.E, y) }, "with Go's math.Pow(math.E, -z)"},
	"exp":  {math.Exp, "with Go's math.Exp(-z), a true e^-z"},
}

func main() { cli.Main("delta-rule", parseFlags, run) }

// neuron is one sigmoid unit: a = σ(w·x) with x[0] = 1 the bias input.
type neuron struct {
	w   [3]float64
	exp func(float64) float64 // e^y
}

// output returns σ(w·x) = 1/(1 + e^(−w·x)), summing w·x from index 0 up as
// the Java loop does.
func (n *neuron) output(x [3]float64) float64 {
	z := 0.0
	for i := range x {
		z = z + float64(n.w[i]*x[i])
	}
	return 1 / (1 + n.exp(-z))
}

// epoch runs one batch delta-rule epoch: it sums η·(y − a)[·a(1 − a)]·x over
// the four samples, then adds the sum to the weights, in the Java code's order
// of operations.
func (n *neuron) epoch(rate float64, deriv bool) {
	var dw [3]float64
	for k, x := range samples {
		a := n.output(x)
		delta := rate * (targets[k] - a)
		if deriv {
			delta = delta * a * (1 - a)
		}
		for i := range dw {
			dw[i] = dw[i] + float64(delta*x[i])
		}
	}
	for i := range n.w {
		n.w[i] += dw[i]
	}
}

// snapshot is the neuron at one checkpoint: its weights and its outputs for
// the four probes.
type snapshot struct {
	epochs int
	w      [3]float64
	out    [4]float64
}

// train runs variant v from the starting weights of cfg and returns a snapshot
// at each of cfg.epochs. Cost: 4 sigmoid evaluations per epoch.
func train(v variant, cfg config) []snapshot {
	n := neuron{w: [3]float64{cfg.biasInit, 0, 0}, exp: exps[cfg.pow].f}
	var snaps []snapshot
	done := 0
	for _, target := range cfg.epochs {
		for ; done < target; done++ {
			n.epoch(cfg.rate, v.deriv)
		}
		s := snapshot{epochs: target, w: n.w}
		for i, x := range probes {
			s.out[i] = n.output(x)
		}
		snaps = append(snaps, s)
	}
	return snaps
}

// run trains each chosen variant and writes the outputs at each checkpoint
// to w, beside the published values when the settings are the question's.
func run(w io.Writer, cfg config) error {
	fmt.Fprintf(w, "AND with one sigmoid neuron, batch delta rule: rate %v, w0 = %v (bias input 1), w1 = w2 = 0\n", cfg.rate, cfg.biasInit)
	fmt.Fprintf(w, "sigmoid a = 1/(1 + e^-z), e^-z computed %s\n", exps[cfg.pow].how)
	showPublished := cfg.rate == 0.021 && cfg.biasInit == -2
	for _, v := range cfg.variants {
		fmt.Fprintf(w, "\n%s: %s\n", v.name, v.rule)
		for _, s := range train(v, cfg) {
			fmt.Fprintf(w, "  after %d epochs: w0 = %.6f, w1 = %.6f, w2 = %.6f\n", s.epochs, s.w[0], s.w[1], s.w[2])
			fmt.Fprintf(w, "    %-6s  %-18s  %-24s  %-24s  %s\n", "input", "output", "Java Double.toString", "published", "match")
			pub, ok := published[v.name][s.epochs]
			for i, x := range probes {
				p, match := "-", "-"
				if showPublished && ok {
					p, match = pub[i], compare(s.out[i], pub[i])
				}
				fmt.Fprintf(w, "    (%v,%v)   %.12e  %-24s  %-24s  %s\n", x[1], x[2], s.out[i], javaDouble(s.out[i]), p, match)
			}
		}
	}
	return nil
}

// compare says how a computed output agrees with a published literal:
// "bit-exact", or the relative difference.
func compare(got float64, literal string) string {
	want, err := strconv.ParseFloat(literal, 64)
	if err != nil {
		return "unparsable"
	}
	if got == want {
		return "bit-exact"
	}
	return fmt.Sprintf("rel. diff %.1e", math.Abs(got-want)/math.Abs(want))
}
