package mlp

import (
	"math"

	"nnscratch/matrix"
)

// activate applies the activation a to every element of z in place. The
// softmax works row by row:
//
//	softmax(z)_j = exp(z_j − max z) / Σ_k exp(z_k − max z)
func activate(a Activation, z *matrix.Matrix) {
	d := z.Data
	switch a {
	case Identity:
	case Logistic:
		for i, v := range d {
			d[i] = 1 / (1 + math.Exp(-v))
		}
	case Tanh:
		for i, v := range d {
			d[i] = math.Tanh(v)
		}
	case Relu:
		for i, v := range d {
			if !(v > 0) && !math.IsNaN(v) {
				d[i] = 0
			}
		}
	case Softmax:
		for r := 0; r < z.Rows; r++ {
			row := d[r*z.Cols : (r+1)*z.Cols]
			m := math.Inf(-1)
			for _, v := range row {
				m = math.Max(m, v)
			}
			for j, v := range row {
				row[j] = math.Exp(v - m)
			}
			s := pairwiseSum(row)
			for j := range row {
				row[j] /= s
			}
		}
	default:
		panic("mlp: unknown activation " + string(a))
	}
}

// derivative multiplies the back-propagated error delta in place by the
// derivative of the hidden activation, written in terms of the layer's output
// out: σ' = σ(1−σ), tanh' = 1−tanh², relu' = 1 where the output is not 0.
func derivative(a Activation, out, delta *matrix.Matrix) {
	d := delta.Data
	switch a {
	case Identity:
	case Logistic:
		for i, z := range out.Data {
			d[i] = float64(d[i]*z) * (1 - z)
		}
	case Tanh:
		for i, z := range out.Data {
			d[i] *= 1 - float64(z*z)
		}
	case Relu:
		for i, z := range out.Data {
			if z == 0 {
				d[i] = 0
			}
		}
	}
}

// lossValue returns the data term of the loss for targets y and outputs p:
// half the mean squared error for the identity output, and the
// cross-entropy (binary for one logistic output) with p clipped to
// [ε, 1−ε], ε = 2⁻⁵², for the classifiers:
//
//	E = −(1/n) Σ_i Σ_k y_ik·log p_ik
func lossValue(out Activation, y, p *matrix.Matrix) float64 {
	n := float64(p.Rows)
	terms := make([]float64, len(p.Data))
	switch out {
	case Identity:
		for i, v := range p.Data {
			e := y.Data[i] - v
			terms[i] = e * e
		}
		return pairwiseSum(terms) / float64(len(terms)) / 2
	case Logistic:
		for i, v := range p.Data {
			terms[i] = xlogy(y.Data[i], clip(v))
		}
		s := pairwiseSum(terms)
		for i, v := range p.Data {
			terms[i] = xlogy(1-y.Data[i], 1-clip(v))
		}
		return -(s + pairwiseSum(terms)) / n
	default:
		for i, v := range p.Data {
			terms[i] = xlogy(y.Data[i], clip(v))
		}
		return -pairwiseSum(terms) / n
	}
}

const eps = 0x1p-52 // numpy's finfo(float64).eps

func clip(p float64) float64 { return math.Min(math.Max(p, eps), 1-eps) }

// xlogy returns x·log(y), and 0 when x is 0, as scipy.special.xlogy does.
func xlogy(x, y float64) float64 {
	if x == 0 && !math.IsNaN(y) {
		return 0
	}
	return x * math.Log(y)
}
