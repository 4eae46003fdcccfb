#!/usr/bin/python3
"""Writes ../reference_data_test.go: what scikit-learn 1.2.1 computes for
small problems, as Go literals, so the Go tests need no Python.

Run from nn/mlp/testdata with the Debian python (numpy 1.24, sklearn 1.2.1):

    /usr/bin/python3 gen_reference.py && gofmt -w ../reference_data_test.go
"""
import csv
import os
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV
from sklearn.neural_network import MLPClassifier, MLPRegressor

assert sklearn.__version__ == "1.2.1", sklearn.__version__

BODY_X = [[181, 80, 44], [177, 70, 43], [160, 60, 38], [154, 54, 37],
          [166, 65, 40], [190, 90, 47], [175, 64, 39], [177, 70, 40],
          [159, 55, 37], [171, 75, 42], [181, 85, 43]]
BODY_Y = ["male", "male", "female", "female", "male", "male", "female",
          "female", "female", "male", "male"]

# Ten rows of each Iris species, rows 1-10, 51-60 and 101-110 of iris.csv.
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "../../data/iris.csv")) as f:
    rows = list(csv.reader(f))[1:]
iris = rows[0:10] + rows[50:60] + rows[100:110]
IRIS_X = [[float(v) for v in r[:4]] for r in iris]
IRIS_Y = [r[4] for r in iris]

# A small regression problem: y = sin(x0) + x1/2 on a 24-point grid.
REG_X = [[i / 4.0, (i * 7 % 11) / 5.0 - 1.0] for i in range(24)]
REG_Y = [float(np.sin(a) + b / 2) for a, b in REG_X]


def g(v):
    """Go literal for a float."""
    v = float(v)
    if np.isnan(v):
        return "math.NaN()"
    if np.isinf(v):
        return "math.Inf(1)" if v > 0 else "math.Inf(-1)"
    return repr(v)


def gslice(vs, typ="float64"):
    return "[]%s{%s}" % (typ, ", ".join(g(v) for v in vs))


def gmat(m):
    return "[][]float64{" + ", ".join(gslice(r) for r in m) + "}"


def gstrs(ss):
    return "[]string{" + ", ".join('"%s"' % s for s in ss) + "}"


# The nn activation of each of scikit-learn's activation strings.
GO_ACTIVATION = {"identity": "nn.Identity{}", "logistic": "nn.Sigmoid{}",
                 "tanh": "nn.Tanh{}", "relu": "nn.ReLU{}"}


def gparams(p):
    hs = p["hidden_layer_sizes"]
    bs = p["batch_size"]
    return ((
        "Params{HiddenLayerSizes: []int{%s}, Activation: %s, Solver: %r, "
        "Alpha: %s, BatchSize: %d, LearningRate: %r, LearningRateInit: %s, "
        "PowerT: %s, MaxIter: %d, Shuffle: %s, RandomState: %d, Tol: %s, "
        "Momentum: %s, NesterovsMomentum: %s, EarlyStopping: %s, "
        "ValidationFraction: %s, Beta1: %s, Beta2: %s, Epsilon: %s, "
        "NIterNoChange: %d, MaxFun: %d}"
    ) % (
        ", ".join(str(h) for h in hs), GO_ACTIVATION[p["activation"]], p["solver"],
        g(p["alpha"]), 0 if bs == "auto" else bs, p["learning_rate"],
        g(p["learning_rate_init"]), g(p["power_t"]), p["max_iter"],
        str(p["shuffle"]).lower(), p["random_state"], g(p["tol"]),
        g(p["momentum"]), str(p["nesterovs_momentum"]).lower(),
        str(p["early_stopping"]).lower(), g(p["validation_fraction"]),
        g(p["beta_1"]), g(p["beta_2"]), g(p["epsilon"]),
        p["n_iter_no_change"], p["max_fun"],
    )).replace("'", '"')


