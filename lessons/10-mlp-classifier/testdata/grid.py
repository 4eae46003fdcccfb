# grid.py runs scikit-learn's GridSearchCV over the grid of the lesson's
# step 3 (4 activations x 3 solvers x hidden sizes 1..21, cv=3,
# MLPClassifier(random_state=1)) on the story's 11 people, and prints the
# versions, the best parameters, best_score_ and the refitted estimator's
# predictions for the two test people. The README quotes its output:
#
#   /usr/bin/python3 lessons/10-mlp-classifier/testdata/grid.py
import warnings

import numpy as np
import sklearn
from sklearn.model_selection import GridSearchCV
from sklearn.neural_network import MLPClassifier

X = [[181, 80, 44], [177, 70, 43], [160, 60, 38], [154, 54, 37], [166, 65, 40], [190, 90, 47],
     [175, 64, 39], [177, 70, 40], [159, 55, 37], [171, 75, 42], [181, 85, 43]]
y = ["male", "male", "female", "female", "male", "male", "female", "female", "female", "male", "male"]
grid = {"activation": ["identity", "logistic", "tanh", "relu"], "solver": ["lbfgs", "sgd", "adam"],
        "hidden_layer_sizes": [(h,) for h in range(1, 22)]}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    gs = GridSearchCV(MLPClassifier(random_state=1), grid, cv=3).fit(X, y)
print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
print(gs.best_params_, gs.best_score_, gs.best_estimator_.predict([[179, 69, 40], [175, 72, 45]]))
