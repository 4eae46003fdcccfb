//go:build amd64 && !amd64.v3

package portable

// compareTanh is true: this build of math.Tanh rounds every operation.
const compareTanh = true
