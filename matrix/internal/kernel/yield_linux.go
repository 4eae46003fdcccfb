package kernel

import "syscall"

// yieldThread gives the processor to another thread of the machine, if one
// is waiting for it (sched_yield); it returns at once otherwise.
func yieldThread() { syscall.Syscall(syscall.SYS_SCHED_YIELD, 0, 0, 0) }
