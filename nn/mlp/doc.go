// Package mlp is scikit-learn 1.2's MLPClassifier and MLPRegressor on top
// of package nn's engine: the same parameters and defaults, the same fitted
// attributes, and, for the sgd and adam solvers, the same numbers. With the
// same random_state, data and parameters, Fit reproduces scikit-learn's
// loss_, n_iter_, coefs_ and intercepts_ to a relative 10⁻¹³ on the test
// problems (the tests demand 10⁻⁹), because it repeats every random draw
// (nn.Glorot's weights, then intercepts, layer by layer; the epoch
// shuffles; the early-stopping split) with the numpy-compatible source
// nnscratch/nn/nprand, and sums the reported loss in numpy's order. The
// lbfgs solver is an L-BFGS of this package's own (two-loop recursion,
// strong-Wolfe line search); it reaches scikit-learn's loss within a few
// percent, not its digits.
//
// # On nn
//
// The network is an nn.Network with biases: the hidden activation of
// Params on every hidden layer, and nn.Sigmoid (two classes), nn.Softmax
// (more) or nn.Identity (regression) on the output. Fit and PartialFit
// train it with nn.Network.Train: "sgd" is nn.Momentum under the schedule
// learning_rate names (nn.Constant, nn.InvScaling, nn.Adaptive), "adam" is
// nn.Adam; this package adds scikit-learn's stopping rule, early stopping
// and the bookkeeping of its attributes in Train's per-epoch callback. The
// lbfgs solver minimises the loss that nn.Network.Gradient computes. Coefs
// and Intercepts are the layers' W and B, not copies.
//
// # Names
//
// scikit-learn's names map to Go's as follows:
//
//	MLPClassifier(...)          NewClassifier[string](p), p a Params
//	MLPRegressor(...)           NewRegressor(p)
//	hidden_layer_sizes=(8, 2)   p.HiddenLayerSizes = []int{8, 2}
//	activation='logistic'       p.Activation = nn.Sigmoid{} (ParseActivation("logistic"))
//	solver='sgd'                p.Solver = "sgd"
//	learning_rate='adaptive'    p.LearningRate = "adaptive"
//	batch_size='auto'           p.BatchSize = 0
//	random_state=None           p.RandomState = -1 (seeded from the clock)
//	fit(X, y)                   Fit(X, y), X a *matrix.Matrix (matrix.FromRows)
//	partial_fit(X, y, classes)  PartialFit(X, y, classes)
//	predict, predict_proba      Predict, PredictProba
//	score                       Score (accuracy; R² for the Regressor)
//	loss_, coefs_, n_iter_, …   the embedded Fitted's Loss, Coefs, NIter, …
//	ConvergenceWarning          Fitted.ConvergenceWarning (the same text)
//	cross_val_score(cv=3)       CrossValScore with StratifiedKFold(y, 3)
//	GridSearchCV(param_grid)    GridSearchCV with ParamGrid(base, axes...)
//
// Invalid parameters are reported by Fit before any training, naming the
// parameter and the allowed values as scikit-learn's validation does.
// Not implemented: warm_start, verbose, multi-label and multi-output targets,
// sparse input.
//
// # The arithmetic
//
// For a batch of n rows, activations a[0] = X, a[i+1] = g(a[i]·W[i] + b[i]),
// the loss is
//
//	E = −(1/n) Σ y·log p  (or (1/2n)·Σ(y−ŷ)²)  +  α/(2n)·Σ‖W‖²
//
// and nn's backpropagation gives δ_out = (a_out − y)/n, δ[i−1] =
// δ[i]·W[i]ᵀ ∘ g′, ∂E/∂W[i] = a[i]ᵀ·δ[i] + (α/n)·W[i], ∂E/∂b[i] = Σ_rows δ[i]
// (scikit-learn divides by n at the end instead: the same numbers to the
// last bits). Training stops when the epoch loss (or, with early stopping,
// the validation score) has not improved by Tol for NIterNoChange+1
// epochs, or after MaxIter epochs with a convergence warning.
package mlp
