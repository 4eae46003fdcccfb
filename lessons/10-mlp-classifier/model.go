package main

import (
	"fmt"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/mlp"
)

// saveEstimator writes the fitted estimator to the model file path (a
// temporary file renamed into place).
func saveEstimator(path string, est estimator) error {
	switch e := est.(type) {
	case *classifierEst[string]:
		return e.c.Save(path)
	case *classifierEst[float64]:
		return e.c.Save(path)
	case *multiLabelEst:
		return e.c.Save(path)
	case *regressorEst:
		return e.r.Save(path)
	}
	return fmt.Errorf("-save: no model file for a %T", est)
}

// loadEstimator reads the estimator saved in the model file cfg.load, for
// the data d of the estimator kind cfg.estimator (d's -csv file names the
// features and targets): a classifier whose labels are numbers when d's
// are, a multilabel classifier of as many labels as d has target columns,
// or a regressor. It keeps the saved parameters but for those the
// command line gives, which matter when -warm-start fits it further; the
// hidden layers and their activation are the saved network's.
func loadEstimator(cfg config, d *dataset) (estimator, error) {
	var est estimator
	var err error
	switch probe := newEstimator(cfg.estimator, d, cfg.params).(type) {
	case *regressorEst:
		var r *mlp.Regressor
		if r, err = mlp.LoadRegressor(cfg.load); err == nil {
			probe.r = r
		}
		est = probe
	case *classifierEst[float64]:
		var c *mlp.Classifier[float64]
		if c, err = mlp.LoadClassifier[float64](cfg.load); err == nil {
			probe.c = c
		}
		est = probe
	case *classifierEst[string]:
		var c *mlp.Classifier[string]
		if c, err = mlp.LoadClassifier[string](cfg.load); err == nil {
			probe.c = c
		}
		est = probe
	case *multiLabelEst:
		var c *mlp.MultiLabelClassifier
		if c, err = mlp.LoadMultiLabelClassifier(cfg.load); err == nil {
			probe.c = c
			if len(c.Classes) != len(d.targets) {
				err = fmt.Errorf("%s: the multilabel classifier in %s has %d labels, -target names %d (%v)", d.name, cfg.load, len(c.Classes), len(d.targets), d.targets)
			}
		}
		est = probe
	}
	if err != nil {
		return nil, cli.BadInput(err)
	}
	p := est.params()
	for name := range cfg.set {
		if name == "hidden" || name == "hidden-layer-sizes" || name == "activation" {
			return nil, cli.BadInput(fmt.Errorf("-%s: the estimator loaded from %s keeps its network's hidden layers %s and activation %s",
				name, cfg.load, mlp.TupleString(p.HiddenLayerSizes), mlp.ActivationName(p.Activation)))
		}
		if set, ok := paramFlags[name]; ok {
			set(p, &cfg.params)
		}
	}
	p.Verbose = cfg.params.Verbose
	if f := est.fitted(); f.NFeatures != d.X.Cols {
		return nil, cli.BadInput(fmt.Errorf("%s: the estimator in %s was fitted on %d features, %s has %d (%v)", d.name, cfg.load, f.NFeatures, d.name, d.X.Cols, d.features))
	}
	return est, nil
}

// paramFlags copies the parameter of each estimator flag from the command
// line's parameters (src) to a loaded estimator's (dst).
var paramFlags = map[string]func(dst, src *mlp.Params){
	"solver":              func(d, s *mlp.Params) { d.Solver = s.Solver },
	"learning-rate":       func(d, s *mlp.Params) { d.LearningRate = s.LearningRate },
	"alpha":               func(d, s *mlp.Params) { d.Alpha = s.Alpha },
	"batch-size":          func(d, s *mlp.Params) { d.BatchSize = s.BatchSize },
	"learning-rate-init":  func(d, s *mlp.Params) { d.LearningRateInit = s.LearningRateInit },
	"power-t":             func(d, s *mlp.Params) { d.PowerT = s.PowerT },
	"max-iter":            func(d, s *mlp.Params) { d.MaxIter = s.MaxIter },
	"shuffle":             func(d, s *mlp.Params) { d.NoShuffle = s.NoShuffle },
	"random-state":        func(d, s *mlp.Params) { d.RandomState = s.RandomState },
	"tol":                 func(d, s *mlp.Params) { d.Tol = s.Tol },
	"momentum":            func(d, s *mlp.Params) { d.Momentum = s.Momentum },
	"nesterovs-momentum":  func(d, s *mlp.Params) { d.ClassicalMomentum = s.ClassicalMomentum },
	"early-stopping":      func(d, s *mlp.Params) { d.EarlyStopping = s.EarlyStopping },
	"validation-fraction": func(d, s *mlp.Params) { d.ValidationFraction = s.ValidationFraction },
	"beta-1":              func(d, s *mlp.Params) { d.Beta1 = s.Beta1 },
	"beta-2":              func(d, s *mlp.Params) { d.Beta2 = s.Beta2 },
	"epsilon":             func(d, s *mlp.Params) { d.Epsilon = s.Epsilon },
	"n-iter-no-change":    func(d, s *mlp.Params) { d.NIterNoChange = s.NIterNoChange },
	"max-fun":             func(d, s *mlp.Params) { d.MaxFun = s.MaxFun },
	"warm-start":          func(d, s *mlp.Params) { d.WarmStart = s.WarmStart },
}
