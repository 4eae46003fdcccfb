#!/usr/bin/python3
"""Writes ../lbfgs_data_test.go: what SciPy 1.10's L-BFGS-B and scikit-learn
1.2.1's lbfgs solver compute, as Go literals, so the Go tests need no Python.

Run from nn/mlp/testdata with the Debian python (numpy 1.24, scipy 1.10,
sklearn 1.2.1):

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack \
        /usr/bin/python3 gen_lbfgs.py && gofmt -w ../lbfgs_data_test.go

The pure test functions are also in lbfgs_funcs.py, which the Go test's
live comparison runs.
"""
import csv
import os
import subprocess
import sys
import warnings

import numpy as np
import scipy
import scipy.optimize
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

from lbfgs_funcs import PROBLEMS, run_problem

assert sklearn.__version__ == "1.2.1", sklearn.__version__
here = os.path.dirname(os.path.abspath(__file__))

# The data sets and the Go-literal helpers of gen_reference.py: its
# definitions, everything before it starts writing.
with open(os.path.join(here, "gen_reference.py")) as f:
    exec(f.read().split("\nout = []")[0])

with open(os.path.join(here, "../../data/iris.csv")) as f:
    rows = list(csv.reader(f))[1:]
FULL_X = [[float(v) for v in r[:4]] for r in rows]
FULL_Y = [r[4] for r in rows]

DATA = {"body": (BODY_X, BODY_Y), "iris": (IRIS_X, IRIS_Y), "reg": (REG_X, REG_Y), "fulliris": (FULL_X, FULL_Y)}

CASES = [
    ("body_logistic", "body", dict(hidden_layer_sizes=(3,), activation="logistic", random_state=0)),
    ("body_logistic_seed2", "body", dict(hidden_layer_sizes=(3,), activation="logistic", random_state=2)),
    ("body_relu", "body", dict(hidden_layer_sizes=(5,), activation="relu", random_state=4)),
    ("iris_tanh", "iris", dict(hidden_layer_sizes=(5,), activation="tanh", random_state=1)),
    ("fulliris_relu", "fulliris", dict(hidden_layer_sizes=(8,), random_state=0)),
    ("reg_tanh", "reg", dict(hidden_layer_sizes=(8,), activation="tanh", max_iter=500, random_state=2)),
    ("iris_identity_a", "iris", dict(hidden_layer_sizes=(4,), activation="identity", alpha=0.1, random_state=10)),
    ("iris_logistic_a", "iris", dict(hidden_layer_sizes=(5,), activation="logistic", alpha=0.1, random_state=11)),
    ("iris_tanh_a", "iris", dict(hidden_layer_sizes=(5,), activation="tanh", alpha=0.1, random_state=12)),
    ("iris_relu_a", "iris", dict(hidden_layer_sizes=(8,), activation="relu", alpha=0.1, random_state=13)),
    ("reg_identity", "reg", dict(hidden_layer_sizes=(3,), activation="identity", random_state=15)),
    ("reg_logistic_a", "reg", dict(hidden_layer_sizes=(6,), activation="logistic", alpha=0.01, random_state=16)),
    ("reg_tanh_a", "reg", dict(hidden_layer_sizes=(6,), activation="tanh", alpha=0.01, random_state=17)),
    ("reg_relu", "reg", dict(hidden_layer_sizes=(10,), activation="relu", alpha=1e-3, random_state=6)),
    ("reg_relu_two_layers", "reg", dict(hidden_layer_sizes=(8, 4), activation="relu", random_state=18)),
    ("reg_logistic_max_fun", "reg", dict(hidden_layer_sizes=(6,), activation="logistic", max_fun=40, random_state=7)),
    ("reg_relu_max_fun", "reg", dict(hidden_layer_sizes=(10,), activation="relu", alpha=1e-3, max_fun=60, random_state=6)),
    ("fulliris_relu_max_iter", "fulliris", dict(hidden_layer_sizes=(8,), max_iter=20, random_state=0)),
    ("iris_relu_max_iter", "iris", dict(hidden_layer_sizes=(6, 4), activation="relu", max_iter=25, random_state=5)),
    ("reg_tanh_max_iter", "reg", dict(hidden_layer_sizes=(8,), activation="tanh", max_iter=40, random_state=2)),
    ("reg_logistic_max_iter", "reg", dict(hidden_layer_sizes=(6,), activation="logistic", max_iter=25, random_state=7)),
    ("body_identity_max_iter", "body", dict(hidden_layer_sizes=(4,), activation="identity", max_iter=20, random_state=3)),
    ("iris_logistic_max_iter", "iris", dict(hidden_layer_sizes=(4,), activation="logistic", max_iter=15, random_state=8)),
    ("iris_tanh_max_iter", "iris", dict(hidden_layer_sizes=(4,), activation="tanh", max_iter=30, random_state=20)),
    ("body_tanh_tol", "body", dict(hidden_layer_sizes=(2,), activation="tanh", tol=1e-2, random_state=9)),
]


