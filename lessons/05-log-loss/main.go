// Log-loss trains the 2-3-1 sigmoid network of the forum question "why does
// my network need so many more epochs than MLPClassifier?" on the log-loss
// that MLPClassifier uses, as the answer suggests, and tabulates the
// iterations needed to bring the sum of squared errors (and the mean
// log-loss) under 0.001 for both losses, raw and standardised inputs, and a
// few learning rates. It draws the SSE curves of the four combinations.
//
//	go run ./lessons/05-log-loss
//	go run ./lessons/05-log-loss -alphas 0.02,0.1 -scale raw -plot ""
//	go run ./lessons/05-log-loss -loss log -scale raw -alphas 0.05 -trace 1
//
// The step is the question's loop, in step.go; the two losses differ only in
// the output delta (squaredErrorDelta and logLossDelta):
//
//	squared error  E = ½ Σ (a − y)²                      δ2 = (a − y) ⊙ a(1 − a)
//	log-loss       E = −Σ [y ln a + (1 − y) ln(1 − a)]   δ2 = a − y
//
// The rest of the step is the same:
//
//	l1 = σ(X·W1 + b1)    l2 = σ(l1·W2 + b2)    δ1 = δ2·W2ᵀ ⊙ l1(1 − l1)
//	W2 ← W2 − α·l1ᵀ·δ2   W1 ← W1 − α·Xᵀ·δ1
//	b2 ← b2 − α·Σ_rows δ2   b1 ← b1 − α·Σ_rows δ1
package main

import (
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed    uint32    // np.random.seed value for the initial weights
	alphas  []float64 // learning rates of the table
	goal    float64   // the error goal
	maxIter int       // give up after this many iterations
	scales  []bool    // false: raw inputs; true: standardised
	losses  []string  // "sse", "log"
	plot    string    // PNG file for the SSE curves; "" = none
	trace   int       // print every quantity of the first run's first trace steps
}

func defaultConfig() config {
	return config{seed: 1, alphas: []float64{0.01, 0.05, 0.5}, goal: 0.001, maxIter: 1000000,
		scales: []bool{false, true}, losses: []string{"sse", "log"}, plot: "log-loss.png"}
}

// The plot shows each loss at the learning rate its author used: the
// question's 0.5 for squared error, the answer's better 0.05 for log-loss.
const plotAlphaSSE, plotAlphaLog, plotIter = 0.5, 0.05, 8000

func main() { cli.Main("log-loss", parseFlags, run) }

// run trains every cell of the table (tracing the first), and prints the
// table and draws the plot only once every run has ended without error.
func run(w io.Writer, cfg config) error {
	cells := trainAll(cfg, trace.New(w, cfg.trace))
	for _, c := range cells {
		if c.err != nil {
			return c.err
		}
	}
	return report(w, cfg, cells)
}

// cell is one training run of the table.
type cell struct {
	loss         string
	standardised bool
	alpha        float64
	out          outcome
	err          error
}
