package nn

import (
	"syscall"
	"testing"
	"time"
)

// processCPU returns the CPU time the process has used, on all threads.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs f b.N times (b.Loop) and reports the process's CPU time
// per call as "cpu-ns/op", the work of every goroutine: on a machine
// shared with other jobs it moves far less than the wall time, which
// counts the time spent waiting for a core.
func loopCPU(b *testing.B, f func()) {
	start, n := processCPU(), 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64(processCPU()-start)/float64(n), "cpu-ns/op")
}
