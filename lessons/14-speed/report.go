package main

import (
	"fmt"
	"io"
	"strconv"
)

// printSweep prints the sweep's errors as lesson 03 does (the mean |error|
// every 10,000 steps at 10 significant digits, so the lines must be lesson
// 03's, character for character), then its time per step.
func printSweep(w io.Writer, cfg config, r sweepResult) {
	for i, alpha := range sweepAlphas {
		fmt.Fprintf(w, "Training With Alpha: %s\n", strconv.FormatFloat(alpha, 'g', -1, 64))
		for k, e := range r.errs[i] {
			fmt.Fprintf(w, "Error after  %d  iterations:  %s\n", k*sweepEvery, strconv.FormatFloat(e, 'g', 10, 64))
		}
	}
	steps := len(sweepAlphas) * cfg.steps
	fmt.Fprintf(w, "\n%d steps in %.3f s: %.3f µs per step on %d cores\n",
		steps, r.elapsed.Seconds(), r.elapsed.Seconds()/float64(steps)*1e6, r.cores)
}
