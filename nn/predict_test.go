package nn

import (
	"sync"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// TestPredictConcurrent trains a network on Iris and predicts from four
// goroutines at once, each on its own rows: every answer must equal the
// one-at-a-time answer, and `go test -race` must find no race (Predict only
// reads the network).
func TestPredictConcurrent(t *testing.T) {
	iris := data.Iris()
	x := matrix.FromSlice(iris.Rows, iris.Cols, iris.X)
	classes, codes := iris.Classes()
	y := matrix.New(iris.Rows, len(classes))
	for i, c := range codes {
		y.Set(i, c, 1)
	}
	net := New([]int{4, 8, 3}, true, Tanh{}, Softmax{})
	Glorot{}.Initialize(net, nprand.New(0))
	if _, err := net.Train(x, y, TrainConfig{Loss: CrossEntropy{}, Schedule: Constant(0.01), MaxEpochs: 20, BatchSize: 10,
		Optimizer: &Adam{}, Shuffle: nprand.New(1)}); err != nil {
		t.Fatal(err)
	}
	want := net.Predict(x)
	var wg sync.WaitGroup
	got := make([]*matrix.Matrix, 4)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				// Batches of different sizes, as callers would send.
				rows := 1 + (g*37)%x.Rows
				got[g] = net.Predict(matrix.FromSlice(rows, 4, x.Data[:rows*4]))
			}
		}()
	}
	wg.Wait()
	for g, m := range got {
		for i := range m.Rows {
			for j := range m.Cols {
				if m.At(i, j) != want.At(i, j) {
					t.Fatalf("goroutine %d, row %d: got %v, want %v", g, i, m.Row(i), want.Row(i))
				}
			}
		}
	}
}
