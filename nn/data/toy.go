package data

import (
	"fmt"
	"math"

	"nnscratch/matrix"
)

// A Source draws the random numbers the toy generators use:
// *nprand.RandomState (numpy's generator) is one, so a seed gives the same
// points on every machine.
type Source interface {
	RandomSample() float64   // uniform in [0, 1)
	StandardNormal() float64 // N(0, 1)
}

// ToyRadius is the half-width of the square [−5, 5]² that the toy
// classification sets fill (before noise) and the x range of Curve.
const ToyRadius = 5.0

// The toy data sets of the playground, two classes in the plane (or one
// input and a target for Curve). Each returns x (n×2; n×1 for Curve) and
// y (n×1: 1 or 0 for the classes, the target value for Curve), draws from
// src in the order its comment gives, point by point, and panics if n < 2
// or noise is outside [0, 1]. Noise moves the points (or the target) by
// up to noise·ToyRadius (noise for Curve) without changing their labels.
// The first n/2 points (rounded down) have label 1, the rest label 0,
// except in XOR, whose labels come from the points.

// Circle is a disc of label-1 points (radius ToyRadius/2) inside a ring of
// label-0 points (radius 0.7 to 1 times ToyRadius). Draws per point:
// radius, angle, then the x and y noise.
func Circle(src Source, n int, noise float64) (x, y *matrix.Matrix) {
	x, y = toyShape("Circle", n, 2, noise)
	for i := range n {
		var r float64
		if i < n/2 {
			r = ToyRadius * 0.5 * src.RandomSample()
		} else {
			r = ToyRadius * (0.7 + 0.3*src.RandomSample())
		}
		t := 2 * math.Pi * src.RandomSample()
		setPoint(x, y, i, r*math.Cos(t), r*math.Sin(t), label(i < n/2), src, noise)
	}
	return x, y
}

// XOR is points uniform in the square, kept 0.3 away from the axes, with
// label 1 where x1·x2 > 0 (the first and third quadrants). Draws per
// point: x1, x2, then the x and y noise.
func XOR(src Source, n int, noise float64) (x, y *matrix.Matrix) {
	x, y = toyShape("XOR", n, 2, noise)
	for i := range n {
		p := awayFromAxis(2*ToyRadius*src.RandomSample() - ToyRadius)
		q := awayFromAxis(2*ToyRadius*src.RandomSample() - ToyRadius)
		setPoint(x, y, i, p, q, label(p*q > 0), src, noise)
	}
	return x, y
}

// Gauss is two normal clouds of standard deviation 0.5 + 3·noise, label 1
// around (2, 2) and label 0 around (−2, −2). Draws per point: the x and y
// normal deviates.
func Gauss(src Source, n int, noise float64) (x, y *matrix.Matrix) {
	x, y = toyShape("Gauss", n, 2, noise)
	sd := 0.5 + 3*noise
	for i := range n {
		c := -2.0
		if i < n/2 {
			c = 2
		}
		p := c + sd*src.StandardNormal()
		q := c + sd*src.StandardNormal()
		x.Set(i, 0, p)
		x.Set(i, 1, q)
		y.Set(i, 0, label(i < n/2))
	}
	return x, y
}

// Spiral is two interleaved arms turning 1¾ times out to ToyRadius: the
// k-th point of an arm of m lies at radius r = ToyRadius·k/m and angle
// t = 3.5π·k/m (plus π for the label-0 arm), at (r·sin t, r·cos t).
// Draws per point: the x and y noise.
func Spiral(src Source, n int, noise float64) (x, y *matrix.Matrix) {
	x, y = toyShape("Spiral", n, 2, noise)
	for i := range n {
		k, m, turn := i, n/2, 0.0
		if i >= n/2 {
			k, m, turn = i-n/2, n-n/2, math.Pi
		}
		r := ToyRadius * float64(k) / float64(m)
		t := 3.5*math.Pi*float64(k)/float64(m) + turn
		setPoint(x, y, i, r*math.Sin(t), r*math.Cos(t), label(i < n/2), src, noise)
	}
	return x, y
}

// Curve is a regression set: x uniform in [−ToyRadius, ToyRadius] and the
// target y = sin x + noise·(2u − 1). Draws per point: x, then u.
func Curve(src Source, n int, noise float64) (x, y *matrix.Matrix) {
	x, y = toyShape("Curve", n, 1, noise)
	for i := range n {
		v := 2*ToyRadius*src.RandomSample() - ToyRadius
		x.Set(i, 0, v)
		y.Set(i, 0, math.Sin(v)+noise*(2*src.RandomSample()-1))
	}
	return x, y
}

// toyShape checks n and noise and returns zero n×cols inputs and n×1 targets.
func toyShape(name string, n, cols int, noise float64) (x, y *matrix.Matrix) {
	if n < 2 {
		panic(fmt.Sprintf("data: %s with %d points, want at least 2", name, n))
	}
	if !(noise >= 0 && noise <= 1) {
		panic(fmt.Sprintf("data: %s with noise %v, want 0 … 1", name, noise))
	}
	return matrix.New(n, cols), matrix.New(n, 1)
}

// setPoint stores point i at (p, q) moved by the noise, with label l.
func setPoint(x, y *matrix.Matrix, i int, p, q, l float64, src Source, noise float64) {
	d := noise * ToyRadius
	x.Set(i, 0, p+d*(2*src.RandomSample()-1))
	x.Set(i, 1, q+d*(2*src.RandomSample()-1))
	y.Set(i, 0, l)
}

// awayFromAxis moves v 0.3 further from zero, so that no XOR point sits on
// the boundary between quadrants.
func awayFromAxis(v float64) float64 {
	if v > 0 {
		return v + 0.3
	}
	return v - 0.3
}

// label returns 1 for true and 0 for false.
func label(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
