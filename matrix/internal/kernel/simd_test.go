package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSIMDEdgeSizes runs the vector kernel on every remainder of its 4×8
// tile: rows 0–9 and columns 0–17 around the tile sizes, with inner
// dimensions 0, 1, 2 and 5, on random data half of it zeros.
func TestSIMDEdgeSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, r := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9} {
		for _, n := range []int{0, 1, 2, 5} {
			for _, m := range []int{0, 1, 3, 7, 8, 9, 15, 16, 17} {
				checkKernels(t, random(rng, r, n, 0.5), random(rng, n, m, 0), r, n, m)
			}
		}
	}
}

// TestTile4x8 checks each 4×8 micro-kernel against the reference loop, bit
// for bit (NaN payloads and signs included), on 1 to 9 kept k out of 12
// (with gaps, so that idx skips), reading A from two layouts, on
// random values and on values where a fused multiply-add or a different
// order of addition would show: NaN, ±Inf, −0, subnormals and sums that
// cancel.
func TestTile4x8(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0,
		5e-324, -1e-310, 1e300, -1e300, 1 + 0x1p-52, 1, -1, 0x1p-30, 3}
	value := func(special bool) float64 {
		if special {
			return specials[rng.IntN(len(specials))]
		}
		return 2*rng.Float64() - 1
	}
	bp := make([][vc]float64, 12)
	for trial := 0; trial < 200; trial++ {
		special := trial%2 == 1
		for k := range bp {
			for j := range bp[k] {
				bp[k][j] = value(special)
			}
		}
		// A is 4×12, read as rows 0–3 of itself and as rows 1, 3, 5, 7
		// of an 8×12 matrix.
		am := gen(vr, 12, func(int, int) float64 { return value(special) })
		a8 := gen(8, 12, func(i, k int) float64 { return am[i/2*12+k] })
		layouts := []strip{{am, [vr]int{0, 12, 24, 36}}, {a8, [vr]int{12, 36, 60, 84}}}
		for kept := 1; kept <= 9; kept++ {
			idx := make([]int32, kept)
			for q := range idx {
				idx[q] = int32(q * 12 / kept) // increasing, with gaps
			}
			// The reference is the naive loop on the kept k: A is 4×kept, B kept×8.
			ak := gen(vr, kept, func(i, q int) float64 { return am[i*12+int(idx[q])] })
			bk := gen(kept, vc, func(q, j int) float64 { return bp[idx[q]][j] })
			w := naive(ak, bk, vr, kept, vc)
			var want [vr][vc]float64
			for i := range want {
				copy(want[i][:], w[i*vc:i*vc+vc])
			}
			for _, l := range layouts {
				for level := simdGo; level <= simdMax; level++ {
					got := [vr][vc]float64{{math.NaN()}}
					tile4x8(level, &l, idx, bp, &got)
					for i := range got {
						for j := range got[i] {
							if g, w := math.Float64bits(got[i][j]), math.Float64bits(want[i][j]); !sameBits(got[i][j], want[i][j]) {
								t.Fatalf("trial %d, %d kept, rows at %v, %s: tile[%d][%d] = %v (%#x), want %v (%#x)",
									trial, kept, l.Off, simdNames[level], i, j, got[i][j], g, want[i][j], w)
							}
						}
					}
				}
			}
		}
	}
}

// BenchmarkSIMD measures the blocked kernel at each micro-kernel level on
// the two large products of a Fashion-MNIST training step, X·W₁ (200×784 ·
// 784×100) and Xᵀ·δ₁ (784×200 · 200×100, X read transposed in place), dense
// and half zeros, on one goroutine (GFLOP/s counts every multiply-add,
// skipped or not, over the wall time; cpu-ns/op is the thread's CPU time,
// steadier on a shared machine). Re-measure with
//
//	go test ./matrix/internal/kernel -run '^$' -bench SIMD -count 5
func BenchmarkSIMD(b *testing.B) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, sh := range []struct {
		name    string
		op      Op
		r, n, c int
	}{{"XW-200x784x100", Mul, 200, 784, 100}, {"XtD-784x200x100", TransA, 784, 200, 100}} {
		for _, zeros := range []float64{0, 0.5} {
			x := random(rng, sh.r, sh.n, zeros)
			y := random(rng, sh.n, sh.c, 0)
			dst := make([]float64, sh.r*sh.c)
			for level := simdScalar; level <= simdMax; level++ {
				name := fmt.Sprintf("%s/zeros=%.1f/%s", sh.name, zeros, simdNames[level])
				b.Run(name, func(b *testing.B) {
					loopCPU(b, func() { blockedLevel(level, sh.op, dst, x, y, sh.r, sh.n, sh.c, 1, zeros > 0) })
					b.ReportMetric(2*float64(sh.r*sh.n*sh.c)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// TestNonzeroK checks the lists of kept k that nonzeroK builds with each
// micro-kernel level (four k at a time in AVX on amd64) against the k
// where some row of the strip is not ±0, on rows of every length up to 20
// and of a batch's 784 and 200, holding −0, subnormals, NaN and ±Inf.
func TestNonzeroK(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	special := []float64{0, math.Copysign(0, -1), 5e-324, -5e-324, math.NaN(), math.Inf(1), math.Inf(-1), 1, -2.5}
	lengths := []int{784, 200}
	for n := range 21 {
		lengths = append(lengths, n)
	}
	for _, n := range lengths {
		a := make([]float64, vr*n+3)
		for i := range a {
			if rng.IntN(3) > 0 { // mostly zeros, of either sign
				a[i] = math.Copysign(0, float64(rng.IntN(2)*2-1))
			} else {
				a[i] = special[rng.IntN(len(special))]
			}
		}
		s := &strip{A: a}
		for i := range s.Off {
			s.Off[i] = 1 + i*n // off the start, so that no row is aligned
		}
		var want []int32
		for k := range n {
			for i := range vr {
				if v := a[s.Off[i]+k]; v != 0 || v != v {
					want = append(want, int32(k))
					break
				}
			}
		}
		for level := simdScalar; level <= simdMax; level++ {
			g := &gemm[[vc]float64]{n: n, level: level}
			idx := make([]int32, n)
			got := idx[:g.nonzeroK(s, vr, idx)]
			if !slices.Equal(got, want) {
				t.Errorf("n=%d, level %d: got %v, want %v", n, level, got, want)
			}
		}
	}
}

// BenchmarkNonzeroK builds the list of kept k of one 4×784 strip of a batch
// with half zeros, as X·W₁ does for each strip: the Go loop (level sse2)
// against four k at a time with AVX.
func BenchmarkNonzeroK(b *testing.B) {
	const n = 784
	a := random(rand.New(rand.NewPCG(43, 44)), vr, n, 0.5)
	s := &strip{A: a, Off: [vr]int{0, n, 2 * n, 3 * n}}
	idx := make([]int32, n)
	for level := simdSSE2; level <= simdMax; level++ {
		b.Run(simdNames[level], func(b *testing.B) {
			g := &gemm[[vc]float64]{n: n, level: level}
			for b.Loop() {
				g.nonzeroK(s, vr, idx)
			}
		})
	}
}
