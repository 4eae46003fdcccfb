//go:build amd64

package portable

import (
	"math"
	"os"
	"strings"
	"testing"
)

// mathHasFMA reports whether math.Exp runs its fused multiply-add variant:
// whether it rounds the probe −19.9994 as that variant does.
func mathHasFMA() bool { return math.Float64bits(math.Exp(-19.9994)) == 0x3e21b73ebd8dfead }

// TestMatchesMath checks every function against Go's math package, bit for
// bit, where math.Exp is the assembly with fused multiply-adds (amd64 with
// FMA, GODEBUG without cpu options). math.Tanh is Go code that a GOAMD64=v3
// build may fuse, so Tanh is compared only in other builds (see
// tanh_v1_test.go).
func TestMatchesMath(t *testing.T) {
	if !mathHasFMA() {
		cpuinfo, _ := os.ReadFile("/proc/cpuinfo")
		if strings.Contains(string(cpuinfo), " fma ") && !strings.Contains(os.Getenv("GODEBUG"), "cpu.") {
			t.Fatal("math.Exp does not round like its FMA variant on a processor with FMA")
		}
		t.Skip("math.Exp is not its FMA variant here (no FMA, or GODEBUG cpu options)")
	}
	for _, fn := range functions {
		if fn.name == "Tanh" && !compareTanh {
			continue
		}
		if m := mismatch(fn.f, fn.math, fn.inputs); m != "" {
			t.Errorf("%s: %s", fn.name, m)
		}
	}
}
