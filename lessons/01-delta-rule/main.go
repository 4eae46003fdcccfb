// Delta-rule teaches one sigmoid neuron the AND function with the batch delta
// rule, once with the sigmoid's derivative in the update (gradient descent on
// the squared error) and once without it (gradient descent on the
// cross-entropy), and prints the neuron's four outputs after 10,000 and 35,000
// epochs beside the values a forum question printed from Java. With the
// question's settings the outputs agree bit for bit.
//
//	go run ./lessons/01-delta-rule
//	go run ./lessons/01-delta-rule -epochs 100,1000,100000 -variant cross-entropy
//	go run ./lessons/01-delta-rule -epochs 1 -trace 1
//
// One epoch, over the four samples X (one per row, bias input 1 first) and
// targets y, is in step.go (neuron.epoch), one statement per line:
//
//	z = X·w        a = σ(z) = 1/(1 + e^−z)        e = y − a
//	δ = η·e                  cross-entropy: the rule without σ′
//	δ = η·e·a(1 − a)         squared error: the rule with σ′
//	w ← w + Xᵀ·δ
//
// The appendix files reproduce Java's arithmetic: appendix_javapow.go its
// Math.pow(Math.E, -z), appendix_javafmt.go its Double.toString.
package main

import (
	"bytes"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
)

// config holds the settings of one run; parseFlags fills it from the command
// line.
type config struct {
	epochs   []int     // checkpoints, strictly increasing
	rate     float64   // learning rate η
	biasInit float64   // starting bias weight w₀ (the input weights start at 0)
	variants []variant // which updates to train
	pow      string    // key of exps: how e^-z is computed
	trace    int       // print every quantity of the first trace epochs
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

// published holds the outputs printed in the question (rate 0.021, bias
// weight −2, input weights 0), keyed by variant and epoch count, as the
// literals Java printed, for the inputs (1,1), (0,0), (0,1), (1,0).
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

func main() { cli.Main("delta-rule", parseFlags, run) }

// run trains each chosen variant and writes the outputs at each checkpoint
// to w, beside the published values when the settings are the question's,
// then the trace of the first epochs if asked for.
func run(w io.Writer, cfg config) error {
	fmt.Fprintf(w, "AND with one sigmoid neuron, batch delta rule: rate %v, w0 = %v (bias input 1), w1 = w2 = 0\n", cfg.rate, cfg.biasInit)
	fmt.Fprintf(w, "sigmoid a = 1/(1 + e^-z), e^-z computed %s\n", exps[cfg.pow].how)
	showPublished := cfg.rate == 0.021 && cfg.biasInit == -2
	var traces bytes.Buffer
	for _, v := range cfg.variants {
		tr := trace.New(&traces, cfg.trace)
		if tr != nil {
			fmt.Fprintf(&traces, "%s:\n", v.name)
		}
		snaps, err := train(v, cfg, tr)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s: %s\n", v.name, v.rule)
		for _, s := range snaps {
			pub, ok := published[v.name][s.epochs]
			printSnapshot(w, s, pub, showPublished && ok)
		}
	}
	if cfg.trace > 0 {
		fmt.Fprintf(w, "\nTrace of each variant's first epochs (-trace %d), one row per sample:\n", cfg.trace)
		w.Write(traces.Bytes())
	}
	return nil
}
