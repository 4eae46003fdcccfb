package mlp

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"nnscratch/matrix"
)

// ErrNotFitted is wrapped by the error Predict, PredictProba and Score
// return before the first Fit, scikit-learn's NotFittedError: "This
// MLPClassifier instance is not fitted yet. Call 'fit' with appropriate
// arguments before using this estimator."
var ErrNotFitted = errors.New("mlp: not fitted")

// notFitted is scikit-learn's NotFittedError for the estimator est.
func notFitted(est string) error {
	return &sklearnError{fmt.Sprintf("This %s instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", est), ErrNotFitted}
}

// ErrInput is wrapped by the errors that refuse X or y before any
// training or prediction, in the words of scikit-learn's check_array and
// check_X_y: an empty X, a NaN or an infinity, a number of features other
// than the fitted one, a number of targets other than X's rows.
var ErrInput = errors.New("mlp: bad input")

// inputError returns an error wrapping ErrInput whose text is msg.
func inputError(msg string) error { return &sklearnError{msg, ErrInput} }

// sklearnError is scikit-learn's message msg, prefixed "mlp: ", wrapping
// the sentinel kind.
type sklearnError struct {
	msg  string
	kind error
}

func (e *sklearnError) Error() string { return "mlp: " + e.msg }
func (e *sklearnError) Unwrap() error { return e.kind }

// checkX refuses an X without rows or columns and one holding a NaN or an
// infinity, with scikit-learn's messages; est names the estimator. The
// scan costs one pass over X.
func checkX(X *matrix.Matrix, est string) error {
	if X == nil || X.Rows == 0 {
		rows, cols := 0, 0
		if X != nil {
			cols = X.Cols
		}
		return inputError(fmt.Sprintf("Found array with 0 sample(s) (shape=(%d, %d)) while a minimum of 1 is required by %s.", rows, cols, est))
	}
	if X.Cols == 0 {
		return inputError(fmt.Sprintf("Found array with 0 feature(s) (shape=(%d, 0)) while a minimum of 1 is required by %s.", X.Rows, est))
	}
	return checkFinite(X.Data, X.Cols, "X", est)
}

// checkFinite refuses values holding a NaN or an infinity with
// scikit-learn's message, "Input X contains NaN." or "Input y contains
// infinity or a value too large for dtype('float64').", followed by where
// the first is: values are laid out cols to a row. For a NaN in X,
// scikit-learn's second sentence follows the first.
func checkFinite(values []float64, cols int, name, est string) error {
	for i, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			continue
		}
		where := fmt.Sprintf("%s[%d] is %v", name, i, v)
		if cols > 1 || name == "X" {
			where = fmt.Sprintf("%s[%d, %d] is %v", name, i/cols, i%cols, v)
		}
		if math.IsInf(v, 0) {
			return inputError(fmt.Sprintf("Input %s contains infinity or a value too large for dtype('float64'). (%s.)", name, where))
		}
		msg := fmt.Sprintf("Input %s contains NaN.", name)
		if name == "X" {
			msg += fmt.Sprintf("\n%s does not accept missing values encoded as NaN natively.", est)
		}
		return inputError(fmt.Sprintf("%s (%s.)", msg, where))
	}
	return nil
}

// checkLengths refuses targets whose number differs from X's rows.
func checkLengths(X *matrix.Matrix, n int) error {
	if n != X.Rows {
		return inputError(fmt.Sprintf("Found input variables with inconsistent numbers of samples: [%d, %d]", X.Rows, n))
	}
	return nil
}

// checkFeatures refuses an X whose columns differ from the fitted
// features, scikit-learn's "X has 3 features, but MLPClassifier is
// expecting 2 features as input."
func checkFeatures(X *matrix.Matrix, fitted int, est string) error {
	if X.Cols != fitted {
		return inputError(fmt.Sprintf("X has %d features, but %s is expecting %d features as input.", X.Cols, est, fitted))
	}
	return nil
}

// pyList formats ints as Python prints a list: [3, 0].
func pyList(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// pyArray formats labels as numpy prints a 1-d array: ['a' 'b'] for
// strings, [1 2 3] for integers.
func pyArray[L any](v []L) string {
	s := make([]string, len(v))
	for i, x := range v {
		if str, ok := any(x).(string); ok {
			s[i] = quote(str)
		} else {
			s[i] = fmt.Sprint(x)
		}
	}
	return "[" + strings.Join(s, " ") + "]"
}
