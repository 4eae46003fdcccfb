package main

import (
	"nnscratch/matrix"
)

// A Frame is what the page draws of a session at one moment. Snapshot
// fills it; the server turns it into compact bytes. Every slice is reused
// from one Snapshot to the next, so keep a Frame per client and copy what
// must outlive the next Snapshot.
//
// The heat maps cover the square Domain = (xmin, xmax, ymin, ymax) of the
// shown coordinates: cell (r, c) of a G×G map, index r*G + c, is the value
// at the cell's centre
//
//	x = xmin + (c + ½)·(xmax − xmin)/G,   y = ymax − (r + ½)·(ymax − ymin)/G
//
// so row 0 is the top. For classification the output is the network's
// σ(z) in [0, 1], the probability of label 1. For the regression curve the
// vertical axis is the target, and Output holds ŷ(x) − y: negative below
// the learned curve, positive above, zero on it.
type Frame struct {
	Step, Epoch         int     // optimiser steps and passes over the training set made
	TrainLoss, TestLoss float64 // LossName on the training and test sets (TestLoss 0 without a test set)
	LossName            string  // "mean squared error", "mean log-loss", "mean |error|", "sum of squared errors"
	Diverged            string  // the error that stopped training, or ""

	// The loss history, oldest first: the losses after HistorySteps[i]
	// steps. It holds at most Limits.MaxHistory entries, thinned to every
	// other one (and the spacing doubled) whenever it fills up.
	HistorySteps []int
	TrainHistory []float64
	TestHistory  []float64 // zeros without a test set

	Grid   int       // side of Output
	Output []float64 // Grid×Grid network output, row-major, y from the top

	UnitGrid   int         // side of each map in Units and Inputs
	Units      [][]float64 // each unit's activation map, layer by layer, the output unit last
	Inputs     [][]float64 // each input feature's map (constant while the session lives)
	InputNames []string    // the inputs as the page labels them: "x1", "x1²", "sin x2", "1" (a bias input)

	Sizes   []int       // units per layer, inputs first: 2-8-8-1 is [2 8 8 1]
	Weights [][]float64 // Weights[l] is layer l+1's W, row-major Sizes[l]×Sizes[l+1]: W[i*out+j] joins input i to unit j
	Biases  [][]float64 // Biases[l] is layer l+1's b, Sizes[l+1] values; empty for lessons 01 and 03, whose bias is the input "1"

	// The points, in data order: shown coordinates, targets (0 or 1; the
	// target value for the curve) and whether each is in the test set.
	X, Y, Label []float64
	Test        []bool
	Domain      [4]float64 // xmin, xmax, ymin, ymax
	Regression  bool
}

// heatMaps holds the grids of inputs the maps are computed on and the
// evaluators that run them, made once per session.
type heatMaps struct {
	grid, unitGrid int
	gridX, unitX   *matrix.Matrix // features at the cell centres
	gridY          []float64      // the vertical coordinate of each row of the output grid
	evGrid, evUnit evaluator
	inputs         [][]float64 // each feature's map on the unit grid
}

// init computes the grids of inputs for session s.
func (h *heatMaps) init(s *Session, lim Limits) {
	h.grid, h.unitGrid = lim.Grid, lim.UnitGrid
	h.gridX, h.gridY = cells(s.feats, s.data.domain, h.grid)
	h.unitX, _ = cells(s.feats, s.data.domain, h.unitGrid)
	h.evGrid = newEvaluator(s.net, h.gridX.Rows)
	h.evUnit = newEvaluator(s.net, h.unitX.Rows)
	for j := range s.feats {
		h.inputs = append(h.inputs, h.unitX.Col(j))
	}
}

