package nn

import (
	"fmt"
	"math"

	"nnscratch/matrix"
)

// A StandardScaler standardises each column to mean 0 and standard
// deviation 1, as scikit-learn's StandardScaler and preprocessing.scale do:
//
//	x′ = (x − mean) / sd,   sd = sqrt(Σ (x − mean)² / n)
//
// with the population standard deviation (divisor n, not n−1). A column
// whose sd is 0 is only centred (its scale is taken as 1).
type StandardScaler struct {
	Mean, Scale []float64 // per column, set by Fit
}

// Fit computes the mean and standard deviation of every column of x. It
// panics if x has no rows.
func (s *StandardScaler) Fit(x *matrix.Matrix) *StandardScaler {
	if x.Rows == 0 {
		panic("nn: StandardScaler.Fit: no rows")
	}
	n := float64(x.Rows)
	s.Mean = make([]float64, x.Cols)
	s.Scale = make([]float64, x.Cols)
	for j := range x.Cols {
		sum := 0.0
		for i := range x.Rows {
			sum += x.Data[i*x.Cols+j]
		}
		m := sum / n
		ss := 0.0
		for i := range x.Rows {
			d := x.Data[i*x.Cols+j] - m
			ss += float64(d * d) // rounded: Go may fuse a multiply-add on arm64
		}
		s.Mean[j] = m
		s.Scale[j] = math.Sqrt(ss / n)
		if s.Scale[j] == 0 {
			s.Scale[j] = 1
		}
	}
	return s
}

// Transform returns (x − Mean)/Scale column by column, a new matrix. It
// panics with an error wrapping matrix.ErrShape if x's width differs from
// the fitted one.
func (s *StandardScaler) Transform(x *matrix.Matrix) *matrix.Matrix {
	return byColumn("StandardScaler.Transform", x, len(s.Mean), func(v float64, j int) float64 {
		return (v - s.Mean[j]) / s.Scale[j]
	})
}

// InverseTransform returns x·Scale + Mean column by column, undoing
// Transform.
func (s *StandardScaler) InverseTransform(x *matrix.Matrix) *matrix.Matrix {
	return byColumn("StandardScaler.InverseTransform", x, len(s.Mean), func(v float64, j int) float64 {
		return float64(v*s.Scale[j]) + s.Mean[j]
	})
}

// FitTransform fits s to x and returns the transformed x, scikit-learn's
// preprocessing.scale(x).
func (s *StandardScaler) FitTransform(x *matrix.Matrix) *matrix.Matrix {
	return s.Fit(x).Transform(x)
}

// A MinMaxScaler maps each column linearly onto [Lo, Hi] (both 0 means
// [0, 1]), as scikit-learn's MinMaxScaler does:
//
//	x′ = Lo + (x − min)·(Hi − Lo)/(max − min)
//
// A constant column (max = min) is divided by 1 instead of 0, as
// scikit-learn does: x′ = Lo + (x − min)·(Hi − Lo), which is Lo at the
// fitted value.
type MinMaxScaler struct {
	Lo, Hi   float64
	Min, Max []float64 // per column, set by Fit
}

// Fit records each column's minimum and maximum. It panics if x has no
// rows.
func (s *MinMaxScaler) Fit(x *matrix.Matrix) *MinMaxScaler {
	if x.Rows == 0 {
		panic("nn: MinMaxScaler.Fit: no rows")
	}
	s.Min = append([]float64(nil), x.Row(0)...)
	s.Max = append([]float64(nil), x.Row(0)...)
	for i := 1; i < x.Rows; i++ {
		for j, v := range x.Row(i) {
			s.Min[j] = min(s.Min[j], v)
			s.Max[j] = max(s.Max[j], v)
		}
	}
	return s
}

func (s *MinMaxScaler) rangeOf(j int) (lo, scale float64) {
	lo, hi := s.Lo, s.Hi
	if lo == 0 && hi == 0 {
		hi = 1
	}
	r := s.Max[j] - s.Min[j]
	if r == 0 {
		r = 1
	}
	return lo, (hi - lo) / r
}

// Transform returns x mapped column by column onto [Lo, Hi], a new matrix.
// Values outside the fitted range map outside [Lo, Hi]. It panics with an
// error wrapping matrix.ErrShape if x's width differs from the fitted one.
func (s *MinMaxScaler) Transform(x *matrix.Matrix) *matrix.Matrix {
	return byColumn("MinMaxScaler.Transform", x, len(s.Min), func(v float64, j int) float64 {
		lo, k := s.rangeOf(j)
		return lo + float64((v-s.Min[j])*k)
	})
}

// InverseTransform undoes Transform.
func (s *MinMaxScaler) InverseTransform(x *matrix.Matrix) *matrix.Matrix {
	return byColumn("MinMaxScaler.InverseTransform", x, len(s.Min), func(v float64, j int) float64 {
		lo, k := s.rangeOf(j)
		return (v-lo)/k + s.Min[j]
	})
}

// FitTransform fits s to x and returns the transformed x.
func (s *MinMaxScaler) FitTransform(x *matrix.Matrix) *matrix.Matrix {
	return s.Fit(x).Transform(x)
}

// byColumn returns a new matrix holding f(x[i,j], j) for every element of
// x. It panics with an error naming op and wrapping matrix.ErrShape unless
// x has cols columns, the width the scaler was fitted on.
func byColumn(op string, x *matrix.Matrix, cols int, f func(v float64, j int) float64) *matrix.Matrix {
	if x.Cols != cols {
		panic(fmt.Errorf("nn: %s: %d columns, fitted on %d: %w", op, x.Cols, cols, matrix.ErrShape))
	}
	out := x.Clone()
	for i := range out.Rows {
		r := out.Row(i)
		for j, v := range r {
			r[j] = f(v, j)
		}
	}
	return out
}