CASES = [
    # name, data, params, number of partial_fit calls (0: fit)
    ("body_adam_logistic", "body", dict(hidden_layer_sizes=(3,), activation="logistic", random_state=0), 0),
    ("body_adam_logistic_seed2", "body", dict(hidden_layer_sizes=(3,), activation="logistic", random_state=2), 0),
    ("body_sgd_identity_adaptive", "body", dict(hidden_layer_sizes=(4,), activation="identity", solver="sgd",
        learning_rate="adaptive", learning_rate_init=1e-5, tol=1e-2, n_iter_no_change=3, max_iter=60, random_state=3), 0),
    ("body_adam_relu_early", "body", dict(hidden_layer_sizes=(5,), activation="relu", early_stopping=True,
        validation_fraction=0.3, n_iter_no_change=4, learning_rate_init=0.01, random_state=4), 0),
    ("iris_sgd_tanh_nesterov", "iris", dict(hidden_layer_sizes=(5,), activation="tanh", solver="sgd",
        learning_rate_init=0.01, batch_size=10, max_iter=50, random_state=0), 0),
    ("iris_sgd_relu_momentum_invscaling", "iris", dict(hidden_layer_sizes=(6, 4), activation="relu", solver="sgd",
        momentum=0.5, nesterovs_momentum=False, learning_rate="invscaling", power_t=0.25,
        learning_rate_init=0.05, batch_size=7, max_iter=40, random_state=5), 0),
    ("iris_adam_logistic_early", "iris", dict(hidden_layer_sizes=(4,), activation="logistic", early_stopping=True,
        validation_fraction=0.2, n_iter_no_change=5, learning_rate_init=0.02, random_state=6), 0),
    ("iris_adam_identity_noshuffle", "iris", dict(hidden_layer_sizes=(3,), activation="identity", shuffle=False,
        batch_size=4, max_iter=30, learning_rate_init=0.01, random_state=7), 0),
    ("iris_adam_tanh_partial", "iris", dict(hidden_layer_sizes=(4,), activation="tanh", batch_size=8,
        learning_rate_init=0.01, random_state=8), 3),
    ("reg_adam_relu", "reg", dict(hidden_layer_sizes=(8,), activation="relu", learning_rate_init=0.01,
        max_iter=100, random_state=9), 0),
    ("reg_sgd_tanh_early", "reg", dict(hidden_layer_sizes=(6,), activation="tanh", solver="sgd", learning_rate_init=0.01,
        batch_size=5, early_stopping=True, validation_fraction=0.25, n_iter_no_change=6, max_iter=300, random_state=10), 0),
    ("reg_sgd_logistic_partial", "reg", dict(hidden_layer_sizes=(5,), activation="logistic", solver="sgd",
        learning_rate_init=0.05, batch_size=6, random_state=11), 4),
]

LBFGS = [
    ("body_lbfgs_logistic", "body", dict(hidden_layer_sizes=(3,), activation="logistic", solver="lbfgs", random_state=0)),
    ("iris_lbfgs_tanh", "iris", dict(hidden_layer_sizes=(5,), activation="tanh", solver="lbfgs", random_state=1)),
    ("reg_lbfgs_tanh", "reg", dict(hidden_layer_sizes=(8,), activation="tanh", solver="lbfgs", max_iter=500, random_state=2)),
]

DATA = {"body": (BODY_X, BODY_Y), "iris": (IRIS_X, IRIS_Y), "reg": (REG_X, REG_Y)}


def fit(data, params, partial):
    X, y = DATA[data]
    est = (MLPRegressor if data == "reg" else MLPClassifier)(**params)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        if partial == 0:
            est.fit(X, y)
        elif data == "reg":
            for _ in range(partial):
                est.partial_fit(X, y)
        else:
            for _ in range(partial):
                est.partial_fit(X, y, classes=sorted(set(y)))
    warned = any(issubclass(x.category, ConvergenceWarning) for x in w)
    return est, warned


out = []
emit = out.append
emit("// Code generated by testdata/gen_reference.py with scikit-learn %s, numpy %s. DO NOT EDIT.\n"
     % (sklearn.__version__, np.__version__))
