package portable

import (
	"math"
	"testing"
)

var sink float64

// BenchmarkFunctions times each function against its math counterpart on
// 1,024 arguments a call. Run it with GODEBUG=cpu.fma=off too, for the
// cost on processors without FMA, where math.FMA runs in software.
func BenchmarkFunctions(b *testing.B) {
	for _, f := range []struct {
		name           string
		portable, math func(float64) float64
		x              []float64
	}{
		{"Exp", Exp, math.Exp, uniform(99, -20, 20, 1024)},
		{"Log", Log, math.Log, uniform(98, 0, 4, 1024)},
		{"Tanh", Tanh, math.Tanh, uniform(97, -3, 3, 1024)},
		{"Pow", func(x float64) float64 { return Pow(x, 0.75) }, func(x float64) float64 { return math.Pow(x, 0.75) }, uniform(96, 0, 100, 1024)},
	} {
		for _, g := range []struct {
			name string
			f    func(float64) float64
		}{{"portable", f.portable}, {"math", f.math}} {
			b.Run(f.name+"/"+g.name, func(b *testing.B) {
				for b.Loop() {
					for _, v := range f.x {
						sink += g.f(v)
					}
				}
			})
		}
	}
}
