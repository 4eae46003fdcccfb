package matrix

import "nnscratch/matrix/internal/kernel"

// A Task runs a function on one of the goroutines that compute the large
// products (see KernelParallel) while the caller goes on, so that work
// which cannot be split, such as a sum whose order fixes its bits, can use
// the core those goroutines leave idle between products. Wait returns
// once the function has run: if no other goroutine has started it by
// then, Wait runs it itself, so it runs exactly once, and alone on a
// single core. The zero Task is ready to use; it allocates nothing after
// its first Start. It must not be copied, and one goroutine at a time
// calls Start and Wait.
type Task struct{ t kernel.Task }

// Start offers f to the product goroutines. f must not touch what the
// caller writes before Wait.
func (t *Task) Start(f func()) { t.t.Start(f) }

// Wait returns once the function of the last Start has run (at once if
// there was no Start since the last Wait).
func (t *Task) Wait() { t.t.Wait() }
