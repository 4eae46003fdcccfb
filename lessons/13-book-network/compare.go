package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// compareMLP fits scikit-learn's MLPClassifier (the Go port) to the same
// scaled images: relu, adam, batches of 200, as many hidden units as the
// book's network, and prints its test accuracy and time.
func compareMLP(w io.Writer, cfg config, train, test *data.Set) error {
	p := mlp.Params{HiddenLayerSizes: []int{cfg.hidden}, Activation: nn.ReLU{}, Solver: "adam", BatchSize: 200,
		MaxIter: cfg.mlpIter, RandomState: mlp.Seed(cfg.seed)}
	fmt.Fprintf(w, "MLPClassifier(hidden_layer_sizes=%s, activation='relu', solver='adam', batch_size=200, max_iter=%d, random_state=%d)\n",
		mlp.TupleString(p.HiddenLayerSizes), p.MaxIter, cfg.seed)
	fmt.Fprintf(w, "on the same inputs, with biases, softmax outputs and cross-entropy:\n")
	if cfg.progress != nil {
		fmt.Fprintf(cfg.progress, "fitting MLPClassifier (at most %d epochs of %d images) …\n", p.MaxIter, train.Len())
	}
	c := mlp.NewClassifier[int](p)
	xTrain, yTrain := asMatrix(train)
	start := time.Now()
	if err := c.Fit(xTrain, yTrain); err != nil {
		return fmt.Errorf("MLPClassifier: %w", err)
	}
	elapsed := took(cfg, start)
	xTest, yTest := asMatrix(test)
	pred, err := c.Predict(xTest)
	if err != nil {
		return fmt.Errorf("MLPClassifier: %w", err)
	}
	right := correct(pred, test.Labels)
	fmt.Fprintf(w, "n_iter_ %d, loss_ %.4f, test accuracy %s%s\n", c.NIter, c.Loss, percent(right, len(yTest)), elapsed)
	if !c.Converged() {
		fmt.Fprintf(w, "%s\n", strings.TrimSpace(c.ConvergenceWarning))
	}
	return nil
}

// asMatrix returns every image of s scaled as the book scales them, one per
// row, and the labels: 8 bytes per pixel, 376 MB for 60,000 images.
func asMatrix(s *data.Set) (*matrix.Matrix, []int) {
	idx := make([]int, s.Len())
	y := make([]int, s.Len())
	for i := range idx {
		idx[i], y[i] = i, int(s.Labels[i])
	}
	x := matrix.New(s.Len(), s.Images.Size())
	s.Images.ScaleInto(x.Data, idx, inLo, inHi)
	return x, y
}
