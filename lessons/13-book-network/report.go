package main

import (
	"fmt"
	"image/color"
	"io"
	"time"

	"nnscratch/nn/data"
	"nnscratch/nn/plot"
)

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