emit("package mlp\n\nimport (\n\t\"math\"\n\n\t\"nnscratch/nn\"\n)\n\nvar _ = math.NaN\n")
emit("var bodyX = %s\n\nvar bodyY = %s\n" % (gmat(BODY_X), gstrs(BODY_Y)))
emit("var irisX = %s\n\nvar irisY = %s\n" % (gmat(IRIS_X), gstrs(IRIS_Y)))
emit("var regX = %s\n\nvar regY = %s\n" % (gmat(REG_X), gslice(REG_Y)))

emit("var stochasticCases = []refCase{")
for name, data, params, partial in CASES:
    est, warned = fit(data, params, partial)
    p = est.get_params()
    X, _ = DATA[data]
    emit("{name: %r, data: %r, partial: %d, params: %s," % (name, data, partial, gparams(p)))
    emit("loss: %s, nIter: %d, t: %d, warned: %s," % (g(est.loss_), est.n_iter_, est.t_, str(warned).lower()))
    emit("coefs: [][][]float64{%s}," % ", ".join(gmat(c) for c in est.coefs_))
    emit("intercepts: [][]float64{%s}," % ", ".join(gslice(b) for b in est.intercepts_))
    emit("lossCurve: %s," % gslice(est.loss_curve_))
    if est.early_stopping:
        emit("validationScores: %s, bestValidationScore: %s," % (gslice(est.validation_scores_), g(est.best_validation_score_)))
    else:
        emit("bestLoss: %s," % g(est.best_loss_))
    if data == "reg":
        emit("predictions: %s, score: %s}," % (gslice(est.predict(X)), g(est.score(X, DATA[data][1]))))
    else:
        emit("proba: %s, labels: %s, score: %s}," % (gmat(est.predict_proba(X)), gstrs(est.predict(X)), g(est.score(X, DATA[data][1]))))
emit("}\n")

emit("var lbfgsCases = []refCase{")
for name, data, params in LBFGS:
    est, warned = fit(data, params, 0)
    X, y = DATA[data]
    emit("{name: %r, data: %r, params: %s, loss: %s, nIter: %d, warned: %s," % (
        name, data, gparams(est.get_params()), g(est.loss_), est.n_iter_, str(warned).lower()))
    if data == "reg":
        emit("predictions: %s, score: %s}," % (gslice(est.predict(X)), g(est.score(X, y))))
    else:
        emit("labels: %s, score: %s}," % (gstrs(est.predict(X)), g(est.score(X, y))))
emit("}\n")

# The lesson's question: body metrics, hidden (3,), logistic, adam, seeds 0-11.
emit("var bodySeeds = []refCase{")
for seed in range(12):
    params = dict(hidden_layer_sizes=(3,), activation="logistic", solver="adam", alpha=1e-4,
                  learning_rate="constant", random_state=seed)
    est, warned = fit("body", params, 0)
    emit("{name: \"seed%d\", params: %s, loss: %s, nIter: %d, warned: %s, labels: %s}," % (
        seed, gparams(est.get_params()), g(est.loss_), est.n_iter_, str(warned).lower(),
        gstrs(est.predict([[179, 69, 40], [175, 72, 45]]))))
emit("}\n")

# Grid search over the stochastic solvers (cv=3, StratifiedKFold without shuffling).
grid = {"activation": ["identity", "logistic", "tanh", "relu"], "solver": ["sgd", "adam"],
        "hidden_layer_sizes": [(1,), (2,), (3,), (5,)]}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    gs = GridSearchCV(MLPClassifier(random_state=1), grid, cv=3).fit(BODY_X, BODY_Y)
emit("var bodyGrid = []gridRef{")
for prm, sc in zip(gs.cv_results_["params"], gs.cv_results_["mean_test_score"]):
    emit("{activation: %r, solver: %r, hidden: %d, mean: %s}," % (
        prm["activation"], prm["solver"], prm["hidden_layer_sizes"][0], g(sc)))
emit("}\n")
emit("var bodyGridBest = %d\n" % gs.best_index_)

src = "\n".join(out).replace("'", '"')
with open(os.path.join(here, "../reference_data_test.go"), "w") as f:
    f.write(src)
