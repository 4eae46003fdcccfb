#!/usr/bin/python3
"""Writes the CSV files of lesson 10's command-line tests (numeric.csv,
targets.csv, labels.csv, predict.csv) and ../cli_data_test.go: what
scikit-learn 1.2.1 computes for the same fits as the lesson's flags ask
for, as Go literals, so the tests need no Python.

Run from lessons/10-mlp-classifier/testdata with the Debian python:

    /usr/bin/python3 gen_cli.py && gofmt -w ../cli_data_test.go

With a path argument it writes the Go file there instead (and leaves the
CSV files alone), for the live test to compare.
"""
import contextlib
import csv
import io
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier, MLPRegressor

assert sklearn.__version__ == "1.2.1", sklearn.__version__
here = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(here, "../../../nn/data/iris.csv")) as f:
    iris = list(csv.reader(f))[1:]
iris = iris[0:20] + iris[50:70] + iris[100:120]
IRIS_X = [[float(v) for v in r[:4]] for r in iris]
FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
# Numeric class labels whose text order (100 < 12 < 7) is not their order.
CODE = {"Iris-setosa": 12, "Iris-versicolor": 100, "Iris-virginica": 7}
CODES = [CODE.get(r[4], CODE.get("Iris-" + r[4], None)) for r in iris]
assert None not in CODES, set(r[4] for r in iris)
# Three labels of each flower: long petals, wide sepals, broad petals.
LABELS = [[int(x[2] > 4.5), int(x[1] > 3.0), int(x[3] > 1.5)] for x in IRIS_X]
# Two targets on a grid: y0 = sin(x0) + x1/2, y1 = cos(x0)·x1.
REG_X = [[i / 4.0, (i * 7 % 11) / 5.0 - 1.0] for i in range(24)]
REG_Y = [[float(np.sin(a) + b / 2), float(np.cos(a) * b)] for a, b in REG_X]
# Rows to predict: the columns in another order, with an extra column.
PREDICT = [[5.0, 1.4, 0.2, 3.4, 1], [6.1, 4.7, 1.4, 2.9, 2], [6.4, 5.6, 2.2, 2.8, 3], [5.9, 4.8, 1.8, 3.2, 4]]
PREDICT_HEADER = ["sepal_length", "petal_length", "petal_width", "sepal_width", "id"]
PREDICT_X = [[r[0], r[3], r[1], r[2]] for r in PREDICT]


