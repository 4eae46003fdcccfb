// Package mlp is a multi-layer perceptron estimator compatible with
// scikit-learn 1.2's MLPClassifier and MLPRegressor: the same parameters and
// defaults, the same fitted attributes, and, for the sgd and adam solvers,
// the same numbers. With the same random_state, data and parameters, Fit
// reproduces scikit-learn's loss_, n_iter_, coefs_ and intercepts_ to a
// relative 10⁻¹³ on the test problems (the tests demand 10⁻⁸), because it
// repeats every random draw (Glorot-uniform weights, then intercepts, layer
// by layer; the epoch shuffles; the early-stopping split) with the
// numpy-compatible source nnscratch/nn/nprand, and every sum in numpy's
// order. The lbfgs solver is an L-BFGS of this package's own (two-loop
// recursion, strong-Wolfe line search); it reaches scikit-learn's loss
// within a few percent, not its digits.
//
// # Names
//
// scikit-learn's names map to Go's as follows:
//
//	MLPClassifier(...)          NewClassifier[string](p), p a Params
//	MLPRegressor(...)           NewRegressor(p)
//	hidden_layer_sizes=(8, 2)   p.HiddenLayerSizes = []int{8, 2}
//	activation='tanh'           p.Activation = mlp.Tanh
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
// and output activation logistic (two classes), softmax (more) or identity
// (regression), the loss is
//
//	E = −(1/n) Σ y·log p  (or (1/2n)·Σ(y−ŷ)²)  +  α/(2n)·Σ‖W‖²
//
// and backpropagation gives δ_out = a_out − y, δ[i−1] = δ[i]·W[i]ᵀ ∘ g′,
// ∂E/∂W[i] = (a[i]ᵀ·δ[i] + αW[i])/n, ∂E/∂b[i] = mean of δ[i]. Adam then
// updates every weight by −η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε). Training stops
// when the epoch loss (or, with early stopping, the validation score) has
// not improved by Tol for NIterNoChange+1 epochs, or after MaxIter epochs
// with a convergence warning.
package mlp
