package nn

import (
	"fmt"
	"math"
)

// A GradReport is the result of GradCheck.
type GradReport struct {
	// MaxRelErr is the largest relative error over all entries,
	//
	//	|numeric − analytic| / max(|numeric|, |analytic|, 1e−8)
	//
	// about 1e−7 or less when backpropagation is right (with the default
	// step), and of order 1 when it is wrong.
	MaxRelErr float64
	Worst     string // the entry with the largest error, e.g. "W2[1,0]"

	// Params holds the largest relative error of each parameter, in the
	// order given.
	Params []ParamError
}

// A ParamError is the largest relative error found in one parameter.
type ParamError struct {
	Name      string
	MaxRelErr float64
}

// String lists the errors, one parameter per line.
func (r GradReport) String() string {
	s := fmt.Sprintf("max relative error %.3g at %s", r.MaxRelErr, r.Worst)
	for _, p := range r.Params {
		s += fmt.Sprintf("\n  %-6s %.3g", p.Name, p.MaxRelErr)
	}
	return s
}

// GradCheck compares the gradients a model has computed with central
// finite differences of its loss, for every entry of every parameter:
//
//	numeric = (E(w + h) − E(w − h)) / 2h
//
// params holds each parameter matrix with the analytic gradient already
// filled (by Backward, or by any model's own backprop — an Elman layer's
// backprop-through-time is checked the same way); loss evaluates the
// model's loss at the current parameter values without changing them.
// Every entry is restored to its exact original value afterwards. h ≤ 0
// means 1e−5. It costs two loss evaluations per parameter entry.
//
// For a Network: net.Forward(x); net.Backward(y, loss); then
// GradCheck(net.Params(), func() float64 { return loss.Value(net.Forward(x), y) }, 0).
func GradCheck(params []Param, loss func() float64, h float64) GradReport {
	if h <= 0 {
		h = 1e-5
	}
	// Copy the analytic gradients first: a loss closure that runs a
	// backward pass would overwrite them.
	grads := make([][]float64, len(params))
	for k, p := range params {
		grads[k] = append([]float64(nil), p.Grad.Data...)
	}
	var r GradReport
	for k, p := range params {
		pe := ParamError{Name: p.Name}
		for i, w := range p.Value.Data {
			p.Value.Data[i] = w + h
			plus := loss()
			p.Value.Data[i] = w - h
			minus := loss()
			p.Value.Data[i] = w
			num := (plus - minus) / (2 * h)
			ana := grads[k][i]
			rel := math.Abs(num-ana) / max(math.Abs(num), math.Abs(ana), 1e-8)
			if math.IsNaN(rel) {
				rel = math.Inf(1)
			}
			if rel > pe.MaxRelErr {
				pe.MaxRelErr = rel
			}
			if rel > r.MaxRelErr || r.Worst == "" {
				r.MaxRelErr = max(r.MaxRelErr, rel)
				r.Worst = fmt.Sprintf("%s[%d,%d]", p.Name, i/p.Value.Cols, i%p.Value.Cols)
			}
		}
		r.Params = append(r.Params, pe)
	}
	return r
}