def write_csv(name, header, rows):
    with open(os.path.join(here, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def g(v):
    return repr(float(v))


def gslice(vs):
    return "[]float64{%s}" % ", ".join(g(v) for v in vs)


def gmat(m):
    return "[][]float64{%s}" % ", ".join(gslice(r) for r in m)


def gstr(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def gstrs(ss):
    return "[]string{%s}" % ", ".join(gstr(s) for s in ss)


def fit(est, X, y, times=1):
    out = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(out):
        warnings.simplefilter("ignore")
        for _ in range(times):
            est.fit(X, y)
    return out.getvalue()


RUNS = []


def run(name, args, est, X, y, times=1, predict=False):
    printed = fit(est, X, y, times)
    pred = est.predict(PREDICT_X if predict else X)
    proba = None
    if isinstance(est, MLPClassifier):
        proba = est.predict_proba(PREDICT_X if predict else X)
    pred = np.asarray(pred, dtype=float).reshape(len(pred), -1)
    classes = [] if isinstance(est, MLPRegressor) else [str(c) for c in est.classes_]
    RUNS.append("{name: %s, args: %s, loss: %s, nIter: %d, score: %s, classes: %s, predictions: %s, proba: %s, verbose: %s}," % (
        gstr(name), gstrs(args), g(est.loss_), est.n_iter_, g(est.score(X, y)), gstrs(classes), gmat(pred),
        gmat(proba) if proba is not None else "nil", gstr(printed)))


if len(sys.argv) == 1:
    write_csv("numeric.csv", FEATURES + ["code"], [x + [c] for x, c in zip(IRIS_X, CODES)])
    write_csv("labels.csv", FEATURES + ["long", "wide", "broad"], [x + l for x, l in zip(IRIS_X, LABELS)])
    write_csv("targets.csv", ["x0", "x1", "y0", "y1"], [x + y for x, y in zip(REG_X, REG_Y)])
    write_csv("predict.csv", PREDICT_HEADER, PREDICT)

run("numeric labels", ["-csv", "testdata/numeric.csv", "-hidden-layer-sizes", "5", "-activation", "tanh",
    "-learning-rate-init", "0.01", "-random-state", "0", "-max-iter", "50", "-predict", "testdata/predict.csv"],
    MLPClassifier(hidden_layer_sizes=(5,), activation="tanh", learning_rate_init=0.01, random_state=0, max_iter=50),
    IRIS_X, CODES, predict=True)
run("two targets", ["-csv", "testdata/targets.csv", "-estimator", "regressor", "-target", "y0", "-target", "y1",
    "-hidden", "8", "-random-state", "3", "-learning-rate-init", "0.01", "-max-iter", "80"],
    MLPRegressor(hidden_layer_sizes=(8,), random_state=3, learning_rate_init=0.01, max_iter=80), REG_X, REG_Y)
run("multilabel", ["-csv", "testdata/labels.csv", "-target", "long,wide,broad", "-hidden", "6", "-activation", "logistic",
    "-learning-rate-init", "0.02", "-max-iter", "60", "-random-state", "6", "-predict", "testdata/predict.csv"],
    MLPClassifier(hidden_layer_sizes=(6,), activation="logistic", learning_rate_init=0.02, max_iter=60, random_state=6),
    IRIS_X, LABELS, predict=True)
run("no hidden layer", ["-csv", "testdata/numeric.csv", "-hidden-layer-sizes", "()", "-batch-size", "16",
    "-learning-rate-init", "0.05", "-max-iter", "40", "-random-state", "9", "-n-iter-no-change", "inf"],
    MLPClassifier(hidden_layer_sizes=(), batch_size=16, learning_rate_init=0.05, max_iter=40, random_state=9,
                  n_iter_no_change=np.inf), IRIS_X, CODES)
run("verbose", ["-csv", "testdata/numeric.csv", "-hidden", "4", "-activation", "tanh", "-solver", "sgd",
    "-learning-rate", "adaptive", "-learning-rate-init", "0.1", "-tol", "0.05", "-n-iter-no-change", "2",
    "-max-iter", "40", "-random-state", "14", "-verbose"],
    MLPClassifier(hidden_layer_sizes=(4,), activation="tanh", solver="sgd", learning_rate="adaptive",
                  learning_rate_init=0.1, tol=0.05, n_iter_no_change=2, max_iter=40, random_state=14, verbose=True),
    IRIS_X, CODES)
# -save after the first fit, then -load -warm-start: scikit-learn's two
# fits with warm_start=True.
run("warm start", ["-csv", "testdata/numeric.csv", "-hidden", "3", "-activation", "logistic", "-max-iter", "30",
    "-random-state", "0"],
    MLPClassifier(hidden_layer_sizes=(3,), activation="logistic", max_iter=30, random_state=0, warm_start=True),
    IRIS_X, CODES, times=2)


def message(f):
    try:
        f()
    except Exception as e:
        return str(e)
    raise AssertionError("no error")


X4, Y4 = [[0.0, 1.0], [1.0, 0.0]], [0, 1]
MESSAGES = [
    (["-batch-size", "0"], message(lambda: MLPClassifier(batch_size=0).fit(X4, Y4))),
    (["-random-state", "-1"], message(lambda: MLPClassifier(random_state=-1).fit(X4, Y4))),
    (["-n-iter-no-change", "0"], message(lambda: MLPClassifier(n_iter_no_change=0).fit(X4, Y4))),
    (["-estimator", "regressor", "-csv", "testdata/targets.csv", "-batch-size", "0"],
     message(lambda: MLPRegressor(batch_size=0).fit(X4, Y4))),
    (["-hidden-layer-sizes", "3,0"], message(lambda: MLPClassifier(hidden_layer_sizes=(3, 0)).fit(X4, Y4))),
]

out = ["// Code generated by testdata/gen_cli.py with scikit-learn %s, numpy %s. DO NOT EDIT.\n" % (
    sklearn.__version__, np.__version__), "package main\n", "var cliRuns = []cliRun{"]
out += RUNS
out.append("}\n\nvar cliMessages = []cliMessage{")
out += ["{args: %s, message: %s}," % (gstrs(a), gstr(m)) for a, m in MESSAGES]
out.append("}\n")
dst = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../cli_data_test.go")
with open(dst, "w") as f:
    f.write("\n".join(out))
