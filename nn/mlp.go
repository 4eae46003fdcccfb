package nn

import (
	"cmp"

	"nnscratch/nn/mlp"
)

// MLPClassifier is scikit-learn's MLPClassifier, reproduced: with the same
// random_state, data and parameters its sgd and adam solvers give the same
// loss_, n_iter_, coefs_ and intercepts_. It lives in package nn/mlp, whose
// documentation maps every scikit-learn name to its Go name; this alias lets
// it be found, and named, beside the networks of this package.
type MLPClassifier[L cmp.Ordered] = mlp.Classifier[L]

// MLPRegressor is scikit-learn's MLPRegressor; see package nn/mlp.
type MLPRegressor = mlp.Regressor

// MLPParams holds an MLP estimator's parameters under scikit-learn's names
// and defaults; see mlp.DefaultParams.
type MLPParams = mlp.Params

// NewMLPClassifier returns an unfitted classifier with parameters p, as
// mlp.NewClassifier does; labels may be strings or numbers.
func NewMLPClassifier[L cmp.Ordered](p MLPParams) *MLPClassifier[L] { return mlp.NewClassifier[L](p) }

// NewMLPRegressor returns an unfitted regressor with parameters p.
func NewMLPRegressor(p MLPParams) *MLPRegressor { return mlp.NewRegressor(p) }
