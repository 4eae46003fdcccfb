package matrix_test

import (
	"errors"
	"fmt"

	"nnscratch/matrix"
)

func ExampleMul() {
	x := matrix.FromRows([][]float64{{0.05, 0.10, 1}})
	w := matrix.FromRows([][]float64{{0.15, 0.25}, {0.2, 0.3}, {0.35, 0.6}})
	fmt.Println(matrix.Mul(x, w))
	// Output: [[0.3775 0.6425]]
}

func ExampleMul_shapeMismatch() {
	defer func() {
		err := recover().(error)
		fmt.Println(err, errors.Is(err, matrix.ErrShape))
	}()
	matrix.Mul(matrix.New(4, 3), matrix.New(4, 1))
	// Output: matrix: Mul 4x3 · 4x1: dimension mismatch true
}

func ExampleTranspose() {
	a := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	fmt.Println(matrix.Transpose(a))
	// Output:
	// [[1. 4.]
	//  [2. 5.]
	//  [3. 6.]]
}

func ExampleHadamard() {
	a := matrix.FromRows([][]float64{{1, 2}, {3, 4}})
	fmt.Println(matrix.Hadamard(a, a))
	// Output:
	// [[ 1.  4.]
	//  [ 9. 16.]]
}

func ExampleSumRows() {
	delta := matrix.FromRows([][]float64{{0.5, -1}, {0.25, 2}, {0.25, 1}})
	fmt.Println(matrix.SumRows(delta))
	// Output: [[1. 2.]]
}

func ExampleAddRowVector() {
	z := matrix.FromRows([][]float64{{1, 2}, {3, 4}})
	b := matrix.FromRows([][]float64{{0.5, -0.5}})
	fmt.Println(matrix.AddRowVector(z, b))
	// Output:
	// [[1.5 1.5]
	//  [3.5 3.5]]
}

func ExampleScalarMul() {
	fmt.Println(matrix.ScalarMul(0.5, matrix.Identity(2)))
	// Output:
	// [[0.5 0. ]
	//  [0.  0.5]]
}
