package nprand

import "math"

// This file computes ln x correctly rounded for the polar normal method.
// numpy takes the logarithm from the C library. Go's math.Log is within one
// unit in the last place but not always correctly rounded, and with it about
// one normal deviate in thirty differs from numpy's in the last bit. A
// correctly rounded log is the one answer that does not depend on the
// platform: old glibc (before 2.28) rounded correctly, and today's glibc
// rounds within 0.52 ulp, which leaves about one deviate in 3,000 (measured
// against numpy 1.24.2 on Debian 12, glibc 2.36, over 2,000,000 deviates:
// 694 differ, each by one ulp, each where glibc rounds the wrong way).

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

// twoProd returns p and e with p = fl(a·b) and p + e = a·b exactly. The
// conversion rounds p: Go may fuse a product into a later addition, even
// across statements and inlined calls (it does on arm64), and then fastTwoSum
// and twoSum would see the exact a·b instead of p and lose the error term.
func twoProd(a, b float64) (p, e float64) {
	p = float64(a * b)
	e = math.FMA(a, b, -p)
	return p, e
}

// ddAdd returns a + b to about 106 bits.
func ddAdd(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

// ddMul returns a·b to about 104 bits.
func ddMul(a, b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += float64(a.hi*b.lo) + float64(a.lo*b.hi)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

// ddSub returns a − b.
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

// maxTerms is the length of the longest series below; with |s| ≤ 0.1716
// the first term left out is under 2⁻¹⁰⁸ of the sum.
const maxTerms = 22

// oddInverse[k] = 1/(2k+1) as a double-double.
var oddInverse = func() [maxTerms]dd {
	var c [maxTerms]dd
	for k := range c {
		d := float64(2*k + 1)
		hi := 1 / d
		c[k] = dd{hi, math.FMA(-hi, d, 1) / d}
	}
	return c
}()

// twoAtanh returns ln(a/b) = 2·atanh(s), s = (a − b)/(a + b), for a and b
// within a factor of 2 of each other, summing terms terms of
//
//	atanh(s) = s·(1 + s²/3 + s⁴/5 + …)
func twoAtanh(a, b float64, terms int) dd {
	num := a - b // exact (Sterbenz)
	dhi, dlo := twoSum(a, b)
	s := ddDiv(dd{num, 0}, dd{dhi, dlo})
	s2 := ddMul(s, s)
	p := oddInverse[terms-1]
	for i := terms - 2; i >= 0; i-- {
		p = ddAdd(ddMul(p, s2), oddInverse[i])
	}
	v := ddMul(s, p)
	return dd{2 * v.hi, 2 * v.lo}
}

// tableBits sets the table below: ln c is stored for c = 1 + j/2⁷.
const tableBits = 7

// lnTable[j] = ln(1 + j/2⁷) as a double-double, from the long series.
var lnTable = func() [1<<tableBits + 1]dd {
	var t [1<<tableBits + 1]dd
	for j := range t {
		c := 1 + float64(j)/(1<<tableBits)
		if c < math.Sqrt2 {
			t[j] = twoAtanh(c, 1, maxTerms)
		} else {
			t[j] = ddAdd(ln2, twoAtanh(c/2, 1, maxTerms))
		}
	}
	return t
}()

// logRounded returns ln x for a finite x > 0, correctly rounded except in
// cases rarer than about one in 2³⁰. With x = m·2ᵏ, m in [1, 2), and c the
// nearest 1 + j/128 to m:
//
//	ln x = k·ln 2 + ln c + 2·atanh(s),   s = (m − c)/(m + c), |s| ≤ 2⁻⁹
//	atanh(s) = s·(1 + s²/3 + s⁴·(1/5 + s²/7 + s⁴/9 + s⁶/11))
//
// The parenthesised tail is under 2⁻³⁸ of the sum and is summed in
// float64; everything else is double-double. Every product is rounded
// before it is added (float64(x*y)), so that arm64, where Go may fuse a
// multiply-add, gives the same bits as amd64. It costs about ten times
// math.Log.
func logRounded(x float64) float64 {
	m, k := math.Frexp(x) // x = m·2ᵏ, m in [½, 1)
	m *= 2
	k--
	j := int((m-1)*(1<<tableBits) + 0.5)
	c := 1 + float64(j)/(1<<tableBits)

	// s = (m − c)/(m + c) to about 106 bits: m − c is exact, m + c is the
	// double-double (dhi, dlo), and one correction step refines the quotient.
	num := m - c
	dhi, dlo := twoSum(m, c)
	q1 := num / dhi
	rem := math.FMA(-q1, dhi, num) - float64(q1*dlo)
	q2 := rem / dhi
	var s dd
	s.hi, s.lo = fastTwoSum(q1, q2)

	s2 := ddMul(s, s)
	z := s2.hi
	tail := oddInverse[4].hi + float64(z*oddInverse[5].hi)
	tail = oddInverse[3].hi + float64(z*tail)
	tail = oddInverse[2].hi + float64(z*tail)
	tail = float64(z*z) * tail
	p := ddAdd(dd{1, 0}, ddAdd(ddMul(s2, oddInverse[1]), dd{tail, 0}))
	v := ddMul(s, p)
	v = dd{2 * v.hi, 2 * v.lo}

	kf := float64(k)
	var kl dd
	kl.hi, kl.lo = twoProd(kf, ln2.hi)
	kl.lo += float64(kf * ln2.lo)
	sum := ddAdd(kl, ddAdd(lnTable[j], v))
	return sum.hi + sum.lo
}
