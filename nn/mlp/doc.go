// Package mlp is scikit-learn 1.2's MLPClassifier and MLPRegressor on top
// of package nn's engine: the same parameters and defaults, the same
// fitted attributes, and, for the sgd and adam solvers, the same numbers. With the same random_state, data and parameters, Fit
// reproduces scikit-learn's loss_, n_iter_, coefs_ and intercepts_ to a
// relative 10⁻¹³ on the test problems (the tests demand 10⁻⁹), because it
// repeats every random draw (nn.Glorot's weights, then intercepts, layer
// by layer; the epoch shuffles; the early-stopping split) with the
// numpy-compatible source nnscratch/nn/nprand, and every sum in numpy's
// order.
//
// The lbfgs solver is SciPy 1.10's L-BFGS-B as scikit-learn calls it
// (scipy.optimize.minimize(method="L-BFGS-B") with maxfun, maxiter and
// gtol=tol), re-derived for a problem without bounds: the compact
// limited-memory BFGS matrix, the Cauchy point, the Moré–Thuente line
// search, SciPy's counting of evaluations and its stop messages, in the
// order of operations of the reference BLAS and LAPACK. On test functions it
// retraces SciPy (with those libraries) bit for bit: every evaluation, nit,
// nfev and message. Against scikit-learn 1.2.1 running on the reference BLAS
// (with OpenBLAS its own lbfgs paths move, see below), fits agree as sgd and
// adam do (1e-9 relative, the same n_iter_, warning and predictions) on the
// nine settings of the tests: regressors with identity or relu bit for bit,
// all arithmetic being + − × ÷ √, and classifiers and networks of logistic
// or tanh units stopped within 15 to 30 iterations. Longer runs through exp,
// log or tanh drift: numpy's exp and tanh (SIMD code on an AVX-512 machine)
// differ from math.Exp and math.Tanh in the last bit for 27% and 18% of
// inputs in [−20, 20], SciPy's expit from 1/(1+math.Exp(−x)) for 6%, and
// L-BFGS amplifies that over a hundred iterations into another path, as it
// amplifies the last-bit differences between BLAS libraries inside
// scikit-learn. On the tests' sixteen such cases Go's final loss_ is 4e-12
// to 0.23 (relative) from scikit-learn's, and scikit-learn with OpenBLAS is
// 5e-12 to 0.36 from itself (the unscaled body data with logistic units: 62
// iterations with one library, 200 with the other).
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
// lbfgs solver minimises the loss and gradient that nn.Network.Gradient
// computes. Coefs and Intercepts are the layers' W and B, not copies.
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
//	random_state=None           p.RandomState = nil (seeded from the clock); random_state=0 is Seed(0)
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
