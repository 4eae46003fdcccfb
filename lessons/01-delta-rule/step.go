package main

import (
	"fmt"
	"math"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
)

// The four AND samples in the question's order, one per row, with the bias
// input 1 in column 0; their targets; and the inputs in the order the
// question printed the trained neuron's outputs.
var (
	samples = matrix.FromRows([][]float64{{1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}})
	targets = matrix.FromRows([][]float64{{0}, {0}, {0}, {1}})
	probes  = matrix.FromRows([][]float64{{1, 1, 1}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}})
)

// neuron is the question's sigmoid unit, a = σ(w·x) with x₀ = 1 the bias
// input, and a matrix for every quantity one epoch computes, named as the
// question's Java names it: one row per sample. The matrices are allocated
// once, so epochs allocate nothing.
type neuron struct {
	weights *matrix.Matrix        // 3×1: w₀ (bias), w₁, w₂
	sigmoid func(float64) float64 // 1 / (1 + e^-z), e^-z as -pow says
	deriv   bool                  // multiply by σ′(z) = a(1 − a): the squared-error rule

	sum, estimated, error, delta, oneMinus *matrix.Matrix // 4×1, one row per sample
	weightDelta                            *matrix.Matrix // 3×1
}

// newNeuron returns the neuron with starting weights (biasInit, 0, 0),
// computing e^y with exp.
func newNeuron(biasInit float64, exp func(float64) float64, deriv bool) *neuron {
	return &neuron{
		weights: matrix.FromSlice(3, 1, []float64{biasInit, 0, 0}),
		sigmoid: func(z float64) float64 { return 1 / (1 + exp(-z)) },
		deriv:   deriv,
		sum:     matrix.New(4, 1), estimated: matrix.New(4, 1), error: matrix.New(4, 1),
		delta: matrix.New(4, 1), oneMinus: matrix.New(4, 1), weightDelta: matrix.New(3, 1),
	}
}

// epoch is one batch epoch of the question's train loop, one statement per
// equation of the README, the Java in the comments:
//
//	z = X·w    a = σ(z)    e = y − a
//	δ = η·e              (cross-entropy: no σ′)
//	δ = η·e·a·(1 − a)    (squared error)
//	Δw = Xᵀ·δ    w ← w + Δw
//
// Each sum adds its terms in the Java loops' order and each product is the
// Java expression's, so the bits are Java's. It allocates nothing.
func (n *neuron) epoch(rate float64) {
	matrix.MulInto(n.sum, samples, n.weights)       // sum = Σ weights[i] * input[i], for each sample
	matrix.ApplyInto(n.estimated, n.sigmoid, n.sum) // estimated = 1 / (1 + Math.pow(Math.E, -sum))
	matrix.SubInto(n.error, targets, n.estimated)   // error = sample.getDesiredOutput() - estimated
	matrix.ScalarMulInto(n.delta, rate, n.error)    // delta = learningRate * error
	if n.deriv {
		matrix.HadamardInto(n.delta, n.delta, n.estimated)  // … * estimated
		matrix.ApplyInto(n.oneMinus, oneMinus, n.estimated) // (1 - estimated)
		matrix.HadamardInto(n.delta, n.delta, n.oneMinus)   // … * (1 - estimated)
	}
	matrix.MulTransAInto(n.weightDelta, samples, n.delta) // weightsDelta[f] += delta * input[f], over the samples
	matrix.AddInto(n.weights, n.weights, n.weightDelta)   // weights[weight] += weightDelta[weight]
}

// oneMinus returns 1 − a.
func oneMinus(a float64) float64 { return 1 - a }

// outputs returns σ(w·x) for each probe input, in the order the question
// printed them.
func (n *neuron) outputs() [4]float64 {
	a := matrix.Apply(n.sigmoid, matrix.Mul(probes, n.weights))
	return [4]float64(a.Data)
}

// snapshot is the neuron at one checkpoint: its weights and its outputs for
// the four probes.
type snapshot struct {
	epochs int
	w      [3]float64
	out    [4]float64
}

// train runs variant v from the starting weights of cfg and returns a
// snapshot at each of cfg.epochs, printing the first epochs to tr (nil:
// none). Weights that stop being finite end it with an error naming the
// epoch. Cost: 4 sigmoid evaluations per epoch.
func train(v variant, cfg config, tr *trace.Trace) ([]snapshot, error) {
	n := newNeuron(cfg.biasInit, exps[cfg.pow].f, v.deriv)
	var snaps []snapshot
	done := 0
	for _, target := range cfg.epochs {
		for ; done < target; done++ {
			tr.Step(done) // nil-safe: no trace, no cost
			n.epoch(cfg.rate)
			n.print(tr, cfg.rate)
			for i, w := range n.weights.Data {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					return snaps, fmt.Errorf("%s: diverged at epoch %d: w%d is %v; try a smaller -rate than %g", v.name, done+1, i, w, cfg.rate)
				}
			}
		}
		snaps = append(snaps, snapshot{epochs: target, w: [3]float64(n.weights.Data), out: n.outputs()})
	}
	return snaps, nil
}
