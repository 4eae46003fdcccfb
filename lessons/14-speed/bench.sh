#!/bin/sh
# bench.sh measures the side-by-side table of lessons/14-speed/README.md on
# this machine, in one run: lesson 03's whole alpha sweep (Go binary against
# the same loop in numpy) and 784-100-10 on Fashion-MNIST (lesson 14's
# -fashion against scikit-learn's MLPClassifier with the same settings).
# Go and Python runs alternate, so that both see the same load; each figure
# is the median of RUNS runs (default 3), printed with the load average
# before each run.
#
#	lessons/14-speed/bench.sh                  # everything
#	RUNS=5 lessons/14-speed/bench.sh sweep     # only the alpha sweep
#	lessons/14-speed/bench.sh fashion          # only Fashion-MNIST
#
# The Python side needs Debian's python3-numpy (and python3-sklearn for
# Fashion-MNIST) for /usr/bin/python3 (or the interpreter in PY), and
# Fashion-MNIST in DATA (default
# /usr/share/datasets/fashion-mnist); whatever is missing is skipped with a
# message.
set -eu

cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
PY=${PY:-/usr/bin/python3}
what=${1:-all}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }
have() { [ -x "$PY" ] && "$PY" -c "import $1" 2>/dev/null; }
# wall FILE CMD...: run CMD and write its wall time in seconds, to the
# millisecond, to FILE (the Go sweep takes well under a second, too short for
# /usr/bin/time's hundredths).
wall() {
	out=$1
	shift
	s=$(date +%s%N)
	"$@"
	e=$(date +%s%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }' >"$out"
}

echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(uname -m), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "go:      $(go version | cut -d' ' -f3-), GOAMD64=${GOAMD64:-default}"
if have numpy; then echo "python:  $("$PY" -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)')"; fi
if have sklearn; then echo "sklearn: $("$PY" -c 'import sklearn; print(sklearn.__version__)')"; fi
echo "runs:    $RUNS (median)"
echo

go build -o "$tmp/alpha-sweep" ./lessons/03-alpha-sweep
go build -o "$tmp/speed" ./lessons/14-speed

# The alpha-sweep notebook's loop in numpy: 7 rates × 60,000 full-batch steps
# of the 3-4-1 sigmoid network, printing the mean |error| every 10,000.
cat >"$tmp/sweep.py" <<'EOF'
import numpy as np
X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0], [1], [1], [0]])
sig = lambda x: 1 / (1 + np.exp(-x))
for alpha in [0.001, 0.01, 0.1, 1, 10, 100, 1000]:
    np.random.seed(1)
    w0 = 2 * np.random.random((3, 4)) - 1
    w1 = 2 * np.random.random((4, 1)) - 1
    for j in range(60000):
        l1 = sig(np.dot(X, w0))
        l2 = sig(np.dot(l1, w1))
        e2 = l2 - y
        if j % 10000 == 0:
            print(alpha, j, np.mean(np.abs(e2)))
        d2 = e2 * (l2 * (1 - l2))
        d1 = d2.dot(w1.T) * (l1 * (1 - l1))
        w1 -= alpha * l1.T.dot(d2)
        w0 -= alpha * X.T.dot(d1)
EOF

# scikit-learn with the settings of speed -fashion.
cat >"$tmp/skfashion.py" <<'EOF'
import gzip, sys, time, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier
d = sys.argv[1] + "/"
def images(f):
    with gzip.open(d + f) as g: return np.frombuffer(g.read(), np.uint8, offset=16).reshape(-1, 784)
def labels(f):
    with gzip.open(d + f) as g: return np.frombuffer(g.read(), np.uint8, offset=8)
