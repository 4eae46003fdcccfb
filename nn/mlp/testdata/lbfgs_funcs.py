"""Test functions for L-BFGS-B, each written with plain Python floats in the
order lbfgsb_test.go computes them, so that Go and SciPy see the same values
bit for bit; and run_problem, which minimises one with SciPy as
scikit-learn's lbfgs solver calls it.

Run as a script with problem names, it prints SciPy's result for each as a
line of JSON (the Go test's live comparison does this).
"""
import json
import sys

import numpy as np
import scipy.optimize


def rosen(x):
    """Extended Rosenbrock: sum of 100(x[i+1] - x[i]^2)^2 + (1 - x[i])^2."""
    n = len(x)
    f = 0.0
    g = [0.0] * n
    for i in range(n - 1):
        a = x[i + 1] - x[i] * x[i]
        b = 1.0 - x[i]
        f += 100.0 * a * a + b * b
        g[i] += -400.0 * x[i] * a - 2.0 * b
        g[i + 1] += 200.0 * a
    return f, g


def quad(x):
    """A quadratic: sum of (i+1)^2 x[i]^2 / 2 + (x[i] - x[i+1])^2 / 4 - x[i]."""
    n = len(x)
    f = 0.0
    g = [0.0] * n
    for i in range(n):
        w = float((i + 1) * (i + 1))
        f += w * x[i] * x[i] / 2.0 - x[i]
        g[i] += w * x[i] - 1.0
        if i + 1 < n:
            d = x[i] - x[i + 1]
            f += d * d / 4.0
            g[i] += d / 2.0
            g[i + 1] -= d / 2.0
    return f, g


def powell(x):
    """Powell's singular function (n = 4)."""
    a = x[0] + 10.0 * x[1]
    b = x[2] - x[3]
    c = x[1] - 2.0 * x[2]
    d = x[0] - x[3]
    c3 = c * c * c
    d3 = d * d * d
    f = a * a + 5.0 * b * b + c3 * c + 10.0 * d3 * d
    g = [2.0 * a + 40.0 * d3,
         20.0 * a + 4.0 * c3,
         10.0 * b - 8.0 * c3,
         -10.0 * b - 40.0 * d3]
    return f, g


def beale(x):
    """Beale's function (n = 2), whose line searches often need several steps."""
    u, v = x[0], x[1]
    t1 = 1.5 - u + u * v
    t2 = 2.25 - u + u * v * v
    t3 = 2.625 - u + u * v * v * v
    f = t1 * t1 + t2 * t2 + t3 * t3
    g = [2.0 * t1 * (v - 1.0) + 2.0 * t2 * (v * v - 1.0) + 2.0 * t3 * (v * v * v - 1.0),
         2.0 * t1 * u + 4.0 * t2 * u * v + 6.0 * t3 * u * v * v]
    return f, g


def wrong(x):
    """sum x^2 with the gradient's sign flipped, so that no line search
    can succeed."""
    f = 0.0
    g = []
    for v in x:
        f += v * v
        g.append(-2.0 * v)
    return f, g


def styblinski(x):
    """Styblinski-Tang: sum of (x^4 - 16 x^2 + 5 x) / 2, with a local minimum
    in each coordinate besides the global one."""
    f = 0.0
    g = []
    for v in x:
        v2 = v * v
        f += (v2 * v2 - 16.0 * v2 + 5.0 * v) / 2.0
        g.append(2.0 * v2 * v - 16.0 * v + 2.5)
    return f, g


def wood(x):
    """Wood's function (n = 4)."""
    a = x[1] - x[0] * x[0]
    b = 1.0 - x[0]
    c = x[3] - x[2] * x[2]
    d = 1.0 - x[2]
    e = x[1] + x[3] - 2.0
    h = x[1] - x[3]
    f = 100.0 * a * a + b * b + 90.0 * c * c + d * d + 10.0 * e * e + 0.1 * h * h
    g = [-400.0 * x[0] * a - 2.0 * b,
         200.0 * a + 20.0 * e + 0.2 * h,
         -360.0 * x[2] * c - 2.0 * d,
         180.0 * c + 20.0 * e - 0.2 * h]
    return f, g


