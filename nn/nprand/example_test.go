package nprand_test

import (
	"fmt"

	"nnscratch/nn/nprand"
)

// Example draws the first weights of a classic numpy tutorial network:
//
//	np.random.seed(1)
//	syn0 = 2*np.random.random((3, 4)) - 1
//
// and prints its first row, which numpy prints as
// [-0.16595599  0.44064899 -0.99977125 -0.39533485].
func Example() {
	r := nprand.New(1)
	syn0 := make([]float64, 3*4) // element (i, j) is syn0[i*4+j]
	r.Rand(syn0)
	for i := range syn0 {
		syn0[i] = 2*syn0[i] - 1
	}
	fmt.Printf("%.8f\n", syn0[:4])
	// Output:
	// [-0.16595599 0.44064899 -0.99977125 -0.39533485]
}

// ExampleRandomState_Permutation shuffles an index as a mini-batch loop
// does before each epoch, like np.random.RandomState(42).permutation(8).
func ExampleRandomState_Permutation() {
	r := nprand.New(42)
	fmt.Println(r.Permutation(8))
	// Output:
	// [1 5 0 7 2 4 3 6]
}
