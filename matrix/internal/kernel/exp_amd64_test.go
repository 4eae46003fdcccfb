//go:build !purego

package kernel

import (
	"math"
	"testing"
)

// expModel is the ordinary path of math.Exp's amd64 assembly written in Go,
// with math.FMA where the fused variant fuses and float64(a*b) (a product
// rounded on its own) where the other variant multiplies and then adds. It
// returns ok = false where the assembly would take a special path. It lets
// the test check the variant of expAVX that this machine's math.Exp does
// not use.
func expModel(x float64, fma bool) (y float64, ok bool) {
	const (
		log2e = 1.4426950408889634073599246810018920
		ln2hi = 0.69314718055966295651160180568695068359375
		ln2lo = 0.28235290563031577122588448175013436025525412068e-12
	)
	if math.IsNaN(x) || math.IsInf(x, 0) || x > 7.09782712893384e+02 {
		return 0, false
	}
	kf := math.RoundToEven(float64(x * log2e))
	if kf+1023 <= 0 || kf+1023 >= 0x7FF {
		return 0, false
	}
	c := [...]float64{1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1}
	var r, p float64
	if fma {
		r = math.FMA(-kf, ln2hi, x)
		r = math.FMA(-kf, ln2lo, r)
	} else {
		r = x - float64(kf*ln2hi)
		r = r - float64(kf*ln2lo)
	}
	r = float64(r * 0.0625)
	p = c[0]
	for _, ci := range c[1:] {
		if fma {
			p = math.FMA(r, p, ci)
		} else {
			p = float64(p*r) + ci
		}
	}
	e := float64(r * p)
	for range 3 {
		e = float64(e * (e + 2))
	}
	if fma {
		e = math.FMA(e, e+2, 1)
	} else {
		e = float64(e*(e+2)) + 1
	}
	return float64(e * math.Float64frombits(uint64(kf+1023)<<52)), true
}

// TestExpModel checks the model against math.Exp for the variant this
// machine uses, then both assembly variants against the model, and that the
// assembly handles ordinary inputs itself instead of falling back.
func TestExpModel(t *testing.T) {
	if expLevel == expScalar {
		t.Skip("no AVX (or GODEBUG cpu options set): ExpInto is a math.Exp loop")
	}
	x := randomInputs(11, -745.2, 710, 400_000)
	x = append(x, randomInputs(12, -40, 40, 400_000)...)
	x = append(x, expEdges()...)
	x = x[:len(x)&^3]
	machineFMA := expLevel == expAVXFMA
	for _, v := range x {
		if m, ok := expModel(v, machineFMA); ok && math.Float64bits(m) != math.Float64bits(math.Exp(v)) {
			t.Fatalf("model (fma %v) of math.Exp(%v): got %v, want %v", machineFMA, v, m, math.Exp(v))
		}
	}
	for _, fma := range []bool{false, true} {
		if fma && !machineFMA {
			continue
		}
		got := make([]float64, 4)
		grouped := 0
		for g := 0; g < len(x); g += 4 {
			n := expAVX(&got[0], &x[g], 4, fma)
			allOK := true
			for j := range 4 {
				if _, ok := expModel(x[g+j], fma); !ok {
					allOK = false
				}
			}
			if want := map[bool]int{true: 4, false: 0}[allOK]; n != want {
				t.Fatalf("expAVX(fma %v) of %v: handled %d, want %d", fma, x[g:g+4], n, want)
			}
			if n == 0 {
				continue
			}
			grouped++
			for j := range 4 {
				m, _ := expModel(x[g+j], fma)
				if math.Float64bits(got[j]) != math.Float64bits(m) {
					t.Fatalf("expAVX(fma %v) of %v: got %v, want %v", fma, x[g+j], got[j], m)
				}
			}
		}
		if grouped < len(x)/8 {
			t.Errorf("expAVX(fma %v): got %d of %d groups handled in assembly, want most", fma, grouped, len(x)/4)
		}
		// sigmoidAVX is the same loop on −x, then 1/(1+e).
		for g := 0; g < len(x); g += 4 {
			if sigmoidAVX(&got[0], &x[g], 4, fma) == 0 {
				continue
			}
			for j := range 4 {
				m, _ := expModel(-x[g+j], fma)
				if want := 1 / (1 + m); math.Float64bits(got[j]) != math.Float64bits(want) {
					t.Fatalf("sigmoidAVX(fma %v) of %v: got %v, want %v", fma, x[g+j], got[j], want)
				}
			}
		}
	}
}
