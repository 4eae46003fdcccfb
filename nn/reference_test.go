package nn

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// sklearnRef runs one Python script, with /usr/bin/python3 (the
// interpreter with numpy and scikit-learn), that prints every reference
// this file checks against, as JSON; it runs once per test binary
// (importing scikit-learn takes seconds). Tests skip when the interpreter
// or scikit-learn is missing, or with -short: the project never needs
// Python, its tests only use it as a reference when it is there.
func sklearnRef(t *testing.T) *reference {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no scikit-learn reference")
	}
	refOnce.Do(func() {
		const py = "/usr/bin/python3"
		if _, err := os.Stat(py); err != nil {
			refSkip = "no " + py
			return
		}
		out, err := exec.Command(py, "-c", refScript).Output()
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok && strings.Contains(string(ee.Stderr), "ModuleNotFoundError") {
				refSkip = "numpy or scikit-learn is not installed"
				return
			}
			refErr = err
			return
		}
		refErr = json.Unmarshal(out, &ref)
	})
	if refSkip != "" {
		t.Skip(refSkip)
	}
	if refErr != nil {
		t.Fatalf("reference script: %v", refErr)
	}
	return &ref
}

var (
	refOnce sync.Once
	ref     reference
	refSkip string
	refErr  error
)

type reference struct {
	Scale [][]float64
	Fits  []sklearnFit
}

type sklearnFit struct {
	X                 [][]float64
	Y                 []int
	Loss              []float64
	Coefs, Intercepts [][][]float64
}

const refScript = `
import json, warnings, numpy as np
from sklearn import preprocessing
from sklearn.neural_network import MLPClassifier
warnings.simplefilter("ignore")
X = np.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1], [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
out = {"Scale": preprocessing.scale(X).tolist(), "Fits": []}
for classes, act, solver in [(2, "logistic", dict(solver="sgd", momentum=0.9, nesterovs_momentum=False)),
                             (2, "tanh", dict(solver="sgd", momentum=0.8, nesterovs_momentum=True)),
                             (3, "relu", dict(solver="adam"))]:
    rs = np.random.RandomState(5)
    X = rs.uniform(-1, 1, (11, 3))
    y = (np.arange(11) * 7) % classes
    clf = MLPClassifier(hidden_layer_sizes=(4,), activation=act, learning_rate_init=0.05, alpha=0.01,
        batch_size=4, max_iter=6, tol=0, n_iter_no_change=100, shuffle=True, random_state=1, **solver)
    clf.fit(X, y)
    out["Fits"].append({"X": X.tolist(), "Y": y.tolist(), "Loss": clf.loss_curve_,
        "Coefs": [c.tolist() for c in clf.coefs_], "Intercepts": [[b.tolist()] for b in clf.intercepts_]})
print(json.dumps(out))
`

func TestStandardScalerSklearn(t *testing.T) {
	want := sklearnRef(t).Scale
	got := new(StandardScaler).FitTransform(matrix.FromRows(forumX))
	if !matrix.ApproxEqual(got, matrix.FromRows(want), 1e-14) {
		t.Errorf("got\n%v\nwant preprocessing.scale's\n%v", got, matrix.FromRows(want))
	}
}

// TestTrainSklearn trains scikit-learn's MLPClassifier and the same
// network here from the same seed — Glorot draws, per-epoch shuffles,
// mini-batches, L2 — and compares the loss curve and the final weights.
func TestTrainSklearn(t *testing.T) {
	tests := []struct {
		name    string
		classes int
		hidden  Activation
		opt     Optimizer
		out     Activation
		loss    Loss
	}{
		// In the order of refScript's loop.
		{"binary, logistic, momentum", 2, Sigmoid{}, &Momentum{Mu: 0.9}, Sigmoid{}, LogLoss{}},
		{"binary, tanh, Nesterov", 2, Tanh{}, &Momentum{Mu: 0.8, Nesterov: true}, Sigmoid{}, LogLoss{}},
		{"3 classes, relu, adam", 3, ReLU{}, &Adam{}, Softmax{}, CrossEntropy{}},
	}
	for k, tt := range tests {
		ref := sklearnRef(t).Fits[k]
		outputs := 1
		if tt.classes > 2 {
			outputs = tt.classes
		}
		y := matrix.New(len(ref.Y), outputs)
		for i, c := range ref.Y {
			if outputs == 1 {
				y.Set(i, 0, float64(c))
			} else {
				y.Set(i, c, 1)
			}
		}
		net := New([]int{3, 4, outputs}, true, tt.hidden, tt.out)
		src := nprand.New(1)
		Glorot{}.Initialize(net, src)
		res, err := net.Train(matrix.FromRows(ref.X), y, TrainConfig{Loss: tt.loss, Schedule: Constant(0.05), Optimizer: tt.opt,
			MaxEpochs: 6, BatchSize: 4, Alpha: 0.01, Shuffle: src, History: true})
		if err != nil {
			t.Fatal(err)
		}
		got := matrix.FromSlice(1, len(res.History), res.History)
		if !matrix.ApproxEqual(got, matrix.FromSlice(1, len(ref.Loss), ref.Loss), 1e-12) {
			t.Errorf("%s: got loss curve %v, want scikit-learn's %v", tt.name, res.History, ref.Loss)
		}
		for i, l := range net.Layers {
			if !matrix.ApproxEqual(l.W, matrix.FromRows(ref.Coefs[i]), 1e-12) || !matrix.ApproxEqual(l.B, matrix.FromRows(ref.Intercepts[i]), 1e-12) {
				t.Errorf("%s layer %d: got W %v b %v, want coefs_ %v intercepts_ %v", tt.name, i+1, l.W.Data, l.B.Data, ref.Coefs[i], ref.Intercepts[i])
			}
		}
	}
}
