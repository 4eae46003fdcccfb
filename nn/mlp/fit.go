package mlp

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn"
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
	Intercepts          []*matrix.Matrix // intercepts_: Intercepts[i] is the 1×fan_out bias row of layer i
	NIter               int              // n_iter_: epochs run (LBFGS iterations)
	NLayers             int              // n_layers_: input, hidden and output layers
	NOutputs            int              // n_outputs_: output units
	OutActivation       nn.Activation    // out_activation_: nn.Sigmoid{} ('logistic'), nn.Softmax{} or nn.Identity{}
	NFeatures           int              // n_features_in_
	// ConvergenceWarning is scikit-learn's ConvergenceWarning text when
	// training stopped at max_iter without converging, and "" otherwise.
	ConvergenceWarning string
	// BatchSizeWarning is scikit-learn's UserWarning text when BatchSize
	// exceeded the training rows and was clipped to them, and "" otherwise.
	BatchSizeWarning string
}

// Converged reports whether the last training call converged (it issued
// no convergence warning).
func (f *Fitted) Converged() bool { return f.ConvergenceWarning == "" }

// trainer is the machinery behind Fitted: the nn network whose layers hold
// Coefs and Intercepts, scikit-learn's loss, and what PartialFit calls
// carry over: the optimiser, the schedule and the stopping rule's count.
type trainer struct {
	f         *Fitted
	net       *nn.Network
	loss      nn.Loss
	opt       nn.Optimizer
	sched     *resumed
	noImprove int
}

// ErrNonFinite is returned when training produced infinite or NaN weights.
var ErrNonFinite = errors.New("mlp: Solver produced non-finite parameter weights. The input data may contain large values and need to be preprocessed")

// task tells the trainer what the estimator adds: its output layer, how to
// split off a validation set and how to score it.
type task struct {
	est      string                                        // "MLPClassifier" or "MLPRegressor"
	out      nn.Activation                                 // output activation
	loss     nn.Loss                                       // scikit-learn's loss for out
	stratify []int                                         // class of each row when the split is stratified
	score    func(pred *matrix.Matrix, rows []int) float64 // validation score of rows' predictions
}

// source returns the random source for one call to Fit or PartialFit: a
// fresh RandomState(*seed), or one seeded from the clock when seed is nil.
func source(seed *uint32) *nprand.RandomState {
	if seed == nil {
		return nprand.New(uint32(time.Now().UnixNano()))
	}
	return nprand.New(*seed)
}

// train runs one Fit (incremental false) or one PartialFit call on the
// inputs X and the encoded targets Y, with the parameters p, zero fields
// taken as scikit-learn's defaults. The estimator has checked X and Y.
// As scikit-learn's _fit does, it draws new weights on the first call and
// on every Fit without WarmStart; otherwise it goes on from the fitted
// weights, t_, n_iter_, the loss curve and the stopping rule's count, and
// only Fit makes a new optimiser.
func (tr *trainer) train(params *Params, X, Y *matrix.Matrix, incremental bool, tk task) error {
	q := params.withDefaults()
	p := &q
	rng := source(p.RandomState)
	if tr.net == nil || (!p.WarmStart && !incremental) {
		tr.init(p, X.Cols, Y.Cols, tk, rng)
	} else {
		if err := checkFeatures(X, tr.f.NFeatures, tk.est); err != nil {
			return err
		}
		sizes := append(append([]int{X.Cols}, p.HiddenLayerSizes...), Y.Cols)
		if got := tr.net.Sizes(); !slices.Equal(got, sizes) {
			return fmt.Errorf("mlp: %s was fitted with layer sizes %v, and cannot go on with %v: set hidden_layer_sizes back, or turn warm_start off to start again",
				tk.est, got, sizes)
		}
		if !incremental {
			tr.opt, tr.sched = nil, nil
		}
	}
	tr.loss = tk.loss
	tr.f.ConvergenceWarning, tr.f.BatchSizeWarning = "", ""
	var err error
	if p.Solver == solverLBFGS {
		err = tr.trainLBFGS(p, X, Y)
	} else {
		err = tr.trainStochastic(p, X, Y, incremental, tk, rng)
	}
	var div *nn.DivergedError
	if errors.As(err, &div) {
		return fmt.Errorf("%w (the loss was %v at iteration %d)", ErrNonFinite, div.Loss, div.Epoch)
	}
	if err != nil {
		return err
	}
	for _, p := range tr.net.Params() {
		for _, v := range p.Value.Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return ErrNonFinite
			}
		}
	}
	return nil
}

