package main

import (
	"math"

	"nnscratch/matrix"
)

// A feature is one input of the network, computed from a point's two
// coordinates (x1, x2): TensorFlow Playground's derived features.
type feature struct {
	name  string // the query name, in [x]
	label string // as the page shows it
	expr  string // the same computation as a Go expression in x1 and x2 (for Command)
	f     func(x1, x2 float64) float64
}

// inputFeatures are the inputs a Setting may choose, in canonical order.
var inputFeatures = []feature{
	{"x1", "x1", "x1", func(x1, _ float64) float64 { return x1 }},
	{"x2", "x2", "x2", func(_, x2 float64) float64 { return x2 }},
	{"x1sq", "x1²", "x1 * x1", func(x1, _ float64) float64 { return x1 * x1 }},
	{"x2sq", "x2²", "x2 * x2", func(_, x2 float64) float64 { return x2 * x2 }},
	{"x1x2", "x1·x2", "x1 * x2", func(x1, x2 float64) float64 { return x1 * x2 }},
	{"sinx1", "sin x1", "math.Sin(x1)", func(x1, _ float64) float64 { return math.Sin(x1) }},
	{"sinx2", "sin x2", "math.Sin(x2)", func(_, x2 float64) float64 { return math.Sin(x2) }},
}

// biasInput is the constant input 1 that lessons 01 and 03 use in place of
// bias rows.
var biasInput = feature{"one", "1", "1", func(_, _ float64) float64 { return 1 }}

// findFeature returns the input feature called name, or nil.
func findFeature(name string) *feature {
	for i := range inputFeatures {
		if inputFeatures[i].name == name {
			return &inputFeatures[i]
		}
	}
	return nil
}

// featureNames returns the names of the input features, in order.
func featureNames() []string {
	names := make([]string, len(inputFeatures))
	for i, f := range inputFeatures {
		names[i] = f.name
	}
	return names
}

// sessionFeatures returns the network's inputs for s, in order: the chosen
// features, with the lessons' bias input first (lesson 01: x = (1, x1, x2))
// or last (lesson 03: X = (x1, x2, 1)).
func sessionFeatures(s Setting) []feature {
	var fs []feature
	for _, n := range s.Features {
		fs = append(fs, *findFeature(n))
	}
	switch s.Lesson {
	case "01":
		fs = append([]feature{biasInput}, fs...)
	case "03":
		fs = append(fs, biasInput)
	}
	return fs
}

// expand fills row i of dst with the features fs of the point (x1[i],
// x2[i]), for every i. dst must be len(x1)×len(fs). It allocates nothing.
func expand(dst *matrix.Matrix, fs []feature, x1, x2 []float64) {
	for i := range x1 {
		row := dst.Data[i*dst.Cols : (i+1)*dst.Cols]
		for j, f := range fs {
			row[j] = f.f(x1[i], x2[i])
		}
	}
}
