package mlp

import (
	"errors"
	"fmt"
	"math"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// Fitted is the state training leaves in an estimator: scikit-learn's
// attributes with a trailing underscore.
type Fitted struct {
	Loss                float64          // loss_: the last epoch's mean loss (the final loss for LBFGS)
	BestLoss            float64          // best_loss_: lowest Loss so far; NaN (None) under early stopping
	LossCurve           []float64        // loss_curve_: Loss after every epoch (nil for LBFGS)
	ValidationScores    []float64        // validation_scores_: score on the held-out set per epoch
	BestValidationScore float64          // best_validation_score_: NaN (None) without early stopping
	T                   int              // t_: training samples seen
	Coefs               []*matrix.Matrix // coefs_: Coefs[i] is the fan_in×fan_out weight matrix of layer i
	Intercepts          [][]float64      // intercepts_: Intercepts[i] has fan_out biases
	NIter               int              // n_iter_: epochs run (LBFGS iterations)
	NLayers             int              // n_layers_: input, hidden and output layers
	NOutputs            int              // n_outputs_: output units
	OutActivation       Activation       // out_activation_: Logistic, Softmax or Identity
	NFeatures           int              // n_features_in_
	// ConvergenceWarning is scikit-learn's ConvergenceWarning text when
	// training stopped at max_iter without converging, and "" otherwise.
	ConvergenceWarning string
}

// Converged reports whether the last training call converged (it issued
// no convergence warning).
func (f *Fitted) Converged() bool { return f.ConvergenceWarning == "" }

// trainer is the machinery behind Fitted: the network, the optimiser and
// the stopping-rule counters kept between PartialFit calls.
type trainer struct {
	f         *Fitted
	net       *network
	opt       optimizer
	noImprove int
}

// ErrNonFinite is returned when training produced infinite or NaN weights.
var ErrNonFinite = errors.New("mlp: Solver produced non-finite parameter weights. The input data may contain large values and need to be preprocessed")

// task tells the trainer what the estimator adds: how to split off a
// validation set and how to score it.
type task struct {
	est      string                                        // "MLPClassifier" or "MLPRegressor"
	out      Activation                                    // output activation
	stratify []int                                         // class of each row when the split is stratified
	score    func(pred *matrix.Matrix, rows []int) float64 // validation score of rows' predictions
}

// source returns the random source for one call to Fit or PartialFit: a
// fresh RandomState(seed), or one seeded from the clock when seed < 0.
func source(seed int64) *nprand.RandomState {
	if seed < 0 {
		return nprand.New(uint32(time.Now().UnixNano()))
	}
	return nprand.New(uint32(seed))
}

// train runs one Fit (incremental false) or one PartialFit call on the
// inputs X and the encoded targets Y.
func (tr *trainer) train(p *Params, X, Y *matrix.Matrix, incremental bool, tk task) error {
	rng := source(p.RandomState)
	if tr.net == nil || !incremental {
		units := append(append([]int{X.Cols}, p.HiddenLayerSizes...), Y.Cols)
		tr.net = newNetwork(units, p.Activation, tk.out, p.Alpha, rng)
		*tr.f = Fitted{Coefs: tr.net.coefs, Intercepts: tr.net.ints, NLayers: len(units),
			NOutputs: Y.Cols, OutActivation: tk.out, NFeatures: X.Cols,
			BestLoss: math.Inf(1), BestValidationScore: math.NaN()}
		if p.EarlyStopping && p.Solver != LBFGS {
			tr.f.BestLoss, tr.f.BestValidationScore = math.NaN(), math.Inf(-1)
			tr.f.ValidationScores = []float64{}
		}
		if p.Solver != LBFGS {
			tr.f.LossCurve = []float64{}
		}
		tr.opt = nil
	} else if X.Cols != tr.f.NFeatures {
		return fmt.Errorf("mlp: X has %d features, but %s was fitted with %d", X.Cols, tk.est, tr.f.NFeatures)
	}
	tr.net.alpha = p.Alpha
	tr.f.ConvergenceWarning = ""
	var err error
	if p.Solver == LBFGS {
		err = tr.trainLBFGS(p, X, Y)
	} else {
		err = tr.trainStochastic(p, X, Y, incremental, tk, rng)
	}
	if err != nil {
		return err
	}
	for _, w := range tr.net.params() {
		for _, v := range w {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return ErrNonFinite
			}
		}
	}
	return nil
}

