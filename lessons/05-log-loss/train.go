package main

import (
	"fmt"
	"math"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
)

// outcome is what one training run leaves behind.
type outcome struct {
	atSSE, atLog int       // first iteration whose SSE (mean log-loss) is below the goal; −1 if none
	sse, logLoss float64   // of the last forward pass
	curve        []float64 // SSE at iterations 0, 1, 2, … (the first record of them)
	net          *network  // the trained network
}

// deltas maps a -loss name to its output delta.
var deltas = map[string]outputDelta{"sse": squaredErrorDelta, "log": logLossDelta}

// train runs the question's loop on (x, y) from its seeded start
// (np.random.seed(seed)): full-batch steps with learning rate alpha and the
// output delta of the named loss ("sse" or "log"). After each iteration i
// it measures the SSE and the mean log-loss of that iteration's forward
// pass and stops once the SSE is below goal and, when training on log-loss,
// the mean log-loss is too, or after maxIter iterations. It keeps the SSE
// of the first record iterations in the outcome's curve and prints the
// first steps to t. It returns an error naming the iteration if the output
// becomes NaN.
func train(x, y *matrix.Matrix, seed uint32, loss string, alpha, goal float64, maxIter, record int, t *trace.Trace) (outcome, error) {
	net := newNetwork(seed, x.Rows)
	delta := deltas[loss]
	meter := nn.LogLoss{} // the answer's calculateError: the mean log-loss
	out := outcome{atSSE: -1, atLog: -1, net: net}
	for i := range maxIter {
		t.Step(i)
		if i == 0 {
			net.printStart(t)
		}
		net.step(x, y, alpha, delta)
		net.print(t, x, alpha)
		out.sse = nn.SSE{}.Value(net.layer2, y)
		if math.IsNaN(out.sse) {
			return out, fmt.Errorf("diverged at iteration %d: the output is NaN; try a smaller α than %g", i, alpha)
		}
		out.logLoss = meter.Value(net.layer2, y)
		if i < record {
			out.curve = append(out.curve, out.sse)
		}
		if out.atSSE < 0 && out.sse < goal {
			out.atSSE = i
		}
		if out.atLog < 0 && out.logLoss < goal {
			out.atLog = i
		}
		if out.atSSE >= 0 && (loss != "log" || out.atLog >= 0) {
			break
		}
	}
	return out, nil
}

// lossNames are the losses' names in messages.
var lossNames = map[string]string{"sse": "squared error", "log": "log-loss"}

// trainAll trains one network per loss, input scaling and learning rate,
// in that order, on all cores at once (the runs are independent). The
// first run prints its first steps to t.
func trainAll(cfg config, t *trace.Trace) []*cell {
	x, y := data.EpochsQuestionIris()
	inputs := map[bool]*matrix.Matrix{false: x, true: new(nn.StandardScaler).FitTransform(x)}
	var cells []*cell
	for _, l := range cfg.losses {
		for _, s := range cfg.scales {
			for _, a := range cfg.alphas {
				cells = append(cells, &cell{loss: l, standardised: s, alpha: a})
			}
		}
	}
	cli.Parallel(len(cells), func(i int) {
		c := cells[i]
		record := 0
		if cfg.plot != "" && c.alpha == map[string]float64{"sse": plotAlphaSSE, "log": plotAlphaLog}[c.loss] {
			record = plotIter
		}
		var ct *trace.Trace
		if i == 0 {
			ct = t
		}
		c.out, c.err = train(inputs[c.standardised], y, cfg.seed, c.loss, c.alpha, cfg.goal, cfg.maxIter, record, ct)
		if c.err != nil {
			c.err = fmt.Errorf("%s, %s inputs, α %g: %w", lossNames[c.loss], scaleName(c.standardised), c.alpha, c.err)
		}
	})
	return cells
}
