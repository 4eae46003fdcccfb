package main

import (
	"fmt"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/mlp"
)

// saveEstimator writes the fitted estimator to the model file path (a
// temporary file renamed into place). A multilabel classifier cannot be
// saved: the model file names one class per output unit.
func saveEstimator(path string, est estimator, d *dataset) error {
	var err error
	switch e := est.(type) {
	case *classifierEst[string]:
		err = e.c.Save(path)
	case *classifierEst[float64]:
		err = e.c.Save(path)
	case *regressorEst:
		err = e.r.Save(path)
	default:
		return cli.BadInput(fmt.Errorf("-save: a multilabel classifier (targets %v) cannot be saved to a model file", d.targets))
	}
	return err
}

// loadEstimator reads the estimator saved in the model file path, for the
// data d of the estimator kind (d's -csv file names the features and targets): a classifier
// whose labels are numbers when d's are, or a regressor. The loaded
// estimator keeps its network's hidden sizes and activation and takes the
// other parameters of p (the flags), which matter when -warm-start fits
// it further.
func loadEstimator(path, kind string, d *dataset, p mlp.Params) (estimator, error) {
	var est estimator
	var err error
	switch probe := newEstimator(kind, d, p).(type) {
	case *regressorEst:
		var r *mlp.Regressor
		if r, err = mlp.LoadRegressor(path); err == nil {
			probe.r = r
		}
		est = probe
	case *classifierEst[float64]:
		var c *mlp.Classifier[float64]
		if c, err = mlp.LoadClassifier[float64](path); err == nil {
			probe.c = c
		}
		est = probe
	case *classifierEst[string]:
		var c *mlp.Classifier[string]
		if c, err = mlp.LoadClassifier[string](path); err == nil {
			probe.c = c
		}
		est = probe
	default:
		return nil, cli.BadInput(fmt.Errorf("-load: a multilabel classifier (targets %v) cannot be loaded from a model file", d.targets))
	}
	if err != nil {
		return nil, cli.BadInput(err)
	}
	loaded := est.params()
	hidden, act := loaded.HiddenLayerSizes, loaded.Activation
	*loaded = p
	loaded.HiddenLayerSizes, loaded.Activation = hidden, act
	if f := est.fitted(); f.NFeatures != d.X.Cols {
		return nil, cli.BadInput(fmt.Errorf("%s: the estimator in %s was fitted on %d features, %s has %d (%v)", d.name, path, f.NFeatures, d.name, d.X.Cols, d.features))
	}
	return est, nil
}