X, y = images("train-images-idx3-ubyte.gz") / 255.0, labels("train-labels-idx1-ubyte.gz")
Xt, yt = images("t10k-images-idx3-ubyte.gz") / 255.0, labels("t10k-labels-idx1-ubyte.gz")
warnings.simplefilter("ignore")  # ConvergenceWarning after 10 epochs
t = time.time()
clf = MLPClassifier(hidden_layer_sizes=(100,), activation="relu", solver="adam", batch_size=200,
                    max_iter=10, alpha=1e-4, learning_rate_init=0.001, random_state=1).fit(X, y)
el = time.time() - t
print("fit %.2f s, %.3f s/epoch, test accuracy %.4f" % (el, el / 10, clf.score(Xt, yt)))
EOF

if [ "$what" = all ] || [ "$what" = sweep ]; then
	echo "== lesson 03: 7 alphas x 60,000 steps of the 3-4-1 network"
	if ! have numpy; then echo "(numpy not installed for $PY: Python side skipped)"; fi
	for i in $(seq "$RUNS"); do
		l=$(load)
		wall "$tmp/t" "$tmp/alpha-sweep" -plot "" >"$tmp/go-sweep.txt"
		cmp -s "$tmp/go-sweep.txt" lessons/03-alpha-sweep/testdata/default.golden ||
			{ echo "lesson 03's output differs from its golden file"; exit 1; }
		echo "go     run $i: $(cat "$tmp/t") s (load $l)"
		cat "$tmp/t" >>"$tmp/go-sweep"
		if have numpy; then
			l=$(load)
			wall "$tmp/t" "$PY" "$tmp/sweep.py" >"$tmp/py-sweep.txt"
			echo "numpy  run $i: $(cat "$tmp/t") s (load $l)"
			cat "$tmp/t" >>"$tmp/py-sweep"
		fi
	done
	g=$(median <"$tmp/go-sweep")
	echo "go median:    $g s  ($(echo "$g" | awk '{printf "%.2f", $1 / 420000 * 1e6}') µs per step on 2 cores)"
	if have numpy; then
		p=$(median <"$tmp/py-sweep")
		echo "numpy median: $p s  ($(echo "$p" | awk '{printf "%.1f", $1 / 420000 * 1e6}') µs per step)"
		echo "ratio:        $(echo "$p $g" | awk '{printf "%.0f", $1 / $2}')x"
	fi
	echo
fi

if [ "$what" = all ] || [ "$what" = fashion ]; then
	echo "== Fashion-MNIST 784-100-10, relu, adam, batch 200, 10 epochs"
	if [ ! -e "$DATA/train-images-idx3-ubyte.gz" ]; then
		echo "(no Fashion-MNIST in $DATA: skipped)"
		exit 0
	fi
	if ! have sklearn; then echo "(scikit-learn not installed for $PY: Python side skipped)"; fi
	for i in $(seq "$RUNS"); do
		l=$(load)
		/usr/bin/time -f %M -o "$tmp/m" "$tmp/speed" -fashion -data "$DATA" >"$tmp/go-fm.txt" 2>/dev/null
		line=$(tail -1 "$tmp/go-fm.txt")
		echo "go      run $i: $line, peak $(($(cat "$tmp/m") / 1024)) MB (load $l)"
		echo "$line" | awk '{print $4}' >>"$tmp/go-fm"
		if have sklearn; then
			l=$(load)
			/usr/bin/time -f %M -o "$tmp/m" "$PY" "$tmp/skfashion.py" "$DATA" >"$tmp/py-fm.txt"
			line=$(tail -1 "$tmp/py-fm.txt")
			echo "sklearn run $i: $line, peak $(($(cat "$tmp/m") / 1024)) MB (load $l)"
			echo "$line" | awk '{print $4}' >>"$tmp/py-fm"
		fi
	done
	g=$(median <"$tmp/go-fm")
	echo "go median:      $g s/epoch"
	if have sklearn; then
		p=$(median <"$tmp/py-fm")
		echo "sklearn median: $p s/epoch"
		echo "ratio go/sklearn: $(echo "$g $p" | awk '{printf "%.2f", $1 / $2}')"
	fi
fi
