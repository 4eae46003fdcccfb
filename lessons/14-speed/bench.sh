#!/bin/sh
# bench.sh measures the side-by-side tables of lessons/14-speed/README.md on
# this machine, in one run: lesson 03's whole alpha sweep (its book code and
# its -fused path, against the same loop in numpy), 784-100-10 on
# Fashion-MNIST (lesson 14's -fashion against scikit-learn's MLPClassifier
# and PyTorch in float64 and float32, all with the same settings), and
# lesson 12's homework run (-data full, its defaults) against MLPClassifier
# with the same settings.
# The programs alternate, so that all see the same load; each figure is the
# median of RUNS runs (default 3), and each run is printed with the load
# average before it. Peak memory is the maximum resident set size that
# /usr/bin/time -v reports, for the whole process.
#
#	lessons/14-speed/bench.sh                  # everything
#	RUNS=5 lessons/14-speed/bench.sh sweep     # only the alpha sweep
#	lessons/14-speed/bench.sh fashion          # only Fashion-MNIST
#	lessons/14-speed/bench.sh homework         # only lesson 12's setting
#
# The Python side needs Debian's python3-numpy (python3-sklearn and
# python3-torch for the Fashion-MNIST columns) for /usr/bin/python3 (or the
# interpreter in PY), and Fashion-MNIST in DATA (default
# /usr/share/datasets/fashion-mnist); whatever is missing is skipped with a
# message. PyTorch runs on one thread (on two it measured slower here).
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
if have torch; then echo "torch:   $("$PY" -c 'import torch; print(torch.__version__)')"; fi
echo "runs:    $RUNS (median)"
echo

go build -o "$tmp/alpha-sweep" ./lessons/03-alpha-sweep
go build -o "$tmp/speed" ./lessons/14-speed
go build -o "$tmp/homework" ./lessons/12-minibatch-images

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

# PyTorch with the same network, initialisation, optimiser, penalty and
# batches as MLPClassifier; argv[2] is 64 or 32 (the float type).
cat >"$tmp/torchfashion.py" <<'EOF'
import gzip, sys, time
import numpy as np
import torch
import torch.nn.functional as F
d, dtype = sys.argv[1] + "/", {"64": torch.float64, "32": torch.float32}[sys.argv[2]]
torch.set_num_threads(1)
torch.manual_seed(1)
def images(f):
    with gzip.open(d + f) as g: return np.frombuffer(g.read(), np.uint8, offset=16).reshape(-1, 784)
def labels(f):
    with gzip.open(d + f) as g: return np.frombuffer(g.read(), np.uint8, offset=8)
X = torch.tensor(images("train-images-idx3-ubyte.gz") / 255.0, dtype=dtype)
y = torch.tensor(labels("train-labels-idx1-ubyte.gz"), dtype=torch.long)
Xt = torch.tensor(images("t10k-images-idx3-ubyte.gz") / 255.0, dtype=dtype)
yt = torch.tensor(labels("t10k-labels-idx1-ubyte.gz"), dtype=torch.long)
net = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10)).to(dtype)
for lin in (net[0], net[2]):  # scikit-learn's Glorot-uniform bound for ReLU
    bound = (6 / (lin.in_features + lin.out_features)) ** 0.5
    torch.nn.init.uniform_(lin.weight, -bound, bound)
    torch.nn.init.uniform_(lin.bias, -bound, bound)
opt = torch.optim.Adam(net.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-8)
alpha, N = 1e-4, len(X)
t = time.time()
for epoch in range(10):
    perm = torch.randperm(N)
    for i in range(0, N, 200):
        idx = perm[i:i + 200]
        opt.zero_grad()
        # scikit-learn's objective: mean cross-entropy + alpha/(2n)·Σ‖W‖²
        loss = F.cross_entropy(net(X[idx]), y[idx]) + alpha / (2 * len(idx)) * (
            net[0].weight.pow(2).sum() + net[2].weight.pow(2).sum())
        loss.backward()
        opt.step()
el = time.time() - t
with torch.no_grad():
    acc = (net(Xt).argmax(1) == yt).double().mean().item()
print("fit %.2f s, %.3f s/epoch, test accuracy %.4f" % (el, el / 10, acc))
EOF

