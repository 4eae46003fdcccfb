package nn_test

import (
	"fmt"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// Example builds a 2-3-1 sigmoid network, trains it on XOR with full-batch
// gradient descent until the ½·SSE falls below 0.01, and prints its
// outputs rounded to the nearest integer.
func Example() {
	x := matrix.FromRows([][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}})
	y := matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})

	net := nn.New([]int{2, 3, 1}, true, nn.Sigmoid{}, nn.Sigmoid{})
	nn.NumpyUniform{}.Initialize(net, nprand.New(1)) // 2·random − 1, as numpy code draws it

	res, err := net.Train(x, y, nn.TrainConfig{
		Loss:      nn.HalfSSE{},
		Schedule:  nn.Constant(2), // learning rate η
		Goal:      0.01,
		MaxEpochs: 20000,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("converged:", res.Converged(), res.Reason)
	for i, a := range net.Forward(x).Data {
		fmt.Printf("%v XOR %v → %.0f\n", x.At(i, 0), x.At(i, 1), a)
	}
	// Output:
	// converged: true goal reached
	// 0 XOR 0 → 0
	// 0 XOR 1 → 1
	// 1 XOR 0 → 1
	// 1 XOR 1 → 0
}

// Example_backward reads the gradients of one backward pass of the
// hand-worked 2-2-2 example without updating the weights.
func Example_backward() {
	net := nn.NewNetwork(
		nn.NewLayer(matrix.FromRows([][]float64{{0.15, 0.25}, {0.20, 0.30}}), matrix.FromRows([][]float64{{0.35, 0.35}}), nn.Sigmoid{}),
		nn.NewLayer(matrix.FromRows([][]float64{{0.40, 0.50}, {0.45, 0.55}}), matrix.FromRows([][]float64{{0.60, 0.60}}), nn.Sigmoid{}),
	)
	x := matrix.FromRows([][]float64{{0.05, 0.10}})
	y := matrix.FromRows([][]float64{{0.01, 0.99}})

	out := net.Forward(x)
	fmt.Printf("E_total = %.9f\n", nn.HalfSSE{}.Value(out, y))
	net.Backward(y, nn.HalfSSE{})
	fmt.Printf("∂E/∂w5 = %.9f\n", net.Layers[1].GradW.At(0, 0))
	// Output:
	// E_total = 0.298371109
	// ∂E/∂w5 = 0.082167041
}
