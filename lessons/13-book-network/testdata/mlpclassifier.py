# mlpclassifier.py fits scikit-learn's MLPClassifier as the lesson's comparison
# does (hidden_layer_sizes=(100,), relu, adam, batch_size=200,
# random_state=1) on the embedded ten-class subset, inputs scaled as the
# book scales them, and prints loss_ and the test images it gets right
# after max_iter epochs for each max_iter given (default 10 and 200). The
# README quotes its output:
#
#   /usr/bin/python3 lessons/13-book-network/testdata/mlpclassifier.py 10 200
import gzip
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../nn/data/fashionmnist/ten/")


def load(kind):
    x = np.frombuffer(gzip.open(D + kind + "-images-idx3-ubyte.gz").read(), np.uint8, offset=16).reshape(-1, 784)
    y = np.frombuffer(gzip.open(D + kind + "-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)
    return x / 255.0 * 0.99 + 0.01, y


(xtr, ytr), (xte, yte) = load("train"), load("t10k")
print("scikit-learn", sklearn.__version__, "numpy", np.__version__, "on", len(ytr), "/", len(yte), "images")
for it in [int(a) for a in sys.argv[1:]] or [10, 200]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = MLPClassifier(hidden_layer_sizes=(100,), activation="relu", solver="adam", batch_size=200,
                            max_iter=it, random_state=1).fit(xtr, ytr)
    print("max_iter", it, "n_iter_", clf.n_iter_, "loss_", repr(clf.loss_), "right", int((clf.predict(xte) == yte).sum()))
