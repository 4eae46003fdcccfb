package main

import (
	"math"
	"runtime"
	"time"

	"nnscratch/lessons/internal/cli"
)

// sweepAlphas are the alpha-sweep notebook's learning rates.
var sweepAlphas = []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000}

// sweepEvery is how often the sweep records the error, in steps, as lesson
// 03 prints it.
const sweepEvery = 10000

// sweepResult is what the sweep leaves for printSweep: the errors of each
// learning rate every sweepEvery steps, and the time the whole sweep took
// on how many cores.
type sweepResult struct {
	errs    [][]float64
	elapsed time.Duration
	cores   int
}

// sweep is lesson 03's whole sweep (7 learning rates × cfg.steps steps of
// the 3-4-1 network, the rates on all cores at once) with the step written
// as one fused loop. Its errors must be lesson 03's, and its time shows
// what the per-call overhead of the matrix functions costs.
func sweep(cfg config) sweepResult {
	r := sweepResult{errs: make([][]float64, len(sweepAlphas)), cores: min(runtime.GOMAXPROCS(0), len(sweepAlphas))}
	start := time.Now()
	cli.Parallel(len(sweepAlphas), func(i int) {
		net := xorNet()
		net.alpha = sweepAlphas[i]
		for step := range cfg.steps {
			net.stepFused()
			if step%sweepEvery == 0 {
				r.errs[i] = append(r.errs[i], meanAbsError(net))
			}
		}
	})
	r.elapsed = time.Since(start)
	return r
}

// meanAbsError is np.mean(np.abs(l2 − y)) of the last step's forward pass:
// the error before that step's update.
func meanAbsError(t *sigmoidNet) float64 {
	s := 0.0
	for i, v := range t.l2.Data {
		s += math.Abs(v - t.y.Data[i])
	}
	return s / float64(len(t.l2.Data))
}
