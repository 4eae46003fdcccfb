package main

import (
	"fmt"
	"slices"
	"strings"
)

// Command returns what reproduces the run outside the page. For a lesson
// preset it is the lesson's command line, which prints the numbers the
// page shows (lesson 01 with -pow exp, nn's e^−z). Otherwise it is a short
// complete Go program using nn that makes the same data, split, initial
// weights, batches and updates and prints the training and test losses
// every 100 steps; saved as main.go anywhere in this module, it runs with
// `go run main.go`.
func (s Setting) Command() string {
	q := s.Query().Encode()
	switch s.Lesson {
	case "01":
		variant := map[string]string{"logloss": "cross-entropy", "squared": "squared-error"}[s.Loss]
		return fmt.Sprintf("go run ./lessons/01-delta-rule -variant %s -rate %s -pow exp", variant, formatFloat(s.Rate))
	case "03":
		return fmt.Sprintf("go run ./lessons/03-alpha-sweep -alphas %s -seed %d", formatFloat(s.Rate), s.Seed)
	case "04":
		return fmt.Sprintf("go run ./lessons/04-bias -variant fixed -scale %s -alpha %s -seed %d", s.Scale, formatFloat(s.Rate), s.Seed)
	case "05":
		loss := map[string]string{"logloss": "log", "squared": "sse"}[s.Loss]
		return fmt.Sprintf("go run ./lessons/05-log-loss -loss %s -scale %s -alphas %s -seed %d", loss, s.Scale, formatFloat(s.Rate), s.Seed)
	}
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("// Command trains the playground's setting")
	p("//\n//\t%s\n//", q)
	p("// with nn, as the page does: the same data, split, initial weights,")
	p("// batches and updates, so it prints the losses the page shows.")
	p("package main\n\nimport (\n\t\"fmt\"")
	if strings.Contains(strings.Join(s.Features, ","), "sin") {
		p("\t\"math\"")
	}
	p("\n\t\"nnscratch/matrix\"\n\t\"nnscratch/nn\"")
	if !s.ownRows() {
		p("\t\"nnscratch/nn/data\"")
	}
	p("\t\"nnscratch/nn/nprand\"\n)\n")
	p("const steps, every = 1000, 100 // train this many steps; print the losses every so many\n")
	p("func main() {")
	p("\trng := nprand.New(%d) // data, split, weights and batch order, in that order", s.Seed)
	s.commandData(p)
	p("\txTrain, yTrain := rows(points, labels, train)")
	if !slices.Contains(lessonData, s.Data) {
		p("\txTest, yTest := rows(points, labels, test)")
	}
	sizes := fmt.Sprint(append(append([]int{len(s.Features)}, s.Hidden...), 1))
	out := "nn.Sigmoid{}"
	if s.Data == "curve" {
		out = "nn.Identity{}"
	}
	p("\tnet := nn.New([]int{%s}, true, %s, %s)", strings.ReplaceAll(sizes[1:len(sizes)-1], " ", ", "), goActivation[s.Act], out)
	p("\tnn.Glorot{}.Initialize(net, rng)")
	p("\tvar opt nn.Optimizer = %s", goOptimizer[s.Opt])
	p("\tloss := %s", goLoss[s.Loss])
	p("\tbatch := %d // samples per update", s.Batch)
	p("\tif batch == 0 || batch > xTrain.Rows {\n\t\tbatch = xTrain.Rows\n\t}")
	p("\torder := make([]int, xTrain.Rows)\n\tfor i := range order {\n\t\torder[i] = i\n\t}")
	p("\tpos := 0")
	p("\tfor step := 0; ; step++ {")
	p("\t\tif step%%every == 0 {")
	if slices.Contains(lessonData, s.Data) {
		p("\t\t\tfmt.Printf(\"step %%d: training loss %%.17g\\n\", step, loss.Value(net.Predict(xTrain), yTrain))")
	} else {
		p("\t\t\tfmt.Printf(\"step %%d: training loss %%.17g, test loss %%.17g\\n\", step,")
		p("\t\t\t\tloss.Value(net.Predict(xTrain), yTrain), loss.Value(net.Predict(xTest), yTest))")
	}
	p("\t\t}\n\t\tif step == steps {\n\t\t\tbreak\n\t\t}")
	p("\t\txb, yb := xTrain, yTrain // the whole training set, or the next batch of a shuffled order:")
	p("\t\tif batch < xTrain.Rows {")
	p("\t\t\tif pos == 0 {\n\t\t\t\trng.Shuffle(order)\n\t\t\t}")
	p("\t\t\tn := min(batch, len(order)-pos)")
	p("\t\t\txb, yb = rows(xTrain, yTrain, order[pos:pos+n])")
	p("\t\t\tpos = (pos + n) %% len(order)\n\t\t}")
	switch s.Reg {
	case "l1":
		p("\t\tnet.Gradient(xb, yb, loss, 0)")
		p("\t\tnet.AddL1Grad(%s, xb.Rows) // L1: + (α/n)·sign(W)", formatFloat(s.RegRate))
		p("\t\topt.Step(net.Params(), %s)", formatFloat(s.Rate))
	default:
		p("\t\tnet.Step(xb, yb, loss, %s, opt, %s) // L2 coefficient α, learning rate η", formatFloat(s.RegRate), formatFloat(s.Rate))
	}
	p("\t}\n}\n")
	s.commandRows(p)
	return b.String()
}

