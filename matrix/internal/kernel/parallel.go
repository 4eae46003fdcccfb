package kernel

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// This file holds the pool of goroutines that run row blocks of large
// products, and the hand-off that keeps a busy machine from making them
// slower. The rows of C are cut into p blocks, a fixed function of the
// shape and p; the caller offers p−1 of them to the workers and computes
// the last itself. Then, rather than wait for workers that may not have
// had a core yet (on a machine shared with other jobs the second core is
// often busy), it takes back and computes every block no worker has
// started, and waits only for the blocks a worker is running. Each block
// is claimed once, by a compare-and-swap on its word of split.claim, so
// whichever goroutine computes it, each element is computed by the same
// operations and the result does not depend on scheduling.

// maxProcs bounds the goroutines one product is split over.
const maxProcs = 64

// spinFor is how long an idle worker polls for the next task, and a caller
// for the blocks a worker is computing, before blocking on the channel.
// Waking a goroutine blocked on a channel goes through the operating system
// (a futex): on this 2-core virtual machine a blocked worker started its
// block of a split 200×784·784×100 product about 90 µs after the hand-off
// (the caller's half takes about 390 µs), and the caller's send and its
// wait for the worker's block cost about 100 µs more; polling, the worker
// starts within a microsecond (0.63–0.67 → 0.49 ms per product). A
// training step starts its next large product well within spinFor of the
// last one, so while it trains the worker never blocks, at the price of
// keeping its core busy between products; 0.5 ms after the last product it
// blocks. Between looks an idle worker lets the program's other
// goroutines run (runtime.Gosched: lesson 14's loader), and every poller
// gives its processor to any other thread waiting for it (yieldThread,
// sched_yield on Linux): with a busy loop of another process on one of the
// two cores, polling without it made the step 45% slower (2.0–2.3 → 3.0–3.2
// ms), with it the step is as fast as with blocking workers.
// Only a goroutine blocked in a receive is handed a value sent on a
// channel before a polling one sees it, which is why there are only
// NumCPU−1 workers: the caller computes a block itself, and every worker
// polls.
const spinFor = 500 * time.Microsecond

// receive returns the next value from c, polling for up to spinFor before
// it blocks; it gives the processor to other threads between looks and,
// with yield, to other goroutines.
func receive[T any](c chan T, yield bool) T {
	start := time.Now()
	for {
		for range 32 {
			select {
			case v := <-c:
				return v
			default:
			}
		}
		if time.Since(start) > spinFor {
			return <-c
		}
		if yield {
			runtime.Gosched()
		}
		yieldThread()
	}
}

// workers is the pool of goroutines that run row blocks of large products:
// NumCPU−1 of them (at least one), since the caller computes a block too.
// They are started once, on first use, and live for the program's lifetime,
// polling for spinFor after each task before they block; sending them a
// task allocates nothing.
var workers struct {
	once  sync.Once
	tasks chan task
}

// A runner is a product whose row blocks the workers can run.
type runner interface {
	take(w int, gen uint64) bool // take block w of hand-off gen, if no one has
	rows(w, lo, hi int)          // compute rows [lo, hi) with the buffers of block w
	finish()                     // report a claimed block done
}

// task offers block w (rows [lo, hi)) of hand-off gen of a product to a
// worker.
type task struct {
	g         runner
	w, lo, hi int
	gen       uint64
}

func startWorkers() {
	workers.tasks = make(chan task, maxProcs)
	for i := 0; i < max(1, runtime.NumCPU()-1); i++ {
		go func() {
			for {
				t := receive(workers.tasks, true)
				if t.g.take(t.w, t.gen) {
					t.g.rows(t.w, t.lo, t.hi)
					t.g.finish()
				}
			}
		}()
	}
}

// split is the hand-off state of one product (embedded in gemm, which the
// free lists reuse). claim[w] is gen·2 while block w of hand-off gen is on
// offer and gen·2+1 once someone has taken it; a task left over from an
// earlier hand-off finds another gen there and does nothing. fin receives
// one value for each block a worker has computed.
type split struct {
	gen   uint64
	claim [maxProcs]atomic.Uint64
	fin   chan struct{}
}

// take takes block w of hand-off gen if no goroutine has taken it.
func (s *split) take(w int, gen uint64) bool {
	return s.claim[w].CompareAndSwap(gen<<1, gen<<1|1)
}

// finish reports a block a worker claimed as computed.
func (s *split) finish() { s.fin <- struct{}{} }

// run computes rows [0, r) of the product g in p blocks of whole strips of
// h rows (see the top of this file).
func (s *split) run(g runner, r, h, p int) {
	workers.once.Do(startWorkers)
	if s.fin == nil {
		s.fin = make(chan struct{}, maxProcs)
	}
	s.gen++
	strips := (r + h - 1) / h
	bound := func(w int) int { return min(r, (strips*w/p)*h) } // first row of block w
	for w := 0; w < p-1; w++ {
		s.claim[w].Store(s.gen << 1)
	}
	for w := 0; w < p-1; w++ {
		workers.tasks <- task{g, w, bound(w), bound(w + 1), s.gen}
	}
	g.rows(p-1, bound(p-1), r)
	running := 0
	for w := p - 2; w >= 0; w-- { // the last offered are the least likely started
		if s.take(w, s.gen) {
			g.rows(w, bound(w), bound(w+1))
		} else {
			running++
		}
	}
	for ; running > 0; running-- {
		receive(s.fin, false)
	}
}
