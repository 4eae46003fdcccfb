package kernel

import "sync"

// Adam applies the Adam update of matrix.AdamStepInto to the first
// elements of w, g, m and v (which have the same length), as many as the
// vector code handles, and returns how many; the caller updates the rest
// with its own loop. c1 and c2 are 1−b1 and 1−b2. With AVX (optimizer_amd64.s)
// that is every whole group of four; elsewhere it is none.
func Adam(w, g, m, v []float64, b1, c1, b2, c2, etaT, eps float64) int {
	n := len(w) &^ 3
	if simdLevel < simdAVX || n == 0 {
		return 0
	}
	_, _, _ = g[n-1], m[n-1], v[n-1]
	c := [6]float64{b1, c1, b2, c2, etaT, eps}
	if p := Procs(); p > 1 && n >= adamParallelMin {
		// Each element is updated alone, so splitting changes no bit.
		j := adamJobs.get()
		j.w, j.g, j.m, j.v, j.c = w, g, m, v, c
		j.run(j, n, 4, p)
		j.w, j.g, j.m, j.v = nil, nil, nil, nil
		adamJobs.put(j)
		return n
	}
	adamAVX(&w[0], &g[0], &m[0], &v[0], n, &c)
	return n
}

// adamParallelMin is the fewest parameters Adam splits over the workers:
// the 78,400 weights of a 784×100 layer took 70 µs on one core, and a
// hand-off to a polling worker (parallel.go) about a microsecond; a
// smaller network's products are not split, so its worker would have to
// be woken (about 90 µs).
const adamParallelMin = 1 << 16

// An adamJob is one Adam update split over the workers (parallel.go), in
// blocks of whole groups of four.
type adamJob struct {
	split
	w, g, m, v []float64
	c          [6]float64
}

func (j *adamJob) rows(_, lo, hi int) {
	if hi > lo {
		adamAVX(&j.w[lo], &j.g[lo], &j.m[lo], &j.v[lo], hi-lo, &j.c)
	}
}

// adamJobs keeps the adamJob values for reuse, so that an update allocates
// nothing once one exists for each goroutine updating at the same time.
var adamJobs jobList[adamJob]

// A jobList is a free list of job values (see freeList).
type jobList[J any] struct {
	sync.Mutex
	list []*J
}

func (f *jobList[J]) get() *J {
	f.Lock()
	defer f.Unlock()
	if n := len(f.list); n > 0 {
		j := f.list[n-1]
		f.list = f.list[:n-1]
		return j
	}
	return new(J)
}

func (f *jobList[J]) put(j *J) {
	f.Lock()
	f.list = append(f.list, j)
	f.Unlock()
}

// Momentum applies the momentum update of matrix.MomentumStepInto to the
// first elements of w, g and v (which have the same length), as many as the
// vector code handles, and returns how many, as Adam does.
func Momentum(w, g, v []float64, mu, eta float64, nesterov bool) int {
	n := len(w) &^ 3
	if simdLevel < simdAVX || n == 0 {
		return 0
	}
	_, _ = g[n-1], v[n-1]
	c := [2]float64{mu, eta}
	momentumAVX(&w[0], &g[0], &v[0], n, &c, nesterov)
	return n
}