// commandData writes the lines that make points, labels, train and test.
func (s Setting) commandData(p func(string, ...any)) {
	noise := formatFloat(float64(s.Noise) / 100)
	switch s.Data {
	case "circle", "xor", "gauss", "spiral", "curve":
		gen := map[string]string{"circle": "Circle", "xor": "XOR", "gauss": "Gauss", "spiral": "Spiral", "curve": "Curve"}[s.Data]
		p("\tpoints, labels := data.%s(rng, %d, %s)", gen, s.Points, noise)
	case "and", "xor3":
		rows := map[string][][3]float64{"and": andRows, "xor3": xorRows}[s.Data]
		var xs, ys []string
		for _, r := range rows {
			xs, ys = append(xs, fmt.Sprintf("{%g, %g}", r[0], r[1])), append(ys, fmt.Sprintf("{%g}", r[2]))
		}
		p("\tpoints := matrix.FromRows([][]float64{%s})", strings.Join(xs, ", "))
		p("\tlabels := matrix.FromRows([][]float64{%s})", strings.Join(ys, ", "))
	case "iris10":
		p("\tpoints, labels := data.EpochsQuestionIris() // sepal and petal length; 1 = virginica")
	case "iris2":
		p("\tiris := data.Iris() // 150 flowers; label 1 = virginica")
		p("\tpoints, labels := matrix.New(iris.Rows, 2), matrix.New(iris.Rows, 1)")
		p("\tfor i := range iris.Rows {")
		for j, c := range s.IrisX {
			p("\t\tpoints.Set(i, %d, iris.Row(i)[%d]) // %s", j, slices.Index(irisNames, c), c)
		}
		p("\t\tif iris.Labels[i] == \"virginica\" {\n\t\t\tlabels.Set(i, 0, 1)\n\t\t}\n\t}")
	}
	if strings.HasPrefix(s.Data, "iris") && s.Scale == "standard" {
		p("\tpoints = new(nn.StandardScaler).FitTransform(points) // mean 0, sd 1")
	}
	if slices.Contains(lessonData, s.Data) {
		p("\ttrain := make([]int, points.Rows) // all points are trained on")
		p("\tfor i := range train {\n\t\ttrain[i] = i\n\t}")
	} else {
		p("\tperm := rng.Permutation(points.Rows)")
		p("\ttrain, test := perm[:%d], perm[%d:] // %d%% trained on", trainSizeOf(s), trainSizeOf(s), s.Train)
	}
	p("\tpoints = inputs(points)")
}

// commandRows writes the program's inputs and rows functions.
func (s Setting) commandRows(p func(string, ...any)) {
	var exprs []string
	for _, n := range s.Features {
		exprs = append(exprs, findFeature(n).expr)
	}
	p("// inputs returns the network's inputs %s of each point (x1, x2).", strings.Join(s.Features, ", "))
	p("func inputs(points *matrix.Matrix) *matrix.Matrix {")
	p("\tx := matrix.New(points.Rows, %d)", len(exprs))
	p("\tfor i := range points.Rows {")
	if s.Data == "curve" {
		p("\t\tx1 := points.At(i, 0)")
	} else {
		p("\t\tx1, x2 := points.At(i, 0), points.At(i, 1)")
	}
	p("\t\tcopy(x.Row(i), []float64{%s})", strings.Join(exprs, ", "))
	p("\t}\n\treturn x\n}\n")
	p("// rows returns the rows idx of x and y, in that order.")
	p("func rows(x, y *matrix.Matrix, idx []int) (*matrix.Matrix, *matrix.Matrix) {")
	p("\txs, ys := matrix.New(len(idx), x.Cols), matrix.New(len(idx), 1)")
	p("\tfor k, i := range idx {\n\t\tcopy(xs.Row(k), x.Row(i))\n\t\tys.Set(k, 0, y.At(i, 0))\n\t}")
	p("\treturn xs, ys\n}")
}

// ownRows reports whether the program writes its data out rather than
// taking it from nn/data.
func (s Setting) ownRows() bool { return s.Data == "and" || s.Data == "xor3" }

// trainSizeOf is the number of points s trains on.
func trainSizeOf(s Setting) int {
	n := s.Points
	if s.Data == "iris2" {
		n = 150
	}
	return trainSize(n, s.Train)
}

// Go expressions of the activations, optimisers and losses, by name.
var (
	goActivation = map[string]string{"relu": "nn.ReLU{}", "tanh": "nn.Tanh{}", "sigmoid": "nn.Sigmoid{}", "linear": "nn.Identity{}"}
	goOptimizer  = map[string]string{"gd": "nn.GD{}", "momentum": "&nn.Momentum{Mu: 0.9}",
		"nesterov": "&nn.Momentum{Mu: 0.9, Nesterov: true}", "adam": "&nn.Adam{}"}
	goLoss = map[string]string{"squared": "nn.MSE{}", "logloss": "nn.LogLoss{}"}
)