// init builds the network, scikit-learn's sizes (inputs, hidden layers,
// outputs) with biases, and draws its weights as scikit-learn does:
// Glorot-uniform, layer by layer, the weights row by row and then the
// intercepts (nn.Glorot). It resets Fitted and the carried-over state.
func (tr *trainer) init(p *Params, in, out int, tk task, rng *nprand.RandomState) {
	sizes := append(append([]int{in}, p.HiddenLayerSizes...), out)
	tr.net = nn.New(sizes, true, p.Activation, tk.out)
	// scikit-learn's factor follows the hidden activation even where
	// there is no hidden layer, so it is given rather than read off the
	// first layer.
	factor := 6.0
	if _, ok := p.Activation.(nn.Sigmoid); ok {
		factor = 2
	}
	nn.Glorot{Factor: factor}.Initialize(tr.net, rng)
	*tr.f = Fitted{NLayers: len(sizes), NOutputs: out, OutActivation: tk.out, NFeatures: in,
		BestLoss: math.Inf(1), BestValidationScore: math.NaN()}
	for _, l := range tr.net.Layers {
		tr.f.Coefs = append(tr.f.Coefs, l.W)
		tr.f.Intercepts = append(tr.f.Intercepts, l.B)
	}
	if p.Solver != solverLBFGS {
		tr.f.LossCurve = []float64{}
		if p.EarlyStopping {
			tr.f.BestLoss, tr.f.BestValidationScore = math.NaN(), math.Inf(-1)
			tr.f.ValidationScores = []float64{}
		}
	}
	tr.loss, tr.opt, tr.sched, tr.noImprove = tk.loss, nil, nil, 0
}

// optimizer returns the nn optimiser and learning-rate schedule of the
// solver: "sgd" is nn.Momentum with the schedule learning_rate names,
// "adam" is nn.Adam at the constant rate learning_rate_init.
func optimizer(p *Params) (nn.Optimizer, nn.Schedule) {
	if p.Solver == solverAdam {
		return &nn.Adam{Beta1: p.Beta1, Beta2: p.Beta2, Epsilon: p.Epsilon}, nn.Constant(p.LearningRateInit)
	}
	opt := &nn.Momentum{Mu: p.Momentum, Nesterov: !p.ClassicalMomentum}
	switch p.LearningRate {
	case rateInvScaling:
		return opt, &nn.InvScaling{Eta0: p.LearningRateInit, Power: p.PowerT}
	case rateAdaptive:
		return opt, &nn.Adaptive{Eta0: p.LearningRateInit}
	}
	return opt, nn.Constant(p.LearningRateInit)
}

// resumed hands its schedule scikit-learn's t_, the samples seen since the
// network was initialised, where nn.Train counts the samples of one call:
// PartialFit's calls go on where the last one stopped.
type resumed struct {
	nn.Schedule
	before int // samples seen in earlier calls
}

// EpochEnd passes on t plus the samples of earlier calls.
func (s *resumed) EpochEnd(t int) { s.Schedule.EpochEnd(s.before + t) }

