package main

import (
	"runtime"
	"slices"
	"time"
)

// timing is what measure learns about one function.
type timing struct {
	ns     float64 // nanoseconds per call, the median of the repetitions
	bytes  int64   // bytes allocated per call
	allocs int64   // heap allocations per call
}

// measure calls f once to warm it up (buffers, caches), then times it cfg.reps
// times, each time calling it in a loop for at least cfg.cell, and returns
// the median time per call. Allocations are counted separately over a fixed
// number of calls, so that they do not depend on the timing, and on one
// processor (as testing.AllocsPerRun counts them), so that a goroutine
// blocking on a busy machine does not count as the step's allocation.
func measure(cfg config, f func()) timing {
	f()
	per := make([]float64, cfg.reps)
	n := 1
	for r := range per {
		for {
			start := time.Now()
			for range n {
				f()
			}
			el := time.Since(start)
			if el >= cfg.cell {
				per[r] = float64(el.Nanoseconds()) / float64(n)
				break
			}
			// Aim 20% past the goal from what this batch took.
			next := int(float64(n) * 1.2 * float64(cfg.cell) / float64(max(el, time.Microsecond)))
			n = max(n+1, min(next, 100*n))
		}
	}
	slices.Sort(per)
	t := timing{ns: per[len(per)/2]}
	calls := 8
	if t.ns > 5e6 {
		calls = 2
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range calls {
		f()
	}
	runtime.ReadMemStats(&after)
	t.bytes = int64(after.TotalAlloc-before.TotalAlloc) / int64(calls)
	t.allocs = int64(after.Mallocs-before.Mallocs) / int64(calls)
	return t
}
