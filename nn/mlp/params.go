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
// "logistic" for nn.Sigmoid{}, "relu" for nil (Params' default), and f's
// own Name ("identity", "tanh", "relu", "softmax", …) for any other.
func ActivationName(f nn.Activation) string {
	switch f.(type) {
	case nn.Sigmoid:
		return "logistic"
	case nil:
		return "relu"
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
	solverSGD   = "sgd"   // nn.Momentum (Mu = Momentum, Nesterov = !ClassicalMomentum)
	solverLBFGS = "lbfgs" // limited-memory BFGS on the full batch

	rateConstant   = "constant"   // nn.Constant(LearningRateInit)
	rateInvScaling = "invscaling" // &nn.InvScaling{Eta0: LearningRateInit, Power: PowerT}
	rateAdaptive   = "adaptive"   // &nn.Adaptive{Eta0: LearningRateInit}
)

// Params holds the hyper-parameters of a Classifier or Regressor. Each field
// is the scikit-learn 1.2 parameter of the same meaning (the name in the
// comment), and the zero value of every field means scikit-learn's default:
// Params{HiddenLayerSizes: []int{3}} is MLPClassifier(hidden_layer_sizes=(3,)).
// Where scikit-learn also accepts zero and zero is not its default (alpha,
// power_t, tol, momentum), a negative value asks for zero. The two
// switches that scikit-learn turns on by default are named for turning
// them off (NoShuffle, ClassicalMomentum).
type Params struct {
	HiddenLayerSizes   []int         // hidden_layer_sizes: units per hidden layer; nil means [100]
	Activation         nn.Activation // activation: nn.Identity{}, nn.Sigmoid{} ('logistic'), nn.Tanh{} or nn.ReLU{}; nil means nn.ReLU{}
	Solver             string        // solver: "adam", "sgd" or "lbfgs"; "" means "adam"
	Alpha              float64       // alpha: the L2 penalty; 0 means 1e-4, negative means none (alpha=0)
	BatchSize          int           // batch_size: 0 means "auto", min(200, n)
	LearningRate       string        // learning_rate: the schedule of "sgd", "constant", "invscaling" or "adaptive"; "" means "constant"
	LearningRateInit   float64       // learning_rate_init: 0 means 0.001
	PowerT             float64       // power_t: the exponent of "invscaling"; 0 means 0.5, negative means 0
	MaxIter            int           // max_iter: epochs (iterations for "lbfgs"); 0 means 200
	NoShuffle          bool          // shuffle=False: keep the rows in order (by default they are reshuffled every epoch)
	RandomState        *uint32       // random_state: a seed, Seed(n); nil means None, a fresh seed from the clock on every fit
	Tol                float64       // tol: 0 means 1e-4, negative means 0
	Momentum           float64       // momentum of "sgd": 0 means 0.9, negative means 0
	ClassicalMomentum  bool          // nesterovs_momentum=False (by default "sgd" uses Nesterov's momentum)
	EarlyStopping      bool          // early_stopping: hold out a validation set and stop on its score
	ValidationFraction float64       // validation_fraction: 0 means 0.1
	Beta1              float64       // beta_1 of "adam": 0 means 0.9
	Beta2              float64       // beta_2 of "adam": 0 means 0.999
	Epsilon            float64       // epsilon of "adam": 0 means 1e-8
	NIterNoChange      int           // n_iter_no_change: 0 means 10
	MaxFun             int           // max_fun: loss evaluations of "lbfgs"; 0 means 15000
}

// Seed returns a random_state for Params: a pointer to a copy of s, the
// seed of numpy's RandomState (nprand.New(s)).
func Seed(s uint32) *uint32 { return &s }

// DefaultParams returns scikit-learn 1.2's defaults for MLPClassifier and
// MLPRegressor spelled out: what the zero Params means. RandomState is nil
// (None).
func DefaultParams() Params { return Params{}.withDefaults() }

// withDefaults returns p with every zero field set to scikit-learn's
// default and every negative float that asks for zero set to zero.
func (p Params) withDefaults() Params {
	if p.HiddenLayerSizes == nil {
		p.HiddenLayerSizes = []int{100}
	}
	if p.Activation == nil {
		p.Activation = nn.ReLU{}
	}
	if p.Solver == "" {
		p.Solver = solverAdam
	}
	if p.LearningRate == "" {
		p.LearningRate = rateConstant
	}
	p.Alpha = orZero(p.Alpha, 1e-4)
	p.PowerT = orZero(p.PowerT, 0.5)
	p.Tol = orZero(p.Tol, 1e-4)
	p.Momentum = orZero(p.Momentum, 0.9)
	for _, f := range []struct {
		v   *float64
		def float64
	}{{&p.LearningRateInit, 0.001}, {&p.ValidationFraction, 0.1}, {&p.Beta1, 0.9}, {&p.Beta2, 0.999}, {&p.Epsilon, 1e-8}} {
		if *f.v == 0 {
			*f.v = f.def
		}
	}
	for _, f := range []struct {
		v   *int
		def int
	}{{&p.MaxIter, 200}, {&p.NIterNoChange, 10}, {&p.MaxFun, 15000}} {
		if *f.v == 0 {
			*f.v = f.def
		}
	}
	return p
}

// orZero returns def for v = 0, 0 for a negative v, and v otherwise.
func orZero(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// Validate reports the first parameter outside the values scikit-learn
// accepts, zero fields taken as their defaults, with an error naming the
// parameter (scikit-learn's name) and the allowed values, in the words of
// scikit-learn's own message. est is the estimator's name for the message
// ("MLPClassifier").
func (p *Params) Validate(est string) error {
	return p.withDefaults().validate(est)
}

func (p Params) validate(est string) error {
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
	case !(p.Tol >= 0):
		return bad("tol", "a float in the range [0, inf)", p.Tol)
	case !(p.Momentum >= 0 && p.Momentum <= 1):
		return bad("momentum", "a float in the range [0, 1]", p.Momentum)
	case !(p.ValidationFraction >= 0 && p.ValidationFraction < 1):
		return bad("validation_fraction", "a float in the range [0, 1)", p.ValidationFraction)
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
