// Package mlp is scikit-learn 1.2's MLPClassifier and MLPRegressor on top
// of package nn's engine: the same parameters and defaults, the same
// fitted attributes, and, for the sgd and adam solvers, the same numbers. With the same random_state, data and parameters, Fit
// reproduces scikit-learn's loss_, n_iter_, coefs_ and intercepts_ to a
// relative 10⁻¹³ on the test problems (the tests demand 10⁻⁹; go test -run
// Stochastic -v ./nn/mlp logs the largest difference of each), because it
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
// nine settings of the tests: four regressors with identity or relu units
// bit for bit, all arithmetic being + − × ÷ √, and five classifiers, whose
// outputs go through exp, stopped after 1 to 30 iterations. Longer runs
// through exp, log or tanh drift: numpy 1.24's exp and tanh (SIMD code on
// an AVX-512 machine) differ from portable.Exp and portable.Tanh, which nn
// uses, in the last bit at 28% and 18% of 200,001 evenly spaced points of
// [−20, 20], SciPy 1.10's expit from 1/(1+portable.Exp(−x)) at 6%
// (measured on 30 November 2026 on the project's 2-core AMD EPYC machine,
// which has AVX-512; go run
// ./nn/mlp/testdata/ulps | /usr/bin/python3 nn/mlp/testdata/ulps.py
// re-measures), and L-BFGS amplifies that over a
// hundred iterations into another path, as it amplifies the last-bit
// differences between BLAS libraries inside scikit-learn. On the tests'
// sixteen such cases Go's final loss_ is 2.5e-12 to 0.23 (relative) from
// scikit-learn's, and scikit-learn with OpenBLAS is 5e-12 to 0.36 from
// itself (the unscaled body data with logistic units: 62 iterations with
// one library, 200 with the other); TestLBFGSDrift checks these figures.
//
// # On nn
//
// The network is an nn.Network with biases: the hidden activation of
// Params on every hidden layer (there may be none), and on the output
// nn.Sigmoid (one unit for one or two classes, one per label of a
// multilabel target), nn.Softmax (one unit per class of more) or
// nn.Identity (one unit per regression target). Fit and PartialFit
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
//	MLPClassifier(...)          NewClassifier[string](p), p a Params (zero fields: the defaults)
//	MLPClassifier, y (n, k) 0/1 NewMultiLabelClassifier(p): Fit(X, Y), Y an indicator matrix
//	MLPRegressor(...)           NewRegressor(p): Fit(X, y), or FitMulti(X, Y) for y of shape (n, k)
//	hidden_layer_sizes=(8, 2)   p.HiddenLayerSizes = []int{8, 2}
//	hidden_layer_sizes=()       p.HiddenLayerSizes = []int{} (nil is the default (100,))
//	activation='logistic'       p.Activation = nn.Sigmoid{} (ParseActivation("logistic"))
//	solver='sgd'                p.Solver = "sgd"
//	learning_rate='adaptive'    p.LearningRate = "adaptive"
//	batch_size='auto'           p.BatchSize = 0 (ParseBatchSize("auto"))
//	random_state=None, 42       p.RandomState = nil, Seed(42) (ParseRandomState)
//	n_iter_no_change=np.inf     p.NIterNoChange = NIterNoChangeInf (ParseNIterNoChange("inf"))
//	warm_start=True             p.WarmStart = true
//	verbose=True                p.Verbose = os.Stdout (any io.Writer)
//	fit(X, y)                   Fit(X, y), X a *matrix.Matrix (matrix.FromRows)
//	partial_fit(X, y, classes)  PartialFit(X, y, classes)
//	predict, predict_proba      Predict, PredictProba (PredictMulti for several targets)
//	predict_log_proba           PredictLogProba
//	score                       Score (accuracy; subset accuracy for multilabel; R², averaged over targets, for the Regressor)
//	loss_, coefs_, n_iter_, …   the embedded Fitted's Loss, Coefs, NIter, …
//	ConvergenceWarning          Fitted.ConvergenceWarning (the same text)
//	UserWarning on batch_size   Fitted.BatchSizeWarning (the same text)
//	NotFittedError, ValueError  errors wrapping ErrNotFitted and ErrInput (the same text)
//	pickle.dump, pickle.load    Save, LoadClassifier[L], LoadMultiLabelClassifier, LoadRegressor (nn model files)
//	cross_val_score(cv=3)       CrossValScore with StratifiedKFold(y, 3)
//	GridSearchCV(param_grid)    GridSearchCV with ParamGrid(base, axes...)
//
// Invalid parameters are reported by Fit before any training, naming the
// parameter and the allowed values in the words of scikit-learn's
// InvalidParameterError. X and y are checked as scikit-learn's check_X_y
// checks them, before any training or prediction: an empty X, a NaN or an
// infinity, a length mismatch and, after the first fit, a number of
// features other than the fitted one are errors with scikit-learn's
// message; so is Predict before Fit. Not implemented: sparse input,
// sample weights, pandas feature names.
//
// # Differences from scikit-learn
//
// The tests (reference_test.go, features_test.go, with numbers written by
// testdata/gen_reference.py and testdata/gen_features.py) compare this
// package with scikit-learn 1.2.1 in 30 settings of the sgd and adam
// solvers, among them warm_start, partial_fit, several targets, multilabel
// targets, no hidden layer, one class, n_iter_no_change=inf and early
// stopping, and in two of lbfgs (a warm start, and two targets): loss_,
// loss_curve_, validation_scores_, coefs_, intercepts_, predict_proba,
// predict_log_proba and score agree to a relative 3·10⁻¹² at worst
// (go test -run 'Features|Stochastic' -v ./nn/mlp logs it), n_iter_, t_,
// the predictions, the warnings and the verbose lines exactly. What
// remains different:
//
//   - batch_size=0 and random_state=-1 cannot be written in Params (0 is
//     "auto", nil is None); ParseBatchSize and ParseRandomState refuse them
//     with scikit-learn's message.
//   - The message for a NaN in X has scikit-learn's first two sentences,
//     not its paragraph on imputers; every message about a value of X or y
//     ends by saying where the first bad value is ("(X[2, 0] is NaN.)").
//   - Predict of a Regressor fitted to several targets returns an error;
//     PredictMulti returns the rows×targets matrix scikit-learn's predict
//     returns. A MultiLabelClassifier's PartialFit needs no classes (Y's
//     columns are the classes); scikit-learn asks for them on the first
//     call.
//   - With warm_start and changed hidden_layer_sizes, Fit returns an error
//     naming both sizes; scikit-learn fails inside numpy with a shape error.
//   - verbose with the lbfgs solver prints nothing; scikit-learn's SciPy
//     prints the Fortran L-BFGS-B report ("At iterate 0 f= 7.84091D-01 …").
//   - Save keeps the weights, t_, n_iter_, loss_curve_ and the stopping
//     rule's count, not the optimiser's state (scikit-learn's pickle keeps
//     it): PartialFit on a loaded estimator starts a fresh optimiser. Fit
//     with WarmStart makes a fresh one in scikit-learn too, so a warm start
//     from a loaded estimator gives scikit-learn's numbers. Verbose (a
//     writer) is not saved. A MultiLabelClassifier's meta names it
//     "MLPClassifier (multilabel)", so that LoadClassifier refuses its
//     file and LoadMultiLabelClassifier a Classifier's; scikit-learn
//     pickles both as an MLPClassifier.
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
