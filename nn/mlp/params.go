package mlp

import (
	"fmt"
	"math"
	"strings"
)

// Activation names a hidden-layer activation function (scikit-learn's
// activation parameter), or one of the output activations the estimators
// choose themselves (OutActivation).
type Activation string

// The activations. Softmax is only ever an output activation.
const (
	Identity Activation = "identity" // g(z) = z
	Logistic Activation = "logistic" // g(z) = 1/(1+e⁻ᶻ)
	Tanh     Activation = "tanh"     // g(z) = tanh z
	Relu     Activation = "relu"     // g(z) = max(z, 0)
	Softmax  Activation = "softmax"  // output of a multiclass classifier
)

// Solver names the weight optimiser (scikit-learn's solver parameter).
type Solver string

// The solvers.
const (
	Adam  Solver = "adam"  // Kingma and Ba's adaptive moments
	SGD   Solver = "sgd"   // stochastic gradient descent with momentum
	LBFGS Solver = "lbfgs" // limited-memory BFGS on the full batch
)

// Schedule names a learning-rate schedule for SGD (scikit-learn's
// learning_rate parameter).
type Schedule string

// The schedules.
const (
	Constant   Schedule = "constant"   // η = learning_rate_init
	InvScaling Schedule = "invscaling" // η = learning_rate_init / (t+1)^power_t, t samples seen
	Adaptive   Schedule = "adaptive"   // η ÷ 5 whenever progress stalls
)

// Params holds the hyper-parameters of a Classifier or Regressor. Each field
// is the scikit-learn 1.2 parameter of the same meaning (the name in the
// comment), and DefaultParams returns scikit-learn's defaults.
type Params struct {
	HiddenLayerSizes   []int      // hidden_layer_sizes: units per hidden layer, default [100]
	Activation         Activation // activation: hidden activation, default Relu
	Solver             Solver     // solver: default Adam
	Alpha              float64    // alpha: L2 penalty, default 1e-4
	BatchSize          int        // batch_size: 0 means "auto", min(200, n)
	LearningRate       Schedule   // learning_rate: SGD schedule, default Constant
	LearningRateInit   float64    // learning_rate_init: default 0.001
	PowerT             float64    // power_t: InvScaling exponent, default 0.5
	MaxIter            int        // max_iter: epochs (iterations for LBFGS), default 200
	Shuffle            bool       // shuffle: reshuffle every epoch, default true
	RandomState        int64      // random_state: seed in 0…2³²−1; negative means None, seeded from the clock
	Tol                float64    // tol: default 1e-4
	Momentum           float64    // momentum: SGD momentum, default 0.9
	NesterovsMomentum  bool       // nesterovs_momentum: default true
	EarlyStopping      bool       // early_stopping: hold out a validation set, default false
	ValidationFraction float64    // validation_fraction: default 0.1
	Beta1              float64    // beta_1: Adam, default 0.9
	Beta2              float64    // beta_2: Adam, default 0.999
	Epsilon            float64    // epsilon: Adam, default 1e-8
	NIterNoChange      int        // n_iter_no_change: default 10
	MaxFun             int        // max_fun: LBFGS loss evaluations, default 15000
}

// DefaultParams returns scikit-learn 1.2's defaults for MLPClassifier and
// MLPRegressor, with RandomState −1 (None).
func DefaultParams() Params {
	return Params{
		HiddenLayerSizes: []int{100}, Activation: Relu, Solver: Adam,
		Alpha: 1e-4, LearningRate: Constant, LearningRateInit: 0.001,
		PowerT: 0.5, MaxIter: 200, Shuffle: true, RandomState: -1, Tol: 1e-4,
		Momentum: 0.9, NesterovsMomentum: true, ValidationFraction: 0.1,
		Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8, NIterNoChange: 10, MaxFun: 15000,
	}
}

// Validate reports the first parameter outside the values scikit-learn
// accepts, with an error naming the parameter (scikit-learn's name) and
// the allowed values, in the words of scikit-learn's own message. est is
// the estimator's name for the message ("MLPClassifier").
func (p *Params) Validate(est string) error {
	bad := func(name, want string, got any) error {
		return fmt.Errorf("mlp: the '%s' parameter of %s must be %s. Got %v instead", name, est, want, got)
	}
	switch {
	case len(p.HiddenLayerSizes) == 0:
		return bad("hidden_layer_sizes", "a non-empty list of ints in the range [1, inf)", "[]")
	case p.Activation != Identity && p.Activation != Logistic && p.Activation != Tanh && p.Activation != Relu:
		return bad("activation", "a str among {'identity', 'logistic', 'relu', 'tanh'}", quote(string(p.Activation)))
	case p.Solver != Adam && p.Solver != SGD && p.Solver != LBFGS:
		return bad("solver", "a str among {'adam', 'lbfgs', 'sgd'}", quote(string(p.Solver)))
	case !(p.Alpha >= 0) || math.IsInf(p.Alpha, 1):
		return bad("alpha", "a float in the range [0, inf)", p.Alpha)
	case p.BatchSize < 0:
		return bad("batch_size", "an int in the range [1, inf) or 0 for 'auto'", p.BatchSize)
	case p.LearningRate != Constant && p.LearningRate != InvScaling && p.LearningRate != Adaptive:
		return bad("learning_rate", "a str among {'adaptive', 'constant', 'invscaling'}", quote(string(p.LearningRate)))
	case !(p.LearningRateInit > 0):
		return bad("learning_rate_init", "a float in the range (0, inf)", p.LearningRateInit)
	case !(p.PowerT >= 0):
		return bad("power_t", "a float in the range [0, inf)", p.PowerT)
	case p.MaxIter < 1:
		return bad("max_iter", "an int in the range [1, inf)", p.MaxIter)
	case p.RandomState > math.MaxUint32:
		return bad("random_state", "an int in the range [0, 4294967295] or None (negative)", p.RandomState)
	case !(p.Tol >= 0):
		return bad("tol", "a float in the range [0, inf)", p.Tol)
	case !(p.Momentum >= 0 && p.Momentum <= 1):
		return bad("momentum", "a float in the range [0, 1]", p.Momentum)
	case !(p.ValidationFraction >= 0 && p.ValidationFraction < 1):
		return bad("validation_fraction", "a float in the range [0, 1)", p.ValidationFraction)
	case p.EarlyStopping && p.ValidationFraction == 0:
		return bad("validation_fraction", "a float in the range (0, 1) when early_stopping is on", p.ValidationFraction)
	case !(p.Beta1 >= 0 && p.Beta1 < 1):
		return bad("beta_1", "a float in the range [0, 1)", p.Beta1)
	case !(p.Beta2 >= 0 && p.Beta2 < 1):
		return bad("beta_2", "a float in the range [0, 1)", p.Beta2)
	case !(p.Epsilon > 0):
		return bad("epsilon", "a float in the range (0, inf)", p.Epsilon)
	case p.NIterNoChange < 1:
		return bad("n_iter_no_change", "an int in the range [1, inf)", p.NIterNoChange)
	case p.MaxFun < 1:
		return bad("max_fun", "an int in the range [1, inf)", p.MaxFun)
	}
	for _, h := range p.HiddenLayerSizes {
		if h < 1 {
			return bad("hidden_layer_sizes", "a list of ints in the range [1, inf)", fmt.Sprint(p.HiddenLayerSizes))
		}
	}
	return nil
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
