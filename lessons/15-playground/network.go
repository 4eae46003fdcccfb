package main

import (
	"math"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// newNetwork returns the network of s with its initial weights: lesson
// 01's neuron w = (−2, 0, 0); lessons 03 to 05 drawn as the lessons draw
// them (nn.NumpyUniform: every W, then every b, each 2·u − 1); otherwise
// nn.Glorot's scikit-learn draws. Lessons 01 and 03 have a bias input
// instead of bias rows.
func newNetwork(s Setting, inputs int, regression bool, rng *nprand.RandomState) *nn.Network {
	sizes := append(append([]int{inputs}, s.Hidden...), 1)
	var out nn.Activation = nn.Sigmoid{}
	if regression {
		out = nn.Identity{}
	}
	net := nn.New(sizes, s.Lesson != "01" && s.Lesson != "03", activation(s.Act), out)
	switch s.Lesson {
	case "01":
		net.Layers[0].W.Data[0] = -2
	case "03", "04", "05":
		nn.NumpyUniform{}.Initialize(net, rng)
	default:
		nn.Glorot{}.Initialize(net, rng)
	}
	return net
}

// activation returns the activation called name.
func activation(name string) nn.Activation {
	switch name {
	case "relu":
		return nn.ReLU{}
	case "sigmoid":
		return nn.Sigmoid{}
	case "linear":
		return nn.Identity{}
	}
	return nn.Tanh{}
}

// optimizer returns a new optimiser called name; momentum and Nesterov use
// μ = 0.9, Adam its paper's defaults.
func optimizer(name string) nn.Optimizer {
	switch name {
	case "momentum":
		return &nn.Momentum{Mu: 0.9}
	case "nesterov":
		return &nn.Momentum{Mu: 0.9, Nesterov: true}
	case "adam":
		return &nn.Adam{}
	}
	return nn.GD{}
}

// chooseLoss returns the loss s trains on, the loss the session reports and
// its name. The lessons train on their summed losses, ½·SSE (nn.HalfSSE)
// or the summed log-loss (δ = a − y), and report what they print: lesson
// 03 the mean |error|, the others the sum of squared errors. Other runs
// train on and report the mean squared error or the mean log-loss.
func chooseLoss(s Setting, regression bool) (nn.Loss, func(a, y *matrix.Matrix) float64, string) {
	if s.Lesson != "" {
		var l nn.Loss = nn.HalfSSE{}
		if s.Loss == "logloss" {
			l = nn.LogLoss{Sum: true}
		}
		if s.Lesson == "03" {
			return l, meanAbsError, "mean |error|"
		}
		return l, nn.SSE{}.Value, "sum of squared errors"
	}
	if s.Loss == "logloss" && !regression {
		return nn.LogLoss{}, nn.LogLoss{}.Value, "mean log-loss"
	}
	return nn.MSE{}, nn.MSE{}.Value, "mean squared error"
}

// meanAbsError is the notebook's np.mean(np.abs(layer_2 - y)): the sum in
// order, divided by the count.
func meanAbsError(a, y *matrix.Matrix) float64 {
	s := 0.0
	for i, v := range a.Data {
		s += math.Abs(v - y.Data[i])
	}
	return s / float64(len(a.Data))
}
