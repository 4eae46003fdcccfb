package nprand

import "math"

// This file computes ln x to about 100 bits before rounding, so that the
// polar normal method rounds its logarithm the way the C library under numpy
// does. Go's math.Log is accurate to within one unit in the last place but
// not always correctly rounded, and a last-bit difference in ln r² changes
// about one normal deviate in thirty.

// dd is an unevaluated sum hi + lo of two float64 values with |lo| ≤ ½ulp(hi),
// a "double-double" holding about 106 significant bits.
type dd struct{ hi, lo float64 }

// twoSum returns s and e with s = fl(a+b) and s + e = a + b exactly (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// fastTwoSum is twoSum for |a| ≥ |b| (Dekker).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// twoProd returns p and e with p = fl(a·b) and p + e = a·b exactly.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return p, e
}

func ddAdd(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func ddMul(a, b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

func ddSub(a, b dd) dd { return ddAdd(a, dd{-b.hi, -b.lo}) }

// ddDiv returns a / b by three rounds of long division.
func ddDiv(a, b dd) dd {
	q1 := a.hi / b.hi
	r := ddSub(a, ddMul(dd{q1, 0}, b))
	q2 := r.hi / b.hi
	r = ddSub(r, ddMul(dd{q2, 0}, b))
	q3 := r.hi / b.hi
	s, e := fastTwoSum(q1, q2)
	return ddAdd(dd{s, e}, dd{q3, 0})
}

// ln2 split so that hi + lo = ln 2 to about 106 bits.
var ln2 = dd{0x1.62e42fefa39efp-01, 0x1.abc9e3b39803fp-56}

// atanhTerms is the number of terms of the series below; with |s| ≤ 0.1716
// the first term left out is under 2⁻¹⁰⁸ of the sum.
const atanhTerms = 22

// oddInverse[k] = 1/(2k+1) as a double-double.
var oddInverse = func() [atanhTerms]dd {
	var c [atanhTerms]dd
	for k := range c {
		d := float64(2*k + 1)
		hi := 1 / d
		c[k] = dd{hi, math.FMA(-hi, d, 1) / d}
	}
	return c
}()

// logRounded returns ln x for a finite x > 0, correctly rounded except in
// cases far rarer than one in 2⁴⁰. With x = m·2ᵏ, m in [1/√2, √2):
//
//	ln x = k·ln 2 + 2·atanh(s),   s = (m − 1)/(m + 1)
//	atanh(s) = s·(1 + s²/3 + s⁴/5 + …)
//
// all in double-double arithmetic. It costs about 25 double-double
// multiply-adds, some 20 times math.Log.
func logRounded(x float64) float64 {
	m, k := math.Frexp(x) // x = m·2ᵏ, m in [½, 1)
	if m < math.Sqrt2/2 {
		m *= 2
		k--
	}
	num := m - 1 // exact (Sterbenz)
	dhi, dlo := twoSum(m, 1)
	s := ddDiv(dd{num, 0}, dd{dhi, dlo})
	s2 := ddMul(s, s)
	p := oddInverse[atanhTerms-1]
	for i := atanhTerms - 2; i >= 0; i-- {
		p = ddAdd(ddMul(p, s2), oddInverse[i])
	}
	lm := ddMul(s, p)
	lm = dd{2 * lm.hi, 2 * lm.lo}
	kf := float64(k)
	kl := dd{}
	kl.hi, kl.lo = twoProd(kf, ln2.hi)
	kl.lo += kf * ln2.lo
	sum := ddAdd(kl, lm)
	return sum.hi + sum.lo
}
