package main

import (
	"fmt"
	"image/color"
	"io"
	"strings"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
	"nnscratch/nn/plot"
)

// first returns the first n images of s, or s itself when n is 0 or at
// least its length.
func first(s *data.Set, n int) *data.Set {
	if n == 0 || n >= s.Len() {
		return s
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return s.Subset(idx)
}

// correct counts the predictions that match the labels.
func correct(pred []int, labels []byte) int {
	n := 0
	for i, p := range pred {
		if p == int(labels[i]) {
			n++
		}
	}
	return n
}

// percent prints right out of n as "85.70% (857/1000)": two decimals are
// exact for up to 10,000 images, whatever the platform.
func percent(right, n int) string {
	return fmt.Sprintf("%.2f%% (%d/%d)", 100*float64(right)/float64(n), right, n)
}

// took returns "  (1.2 s)", the time since start, or "" if cfg.times is off.
func took(cfg config, start time.Time) string {
	if !cfg.times {
		return ""
	}
	return fmt.Sprintf("  (%.1f s)", time.Since(start).Seconds())
}

// confusion counts the test images by true class (row) and predicted class
// (column): element (i, j) is the number of images of class i predicted j.
func confusion(pred []int, labels []byte, classes int) [][]int {
	m := make([][]int, classes)
	for i := range m {
		m[i] = make([]int, classes)
	}
	for i, p := range pred {
		m[labels[i]][p]++
	}
	return m
}

// writeConfusion prints the confusion matrix with the class names on the
// rows, the class numbers on the columns, and each class's accuracy (the
// diagonal over the row's total).
func writeConfusion(w io.Writer, m [][]int, names []string) {
	width := 0
	for _, s := range names {
		width = max(width, len(s))
	}
	fmt.Fprintf(w, "confusion matrix: rows are the true class, columns the predicted class\n")
	fmt.Fprintf(w, "%*s", width+3, "")
	for j := range m {
		fmt.Fprintf(w, " %5d", j)
	}
	fmt.Fprintf(w, "   correct\n")
	for i, row := range m {
		fmt.Fprintf(w, "%d %-*s ", i, width, names[i])
		total := 0
		for _, c := range row {
			fmt.Fprintf(w, " %5d", c)
			total += c
		}
		acc := 0.0
		if total > 0 {
			acc = 100 * float64(row[i]) / float64(total)
		}
		fmt.Fprintf(w, "   %5.1f%%\n", acc)
	}
}

// writeWrong draws the first n misclassified test images, each captioned
// with its predicted and true class, into the picture file path, and returns
// how many test images were misclassified in all.
func writeWrong(path string, test *data.Set, pred []int, n int) (int, error) {
	var cells []plot.Cell
	wrong := 0
	for i, p := range pred {
		if p == int(test.Labels[i]) {
			continue
		}
		wrong++
		if len(cells) < n {
			cells = append(cells, plot.Cell{
				Width: test.Images.Cols, Height: test.Images.Rows, Gray: test.Images.Image(i),
				Caption:      fmt.Sprintf("pred: %s / true: %s", test.Classes[p], test.Classes[test.Labels[i]]),
				CaptionColor: color.RGBA{0xc0, 0x10, 0x10, 0xff},
			})
		}
	}
	grid := plot.ImageGrid{
		Title:   fmt.Sprintf("Misclassified test images: the first %d of %d", len(cells), wrong),
		Cells:   cells,
		Columns: min(6, max(1, len(cells))),
		Invert:  true,
	}
	return wrong, plot.Save(path, grid.Render())
}

// compareMLP fits scikit-learn's MLPClassifier (the Go port) to the same
// scaled images: relu, adam, batches of 200, as many hidden units as the
// book's network, and prints its test accuracy and time.
func compareMLP(w io.Writer, cfg config, train, test *data.Set) error {
	p := mlp.DefaultParams()
	p.HiddenLayerSizes = []int{cfg.hidden}
	p.Activation, p.Solver, p.BatchSize = nn.ReLU{}, "adam", 200
	p.MaxIter, p.RandomState = cfg.mlpIter, int64(cfg.seed)
	fmt.Fprintf(w, "MLPClassifier(hidden_layer_sizes=%s, activation='relu', solver='adam', batch_size=200, max_iter=%d, random_state=%d)\n",
		mlp.TupleString(p.HiddenLayerSizes), p.MaxIter, p.RandomState)
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
	right := correct(c.Predict(xTest), test.Labels)
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
