package main

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// sweepAlphas are the alpha-sweep notebook's learning rates.
var sweepAlphas = []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000}

// runSweep is lesson 03's whole sweep (7 learning rates × cfg.steps steps of
// the 3-4-1 network, the rates on all cores at once) with the step written
// as one fused loop, printing the mean |error| every 10,000 steps at 10
// significant digits as lesson 03 does: the lines must be lesson 03's,
// character for character, and the time shows what the per-call overhead
// of the matrix functions costs.
func runSweep(w io.Writer, cfg config) error {
	const every = 10000
	errs := make([][]float64, len(sweepAlphas))
	start := time.Now()
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(sweepAlphas)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				net := xorNet()
				net.alpha = sweepAlphas[i]
				for step := range cfg.steps {
					net.stepFused()
					if step%every == 0 {
						errs[i] = append(errs[i], meanAbsError(net))
					}
				}
			}
		}()
	}
	for i := range sweepAlphas {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	el := time.Since(start)
	for i, alpha := range sweepAlphas {
		fmt.Fprintf(w, "Training With Alpha: %s\n", strconv.FormatFloat(alpha, 'g', -1, 64))
		for k, e := range errs[i] {
			fmt.Fprintf(w, "Error after  %d  iterations:  %s\n", k*every, strconv.FormatFloat(e, 'g', 10, 64))
		}
	}
	steps := len(sweepAlphas) * cfg.steps
	fmt.Fprintf(w, "\n%d steps in %.3f s: %.3f µs per step on %d cores\n",
		steps, el.Seconds(), el.Seconds()/float64(steps)*1e6, min(runtime.GOMAXPROCS(0), len(sweepAlphas)))
	return nil
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
