package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"nnscratch/lessons/internal/trace"
)

// printSnapshot prints the weights at a checkpoint and, for each probe
// input, the output, the output as Java prints it, and, when show is set,
// the published literal and how the two agree.
func printSnapshot(w io.Writer, s snapshot, pub [4]string, show bool) {
	fmt.Fprintf(w, "  after %d epochs: w0 = %.6f, w1 = %.6f, w2 = %.6f\n", s.epochs, s.w[0], s.w[1], s.w[2])
	fmt.Fprintf(w, "    %-6s  %-18s  %-24s  %-24s  %s\n", "input", "output", "Java Double.toString", "published", "match")
	for i := range probes.Rows {
		p, match := "-", "-"
		if show {
			p, match = pub[i], compare(s.out[i], pub[i])
		}
		fmt.Fprintf(w, "    (%v,%v)   %.12e  %-24s  %-24s  %s\n", probes.At(i, 1), probes.At(i, 2), s.out[i], javaDouble(s.out[i]), p, match)
	}
}

// print writes every quantity of the epoch just run to tr under the names
// of the question's Java, one row per sample, in numpy's print format.
func (n *neuron) print(tr *trace.Trace, rate float64) {
	if !tr.On() {
		return
	}
	tr.Print("input", samples)
	tr.Print("sum", n.sum)
	tr.Print("estimated", n.estimated)
	tr.Print("error", n.error)
	if n.deriv {
		tr.Print("1 - estimated", n.oneMinus)
		tr.Print("delta = learningRate * error * estimated * (1 - estimated)", n.delta)
	} else {
		tr.Print("delta = learningRate * error", n.delta)
	}
	tr.Print("weightDelta", n.weightDelta)
	tr.Print("weights", n.weights)
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
