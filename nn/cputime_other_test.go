//go:build !linux

package nn

import "testing"

// loopCPU runs f b.N times (b.Loop); it reports no CPU time off Linux.
func loopCPU(b *testing.B, f func()) {
	for b.Loop() {
		f()
	}
}
