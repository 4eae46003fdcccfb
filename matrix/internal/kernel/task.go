package kernel

// A Task runs one function on a worker of the pool (parallel.go) while the
// goroutine that started it goes on: work that needs one core, such as
// the L2 penalty's sum of squares (whose order fixes its bits, so that it
// cannot be split), can then run beside a training step's backward pass
// on the core the workers leave idle between products. Wait returns once
// the function has run, running it itself if no worker has started it,
// so the function runs exactly once either way. A Task allocates nothing
// after its first Start. It must not be copied, and one goroutine at a
// time starts it and waits for it.
type Task struct {
	split
	f       func()
	started bool // Start was called and Wait not yet
	offered bool // the workers were offered f
}

// rows runs the task's function (the runner interface of parallel.go).
func (t *Task) rows(int, int, int) { t.f() }

// Start offers f to the workers, if there are other cores. Call Wait
// before starting the task again or reading what f writes.
func (t *Task) Start(f func()) {
	t.f, t.started, t.offered = f, true, false
	if Procs() < 2 {
		return
	}
	workers.once.Do(startWorkers)
	if t.fin == nil {
		t.fin = make(chan struct{}, 1)
	}
	t.gen++
	t.claim[0].Store(t.gen << 1)
	t.offered = true
	workers.tasks <- task{t, 0, 0, 0, t.gen}
}

// Wait returns once the function of the last Start has run: it runs it now
// if no worker has taken it, else it waits for the worker.
func (t *Task) Wait() {
	if !t.started {
		return
	}
	t.started = false
	if !t.offered || t.take(0, t.gen) {
		t.f()
		return
	}
	receive(t.fin, false)
}
