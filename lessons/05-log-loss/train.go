package main

import (
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// outcome is what one training run leaves behind.
type outcome struct {
	atSSE, atLog int       // first iteration whose SSE (mean log-loss) is below the goal; −1 if none
	sse, logLoss float64   // of the last forward pass
	curve        []float64 // SSE at iterations 0, 1, 2, … (the first record of them)
}

// train trains lesson 04's network on (x, y) — the question's 2-3-1
// sigmoid network with biases, drawn as its code draws it after
// np.random.seed(seed) (nn.NumpyUniform) — with full-batch gradient
// descent on the given loss: nn.HalfSSE, whose output delta is
// (a − y) ⊙ a(1 − a), or the summed log-loss nn.LogLoss{Sum: true}, whose
// output delta is a − y. After each iteration it measures the SSE and the
// mean log-loss of that iteration's forward pass and stops once the SSE is
// below goal and, when training on log-loss, the mean log-loss is too — or
// after maxIter iterations. It keeps the SSE of the first record
// iterations in the outcome's curve.
func train(x, y *matrix.Matrix, seed uint32, loss nn.Loss, alpha, goal float64, maxIter, record int) (outcome, error) {
	net := nn.New([]int{2, 3, 1}, true, nn.Sigmoid{}, nn.Sigmoid{})
	nn.NumpyUniform{}.Initialize(net, nprand.New(seed))
	_, onLog := loss.(nn.LogLoss)
	meter := nn.LogLoss{}
	out := outcome{atSSE: -1, atLog: -1}
	_, err := net.Train(x, y, nn.TrainConfig{
		Loss:      loss,
		Schedule:  nn.Constant(alpha),
		MaxEpochs: maxIter,
		Callback: func(e nn.Epoch) error {
			i := e.N - 1 // the question's iteration number
			out.sse = nn.SSE{}.Value(e.Net.Output(), y)
			out.logLoss = meter.Value(e.Net.Output(), y)
			if i < record {
				out.curve = append(out.curve, out.sse)
			}
			if out.atSSE < 0 && out.sse < goal {
				out.atSSE = i
			}
			if out.atLog < 0 && out.logLoss < goal {
				out.atLog = i
			}
			if out.atSSE >= 0 && (!onLog || out.atLog >= 0) {
				return nn.ErrStop
			}
			return nil
		},
	})
	return out, err
}
