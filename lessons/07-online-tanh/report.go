package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"nnscratch/matrix"
	"nnscratch/nn/plot"
)

// outputs lists the network's four outputs at the end of h.
func outputs(h history, t task) string {
	xs, _ := t.columns()
	p, out := h.net.probe(), [4]float64{}
	for i, x := range xs {
		out[i] = p.forward(x).Data[0]
	}
	return fmt.Sprintf("%.4f %.4f %.4f %.4f", out[0], out[1], out[2], out[3])
}

// at formats the accuracy before step s, or "-" if the run was shorter.
func at(h history, s int) string {
	if s >= len(h.acc) {
		return "     -"
	}
	return fmt.Sprintf("%.4f", h.acc[s])
}

func stepOrNever(s int) string {
	if s < 0 {
		return "never"
	}
	return fmt.Sprint(s)
}

// sameWeights reports whether two networks have bit-identical parameters.
func sameWeights(a, b *network) bool {
	pa, pb := []*matrix.Matrix{a.w1, a.b1, a.w2, a.b2}, []*matrix.Matrix{b.w1, b.b1, b.w2, b.b2}
	for i := range pa {
		for j, v := range pa[i].Data {
			if math.Float64bits(v) != math.Float64bits(pb[i].Data[j]) {
				return false
			}
		}
	}
	return true
}

// printSetup prints what every run shares.
func printSetup(w io.Writer, cfg config) {
	fmt.Fprintf(w, "Layer sizes [2 %d 1], tanh on the hidden and the output layer; weights randn(out, in)·scale,\n", cfg.hidden)
	fmt.Fprintf(w, "biases randn(out), np.random.seed(%d); each step trains on one row drawn by randint(0, 4).\n", cfg.seed)
	fmt.Fprintf(w, "accuracy = 1 − mean over the 4 patterns of |output − target|, measured before each step.\n")
}

// printLogged prints a run's lines as the question's loop prints them, and
// how it ended.
func printLogged(w io.Writer, cfg config, t task, s setting, h history) {
	fmt.Fprintf(w, "\n%s, %v, a line every %d steps:\n", t.name, s, cfg.testfreq)
	for _, p := range h.printed {
		fmt.Fprintf(w, "Epoch %d, Inputs %s, Outputs %s, Targets %s\n", p.step, intArray(t.x.Row(p.row)),
			numpyArray(p.output), intArray(t.y.Row(p.row)))
	}
	fmt.Fprintf(w, "after %d steps: outputs %s, accuracy %.4f, first ≥ %g at %s\n", cfg.steps,
		outputs(h, t), h.acc[cfg.steps], goal, stepOrNever(h.first()))
}

// printEpochs prints what the loop's "epochs" are, beside acc, the
// accuracy after each of cfg.steps/4 real epochs (none if cfg.steps < 4).
func printEpochs(w io.Writer, cfg config, q history, acc []float64) {
	fmt.Fprintf(w, "\nWhat \"epoch\" counts: the loop's counter counts samples. %d \"epochs\" = %d samples = %d epochs of all 4.\n",
		cfg.steps, cfg.steps, cfg.steps/4)
	fmt.Fprintf(w, "  random draws (OR run above) used the rows %d, %d, %d and %d times: accuracy %.4f\n",
		q.counts[0], q.counts[1], q.counts[2], q.counts[3], q.acc[cfg.steps])
	if len(acc) > 0 {
		fmt.Fprintf(w, "  %d real epochs (nn.Train, batch size 1, shuffled), same start: each row %d times: accuracy %.4f\n",
			cfg.steps/4, cfg.steps/4, acc[len(acc)-1])
	}
}

// printSweep prints the sweep's tallies, one column per mark.
func printSweep(w io.Writer, cfg config, marks []int, tallies []tally) {
	within := make([]string, len(marks))
	for i, m := range marks {
		within[i] = strconv.Itoa(m)
	}
	list := within[0]
	if n := len(within); n > 1 {
		list = strings.Join(within[:n-1], ", ") + " and " + within[n-1]
	}
	fmt.Fprintf(w, "\nSeeds 1 … %d, %d steps each: how many reach accuracy ≥ %g within %s steps,\n", cfg.seeds, cfg.long, goal, list)
	fmt.Fprintf(w, "the median first step (never = more than half never did), the median mean |error| at the end:\n")
	for _, tl := range tallies {
		fmt.Fprintf(w, "  %-4s %-36v", tl.t.name, tl.s)
		for _, n := range tl.by {
			fmt.Fprintf(w, " %3d", n)
		}
		fmt.Fprintf(w, "   %6s   %.5f\n", stepOrNever(tl.medianFirst), tl.medianLastErr)
	}
}

// writePlot draws the accuracy curves.
func writePlot(cfg config, curves []plot.Series) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("Online tanh network: accuracy by step (seed %d)", cfg.seed),
		XLabel: "step (one sample each)", YLabel: "1 - mean |error|", Series: curves,
	}
	return plot.Save(cfg.plot, chart.Render())
}

// numpyArray formats a one-element float array as numpy before 1.14 printed
// it with suppress=True, as the question's output shows: eight decimals,
// trailing zeros dropped, a space where a minus sign would go.
// numpyArray(0.72563824) is "[ 0.72563824]", numpyArray(-0.004097) "[-0.004097]".
func numpyArray(v float64) string {
	s := strconv.FormatFloat(v, 'f', 8, 64)
	s = strings.TrimRight(s, "0")
	if !strings.HasPrefix(s, "-") {
		s = " " + s
	}
	return "[" + s + "]"
}

// intArray formats an array of whole numbers as numpy prints an int array: [0 1].
func intArray(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'f', 0, 64)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