// params returns the coefficient data followed by the intercepts, the
// order of scikit-learn's coefs_ + intercepts_.
func (n *network) params() [][]float64 {
	ps := make([][]float64, 0, 2*len(n.coefs))
	for _, w := range n.coefs {
		ps = append(ps, w.Data)
	}
	return append(ps, n.ints...)
}

func (n *network) grads() [][]float64 {
	gs := make([][]float64, 0, 2*len(n.gCoefs))
	for _, w := range n.gCoefs {
		gs = append(gs, w.Data)
	}
	return append(gs, n.gInts...)
}

// trainStochastic runs epochs of mini-batch SGD or Adam with scikit-learn's
// stopping rule: stop (or, for the Adaptive schedule, divide η by 5) after
// NIterNoChange+1 epochs in a row that fail to lower the training loss by
// Tol, or with early stopping to raise the validation score by Tol.
func (tr *trainer) trainStochastic(p *Params, X, Y *matrix.Matrix, incremental bool, tk task, rng *nprand.RandomState) error {
	net := tr.net
	if tr.opt == nil {
		if p.Solver == SGD {
			tr.opt = newSGD(p, net.params())
		} else {
			tr.opt = newAdam(p, net.params())
		}
	}
	early := p.EarlyStopping && !incremental
	var Xv *matrix.Matrix
	var valRows []int
	var best *network
	if early {
		trainRows, testRows, err := validationSplit(X.Rows, p.ValidationFraction, tk.stratify, rng)
		if err != nil {
			return err
		}
		X, Y, Xv, valRows = rowsOf(X, trainRows), rowsOf(Y, trainRows), rowsOf(X, testRows), testRows
	}
	n := X.Rows
	bs := p.BatchSize
	if bs == 0 {
		bs = min(200, n)
	}
	bs = min(bs, n)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	params, grads := net.params(), net.grads()
	for it := 0; it < p.MaxIter; it++ {
		if p.Shuffle {
			rng.Shuffle(idx)
		}
		var acc float64
		for start := 0; start < n; start += bs {
			end := min(start+bs, n)
			loss := net.backprop(X, Y, idx[start:end])
			acc += loss * float64(end-start)
			tr.opt.update(params, grads)
		}
		tr.f.NIter++
		tr.f.Loss = acc / float64(n)
		tr.f.T += n
		tr.f.LossCurve = append(tr.f.LossCurve, tr.f.Loss)
		if early {
			s := tk.score(net.predict(Xv), valRows)
			tr.f.ValidationScores = append(tr.f.ValidationScores, s)
			if s < tr.f.BestValidationScore+p.Tol {
				tr.noImprove++
			} else {
				tr.noImprove = 0
			}
			if s > tr.f.BestValidationScore {
				tr.f.BestValidationScore = s
				best = net.clone()
			}
		} else {
			if tr.f.Loss > tr.f.BestLoss-p.Tol {
				tr.noImprove++
			} else {
				tr.noImprove = 0
			}
			if tr.f.Loss < tr.f.BestLoss {
				tr.f.BestLoss = tr.f.Loss
			}
		}
		tr.opt.iterationEnds(tr.f.T)
		if tr.noImprove > p.NIterNoChange {
			if tr.opt.triggerStopping() {
				break
			}
			tr.noImprove = 0
		}
		if incremental {
			break
		}
		if tr.f.NIter == p.MaxIter {
			tr.f.ConvergenceWarning = fmt.Sprintf("Stochastic Optimizer: Maximum iterations (%d) reached and the optimization hasn't converged yet.", p.MaxIter)
		}
	}
	if early && best != nil {
		for i, w := range best.coefs {
			net.coefs[i].Copy(w)
			copy(net.ints[i], best.ints[i])
		}
	}
	return nil
}

// clone copies the weights of n (not its buffers).
func (n *network) clone() *network {
	c := &network{}
	for i, w := range n.coefs {
		c.coefs = append(c.coefs, w.Clone())
		c.ints = append(c.ints, append([]float64(nil), n.ints[i]...))
	}
	return c
}

// rowsOf returns a new matrix of the rows idx of m, in that order.
func rowsOf(m *matrix.Matrix, idx []int) *matrix.Matrix {
	out := matrix.New(len(idx), m.Cols)
	gather(out, m, idx)
	return out
}
