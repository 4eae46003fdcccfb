package main

import (
	"math"
	"slices"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// A dataset is a session's points: coordinates (x1, x2) as the page shows
// them, targets, and which points are held out as the test set. For the
// regression curve, x2 is the target itself, so that the points draw the
// curve; the network sees only x1.
type dataset struct {
	x1, x2     []float64
	label      []float64 // 1 or 0; the target value for the curve
	test       []bool
	train, tst []int // indices of the training and test points, in training order
	domain     [4]float64
	regression bool
}

// andRows and xorRows are lesson 01's AND table and lesson 03's XOR rows,
// as (x1, x2, target), in the lessons' order.
var (
	andRows = [][3]float64{{0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}}
	xorRows = [][3]float64{{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}}
)

// loadData builds the points of s. Generated sets draw from rng first
// (data.Circle and its kin, with noise/100), then, for sets with a test
// part, the split: a permutation of the points whose first Train percent
// (rounded, at least one point, leaving at least one) are trained on.
// The lessons' sets are all trained on, in their own order.
func loadData(s Setting, rng *nprand.RandomState) *dataset {
	d := &dataset{domain: [4]float64{-6, 6, -6, 6}}
	noise := float64(s.Noise) / 100
	var x, y *matrix.Matrix
	switch s.Data {
	case "circle":
		x, y = data.Circle(rng, s.Points, noise)
	case "xor":
		x, y = data.XOR(rng, s.Points, noise)
	case "gauss":
		x, y = data.Gauss(rng, s.Points, noise)
	case "spiral":
		x, y = data.Spiral(rng, s.Points, noise)
	case "curve":
		x, y = data.Curve(rng, s.Points, noise)
		d.regression, d.domain = true, [4]float64{-6, 6, -2, 2}
		x = matrix.FromSlice(x.Rows, 2, interleave(x.Data, y.Data))
	case "and", "xor3":
		x, y = tableRows(map[string][][3]float64{"and": andRows, "xor3": xorRows}[s.Data])
		d.domain = [4]float64{-0.5, 1.5, -0.5, 1.5}
	case "iris10":
		x, y = data.EpochsQuestionIris()
	case "iris2":
		x, y = irisColumns(s.IrisX)
	}
	if s.Data == "iris10" || s.Data == "iris2" {
		if s.Scale == "standard" {
			x = new(nn.StandardScaler).FitTransform(x)
		}
		d.domain = paddedBounds(x)
	}
	d.x1, d.x2, d.label = x.Col(0), x.Col(1), y.Data
	d.test = make([]bool, x.Rows)
	if slices.Contains(lessonData, s.Data) {
		for i := range x.Rows {
			d.train = append(d.train, i)
		}
		return d
	}
	perm := rng.Permutation(x.Rows)
	k := trainSize(x.Rows, s.Train)
	d.train, d.tst = perm[:k], perm[k:]
	for _, i := range d.tst {
		d.test[i] = true
	}
	return d
}

// trainSize is the number of points of n trained on at the given percent:
// rounded to nearest, at least 1 and at most n − 1.
func trainSize(n, percent int) int {
	return min(max((n*percent+50)/100, 1), n-1)
}

// tableRows returns the (x1, x2) inputs and the targets of rows.
func tableRows(rows [][3]float64) (x, y *matrix.Matrix) {
	x, y = matrix.New(len(rows), 2), matrix.New(len(rows), 1)
	for i, r := range rows {
		x.Set(i, 0, r[0])
		x.Set(i, 1, r[1])
		y.Set(i, 0, r[2])
	}
	return x, y
}

// irisColumns returns the two named columns of the 150 Iris flowers and
// the targets 1 for virginica, 0 for the other two species.
func irisColumns(cols [2]string) (x, y *matrix.Matrix) {
	t := data.Iris()
	a, b := slices.Index(irisNames, cols[0]), slices.Index(irisNames, cols[1])
	x, y = matrix.New(t.Rows, 2), matrix.New(t.Rows, 1)
	for i := range t.Rows {
		x.Set(i, 0, t.X[i*t.Cols+a])
		x.Set(i, 1, t.X[i*t.Cols+b])
		if t.Labels[i] == "virginica" {
			y.Set(i, 0, 1)
		}
	}
	return x, y
}

// interleave returns the pairs (a[i], b[i]) as one row-major slice.
func interleave(a, b []float64) []float64 {
	out := make([]float64, 0, 2*len(a))
	for i := range a {
		out = append(out, a[i], b[i])
	}
	return out
}

// paddedBounds returns the square-ish domain (xmin, xmax, ymin, ymax) that
// holds the points of x's two columns with a tenth of each span to spare.
func paddedBounds(x *matrix.Matrix) [4]float64 {
	var d [4]float64
	for j := range 2 {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range x.Rows {
			lo, hi = min(lo, x.At(i, j)), max(hi, x.At(i, j))
		}
		pad := 0.1 * max(hi-lo, 1e-9)
		d[2*j], d[2*j+1] = lo-pad, hi+pad
	}
	return d
}
