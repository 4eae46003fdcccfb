package mlp

import (
	"fmt"
	"math"
	"strings"

	"nnscratch/nn"
)

// ParseActivation returns the nn activation scikit-learn's activation
// string names: "identity" → nn.Identity{}, "logistic" → nn.Sigmoid{},
// "tanh" → nn.Tanh{}, "relu" → nn.ReLU{}. Any other string is an error in
// the words of scikit-learn's validation.
func ParseActivation(name string) (nn.Activation, error) {
	switch name {
	case "identity":
		return nn.Identity{}, nil
	case "logistic":
		return nn.Sigmoid{}, nil
	case "tanh":
		return nn.Tanh{}, nil
	case "relu":
		return nn.ReLU{}, nil
	}
	return nil, fmt.Errorf("mlp: the 'activation' parameter must be a str among {'identity', 'logistic', 'relu', 'tanh'}. Got %s instead", quote(name))
}

// ActivationName returns scikit-learn's name for the activation f:
// "logistic" for nn.Sigmoid{}, "softmax", "identity", "tanh" or "relu", and
// f's own Name for any other.
func ActivationName(f nn.Activation) string {
	switch f.(type) {
	case nn.Sigmoid:
		return "logistic"
	case nil:
		return "None"
	}
	return f.Name()
}

// hidden reports whether f is one of the hidden activations scikit-learn
// offers (ReLU with the subgradient 0 at 0, as scikit-learn's).
func hidden(f nn.Activation) bool {
	switch f := f.(type) {
	case nn.Identity, nn.Sigmoid, nn.Tanh:
		return true
	case nn.ReLU:
		return f.AtZero == 0
	}
	return false
}

// The solvers (scikit-learn's solver parameter) and the learning-rate
// schedules of "sgd" (its learning_rate parameter), in scikit-learn's words.
const (
	solverAdam  = "adam"  // nn.Adam
	solverSGD   = "sgd"   // nn.Momentum (Mu = Momentum, Nesterov = NesterovsMomentum)
	solverLBFGS = "lbfgs" // limited-memory BFGS on the full batch

	rateConstant   = "constant"   // nn.Constant(LearningRateInit)
	rateInvScaling = "invscaling" // &nn.InvScaling{Eta0: LearningRateInit, Power: PowerT}
	rateAdaptive   = "adaptive"   // &nn.Adaptive{Eta0: LearningRateInit}
)

// Params holds the hyper-parameters of a Classifier or Regressor. Each field
// is the scikit-learn 1.2 parameter of the same meaning (the name in the
// comment), and DefaultParams returns scikit-learn's defaults.
type Params struct {
	HiddenLayerSizes   []int         // hidden_layer_sizes: units per hidden layer, default [100]
	Activation         nn.Activation // activation: nn.Identity{}, nn.Sigmoid{} ('logistic'), nn.Tanh{} or nn.ReLU{} (the default)
	Solver             string        // solver: "adam" (the default), "sgd" or "lbfgs"
	Alpha              float64       // alpha: L2 penalty, default 1e-4
	BatchSize          int           // batch_size: 0 means "auto", min(200, n)
	LearningRate       string        // learning_rate: the schedule of "sgd": "constant" (the default), "invscaling" or "adaptive"
	LearningRateInit   float64       // learning_rate_init: default 0.001
	PowerT             float64       // power_t: InvScaling exponent, default 0.5
	MaxIter            int           // max_iter: epochs (iterations for LBFGS), default 200
	Shuffle            bool          // shuffle: reshuffle every epoch, default true
	RandomState        int64         // random_state: seed in 0…2³²−1; negative means None, seeded from the clock
	Tol                float64       // tol: default 1e-4
	Momentum           float64       // momentum: SGD momentum, default 0.9
	NesterovsMomentum  bool          // nesterovs_momentum: default true
	EarlyStopping      bool          // early_stopping: hold out a validation set, default false
	ValidationFraction float64       // validation_fraction: default 0.1
	Beta1              float64       // beta_1: Adam, default 0.9
	Beta2              float64       // beta_2: Adam, default 0.999
	Epsilon            float64       // epsilon: Adam, default 1e-8
	NIterNoChange      int           // n_iter_no_change: default 10
	MaxFun             int           // max_fun: LBFGS loss evaluations, default 15000
}

// DefaultParams returns scikit-learn 1.2's defaults for MLPClassifier and
// MLPRegressor, with RandomState −1 (None).
func DefaultParams() Params {
	return Params{
		HiddenLayerSizes: []int{100}, Activation: nn.ReLU{}, Solver: solverAdam,
		Alpha: 1e-4, LearningRate: rateConstant, LearningRateInit: 0.001,
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
	case !hidden(p.Activation):
		return bad("activation", "one of nn.Identity{}, nn.Sigmoid{}, nn.Tanh{} and nn.ReLU{} ('identity', 'logistic', 'tanh', 'relu')", fmt.Sprintf("%#v", p.Activation))
	case p.Solver != solverAdam && p.Solver != solverSGD && p.Solver != solverLBFGS:
		return bad("solver", "a str among {'adam', 'lbfgs', 'sgd'}", quote(p.Solver))
	case !(p.Alpha >= 0) || math.IsInf(p.Alpha, 1):
		return bad("alpha", "a float in the range [0, inf)", p.Alpha)
	case p.BatchSize < 0:
		return bad("batch_size", "an int in the range [1, inf) or 0 for 'auto'", p.BatchSize)
	case p.LearningRate != rateConstant && p.LearningRate != rateInvScaling && p.LearningRate != rateAdaptive:
		return bad("learning_rate", "a str among {'adaptive', 'constant', 'invscaling'}", quote(p.LearningRate))
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
