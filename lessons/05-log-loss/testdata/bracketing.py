# The question's squared-error run on raw inputs at alpha 0.5 (seed 1), with
# the output and hidden deltas rounded two ways: err * (a*(1-a)), as
# lessons/04-bias/testdata/reference.py and this lesson write it, and
# (err*a)*(1-a), left to right, as lesson 06's script writes it. The run is
# chaotic for its first few hundred iterations, so the last-bit difference
# changes when the SSE first falls below 0.001. Run with /usr/bin/python3;
# TestBracketing runs it when numpy is installed.
import numpy as np

X = np.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1],
              [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
Y = np.array([[0, 1, 0, 1, 1, 0, 1, 1, 0, 1]], dtype=float).T


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def count(grouped, alpha=0.5):
    np.random.seed(1)
    w1 = 2 * np.random.random((2, 3)) - 1
    w2 = 2 * np.random.random((3, 1)) - 1
    b1 = 2 * np.random.random((3)) - 1
    b2 = 2 * np.random.random((1)) - 1
    for i in range(10**6):
        l1 = sigmoid(X.dot(w1) + b1)
        l2 = sigmoid(l1.dot(w2) + b2)
        if grouped:
            d2 = (l2 - Y) * (l2 * (1 - l2))
            d1 = d2.dot(w2.T) * (l1 * (1 - l1))
        else:
            d2 = (l2 - Y) * l2 * (1 - l2)
            d1 = d2.dot(w2.T) * l1 * (1 - l1)
        w2 -= alpha * l1.T.dot(d2)
        w1 -= alpha * X.T.dot(d1)
        b2 -= alpha * np.sum(d2, axis=0)
        b1 -= alpha * np.sum(d1, axis=0)
        if np.sum((l2 - Y) ** 2) < 0.001:
            return i
    return -1


print("err * (a*(1-a)):", count(True))
print("(err*a)*(1-a):", count(False))
