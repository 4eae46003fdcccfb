//go:build !amd64 || purego

package kernel

// Exp sets no element: without assembly the caller's portable.Exp loop does
// all the work. It returns how many elements it set, 0.
func Exp(dst, x []float64) int { return 0 }

// Sigmoid sets no element; see Exp.
func Sigmoid(dst, x []float64) int { return 0 }
