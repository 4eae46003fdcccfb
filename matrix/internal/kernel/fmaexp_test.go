package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

//go:noescape
func tile4x8FMA(ap *[vr]float64, idx *int32, bp *[vc]float64, n int, t *[vr][vc]float64)

func BenchmarkFMAExp(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 784
	ap := make([][vr]float64, n)
	bp := make([][vc]float64, n)
	idx := make([]int32, n)
	for k := range ap {
		idx[k] = int32(k)
		for i := range ap[k] {
			ap[k][i] = rng.Float64()
		}
		for j := range bp[k] {
			bp[k][j] = rng.Float64()
		}
	}
	var t [vr][vc]float64
	rep := func(b *testing.B) { b.ReportMetric(2*32*n*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s") }
	b.Run("mul+add", func(b *testing.B) {
		for b.Loop() {
			tile4x8AVX(&ap[0], &idx[0], &bp[0], n, &t)
		}
		rep(b)
	})
	b.Run("vfmadd", func(b *testing.B) {
		for b.Loop() {
			tile4x8FMA(&ap[0], &idx[0], &bp[0], n, &t)
		}
		rep(b)
	})
	b.Run("go-mathFMA", func(b *testing.B) {
		for b.Loop() {
			for i := range vr {
				for j := range vc {
					s := 0.0
					for k := range n {
						s = math.FMA(ap[k][i], bp[k][j], s)
					}
					t[i][j] = s
				}
			}
		}
		rep(b)
	})
	b.Run("go-mul+add", func(b *testing.B) {
		for b.Loop() {
			tile4x8Go(ap, idx, bp, &t)
		}
		rep(b)
	})
}
