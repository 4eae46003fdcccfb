//go:build !linux

package kernel

// yieldThread does nothing off Linux: a polling goroutine only yields to
// the other goroutines of the program there (runtime.Gosched).
func yieldThread() {}