// trainStochastic runs epochs of mini-batch SGD or Adam through nn.Train,
// with scikit-learn's stopping rule in its callback: stop (or, under the
// adaptive schedule, divide η by 5) after NIterNoChange+1 epochs in a row
// that fail to lower the training loss by Tol, or with early stopping to
// raise the validation score by Tol.
func (tr *trainer) trainStochastic(p *Params, X, Y *matrix.Matrix, incremental bool, tk task, rng *nprand.RandomState) error {
	if tr.opt == nil {
		opt, sched := optimizer(p)
		tr.opt, tr.sched = opt, &resumed{Schedule: sched}
	}
	early := p.EarlyStopping && !incremental
	var Xv *matrix.Matrix
	var valRows []int
	var best *nn.Network
	if early {
		trainRows, testRows, err := validationSplit(X.Rows, p.ValidationFraction, tk.stratify, rng)
		if err != nil {
			return err
		}
		X, Y, Xv, valRows = rowsOf(X, trainRows), rowsOf(Y, trainRows), rowsOf(X, testRows), testRows
	}
	bs := p.BatchSize
	if bs == 0 {
		bs = 200
	} else if bs > X.Rows {
		tr.f.BatchSizeWarning = "Got `batch_size` less than 1 or larger than sample size. It is going to be clipped"
	}
	cfg := nn.TrainConfig{Loss: tr.loss, Schedule: tr.sched, Optimizer: tr.opt,
		MaxEpochs: p.MaxIter, BatchSize: min(bs, X.Rows), Alpha: p.Alpha}
	if incremental {
		cfg.MaxEpochs = 1
	}
	if !p.NoShuffle {
		cfg.Shuffle = rng
	}
	f := tr.f
	tr.sched.before = f.T
	cfg.Callback = func(e nn.Epoch) error {
		f.NIter++
		f.T += X.Rows
		f.Loss = e.Loss
		f.LossCurve = append(f.LossCurve, e.Loss)
		if p.Verbose != nil {
			fmt.Fprintf(p.Verbose, "Iteration %d, loss = %.8f\n", f.NIter, f.Loss)
		}
		if early {
			s := tk.score(tr.net.Predict(Xv), valRows)
			f.ValidationScores = append(f.ValidationScores, s)
			if p.Verbose != nil {
				fmt.Fprintf(p.Verbose, "Validation score: %f\n", s)
			}
			tr.count(s < f.BestValidationScore+p.Tol)
			if s > f.BestValidationScore {
				f.BestValidationScore = s
				best = tr.net.Clone()
			}
		} else {
			tr.count(f.Loss > f.BestLoss-p.Tol)
			f.BestLoss = min(f.BestLoss, f.Loss)
		}
		if tr.noImprove > p.NIterNoChange {
			if tr.stall(p, early) {
				return nn.ErrStop
			}
			tr.noImprove = 0
		}
		if !incremental && f.NIter == p.MaxIter {
			f.ConvergenceWarning = fmt.Sprintf("Stochastic Optimizer: Maximum iterations (%d) reached and the optimization hasn't converged yet.", p.MaxIter)
		}
		return nil
	}
	if _, err := tr.net.Train(X, Y, cfg); err != nil {
		return err
	}
	if best != nil {
		for i, l := range best.Layers {
			f.Coefs[i].Copy(l.W)
			f.Intercepts[i].Copy(l.B)
		}
	}
	return nil
}

// stall tells the schedule that NIterNoChange+1 epochs in a row did not
// improve, and reports whether to stop (the "adaptive" schedule divides
// its rate by 5 instead, until the rate is 10⁻⁶ or less). With Verbose
// set it prints scikit-learn's message.
func (tr *trainer) stall(p *Params, early bool) (stop bool) {
	stop = tr.sched.Stalled()
	if p.Verbose == nil {
		return stop
	}
	what := "Training loss"
	if early {
		what = "Validation score"
	}
	msg := fmt.Sprintf("%s did not improve more than tol=%f for %d consecutive epochs.", what, p.Tol, p.NIterNoChange)
	switch adaptive := p.Solver == solverSGD && p.LearningRate == rateAdaptive; {
	case stop && adaptive:
		fmt.Fprintln(p.Verbose, msg, "Learning rate too small. Stopping.")
	case stop:
		fmt.Fprintln(p.Verbose, msg, "Stopping.")
	default:
		fmt.Fprintf(p.Verbose, "%s Setting learning rate to %f\n", msg, tr.sched.Rate())
	}
	return stop
}

// count updates the stopping rule's count of epochs without improvement.
func (tr *trainer) count(stalled bool) {
	if stalled {
		tr.noImprove++
	} else {
		tr.noImprove = 0
	}
}

// rowsOf returns a new matrix of the rows idx of m, in that order.
func rowsOf(m *matrix.Matrix, idx []int) *matrix.Matrix {
	out := matrix.New(len(idx), m.Cols)
	for r, i := range idx {
		copy(out.Row(r), m.Row(i))
	}
	return out
}
