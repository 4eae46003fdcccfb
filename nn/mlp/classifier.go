package mlp

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"nnscratch/matrix"
	"nnscratch/matrix/portable"
	"nnscratch/nn"
)

// Classifier is scikit-learn's MLPClassifier for labels of any ordered type
// (string class names or integer codes). The classes are the sorted
// distinct labels, as LabelBinarizer sorts them (numbers numerically);
// two classes (or one) train one logistic output unit for Classes[1], more
// train one softmax unit per class. For a multilabel target see
// MultiLabelClassifier.
//
// Set the hyper-parameters in the embedded Params (zero fields mean
// scikit-learn's defaults), call Fit, then read the embedded Fitted state or
// call Predict, PredictProba, PredictLogProba and Score. Once fitted, a Classifier may
// predict and score from any number of goroutines at once; Fit and
// PartialFit must not run meanwhile.
type Classifier[L cmp.Ordered] struct {
	Params
	Fitted
	Classes []L // classes_: the sorted class labels
	tr      trainer
}

// NewClassifier returns an unfitted classifier with hyper-parameters p.
func NewClassifier[L cmp.Ordered](p Params) *Classifier[L] {
	return &Classifier[L]{Params: p}
}

// Fit trains the classifier on the rows of X and their labels y,
// scikit-learn's fit: from new random weights, or with WarmStart from the
// fitted ones. It returns an error, before any training, when a parameter
// is invalid, when X is empty or holds a NaN or an infinity (ErrInput, in
// scikit-learn's words), when y's length differs from X's rows, and with
// WarmStart when X's features or y's classes differ from the last fit's;
// after training it returns ErrNonFinite when the weights are no longer
// finite. Reaching MaxIter is not an error: it sets ConvergenceWarning.
//
// A y of one class trains, as in scikit-learn 1.2: one logistic output
// learns the probability 0 for the target, Predict returns the class for
// every row and PredictProba has two columns. Fit costs
// O(MaxIter · rows · weights).
func (c *Classifier[L]) Fit(X *matrix.Matrix, y []L) error {
	if err := c.check(X, y); err != nil {
		return err
	}
	classes := slices.Clone(y)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	if c.WarmStart && c.tr.net != nil {
		if err := checkFeatures(X, c.NFeatures, "MLPClassifier"); err != nil {
			return err
		}
		if !slices.Equal(classes, c.Classes) {
			return fmt.Errorf("mlp: warm_start can only be used where `y` has the same classes as in the previous call to fit. Previously got %s, `y` has %s",
				pyArray(c.Classes), pyArray(classes))
		}
	}
	c.Classes = classes
	return c.train(X, y, false)
}

// PartialFit runs one epoch over X and y, scikit-learn's partial_fit. The
// first call (with no earlier Fit) must list every class in classes; later
// calls may pass nil or the same classes. Early stopping is off in partial
// fits. It returns an error for invalid parameters or input, for the LBFGS
// solver, for labels outside the classes or a change of classes.
func (c *Classifier[L]) PartialFit(X *matrix.Matrix, y []L, classes []L) error {
	if err := c.check(X, y); err != nil {
		return err
	}
	if c.Params.withDefaults().Solver == solverLBFGS {
		return fmt.Errorf("mlp: partial_fit is only available for stochastic optimizers. %s is not stochastic.", c.Solver)
	}
	if classes != nil {
		cl := slices.Clone(classes)
		slices.Sort(cl)
		cl = slices.Compact(cl)
		if c.Classes != nil && !slices.Equal(cl, c.Classes) {
			return fmt.Errorf("mlp: `classes=%s` is not the same as on last call to partial_fit, was: %s", pyArray(cl), pyArray(c.Classes))
		}
		c.Classes = cl
	}
	if c.Classes == nil {
		return fmt.Errorf("mlp: classes must be passed on the first call to partial_fit.")
	}
	if c.tr.net != nil {
		if err := checkFeatures(X, c.NFeatures, "MLPClassifier"); err != nil {
			return err
		}
	}
	for _, v := range y {
		if _, ok := slices.BinarySearch(c.Classes, v); !ok {
			have := slices.Clone(y)
			slices.Sort(have)
			return fmt.Errorf("mlp: `y` has classes not in `self.classes_`. `self.classes_` has %s. 'y' has %s.",
				pyArray(c.Classes), pyArray(slices.Compact(have)))
		}
	}
	return c.train(X, y, true)
}

// check validates the parameters, then X, then y, as scikit-learn's fit.
func (c *Classifier[L]) check(X *matrix.Matrix, y []L) error {
	if err := c.Params.Validate("MLPClassifier"); err != nil {
		return err
	}
	if err := checkX(X, "MLPClassifier"); err != nil {
		return err
	}
	if ys, ok := any(y).([]float64); ok {
		if err := checkFinite(ys, 1, "y", "MLPClassifier"); err != nil {
			return err
		}
	}
	return checkLengths(X, len(y))
}

