# Reference counts for lessons 04-bias and 05-log-loss: the forum question's
# 2-3-1 network written with numpy, as the lessons' tests quote it.
# Run with /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1):
#   /usr/bin/python3 lessons/04-bias/testdata/reference.py 1
# The 05 table takes about ten minutes (numpy is slow on ten samples).
import sys
import numpy as np
from sklearn import preprocessing

X_RAW = np.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1],
                  [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
Y = np.array([[0], [1], [0], [1], [1], [0], [1], [1], [0], [1]], dtype=float)  # virginica = 1


def sigma(z):
    return 1 / (1 + np.exp(-z))


def slope(a):
    return a * (1 - a)


def sse(y, a):
    total = 0
    for i in range(len(y)):
        total = total + np.square(y[i] - a[i])
    return total[0]


def train(seed, standardise, variant="fixed", loss="sse", alpha=0.5, goal=0.001, max_iter=10**6, need_log=False):
    """Returns (first i with SSE < goal, first i with mean log-loss < goal, last SSE, last log-loss, params)."""
    x = preprocessing.scale(X_RAW) if standardise else X_RAW
    np.random.seed(seed)
    w1 = 2 * np.random.random((2, 3)) - 1
    w2 = 2 * np.random.random((3, 1)) - 1
    b1 = 2 * np.random.random((3)) - 1
    b2 = 2 * np.random.random((1)) - 1
    flip_error = variant in ("flipped", "flip-error")
    sign = 1.0 if variant in ("flipped", "flip-update") else -1.0
    at_sse = at_log = None
    for i in range(max_iter):
        l1 = sigma(x.dot(w1) + b1)
        l2 = sigma(l1.dot(w2) + b2)
        err = Y - l2 if flip_error else l2 - Y
        d2 = err * slope(l2) if loss == "sse" else err
        d1 = d2.dot(w2.T) * slope(l1)
        w2 += sign * alpha * l1.T.dot(d2)
        w1 += sign * alpha * x.T.dot(d1)
        if variant == "shared-bias":
            b2 += sign * alpha * np.sum(d2)
            b1 += sign * alpha * np.sum(d1)
        else:
            b2 += sign * alpha * np.sum(d2, axis=0)
            b1 += sign * alpha * np.sum(d1, axis=0)
        e = sse(Y, l2)
        with np.errstate(divide="ignore", invalid="ignore"):
            ll = -np.mean(Y * np.log(l2) + (1 - Y) * np.log(1 - l2))
        if at_sse is None and e < goal:
            at_sse = i
        if at_log is None and ll < goal:
            at_log = i
        if at_sse is not None and (not need_log or at_log is not None):
            break
    return at_sse, at_log, e, ll, (w1, b1, w2, b2)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    print("04-bias")
    for v in ("fixed", "flipped", "shared-bias"):
        for s in (False, True):
            r = train(seed, s, v)
            print(v, "standard" if s else "raw", r[0])
            if s:
                print("  params", [p.ravel().tolist() for p in r[4]])
    for v in ("flip-error", "flip-update"):
        for s in (False, True):
            print(v, "standard" if s else "raw",
                  [train(seed, s, v, goal=-1, max_iter=m + 1)[2] for m in (0, 10, 100, 1000, 10000)])
    print("05-log-loss")
    for loss in ("sse", "log"):
        for s in (False, True):
            for a in (0.01, 0.05, 0.5):
                r = train(seed, s, loss=loss, alpha=a, need_log=(loss == "log"))
                print(loss, "standard" if s else "raw", a, r[0], r[1], repr(r[2]), repr(r[3]))
