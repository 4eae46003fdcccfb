// Regression trains the forum question's 1-1-1 network to learn
// y = (1.2x + 1)/10 for x = 1 … 9: first with the question's own update rule,
// which loses the error's sign and differentiates the wrong quantity, then by
// gradient descent done right, with scaled inputs and an identity output, and
// finally as a purely linear network that finds the exact line.
//
//	go run ./lessons/09-regression
//	go run ./lessons/09-regression -seed 3 -rate 0.05 -epochs 5000
//	go run ./lessons/09-regression -trace 1
//
// Gradient descent on E = ½(out − t)² for h = f(w1·x + b1), out = w2·h + b2,
// as network.step in step.go writes it (the question's rule, askerRun, is
// beside it):
//
//	δ_out = out − t       δ_h = δ_out·w2·f′(w1·x + b1)
//	w2 −= η·δ_out·h       w1 −= η·δ_h·x       (and b −= η·δ)
package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed        uint32  // np.random.seed for the starting weights
	askerEpochs int     // epochs of the question's rule
	rate        float64 // gradient-descent learning rate
	epochs      int     // gradient-descent epochs
	plot        string  // PNG or JPEG of the fitted lines; "" = none
	trace       int     // print every quantity of the first trace steps of the first runs
}

func defaultConfig() config {
	return config{seed: 0, askerEpochs: 100000, rate: 0.1, epochs: 20000, plot: "regression.png"}
}

func main() { cli.Main("regression", parseFlags, run) }

// run prints the four parts of the lesson and writes the plot.
func run(w io.Writer, cfg config) error {
	xs, ys := data(10)
	w1, w2 := startWeights(cfg.seed)
	if cfg.trace > 0 {
		if err := traceRuns(w, cfg, w1, w2); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "Targets y = (1.2x + 1)/10 for x = 1 … 9: %s\n", list(ys, "%.2f"))
	fmt.Fprintf(w, "A sigmoid's output stays below 1, so the targets for x = 8 and 9 are out of its reach.\n")
	fmt.Fprintf(w, "Starting weights (uniform in [−1, 1), np.random.seed(%d)): w1 = %.6f, w2 = %.6f\n", cfg.seed, w1, w2)

	var askerOut []float64 // the first case's outputs, for the plot
	fmt.Fprintf(w, "\n1. The question's rule: sigmoid units, no biases, rate 1, e_out = t − out,\n")
	fmt.Fprintf(w, "   Δw2 = e_out·σ′(e_out)·w2, e_h = σ′(e_out)·w2 (Edit 2: ·e_out), Δw1 = e_h·σ′(e_h)·w1; %d epochs\n", cfg.askerEpochs)
	for _, c := range []struct {
		div, scale float64
		keepSign   bool
		what       string
	}{
		{10, 1, false, "/10, inputs 1 … 9"},
		{100, 1, false, "/100, inputs 1 … 9"},
		{10, 10, true, "/10, inputs 0.1 … 0.9, Edit 2"},
		{100, 10, true, "/100, inputs 0.1 … 0.9, Edit 2"},
	} {
		x, y := data(c.div)
		for i := range x {
			x[i] /= c.scale
		}
		r := askerRun{w1: w1, w2: w2, keepSign: c.keepSign}
		for range cfg.askerEpochs {
			r.epoch(x, y)
		}
		out := r.outputs(x)
		if askerOut == nil {
			askerOut = out
		}
		fmt.Fprintf(w, "   %-31s w1 = %-9.2g w2 = %-9.2g outputs %.4f … %.4f (targets %.3f … %.3f)\n",
			c.what, r.w1, r.w2, out[0], out[len(out)-1], y[0], y[len(y)-1])
	}

	x, y, xScaled := column(xs, 1), column(ys, 1), column(xs, 10)
	raw, scaled := newNet(w1, w2, sigmoid, sigmoidSlope), newNet(w1, w2, sigmoid, sigmoidSlope)
	rawFirst, err := fit(raw, x, y, cfg.rate, cfg.epochs, nil)
	if err != nil {
		return err
	}
	scaledFirst, err := fit(scaled, xScaled, y, cfg.rate, cfg.epochs, nil)
	if err != nil {
		return err
	}
	printSaturation(w, w1, raw, scaled)

	fmt.Fprintf(w, "\n3. Gradient descent done right (rate %g, %d epochs, one sample at a time, from the same start),\n", cfg.rate, cfg.epochs)
	fmt.Fprintf(w, "   sigmoid hidden unit, identity output, biases; first epoch with every |error| < %g:\n", closeEnough)
	for _, c := range []struct {
		name  string
		net   *network
		div   float64
		first int
	}{{"inputs 1 … 9", raw, 1, rawFirst}, {"inputs 0.1 … 0.9", scaled, 10, scaledFirst}} {
		pred := c.net.predict(column(xs, c.div))
		pw1, pb1, pw2, pb2 := c.net.params()
		fmt.Fprintf(w, "   %-17s w1 = %.4f b1 = %.4f w2 = %.4f b2 = %.4f   max |error| %.2e, < %g from epoch %s\n",
			c.name, pw1, pb1, pw2, pb2, maxAbsError(pred, y), closeEnough, epochOrNever(c.first))
	}
	pred := scaled.predict(xScaled)
	fmt.Fprintf(w, "   x   target  prediction  (inputs 0.1 … 0.9)\n")
	for i, xv := range xs {
		fmt.Fprintf(w, "   %.0f   %.4f  %.4f\n", xv, ys[i], pred.Data[i])
	}

	fmt.Fprintf(w, "\n4. The line exactly: identity hidden and output units, inputs 1 … 9, rate %g:\n", linearRate)
	lin := newNet(w1, w2, identity, identitySlope)
	if _, err := fit(lin, x, y, linearRate, cfg.epochs, nil); err != nil {
		return err
	}
	lw1, lb1, lw2, lb2 := lin.params()
	fmt.Fprintf(w, "   w1 = %.6f b1 = %.6f w2 = %.6f b2 = %.6f\n", lw1, lb1, lw2, lb2)
	// float64(lw2*lb1) rounds the product before + lb2, so that arm64 cannot
	// fuse the two into one multiply-add and print other digits.
	fmt.Fprintf(w, "   slope w2·w1 = %.9f (exact 0.12), offset w2·b1 + b2 = %.9f (exact 0.1), max |error| < 1e-12: %v\n",
		lw2*lw1, float64(lw2*lb1)+lb2, maxAbsError(lin.predict(x), y) < 1e-12)

	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg.plot, xs, ys, askerOut, pred.Data) })
}

// linearRate is the rate of the linear network: with inputs up to 9 the
// step must be small, η·x²·(w1² + w2²) well below 2.
const linearRate = 0.005
