// Bias trains the 2-3-1 sigmoid network of the forum question "why does my
// network need so many more epochs than MLPClassifier?" on its ten Iris
// flowers, and counts the iterations it needs to bring the sum of squared
// errors under 0.001 with each of the slips the answer found: the error
// written as Y − output with += updates (the same as gradient descent), only
// one of the two signs flipped (gradient ascent), and the bias gradient
// summed into one number for all units instead of per unit. Each runs on the
// raw inputs and on inputs standardised to mean 0 and standard deviation 1.
//
//	go run ./lessons/04-bias
//	go run ./lessons/04-bias -seed 7 -variant fixed -scale raw
//	go run ./lessons/04-bias -variant fixed -scale raw -max-iter 1 -trace 1
//
// One full-batch step of the question's code, with its bias rows b1 and b2,
// one statement per line in step.go (network.step), each slip a visible
// alternative beside the right line:
//
//	l1 = σ(X·W1 + b1)               l2 = σ(l1·W2 + b2)
//	δ2 = (l2 − Y) ⊙ l2(1 − l2)      δ1 = δ2·W2ᵀ ⊙ l1(1 − l1)
//	W2 ← W2 − α·l1ᵀ·δ2              W1 ← W1 − α·Xᵀ·δ1
//	b2 ← b2 − α·Σ_rows δ2           b1 ← b1 − α·Σ_rows δ1
package main

import (
	"bytes"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed     uint32    // np.random.seed value for the initial weights
	alpha    float64   // learning rate
	goal     float64   // stop when the sum of squared errors is below this
	maxIter  int       // give up after this many iterations
	scales   []bool    // false: raw inputs; true: standardised
	variants []variant // which ways of writing the update to run
	trace    int       // print every quantity of each run's first trace steps
}

func defaultConfig() config {
	return config{seed: 1, alpha: 0.5, goal: 0.001, maxIter: 1000000,
		scales: []bool{false, true}, variants: variants}
}

func main() { cli.Main("bias", parseFlags, run) }

// ascentMarks are the iterations at which the gradient-ascent runs print
// their error.
var ascentMarks = []int{0, 10, 100, 1000, 10000}

// run trains every selected variant on every selected input scaling and
// prints the iteration counts, the weights learned and, for the variants
// that climb, their error at a few iterations; then the traces, if asked for.
func run(w io.Writer, cfg config) error {
	x, y := data.EpochsQuestionIris()
	fmt.Fprintf(w, "Inputs: sepal and petal length (cm) of ten Iris flowers; target 1 = virginica, 0 = versicolor\n")
	for i, r := range data.EpochsQuestionRows() {
		fmt.Fprintf(w, "  iris.csv row %3d: %3.1f %3.1f -> %g\n", r, x.At(i, 0), x.At(i, 1), y.At(i, 0))
	}
	fmt.Fprintf(w, "\nInitial weights after np.random.seed(%d):\n", cfg.seed)
	printNetwork(w, newNetwork(cfg.seed, x.Rows))

	inputs := map[bool]*matrix.Matrix{false: x, true: new(nn.StandardScaler).FitTransform(x)}
	var traces bytes.Buffer
	// train runs variant v on inputs s from the seeded start, keeping its trace.
	train := func(v variant, s bool, maxIter, record int) (outcome, error) {
		tr := trace.New(&traces, cfg.trace)
		if tr != nil {
			fmt.Fprintf(&traces, "%s, %s inputs:\n", v.name, scaleName(s))
		}
		return trainRun(newNetwork(cfg.seed, x.Rows), inputs[s], y, v, cfg.alpha, cfg.goal, maxIter, record, tr)
	}
	fmt.Fprintf(w, "\nIterations until the sum of squared errors < %g (alpha %g, at most %d):\n", cfg.goal, cfg.alpha, cfg.maxIter)
	results := map[string]map[bool]outcome{}
	var climbers []variant
	for _, v := range cfg.variants {
		if !v.descends() {
			climbers = append(climbers, v)
			continue
		}
		results[v.name] = map[bool]outcome{}
		fmt.Fprintf(w, "  %-12s", v.name)
		for _, s := range cfg.scales {
			o, err := train(v, s, cfg.maxIter, 0)
			if err != nil {
				return fmt.Errorf("%s, %s inputs: %w", v.name, scaleName(s), err)
			}
			results[v.name][s] = o
			fmt.Fprintf(w, "  %-9s %s", scaleName(s)+":", count(o))
		}
		fmt.Fprintf(w, "   %s\n", v.about)
	}
	if f, ok := results["fixed"]; ok {
		if fl, ok := results["flipped"]; ok {
			for _, s := range cfg.scales {
				fmt.Fprintf(w, "  flipped and fixed end with identical weights (%s): %v\n",
					scaleName(s), sameWeights(f[s].net, fl[s].net))
			}
		}
	}

	printLearned(w, results, cfg.scales, newNetwork(cfg.seed, x.Rows))

	if len(climbers) > 0 {
		n := min(cfg.maxIter, ascentMarks[len(ascentMarks)-1]+1)
		printAscentHeader(w, n)
		for _, v := range climbers {
			for _, s := range cfg.scales {
				o, err := train(v, s, n, n)
				if err != nil {
					return fmt.Errorf("%s, %s inputs: %w", v.name, scaleName(s), err)
				}
				fmt.Fprintf(w, "  %-12s %-9s", v.name, scaleName(s))
				for _, m := range ascentMarks {
					if m < len(o.curve) {
						fmt.Fprintf(w, " %9.5f", o.curve[m])
					}
				}
				fmt.Fprintf(w, "   %s\n", v.about)
			}
		}
	}
	if cfg.trace > 0 {
		fmt.Fprintf(w, "\nTrace of each run's first steps (-trace %d):\n", cfg.trace)
		w.Write(traces.Bytes())
	}
	return nil
}
