package nn_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// A model keeps the network with the scaler its inputs need and the names
// of its classes; the file it is saved to has one matrix row per line.
func ExampleModel() {
	net := nn.NewNetwork(
		nn.NewLayer(matrix.FromRows([][]float64{{0.5, -1}, {0.25, 2}}), matrix.FromRows([][]float64{{0.1, 0}}), nn.Tanh{}),
		nn.NewLayer(matrix.FromRows([][]float64{{1}, {-1}}), nil, nn.Sigmoid{}),
	)
	m := &nn.Model{
		Network: net,
		Scaler:  &nn.StandardScaler{Mean: []float64{170, 65}, Scale: []float64{10, 12}},
		Classes: []string{"female", "male"},
	}
	path := filepath.Join(os.TempDir(), "nn-example-model.json")
	defer os.Remove(path)
	if err := m.Save(path); err != nil {
		log.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	fmt.Print(string(text))

	loaded, err := nn.Load(path)
	if err != nil {
		log.Fatal(err)
	}
	p := loaded.Predict(matrix.FromRows([][]float64{{181, 80}}))
	fmt.Printf("P(%s) = %.4f\n", loaded.Classes[1], p.At(0, 0))
	// Output:
	// {"format": "nnscratch/nn.Network", "version": 2,
	//  "sizes": [2, 2, 1],
	//  "scaler": {"kind": "standard",
	//   "mean": [170, 65],
	//   "scale": [10, 12]},
	//  "classes": ["female", "male"],
	//  "layers": [
	//   {"activation": {"name": "tanh"},
	//    "bias": [0.1, 0],
	//    "weights": [
	//     [0.5, -1],
	//     [0.25, 2]]},
	//   {"activation": {"name": "sigmoid"},
	//    "weights": [
	//     [1],
	//     [-1]]}]}
	// P(male) = 0.4651
}
