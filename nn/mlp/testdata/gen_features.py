#!/usr/bin/python3
"""Writes ../features_data_test.go: what scikit-learn 1.2.1 computes for
warm_start, multi-output regression, multilabel classification, no hidden
layer, a one-class y, predict_log_proba, the batch_size warning,
n_iter_no_change=inf and verbose, and the messages of its input and
parameter validation, as Go literals, so the Go tests need no Python.

Run from nn/mlp/testdata with the Debian python (numpy 1.24, sklearn 1.2.1)
on the reference BLAS, as gen_lbfgs.py does (with OpenBLAS scikit-learn's
lbfgs paths move; see the package doc):

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack \
        /usr/bin/python3 gen_features.py && gofmt -w ../features_data_test.go

With a path argument it writes there instead (the live test compares).
"""
import contextlib
import io
import math
import os
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

here = os.path.dirname(os.path.abspath(__file__))
# The data sets and the Go-literal helpers are gen_reference.py's: run
# everything before its output starts.
with open(os.path.join(here, "gen_reference.py")) as f:
    exec(f.read().split("\nout = []\n")[0])

GO_PARAMS = [p for p in GO_PARAMS if p[0] != "n_iter_no_change"] + [
    ("n_iter_no_change", "NIterNoChange", lambda v: "NIterNoChangeInf" if v == np.inf else str(v)),
    ("warm_start", "WarmStart", lambda v: "true"),
]
DEFAULTS = MLPClassifier().get_params()

# Two targets on the regression grid: y0 = sin(x0) + x1/2, y1 = cos(x0)·x1.
REG2_Y = [[float(np.sin(a) + b / 2), float(np.cos(a) * b)] for a, b in REG_X]
# Three labels of the Iris rows: petal length > 4.5, sepal width > 3,
# petal width > 1.5.
IRIS_L = [[int(r[2] > 4.5), int(r[1] > 3.0), int(r[3] > 1.5)] for r in IRIS_X]
DATA = {"body": (BODY_X, BODY_Y), "iris": (IRIS_X, IRIS_Y), "reg": (REG_X, REG_Y),
        "reg2": (REG_X, REG2_Y), "irisl": (IRIS_X, IRIS_L), "one": (BODY_X, ["a"] * len(BODY_X))}
REGRESSION = ("reg", "reg2")

CASES = [
    # name, data, params, fits (Fit calls with warm_start; -n: n partial_fit calls)
    ("warm_body_adam", "body", dict(hidden_layer_sizes=(3,), activation="logistic", max_iter=30,
        warm_start=True, random_state=0), 2),
    ("warm_iris_sgd_adaptive_early", "iris", dict(hidden_layer_sizes=(5,), activation="tanh", solver="sgd",
        learning_rate="adaptive", learning_rate_init=0.05, early_stopping=True, validation_fraction=0.2,
        n_iter_no_change=3, tol=1e-2, max_iter=40, warm_start=True, random_state=1), 2),
    ("warm_reg_sgd_invscaling", "reg", dict(hidden_layer_sizes=(6,), activation="relu", solver="sgd",
        learning_rate="invscaling", learning_rate_init=0.05, power_t=0.3, batch_size=5, max_iter=25,
        warm_start=True, random_state=2), 3),
    ("warm_body_stopped", "body", dict(hidden_layer_sizes=(3,), activation="logistic", warm_start=True,
        random_state=2), 2),
    ("multi_reg_adam_relu", "reg2", dict(hidden_layer_sizes=(8,), activation="relu", learning_rate_init=0.01,
        max_iter=80, random_state=3), 1),
    ("multi_reg_sgd_tanh_early", "reg2", dict(hidden_layer_sizes=(6, 3), activation="tanh", solver="sgd",
        learning_rate_init=0.02, batch_size=6, early_stopping=True, validation_fraction=0.25,
        n_iter_no_change=5, max_iter=200, random_state=4), 1),
    ("multi_reg_adam_partial", "reg2", dict(hidden_layer_sizes=(5,), activation="logistic", batch_size=8,
        learning_rate_init=0.02, random_state=5), -3),
    ("label_iris_adam_logistic", "irisl", dict(hidden_layer_sizes=(6,), activation="logistic",
        learning_rate_init=0.02, max_iter=60, random_state=6), 1),
    ("label_iris_sgd_relu_early", "irisl", dict(hidden_layer_sizes=(5,), activation="relu", solver="sgd",
        learning_rate_init=0.05, batch_size=5, early_stopping=True, validation_fraction=0.3,
        n_iter_no_change=4, random_state=7), 1),
    ("label_iris_warm", "irisl", dict(hidden_layer_sizes=(4,), activation="tanh", batch_size=10,
        learning_rate_init=0.01, max_iter=15, warm_start=True, random_state=8), 2),
    ("nohidden_iris_adam", "iris", dict(hidden_layer_sizes=(), activation="relu", learning_rate_init=0.05,
        max_iter=50, random_state=9), 1),
    ("nohidden_body_sgd_logistic", "body", dict(hidden_layer_sizes=(), activation="logistic", solver="sgd",
        learning_rate_init=1e-4, max_iter=40, random_state=10), 1),
    ("nohidden_reg2_adam", "reg2", dict(hidden_layer_sizes=(), learning_rate_init=0.05, max_iter=60,
        random_state=11), 1),
    ("oneclass_body", "one", dict(hidden_layer_sizes=(3,), activation="tanh", max_iter=20, random_state=12), 1),
    ("clip_body_batch20", "body", dict(hidden_layer_sizes=(3,), activation="logistic", batch_size=20,
        max_iter=25, random_state=13), 1),
    ("inf_body_sgd_adaptive", "body", dict(hidden_layer_sizes=(4,), activation="identity", solver="sgd",
        learning_rate="adaptive", learning_rate_init=1e-5, tol=1e-2, n_iter_no_change=np.inf, max_iter=30,
        random_state=3), 1),
    ("verbose_iris_sgd_adaptive", "iris", dict(hidden_layer_sizes=(4,), activation="tanh", solver="sgd",
        learning_rate="adaptive", learning_rate_init=0.1, tol=0.05, n_iter_no_change=2, max_iter=40,
        random_state=14), 1),
    ("warm_reg_lbfgs_identity", "reg", dict(hidden_layer_sizes=(4,), activation="identity", solver="lbfgs",
        max_iter=8, warm_start=True, random_state=15), 2),
    ("multi_reg_lbfgs_relu", "reg2", dict(hidden_layer_sizes=(6,), activation="relu", solver="lbfgs",
        max_iter=30, random_state=16), 1),
    ("verbose_body_early", "body", dict(hidden_layer_sizes=(5,), activation="relu", early_stopping=True,
        validation_fraction=0.3, n_iter_no_change=4, learning_rate_init=0.01, random_state=4), 1),
]


