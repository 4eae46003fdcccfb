# ulps.py reads the bits that testdata/ulps prints for Go's math.Exp,
# math.Tanh and 1/(1+math.Exp(-x)) and prints the fraction of the points
# where numpy's exp and tanh and SciPy's expit give other bits:
#
#   go run ./nn/mlp/testdata/ulps | /usr/bin/python3 nn/mlp/testdata/ulps.py
import sys

import numpy as np
import scipy
import scipy.special

n = 200001
x = -20 + 40 * np.arange(n) / (n - 1)
go = np.array([[int(v, 16) for v in line.split()] for line in sys.stdin], dtype=np.uint64)
print("numpy", np.__version__, "scipy", scipy.__version__)
for col, (name, f) in enumerate([("numpy exp", np.exp), ("numpy tanh", np.tanh), ("scipy expit", scipy.special.expit)]):
    print(f"{name}: {100 * (f(x).view(np.uint64) != go[:, col]).mean():.1f}% of the points differ from Go's")
