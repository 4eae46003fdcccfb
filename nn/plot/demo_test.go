package plot

import (
	"image"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestWriteExamples writes example pictures into the directory named by
// the environment variable PLOT_EXAMPLES, to be looked at by eye:
//
//	PLOT_EXAMPLES=/tmp go test ./nn/plot -run WriteExamples
//
// It is skipped when the variable is unset.
func TestWriteExamples(t *testing.T) {
	dir := os.Getenv("PLOT_EXAMPLES")
	if dir == "" {
		t.Skip("PLOT_EXAMPLES not set")
	}
	for name, img := range map[string]image.Image{
		"plot_alpha_sweep.png": alphaSweepChart().Render(),
		"plot_lr_sweep.png":    lrSweepChart().Render(),
		"plot_lr_sweep.jpg":    lrSweepChart().Render(),
		"plot_grid.png":        noiseGrid().Render(),
	} {
		if err := Save(filepath.Join(dir, name), img); err != nil {
			t.Fatal(err)
		}
	}
}

// alphaSweepChart returns loss curves shaped like the alpha sweep of lesson
// 3: seven learning rates, mean |error| every 1,000 steps on a log scale.
func alphaSweepChart() *LineChart {
	c := &LineChart{
		Title:  "Mean |error| during training, by learning rate alpha",
		XLabel: "training step",
		YLabel: "mean |error|",
		LogY:   true,
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, a := range []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000} {
		sr := Series{Name: "alpha = " + strconv.FormatFloat(a, 'g', -1, 64)}
		for step := 0; step <= 60000; step += 1000 {
			var e float64
			switch {
			case a <= 10:
				e = 0.5 * math.Pow(1+a*float64(step)/50, -0.55)
			case a == 100:
				e = 0.25 + 0.1*r.Float64()
			default:
				e = 0.5
			}
			sr.X = append(sr.X, float64(step))
			sr.Y = append(sr.Y, e)
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// lrSweepChart returns a four-point tuning sweep on a logarithmic x axis.
func lrSweepChart() *LineChart {
	lr := []float64{0.001, 0.01, 0.1, 1}
	return &LineChart{
		Title:   "Accuracy after 100 epochs vs learning rate",
		XLabel:  "learning rate",
		YLabel:  "accuracy",
		LogX:    true,
		Markers: true,
		Series: []Series{
			{Name: "train", X: lr, Y: []float64{0.71, 0.86, 0.93, 0.62}},
			{Name: "test", X: lr, Y: []float64{0.69, 0.8315, 0.8465, 0.58}},
		},
	}
}

// noiseGrid returns a grid of random noise "digits" with captions like a
// gallery of misclassified Fashion-MNIST images.
func noiseGrid() *ImageGrid {
	r := rand.New(rand.NewPCG(3, 4))
	classes := []string{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}
	g := &ImageGrid{Title: "Misclassified test images", Columns: 5}
	for i := 0; i < 10; i++ {
		c := Cell{Width: 28, Height: 28, Gray: make([]byte, 28*28)}
		for y := 0; y < 28; y++ {
			for x := 0; x < 28; x++ {
				d := math.Hypot(float64(x)-13.5, float64(y)-13.5)
				v := 255*math.Exp(-d*d/60) + 60*r.Float64()
				c.Gray[y*28+x] = uint8(min(v, 255))
			}
		}
		c.Caption = "pred: " + classes[(i+3)%10] + " / true: " + classes[i]
		g.Cells = append(g.Cells, c)
	}
	return g
}
