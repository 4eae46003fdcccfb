package plot_test

import (
	"fmt"
	"os"
	"path/filepath"

	"nnscratch/nn/plot"
)

// A tuning sweep: test accuracy against the learning rate on a logarithmic
// x axis, with a marker at each measured value.
func ExampleLineChart() {
	lr := []float64{0.001, 0.01, 0.1, 1}
	chart := &plot.LineChart{
		Title:   "Test accuracy vs learning rate",
		XLabel:  "learning rate",
		YLabel:  "accuracy",
		LogX:    true,
		Markers: true,
		Series:  []plot.Series{{Name: "test", X: lr, Y: []float64{0.69, 0.83, 0.85, 0.58}}},
	}
	img := chart.Render()
	fmt.Println(img.Bounds().Dx(), "x", img.Bounds().Dy())
	// Output: 800 x 500
}

// A gallery of two misclassified 2×2 "images", saved as PNG.
func ExampleImageGrid() {
	grid := &plot.ImageGrid{
		Columns: 2,
		Scale:   10,
		Cells: []plot.Cell{
			{Width: 2, Height: 2, Gray: []byte{0, 255, 255, 0}, Caption: "pred: shirt / true: T-shirt"},
			{Width: 2, Height: 2, Values: []float64{1, 0.5, 0.5, 0}, Caption: "pred: coat / true: pullover"},
		},
	}
	dir, err := os.MkdirTemp("", "plot-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := plot.Save(filepath.Join(dir, "mistakes.png"), grid.Render()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plot.Save(filepath.Join(dir, "mistakes.bmp"), grid.Render()) != nil)
	// Output: true
}

func ExampleTextWidth() {
	fmt.Println(plot.TextWidth("loss", 1), plot.TextWidth("loss", 2), plot.TextHeight(2))
	// Output: 21 42 18
}