func (c *Classifier[L]) train(X *matrix.Matrix, y []L, incremental bool) error {
	k := len(c.Classes)
	var cols int
	var out nn.Activation
	var loss nn.Loss
	if k <= 2 {
		cols, out, loss = 1, nn.Sigmoid{}, &binaryLogLoss{}
	} else {
		cols, out, loss = k, nn.Softmax{}, &logLoss{}
	}
	Y := matrix.New(len(y), cols)
	code := make([]int, len(y))
	for i, v := range y {
		j, _ := slices.BinarySearch(c.Classes, v)
		code[i] = j
		if k <= 2 {
			Y.Data[i] = float64(j)
		} else {
			Y.Data[i*k+j] = 1
		}
	}
	tk := task{est: "MLPClassifier", out: out, loss: loss, score: func(pred *matrix.Matrix, rows []int) float64 {
		hit := 0
		for r, i := range rows {
			if c.label(pred, r) == y[i] {
				hit++
			}
		}
		return float64(hit) / float64(len(rows))
	}}
	if cols == 1 { // scikit-learn stratifies only single-output targets
		tk.stratify = code
	}
	c.tr.f = &c.Fitted
	return c.tr.train(&c.Params, X, Y, incremental, tk)
}

// label returns the class the network output in row r of out stands for:
// the only class of a one-class fit; Classes[1] when the logistic output
// exceeds 0.5, otherwise Classes[0]; or the class of the largest softmax
// output (the first of equal ones).
func (c *Classifier[L]) label(out *matrix.Matrix, r int) L {
	switch {
	case len(c.Classes) == 1:
		return c.Classes[0]
	case out.Cols == 1 && out.Data[r] > 0.5:
		return c.Classes[1]
	case out.Cols == 1:
		return c.Classes[0]
	}
	return c.Classes[nn.Argmax(out.Row(r))]
}

// Predict returns the predicted class of every row of X. It returns an
// error wrapping ErrNotFitted before the first Fit, and one wrapping
// ErrInput if X has the wrong number of columns or holds a NaN or an
// infinity.
func (c *Classifier[L]) Predict(X *matrix.Matrix) ([]L, error) {
	out, err := c.forward(X)
	if err != nil {
		return nil, err
	}
	labels := make([]L, X.Rows)
	for r := range labels {
		labels[r] = c.label(out, r)
	}
	return labels, nil
}

// PredictProba returns the rows×classes matrix of class probabilities,
// columns in the order of Classes (two columns, 1−p and p, for the one
// logistic output of two classes, and for one class). Its errors are
// Predict's.
func (c *Classifier[L]) PredictProba(X *matrix.Matrix) (*matrix.Matrix, error) {
	out, err := c.forward(X)
	if err != nil || out.Cols > 1 {
		return out, err
	}
	return twoColumns(out), nil
}

// PredictLogProba returns the natural logarithm of PredictProba, element
// by element, scikit-learn's predict_log_proba. Its errors are Predict's.
func (c *Classifier[L]) PredictLogProba(X *matrix.Matrix) (*matrix.Matrix, error) {
	p, err := c.PredictProba(X)
	if err != nil {
		return nil, err
	}
	return logOf(p), nil
}

// Score returns the accuracy of Predict(X) against y: the fraction of rows
// whose predicted class is y's. Its errors are Predict's, and one when y's
// length differs from X's rows.
func (c *Classifier[L]) Score(X *matrix.Matrix, y []L) (float64, error) {
	pred, err := c.Predict(X)
	if err != nil {
		return math.NaN(), err
	}
	if err := checkLengths(X, len(y)); err != nil {
		return math.NaN(), err
	}
	hit := 0
	for i, l := range pred {
		if l == y[i] {
			hit++
		}
	}
	return float64(hit) / float64(len(y)), nil
}

// forward checks X and returns the network's output for it.
func (c *Classifier[L]) forward(X *matrix.Matrix) (*matrix.Matrix, error) {
	return c.tr.predict(X, "MLPClassifier")
}

// predict returns the network's output for X after scikit-learn's checks:
// fitted, X's values finite and its columns the fitted features.
func (tr *trainer) predict(X *matrix.Matrix, est string) (*matrix.Matrix, error) {
	if tr.net == nil {
		return nil, notFitted(est)
	}
	if err := checkX(X, est); err != nil {
		return nil, err
	}
	if err := checkFeatures(X, tr.f.NFeatures, est); err != nil {
		return nil, err
	}
	return tr.net.Predict(X), nil
}

// twoColumns returns the n×2 matrix [1−p, p] of a logistic output p.
func twoColumns(out *matrix.Matrix) *matrix.Matrix {
	p := matrix.New(out.Rows, 2)
	for r, v := range out.Data {
		p.Data[2*r], p.Data[2*r+1] = 1-v, v
	}
	return p
}

// logOf returns a new matrix of the natural logarithms of m's elements.
func logOf(m *matrix.Matrix) *matrix.Matrix {
	l := matrix.New(m.Rows, m.Cols)
	for i, v := range m.Data {
		l.Data[i] = portable.Log(v)
	}
	return l
}
