package mlp

import (
	"cmp"
	"fmt"
	"slices"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// Classifier is scikit-learn's MLPClassifier for labels of any ordered type
// (string class names or integer codes). The classes are the sorted
// distinct labels, as LabelBinarizer sorts them; two classes train one
// logistic output unit for Classes[1], more train one softmax unit per
// class.
//
// Set the hyper-parameters in the embedded Params (NewClassifier starts
// from DefaultParams), call Fit, then read the embedded Fitted state or
// call Predict, PredictProba and Score. Once fitted, a Classifier may
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

// Fit trains the classifier from scratch on the rows of X and their labels
// y, scikit-learn's fit. It returns an error, before any training, when
// a parameter is invalid, when y's length differs from X's rows or when y
// holds a single class; and after training when the weights are no longer
// finite (ErrNonFinite). Reaching MaxIter is not an error: it sets
// ConvergenceWarning. Fit costs O(MaxIter · rows · weights).
func (c *Classifier[L]) Fit(X *matrix.Matrix, y []L) error {
	if err := c.check(X, y); err != nil {
		return err
	}
	classes := slices.Clone(y)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	if len(classes) < 2 {
		return fmt.Errorf("mlp: y has only one class (%v); a classifier needs at least two", classes)
	}
	c.Classes = classes
	return c.train(X, y, false)
}

// PartialFit runs one epoch over X and y, scikit-learn's partial_fit. The
// first call (with no earlier Fit) must list every class in classes; later
// calls may pass nil or the same classes. Early stopping is off in partial
// fits. It returns an error for invalid parameters, for the LBFGS solver,
// for labels outside the classes or a change of classes.
func (c *Classifier[L]) PartialFit(X *matrix.Matrix, y []L, classes []L) error {
	if err := c.check(X, y); err != nil {
		return err
	}
	if c.Solver == solverLBFGS {
		return fmt.Errorf("mlp: partial_fit is only available for stochastic optimizers. %s is not stochastic", c.Solver)
	}
	if classes != nil {
		cl := slices.Clone(classes)
		slices.Sort(cl)
		cl = slices.Compact(cl)
		if c.Classes != nil && !slices.Equal(cl, c.Classes) {
			return fmt.Errorf("mlp: classes=%v is not the same as on last call to partial_fit, was: %v", cl, c.Classes)
		}
		if len(cl) < 2 {
			return fmt.Errorf("mlp: classes has only one class (%v); a classifier needs at least two", cl)
		}
		c.Classes = cl
	}
	if c.Classes == nil {
		return fmt.Errorf("mlp: classes must be passed on the first call to partial_fit")
	}
	for i, v := range y {
		if _, ok := slices.BinarySearch(c.Classes, v); !ok {
			return fmt.Errorf("mlp: y[%d] = %v is not one of the classes %v", i, v, c.Classes)
		}
	}
	return c.train(X, y, true)
}

func (c *Classifier[L]) check(X *matrix.Matrix, y []L) error {
	if err := c.Params.Validate("MLPClassifier"); err != nil {
		return err
	}
	return checkXY(X, len(y))
}

func (c *Classifier[L]) train(X *matrix.Matrix, y []L, incremental bool) error {
	k := len(c.Classes)
	var cols int
	var out nn.Activation
	var loss nn.Loss
	if k == 2 {
		cols, out, loss = 1, nn.Sigmoid{}, &binaryLogLoss{}
	} else {
		cols, out, loss = k, nn.Softmax{}, &logLoss{}
	}
	Y := matrix.New(len(y), cols)
	code := make([]int, len(y))
	for i, v := range y {
		j, _ := slices.BinarySearch(c.Classes, v)
		code[i] = j
		if k == 2 {
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
	if k == 2 { // scikit-learn stratifies only single-output targets
		tk.stratify = code
	}
	c.tr.f = &c.Fitted
	return c.tr.train(&c.Params, X, Y, incremental, tk)
}

// label returns the class the network output in row r of out stands for:
// Classes[1] when the logistic output exceeds 0.5, otherwise the class of
// the largest softmax output (the first of equal ones).
func (c *Classifier[L]) label(out *matrix.Matrix, r int) L {
	if out.Cols == 1 {
		if out.Data[r] > 0.5 {
			return c.Classes[1]
		}
		return c.Classes[0]
	}
	return c.Classes[nn.Argmax(out.Row(r))]
}

// Predict returns the predicted class of every row of X. It panics if the
// classifier has not been fitted, and with an error wrapping
// matrix.ErrShape if X has the wrong number of columns.
func (c *Classifier[L]) Predict(X *matrix.Matrix) []L {
	out := c.forward(X)
	labels := make([]L, X.Rows)
	for r := range labels {
		labels[r] = c.label(out, r)
	}
	return labels
}

// PredictProba returns the rows×classes matrix of class probabilities,
// columns in the order of Classes. It panics as Predict does.
func (c *Classifier[L]) PredictProba(X *matrix.Matrix) *matrix.Matrix {
	out := c.forward(X)
	if out.Cols > 1 {
		return out
	}
	p := matrix.New(X.Rows, 2)
	for r, v := range out.Data {
		p.Data[2*r], p.Data[2*r+1] = 1-v, v
	}
	return p
}

// Score returns the accuracy of Predict(X) against y: the fraction of rows
// whose predicted class is y's. It panics as Predict does, and if y's length
// differs from X's rows.
func (c *Classifier[L]) Score(X *matrix.Matrix, y []L) float64 {
	if len(y) != X.Rows {
		panic(fmt.Errorf("mlp: Score on %d rows with %d labels: %w", X.Rows, len(y), matrix.ErrShape))
	}
	hit := 0
	for i, l := range c.Predict(X) {
		if l == y[i] {
			hit++
		}
	}
	return float64(hit) / float64(len(y))
}

func (c *Classifier[L]) forward(X *matrix.Matrix) *matrix.Matrix {
	if c.tr.net == nil {
		panic("mlp: Classifier used before Fit")
	}
	return c.tr.net.Predict(X)
}

// checkXY reports an empty X or a target count that differs from X's rows.
func checkXY(X *matrix.Matrix, n int) error {
	if X == nil || X.Rows == 0 || X.Cols == 0 {
		return fmt.Errorf("mlp: X is empty; want at least one row and one column")
	}
	if n != X.Rows {
		return fmt.Errorf("mlp: X has %d rows but y has %d values", X.Rows, n)
	}
	return nil
}