// cells returns the features of the n×n cell centres of domain, row by
// row from the top, and the y coordinate of each row.
func cells(fs []feature, domain [4]float64, n int) (*matrix.Matrix, []float64) {
	x1, x2 := make([]float64, n*n), make([]float64, n*n)
	ys := make([]float64, n)
	for r := range n {
		ys[r] = domain[3] - (float64(r)+0.5)*(domain[3]-domain[2])/float64(n)
		for c := range n {
			x1[r*n+c] = domain[0] + (float64(c)+0.5)*(domain[1]-domain[0])/float64(n)
			x2[r*n+c] = ys[r]
		}
	}
	m := matrix.New(n*n, len(fs))
	expand(m, fs, x1, x2)
	return m, ys
}

// Snapshot fills f with the session's present state: counters, losses,
// history, heat maps, weights and points. The first call on a Frame
// allocates its slices; later calls reuse them and allocate nothing.
// Cost: one forward pass over the training and test sets, Grid² cells and
// UnitGrid² cells.
func (s *Session) Snapshot(f *Frame) {
	f.Step, f.Epoch, f.LossName, f.Regression, f.Domain = s.step, s.epoch, s.lossName, s.data.regression, s.data.domain
	f.TrainLoss, f.TestLoss = s.losses()
	f.Diverged = ""
	if s.err != nil {
		f.Diverged = s.err.Error()
	}
	f.HistorySteps = append(f.HistorySteps[:0], s.hist.steps...)
	f.TrainHistory = append(f.TrainHistory[:0], s.hist.train...)
	f.TestHistory = append(f.TestHistory[:0], s.hist.test...)

	h := &s.plots
	f.Grid, f.UnitGrid = h.grid, h.unitGrid
	out := h.evGrid.forward(s.net, h.gridX)
	f.Output = append(f.Output[:0], out.Data...)
	if s.data.regression {
		for k := range f.Output {
			f.Output[k] -= h.gridY[k/h.grid]
		}
	}
	h.evUnit.forward(s.net, h.unitX)
	f.Units = resizeMaps(f.Units, h.evUnit.a, h.unitGrid)
	k := 0
	for _, a := range h.evUnit.a {
		for j := range a.Cols {
			m := f.Units[k]
			for i := range m {
				m[i] = a.Data[i*a.Cols+j]
			}
			k++
		}
	}
	if len(f.Inputs) != len(h.inputs) {
		f.Inputs, f.InputNames = make([][]float64, len(h.inputs)), make([]string, len(h.inputs))
	}
	for j, m := range h.inputs {
		f.Inputs[j] = append(f.Inputs[j][:0], m...)
		f.InputNames[j] = s.feats[j].label
	}

	if len(f.Weights) != len(s.net.Layers) {
		f.Weights, f.Biases = make([][]float64, len(s.net.Layers)), make([][]float64, len(s.net.Layers))
		f.Sizes = make([]int, len(s.net.Layers)+1)
	}
	f.Sizes[0] = s.net.Layers[0].FanIn()
	for l, layer := range s.net.Layers {
		f.Sizes[l+1] = layer.FanOut()
		f.Weights[l] = append(f.Weights[l][:0], layer.W.Data...)
		f.Biases[l] = f.Biases[l][:0]
		if layer.B != nil {
			f.Biases[l] = append(f.Biases[l], layer.B.Data...)
		}
	}
	f.X = append(f.X[:0], s.data.x1...)
	f.Y = append(f.Y[:0], s.data.x2...)
	f.Label = append(f.Label[:0], s.data.label...)
	f.Test = append(f.Test[:0], s.data.test...)
}

// resizeMaps returns maps with one n×n map per column of the layers'
// activations, reusing maps when it already has that shape.
func resizeMaps(maps [][]float64, layers []*matrix.Matrix, n int) [][]float64 {
	units := 0
	for _, a := range layers {
		units += a.Cols
	}
	if len(maps) == units && (units == 0 || len(maps[0]) == n*n) {
		return maps
	}
	maps = make([][]float64, units)
	for i := range maps {
		maps[i] = make([]float64, n*n)
	}
	return maps
}
