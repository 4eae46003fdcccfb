package mlp

import (
	"fmt"
	"math"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// MultiLabelClassifier is scikit-learn's MLPClassifier fitted to a
// multilabel target: an indicator matrix Y of 0s and 1s with one column
// per label, any number of which may be 1 in a row. Each label has its own
// logistic output unit, and the loss is the binary log-loss summed over
// the labels and averaged over the n rows,
//
//	E = −(1/n) Σ [y·log p + (1−y)·log(1−p)] + α/(2n) Σ‖W‖².
//
// Classes are 0 … k−1, the column numbers, as scikit-learn's classes_
// are. It is used like Classifier, and shares its rules for concurrent
// use.
type MultiLabelClassifier struct {
	Params
	Fitted
	Classes []int // classes_: 0 … k−1, one per column of Y
	tr      trainer
}

// NewMultiLabelClassifier returns an unfitted multilabel classifier with
// hyper-parameters p.
func NewMultiLabelClassifier(p Params) *MultiLabelClassifier {
	return &MultiLabelClassifier{Params: p}
}

// Fit trains the classifier on the rows of X and the label indicators Y,
// scikit-learn's fit with an indicator-matrix y. Its errors are
// Classifier.Fit's, and one for a Y of fewer than two columns or with a
// value other than 0 and 1.
func (c *MultiLabelClassifier) Fit(X, Y *matrix.Matrix) error {
	return c.train(X, Y, false)
}

// PartialFit runs one epoch over X and Y, scikit-learn's partial_fit; Y's
// columns are the classes, so none are passed.
func (c *MultiLabelClassifier) PartialFit(X, Y *matrix.Matrix) error {
	if c.Params.withDefaults().Solver == solverLBFGS {
		return fmt.Errorf("mlp: partial_fit is only available for stochastic optimizers. %s is not stochastic.", c.Solver)
	}
	return c.train(X, Y, true)
}

func (c *MultiLabelClassifier) train(X, Y *matrix.Matrix, incremental bool) error {
	if err := c.Params.Validate("MLPClassifier"); err != nil {
		return err
	}
	if err := checkX(X, "MLPClassifier"); err != nil {
		return err
	}
	if Y == nil || Y.Cols < 2 {
		return inputError("a multilabel y needs at least two columns; for one label use Classifier")
	}
	if err := checkFinite(Y.Data, Y.Cols, "y", "MLPClassifier"); err != nil {
		return err
	}
	for i, v := range Y.Data {
		if v != 0 && v != 1 {
			return inputError(fmt.Sprintf("y[%d, %d] is %v: a multilabel y is an indicator matrix of 0s and 1s", i/Y.Cols, i%Y.Cols, v))
		}
	}
	if err := checkLengths(X, Y.Rows); err != nil {
		return err
	}
	if c.tr.net != nil && (incremental || c.WarmStart) && Y.Cols != len(c.Classes) {
		return fmt.Errorf("mlp: y has %d labels, but MLPClassifier was fitted with %d", Y.Cols, len(c.Classes))
	}
	Y = Y.Clone()
	c.Classes = make([]int, Y.Cols)
	for j := range c.Classes {
		c.Classes[j] = j
	}
	tk := task{est: "MLPClassifier", out: nn.Sigmoid{}, loss: &binaryLogLoss{}, score: func(pred *matrix.Matrix, rows []int) float64 {
		return subsetAccuracy(rowsOf(Y, rows), indicators(pred))
	}}
	c.tr.f = &c.Fitted
	return c.tr.train(&c.Params, X, Y, incremental, tk)
}

// Predict returns the predicted indicator matrix: 1 where a label's
// probability exceeds 0.5, 0 elsewhere. It returns an error wrapping
// ErrNotFitted before the first Fit, and one wrapping ErrInput if X has
// the wrong number of columns or holds a NaN or an infinity.
func (c *MultiLabelClassifier) Predict(X *matrix.Matrix) (*matrix.Matrix, error) {
	p, err := c.PredictProba(X)
	if err != nil {
		return nil, err
	}
	return indicators(p), nil
}

// PredictProba returns the rows×labels matrix of each label's
// probability, the logistic outputs. Its errors are Predict's.
func (c *MultiLabelClassifier) PredictProba(X *matrix.Matrix) (*matrix.Matrix, error) {
	return c.tr.predict(X, "MLPClassifier")
}

// PredictLogProba returns the natural logarithm of PredictProba. Its
// errors are Predict's.
func (c *MultiLabelClassifier) PredictLogProba(X *matrix.Matrix) (*matrix.Matrix, error) {
	p, err := c.PredictProba(X)
	if err != nil {
		return nil, err
	}
	return logOf(p), nil
}

// Score returns the subset accuracy of Predict(X) against Y, the fraction
// of rows whose every label is predicted right (scikit-learn's
// accuracy_score of indicator matrices). Its errors are Predict's, and one
// when Y's shape differs from the predictions'.
func (c *MultiLabelClassifier) Score(X, Y *matrix.Matrix) (float64, error) {
	pred, err := c.Predict(X)
	if err != nil {
		return math.NaN(), err
	}
	if Y == nil || Y.Rows != pred.Rows || Y.Cols != pred.Cols {
		return math.NaN(), inputError(fmt.Sprintf("y has %s, the predictions %d×%d", shape(Y), pred.Rows, pred.Cols))
	}
	return subsetAccuracy(Y, pred), nil
}

// indicators returns 1 where p exceeds 0.5 and 0 elsewhere.
func indicators(p *matrix.Matrix) *matrix.Matrix {
	out := matrix.New(p.Rows, p.Cols)
	for i, v := range p.Data {
		if v > 0.5 {
			out.Data[i] = 1
		}
	}
	return out
}

// subsetAccuracy returns the fraction of rows of Y and pred that are
// equal in every column.
func subsetAccuracy(Y, pred *matrix.Matrix) float64 {
	hit := 0
	for i := range Y.Rows {
		same := true
		for j, v := range Y.Row(i) {
			same = same && v == pred.At(i, j)
		}
		if same {
			hit++
		}
	}
	return float64(hit) / float64(Y.Rows)
}

// shape describes m's shape for a message.
func shape(m *matrix.Matrix) string {
	if m == nil {
		return "no rows"
	}
	return fmt.Sprintf("%d×%d", m.Rows, m.Cols)
}