# Lesson 12's homework run in scikit-learn (its README's script, seed 1).
cat >"$tmp/skhomework.py" <<'EOF'
import gzip, sys, time, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier
D = sys.argv[1] + "/"
def pair(kind):
    x = np.frombuffer(gzip.open(D + kind + "-images-idx3-ubyte.gz").read(), np.uint8, offset=16).reshape(-1, 784)
    y = np.frombuffer(gzip.open(D + kind + "-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)
    keep = (y == 0) | (y == 6)
    return x[keep] / 255.0, (y[keep] == 6).astype(int)
(xtr, ytr), (xte, yte) = pair("train"), pair("t10k")
warnings.simplefilter("ignore")  # ConvergenceWarning after 20 epochs
t = time.time()
clf = MLPClassifier(hidden_layer_sizes=(50,), activation='relu', solver='sgd',
                    learning_rate_init=0.01, momentum=0.7, nesterovs_momentum=False,
                    batch_size=50, max_iter=20, alpha=0.005, random_state=1).fit(xtr, ytr)
el = time.time() - t
print("fit %.2f s, %.3f s/epoch, test accuracy %.4f" % (el, el / 20, clf.score(xte, yte)))
EOF

# run NAME CMD...: run CMD under /usr/bin/time -v, print its last line with
# the peak memory and the load, and append "s/epoch accuracy MB" to
# $tmp/NAME. CMD's last line must read "fit T s, S s/epoch, test accuracy A".
run() {
	name=$1
	shift
	l=$(load)
	/usr/bin/time -v -o "$tmp/tv" "$@" >"$tmp/out" 2>"$tmp/err" || { echo "$name failed:"; cat "$tmp/err"; exit 1; }
	line=$(tail -1 "$tmp/out")
	mb=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$tmp/tv")
	printf '%-8s %s, peak %s MB (load %s)\n' "$name" "$line" "$mb" "$l"
	echo "$line $mb" | awk '{gsub(",", ""); print $4, $8, $9}' >>"$tmp/$name"
}

# row NAME LABEL: the table row of NAME's runs: median s/epoch, the accuracy
# of the first run, median peak memory.
row() {
	[ -s "$tmp/$1" ] || return 0
	s=$(cut -d' ' -f1 "$tmp/$1" | median)
	a=$(head -1 "$tmp/$1" | cut -d' ' -f2)
	m=$(cut -d' ' -f3 "$tmp/$1" | median)
	echo "| $2 | $s | $a | $m MB |"
}

if [ "$what" = all ] || [ "$what" = sweep ]; then
	# The Go binary runs twice per round: its default run (step.go, the book
	# code, one matrix call per equation) and -fused (fused.go, the fast
	# path); both must print lesson 03's golden output.
	echo "== lesson 03: 7 alphas x 60,000 steps of the 3-4-1 network"
	if ! have numpy; then echo "(numpy not installed for $PY: Python side skipped)"; fi
	for i in $(seq "$RUNS"); do
		for mode in step fused; do
			flag=""
			[ "$mode" = fused ] && flag=-fused
			l=$(load)
			wall "$tmp/t" "$tmp/alpha-sweep" -plot "" $flag >"$tmp/go-sweep.txt"
			cmp -s "$tmp/go-sweep.txt" lessons/03-alpha-sweep/testdata/default.golden ||
				{ echo "lesson 03's output ($mode) differs from its golden file"; exit 1; }
			printf "go %-5s run %d: %s s (load %s)\n" "$mode" "$i" "$(cat "$tmp/t")" "$l"
			cat "$tmp/t" >>"$tmp/go-sweep-$mode"
		done
		if have numpy; then
			l=$(load)
			wall "$tmp/t" "$PY" "$tmp/sweep.py" >"$tmp/py-sweep.txt"
			echo "numpy    run $i: $(cat "$tmp/t") s (load $l)"
			cat "$tmp/t" >>"$tmp/py-sweep"
		fi
	done
	p=""
	if have numpy; then
		p=$(median <"$tmp/py-sweep")
		echo "numpy median:    $p s  ($(echo "$p" | awk '{printf "%.1f", $1 / 420000 * 1e6}') µs per step)"
	fi
	for mode in step fused; do
		g=$(median <"$tmp/go-sweep-$mode")
		r=""
		[ -n "$p" ] && r=", $(echo "$p $g" | awk '{printf "%.0f", $1 / $2}')x numpy"
		printf "go %-5s median: %s s  (%s µs per step on 2 cores%s)\n" "$mode" "$g" \
			"$(echo "$g" | awk '{printf "%.2f", $1 / 420000 * 1e6}')" "$r"
	done
	echo
fi

if [ "$what" = all ] || [ "$what" = fashion ]; then
	echo "== Fashion-MNIST 784-100-10, relu, adam, batch 200, L2 1e-4, 10 epochs"
	if [ ! -e "$DATA/train-images-idx3-ubyte.gz" ]; then
		echo "(no Fashion-MNIST in $DATA: skipped)"
		exit 0
	fi
	have sklearn || echo "(scikit-learn not installed for $PY: its column skipped)"
	have torch || echo "(PyTorch not installed for $PY: its columns skipped)"
	for i in $(seq "$RUNS"); do
		run go "$tmp/speed" -fashion -data "$DATA"
		if have sklearn; then run sklearn "$PY" "$tmp/skfashion.py" "$DATA"; fi
		if have torch; then
			run torch64 "$PY" "$tmp/torchfashion.py" "$DATA" 64
			run torch32 "$PY" "$tmp/torchfashion.py" "$DATA" 32
		fi
	done
	echo
	echo "| | s/epoch | test acc. | peak memory |"
	echo "|---|---|---|---|"
	row go "lesson 14 \`-fashion\` (float64)"
	row sklearn "scikit-learn $("$PY" -c 'import sklearn; print(sklearn.__version__)' 2>/dev/null) MLPClassifier (float64)"
	row torch64 "PyTorch, float64, 1 thread"
	row torch32 "PyTorch, float32, 1 thread"
	if [ -s "$tmp/sklearn" ]; then
		echo
		echo "go/sklearn: $(cut -d' ' -f1 "$tmp/go" | median | awk -v p="$(cut -d' ' -f1 "$tmp/sklearn" | median)" '{printf "%.2f", $1 / p}')"
	fi
	echo
fi

if [ "$what" = all ] || [ "$what" = homework ]; then
	echo "== lesson 12's homework: 784-50-1, relu + sigmoid, momentum SGD, batch 50, 20 epochs, 12,000 images"
	if [ ! -e "$DATA/train-images-idx3-ubyte.gz" ]; then
		echo "(no Fashion-MNIST in $DATA: skipped)"
		exit 0
	fi
	have sklearn || echo "(scikit-learn not installed for $PY: its column skipped)"
	for i in $(seq "$RUNS"); do
		l=$(load)
		/usr/bin/time -v -o "$tmp/tv" "$tmp/homework" -data "$DATA" -out "" >"$tmp/out" 2>"$tmp/err"
		# stderr: "trained 20 epochs in T s (S s per epoch, evaluation excluded)"
		t=$(awk '/^trained/ {print $5}' "$tmp/err")
		a=$(awk '/^test accuracy/ {sub("%", "", $NF); printf "%.4f", $NF / 100}' "$tmp/out")
		mb=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$tmp/tv")
		echo "go       fit $t s (training only), test accuracy $a, peak $mb MB (load $l)"
		echo "$(echo "$t" | awk '{printf "%.3f", $1 / 20}') $a $mb" >>"$tmp/hgo"
		if have sklearn; then run hsk "$PY" "$tmp/skhomework.py" "$DATA"; fi
	done
	echo
	echo "| | s/epoch | test acc. | peak memory |"
	echo "|---|---|---|---|"
	row hgo "lesson 12 \`-data full\`"
	row hsk "scikit-learn MLPClassifier, same settings"
	if [ -s "$tmp/hsk" ]; then
		echo
		echo "go/sklearn: $(cut -d' ' -f1 "$tmp/hgo" | median | awk -v p="$(cut -d' ' -f1 "$tmp/hsk" | median)" '{printf "%.2f", $1 / p}')"
	fi
fi