def fit(data, params):
    """Fits and returns the estimator, its ConvergenceWarning text ("" if
    none) and SciPy's OptimizeResult."""
    X, y = DATA[data]
    est = (MLPRegressor if data == "reg" else MLPClassifier)(**params)
    results = []
    minimize = scipy.optimize.minimize

    def spy(*a, **k):
        r = minimize(*a, **k)
        results.append(r)
        return r
    scipy.optimize.minimize = spy
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            est.fit(X, y)
    finally:
        scipy.optimize.minimize = minimize
    texts = [str(x.message) for x in w if issubclass(x.category, ConvergenceWarning)]
    return est, (texts[0] if texts else ""), results[0]


def openblas_fit(name):
    """loss_ and n_iter_ of the case fitted in a fresh python that uses the
    system's default BLAS (OpenBLAS on Debian) instead of the reference
    BLAS: scikit-learn's own spread under last-bit differences."""
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--fit", name], env=env,
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


# Lesson 10's grid restricted to lbfgs: activation x hidden sizes 1..21, cv=3.
GRID = {"activation": ["identity", "logistic", "tanh", "relu"], "solver": ["lbfgs"],
        "hidden_layer_sizes": [(h,) for h in range(1, 22)]}


def grid_means():
    from sklearn.model_selection import GridSearchCV
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gs = GridSearchCV(MLPClassifier(random_state=1), GRID, cv=3).fit(BODY_X, BODY_Y)
    return [float(v) for v in gs.cv_results_["mean_test_score"]]


if len(sys.argv) == 2 and sys.argv[1] == "--grid":
    print(" ".join(repr(v) for v in grid_means()))
    sys.exit(0)

if len(sys.argv) == 3 and sys.argv[1] == "--fit":
    for name, data, params in CASES:
        if name == sys.argv[2]:
            est, _, _ = fit(data, dict(params, solver="lbfgs"))
            print(repr(est.loss_), est.n_iter_)
    sys.exit(0)


def gq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


out = []
emit = out.append
emit("// Code generated by testdata/gen_lbfgs.py with scipy %s, scikit-learn %s, numpy %s. DO NOT EDIT.\n"
     % (scipy.__version__, sklearn.__version__, np.__version__))
emit("package mlp\n\nimport \"nnscratch/nn\"\n")

# The regression data as this numpy computes it (np.sin may differ from the
# reference data's in the last bit), so that Go trains on what SciPy saw.
emit("var lbfgsRegX = %s\n\nvar lbfgsRegY = %s\n" % (gmat(REG_X), gslice(REG_Y)))

emit("var lbfgsbProblems = []lbfgsbRef{")
for name in PROBLEMS:
    r = run_problem(name)
    emit("{name: %s, n: %d, maxIter: %d, maxFun: %d, gtol: %s, x: %s, fun: %s, nit: %d, nfev: %d, message: %s, status: %d,"
         % (gq(name), r["n"], r["maxiter"], r["maxfun"], g(r["gtol"]), gslice(r["x"]), g(r["fun"]), r["nit"], r["nfev"],
            gq(r["message"]), r["status"]))
    emit("trace: %s}," % gslice(r["trace"]))
emit("}\n")

emit("var lbfgsMLPCases = []lbfgsMLPRef{")
for name, data, params in CASES:
    params = dict(params, solver="lbfgs")
    est, warning, res = fit(data, params)
    X, y = DATA[data]
    emit("{name: %s, data: %s, params: %s," % (gq(name), gq(data), gparams(est.get_params()).replace("'", '"')))
    oloss, oiter = openblas_fit(name)
    emit("loss: %s, nIter: %d, nfev: %d, message: %s, warning: %s, openblasLoss: %s, openblasNIter: %d," % (
        g(est.loss_), est.n_iter_, res.nfev, gq(res.message), gq(warning), g(oloss), oiter))
    emit("coefs: [][][]float64{%s}," % ", ".join(gmat(c) for c in est.coefs_))
    emit("intercepts: [][]float64{%s}," % ", ".join(gslice(b) for b in est.intercepts_))
    if data == "reg":
        emit("predictions: %s, score: %s}," % (gslice(est.predict(X)), g(est.score(X, y))))
    else:
        emit("proba: %s, labels: %s, score: %s}," % (gmat(est.predict_proba(X)), gstrs(est.predict(X)), g(est.score(X, y))))
emit("}\n")

env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
openblas_grid = [float(v) for v in subprocess.run([sys.executable, os.path.abspath(__file__), "--grid"], env=env,
                                                   check=True, capture_output=True, text=True).stdout.split()]
emit("// lbfgsBodyGrid holds GridSearchCV's mean_test_score for lesson 10's lbfgs candidates")
emit("// (activation x hidden sizes 1..21, MLPClassifier(random_state=1), cv=3) on the body data,")
emit("// with the reference BLAS and, in lbfgsBodyGridOpenBLAS, with OpenBLAS.")
emit("var lbfgsBodyGrid = %s\n" % gslice(grid_means()))
emit("var lbfgsBodyGridOpenBLAS = %s\n" % gslice(openblas_grid))

with open(os.path.join(here, "../lbfgs_data_test.go"), "w") as f:
    f.write("\n".join(out))