def run(data, params, fits):
    """Fits as the case says, with verbose output captured; returns the
    estimator, the warnings of the last call and what it printed."""
    X, y = DATA[data]
    est = (MLPRegressor if data in REGRESSION else MLPClassifier)(verbose=True, **params)
    out = io.StringIO()
    for i in range(abs(fits)):
        with warnings.catch_warnings(record=True) as w, contextlib.redirect_stdout(out):
            warnings.simplefilter("always")
            if fits > 0:
                est.fit(X, y)
            elif data in REGRESSION or data == "irisl":
                est.partial_fit(X, y) if data in REGRESSION else est.partial_fit(X, y, classes=[0, 1, 2])
            else:
                est.partial_fit(X, y, classes=sorted(set(y)))
    return est, w, out.getvalue()


def gstr(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


out = []
emit = out.append
emit("// Code generated by testdata/gen_features.py with scikit-learn %s, numpy %s. DO NOT EDIT.\n"
     % (sklearn.__version__, np.__version__))
emit("package mlp\n\nimport (\n\t\"math\"\n\n\t\"nnscratch/nn\"\n)\n\nvar (\n\t_ = math.Inf\n\t_ = nn.Identity{}\n)\n")
emit("var reg2Y = %s\n\nvar irisL = %s\n" % (gmat(REG2_Y), gmat(IRIS_L)))

emit("var featureCases = []featureCase{")
for name, data, params, fits in CASES:
    est, w, printed = run(data, params, fits)
    X, y = DATA[data]
    conv = [str(x.message) for x in w if issubclass(x.category, ConvergenceWarning)]
    user = [str(x.message) for x in w if x.category is UserWarning]
    emit("{name: %s, data: %s, fits: %d, params: %s," % (gstr(name), gstr(data), fits, gparams(est.get_params())))
    emit("loss: %s, nIter: %d, t: %d, convergence: %s, batchWarning: %s," % (
        g(est.loss_), est.n_iter_, est.t_, gstr(conv[0] if conv else ""), gstr(user[0] if user else "")))
    emit("coefs: [][][]float64{%s}," % ", ".join(gmat(c) for c in est.coefs_))
    emit("intercepts: [][]float64{%s}," % ", ".join(gslice(b) for b in est.intercepts_))
    emit("lossCurve: %s," % gslice(getattr(est, "loss_curve_", [])))
    if est.solver == "lbfgs":
        pass  # no best_loss_
    elif est.early_stopping:
        emit("validationScores: %s, bestValidationScore: %s," % (gslice(est.validation_scores_), g(est.best_validation_score_)))
    else:
        emit("bestLoss: %s," % g(est.best_loss_))
    if data in REGRESSION:
        pred = est.predict(X)
        emit("predictions: %s," % gmat(pred.reshape(len(X), -1)))
    else:
        emit("proba: %s, logProba: %s," % (gmat(est.predict_proba(X)), gmat(est.predict_log_proba(X))))
        pred = est.predict(X)
        if data == "irisl":
            emit("indicators: %s," % gmat(pred))
        else:
            emit("labels: %s, classes: %s," % (gstrs(pred), gstrs(est.classes_)))
    emit("score: %s, verbose: %s}," % (g(est.score(X, y)), gstr(printed)))
emit("}\n")


def message(f):
    try:
        f()
    except Exception as e:
        return str(e)
    raise AssertionError("no error")


X4 = [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]
Y4 = ["a", "b", "a", "b"]
fitted_c = MLPClassifier(hidden_layer_sizes=(2,), max_iter=3, random_state=0)
fitted_r = MLPRegressor(hidden_layer_sizes=(2,), max_iter=3, random_state=0)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    fitted_c.fit(X4, Y4)
    fitted_r.fit(X4, [0.0, 1.0, 2.0, 3.0])
warm = MLPClassifier(hidden_layer_sizes=(2,), max_iter=3, random_state=0, warm_start=True)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warm.fit(X4, Y4)
    part = MLPClassifier(hidden_layer_sizes=(2,), random_state=0).partial_fit(X4, Y4, classes=["a", "b"])
MESSAGES = [
    # name, message
    ("nan_x", message(lambda: MLPClassifier().fit([[np.nan, 1.0], [1.0, 0.0]], ["a", "b"]))),
    ("inf_x", message(lambda: MLPClassifier().fit([[1.0, np.inf], [1.0, 0.0]], ["a", "b"]))),
    ("nan_y", message(lambda: MLPRegressor().fit(X4, [0.0, np.nan, 1.0, 2.0]))),
    ("inf_y", message(lambda: MLPRegressor().fit(X4, [0.0, 1.0, -np.inf, 2.0]))),
    ("nan_y_classifier", message(lambda: MLPClassifier().fit(X4, [0.0, np.nan, 1.0, 0.0]))),
    ("nan_x_regressor", message(lambda: MLPRegressor().fit([[np.nan, 1.0], [1.0, 0.0]], [0.0, 1.0]))),
    ("nan_x_predict", message(lambda: fitted_c.predict([[np.nan, 1.0]]))),
    ("not_fitted_classifier", message(lambda: MLPClassifier().predict(X4))),
    ("not_fitted_proba", message(lambda: MLPClassifier().predict_proba(X4))),
    ("not_fitted_regressor", message(lambda: MLPRegressor().predict(X4))),
    ("features_classifier", message(lambda: fitted_c.predict([[1.0, 2.0, 3.0]]))),
    ("features_regressor", message(lambda: fitted_r.predict([[1.0, 2.0, 3.0]]))),
    ("features_warm", message(lambda: warm.fit([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]], ["a", "b"]))),
    ("classes_warm", message(lambda: warm.fit(X4, ["a", "b", "c", "a"]))),
    ("classes_partial", message(lambda: part.partial_fit(X4, ["a", "b", "c", "d"]))),
    ("empty_x", message(lambda: MLPClassifier().fit(np.zeros((0, 2)), []))),
    ("lengths", message(lambda: MLPClassifier().fit(X4, ["a", "b", "a"]))),
    ("batch_size_0", message(lambda: MLPClassifier(batch_size=0).fit(X4, Y4))),
    ("random_state_-1", message(lambda: MLPClassifier(random_state=-1).fit(X4, Y4))),
    ("n_iter_no_change_0", message(lambda: MLPClassifier(n_iter_no_change=0).fit(X4, Y4))),
    ("hidden_0", message(lambda: MLPClassifier(hidden_layer_sizes=(3, 0)).fit(X4, Y4))),
    ("partial_lbfgs", message(lambda: MLPClassifier(solver="lbfgs").partial_fit(X4, Y4, classes=["a", "b"]))),
]
emit("var sklearnMessages = map[string]string{")
for name, msg in MESSAGES:
    emit("%s: %s," % (gstr(name), gstr(msg)))
emit("}\n")

dst = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../features_data_test.go")
with open(dst, "w") as f:
    f.write("\n".join(out))
