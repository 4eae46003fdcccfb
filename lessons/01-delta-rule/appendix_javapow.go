package main

import (
	"math"

	"nnscratch/matrix/portable"
)

// Appendix: this file computes e^y the way Java's Math.pow(Math.E, y) does
// on a current JVM, so that the lesson prints the question's doubles to the
// last bit. The delta rule itself is in step.go; nothing here is needed to
// understand it.
//
// Java's power is the correctly rounded value of Math.E^y, where Math.E is
// the double nearest e (2.718281828459045090…, a little below e). Go's
// math.Pow is accurate to an ulp or two, not correctly rounded, and after
// 35,000 epochs that is enough to change the last digits the forum printed.
// Here the power is evaluated in double-double arithmetic (a value is
// hi + lo, about 32 significant digits) and rounded once at the end.
//
// Every product that meets an addition is wrapped in float64(…) so that no
// compiler may fuse it into a multiply-add (Go may do so on arm64); the exact
// product error comes from math.FMA, which is correctly rounded on every
// platform. The result is therefore the same bits on amd64 and arm64.

// exps are the ways -pow offers to compute e^y. Each gives the same bits on
// every platform: "go" and "exp" are math.Pow's and math.Exp's results as
// amd64 with FMA rounds them, computed everywhere by package portable.
var exps = map[string]struct {
	f   func(float64) float64
	how string
}{
	"java": {javaPowE, "as Java's Math.pow(Math.E, -z): correctly rounded"},
	"go":   {func(y float64) float64 { return portable.Pow(math.E, y) }, "with Go's math.Pow(math.E, -z) (portable.Pow)"},
	"exp":  {portable.Exp, "with Go's math.Exp(-z) (portable.Exp), a true e^-z"},
}

// dd is an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2.
type dd struct{ hi, lo float64 }

// twoSum returns s = fl(a+b) and the exact rounding error e: a + b = s + e.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// fastTwoSum is twoSum for |a| ≥ |b|.
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// twoProd returns p = fl(a·b) and the exact rounding error e: a·b = p + e.
func twoProd(a, b float64) (p, e float64) {
	p = float64(a * b)
	e = math.FMA(a, b, -p)
	return p, e
}

// ddAdd returns x + y to double-double accuracy.
func ddAdd(x, y dd) dd {
	s, e := twoSum(x.hi, y.hi)
	t, f := twoSum(x.lo, y.lo)
	s, e = fastTwoSum(s, e+t)
	s, e = fastTwoSum(s, e+f)
	return dd{s, e}
}

// ddMul returns x · y to double-double accuracy.
func ddMul(x, y dd) dd {
	p, e := twoProd(x.hi, y.hi)
	e += float64(x.hi*y.lo) + float64(x.lo*y.hi)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

// ddDiv returns x / b for a double b ≠ 0.
func ddDiv(x dd, b float64) dd {
	q1 := x.hi / b
	p, e := twoProd(q1, b)
	s, f := twoSum(x.hi, -p)
	q2 := (s + (f - e + x.lo)) / b
	q1, q2 = fastTwoSum(q1, q2)
	return dd{q1, q2}
}

var (
	// ln2 is ln 2 as a double-double.
	ln2 = dd{0.6931471805599453, 2.3190468138462996e-17}
	// lnJavaE is ln(Math.E) = 1 + ln(Math.E / e) as a double-double; the
	// correction −5.318…e-17 is (Math.E − e)/e to double precision.
	// TestExpOfLnJavaE checks it: ddExp(lnJavaE) must give back Math.E.
	lnJavaE = dd{1, -5.318237706605891e-17}
)

// ddExp returns e^x to about 30 significant digits for |x| < 700. It writes
// x = k·ln2 + r, sums the Taylor series of e^(r/1024) and squares the sum ten
// times: e^x = 2^k · (e^(r/1024))^1024. Cost: about 40 double-double
// operations.
func ddExp(x dd) dd {
	k := math.Round(x.hi / ln2.hi)
	r := ddAdd(x, ddMul(dd{-k, 0}, ln2))
	r = dd{r.hi / 1024, r.lo / 1024} // exact: a power of two
	sum, term := ddAdd(dd{1, 0}, r), r
	for n := 2; n <= 12; n++ { // |r| < 3.4e-4, so r^13/13! < 1e-55
		term = ddDiv(ddMul(term, r), float64(n))
		sum = ddAdd(sum, term)
	}
	for range 10 {
		sum = ddMul(sum, sum)
	}
	return dd{math.Ldexp(sum.hi, int(k)), math.Ldexp(sum.lo, int(k))}
}

// javaPowE returns Math.E^y correctly rounded to a double (barring a tie
// closer than about 1e-29 relative), which is what Java's Math.pow(Math.E, y)
// returns, for |y| < powRange. Outside that range, where ddExp is not exact
// (and for NaN), it returns portable.Exp(y): 0 or +Inf from about |y| > 745, and
// within a few ulps of Java's result between.
func javaPowE(y float64) float64 {
	if !(math.Abs(y) < powRange) {
		return portable.Exp(y)
	}
	return ddExp(ddMul(dd{y, 0}, lnJavaE)).hi
}

// powRange bounds the arguments javaPowE evaluates in double-double.
const powRange = 700