def sphere(x):
    """sum x^2: from (0.3, 0.4) the first trial step lands on the mirror
    point, as high as the start, which the line search's modified function
    handles."""
    f = 0.0
    g = []
    for v in x:
        f += v * v
        g.append(2.0 * v)
    return f, g


def linear(x):
    """-x0 - 2 x1, unbounded below: every line search ends at stpmax."""
    return -x[0] - 2.0 * x[1], [-1.0, -2.0]


def quad_flip(x):
    """quad with the gradient's sign flipped once f < -0.6, near the minimum
    (-0.668), so that line searches fail after pairs have been stored."""
    f, g = quad(x)
    if f < -0.6:
        g = [-v for v in g]
    return f, g


def alternating(n):
    return [-1.2 if i % 2 == 0 else 1.0 for i in range(n)]


# name: (function, x0, maxiter, maxfun, gtol)
PROBLEMS = {
    "rosen2": (rosen, alternating(2), 15000, 15000, 1e-5),
    "rosen5": (rosen, alternating(5), 15000, 15000, 1e-5),
    "rosen10": (rosen, alternating(10), 15000, 15000, 1e-5),
    "rosen20": (rosen, alternating(20), 15000, 15000, 1e-5),
    "quad8": (quad, [0.0] * 8, 15000, 15000, 1e-5),
    "quad8_gtol": (quad, [0.0] * 8, 15000, 15000, 1e-2),
    "powell": (powell, [3.0, -1.0, 0.0, 1.0], 15000, 15000, 1e-5),
    "beale": (beale, [1.0, 1.0], 15000, 15000, 1e-5),
    "beale_far": (beale, [4.0, 4.0], 15000, 15000, 1e-5),
    "rosen5_max_iter": (rosen, alternating(5), 10, 15000, 1e-5),
    "rosen5_max_fun": (rosen, alternating(5), 15000, 12, 1e-5),
    "wrong_gradient": (wrong, [1.0, -2.0, 3.0], 15000, 15000, 1e-5),
    "quad8_far": (quad, [-3000.0] * 8, 15000, 15000, 1e-5),
    "styblinski": (styblinski, [4.5, -0.5, 2.0], 15000, 15000, 1e-5),
    "styblinski_far": (styblinski, [40.0, -25.0, 0.3], 15000, 15000, 1e-5),
    "wood": (wood, [-3.0, -1.0, -3.0, -1.0], 15000, 15000, 1e-5),
    "quad_flip": (quad_flip, [0.0] * 8, 15000, 15000, 1e-5),
    "sphere_mirror": (sphere, [0.3, 0.4], 15000, 15000, 1e-5),
    "linear_unbounded": (linear, [0.0, 0.0], 3, 15000, 1e-5),
    "beale_warning": (beale, [-1.5, -3.5], 15000, 15000, 1e-5),
    "rosen2_far": (rosen, [-30.0, 40.0], 15000, 15000, 1e-5),
}


def run_problem(name):
    fun, x0, maxiter, maxfun, gtol = PROBLEMS[name]
    trace = []

    def fg(x):
        f, g = fun([float(v) for v in x])
        trace.append(f)
        return f, np.array(g)
    r = scipy.optimize.minimize(fg, np.array(x0, dtype=float), method="L-BFGS-B", jac=True,
                                options={"maxfun": maxfun, "maxiter": maxiter, "iprint": -1, "gtol": gtol})
    return dict(n=len(x0), maxiter=maxiter, maxfun=maxfun, gtol=gtol, x=[float(v) for v in r.x],
                fun=float(r.fun), nit=int(r.nit), nfev=int(r.nfev), message=r.message, status=int(r.status),
                trace=trace)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(json.dumps(run_problem(name)))
