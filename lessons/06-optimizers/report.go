package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"strconv"
	"strings"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix/portable"
	"nnscratch/nn/data"
	"nnscratch/nn/plot"
)

// report prints the study and writes its plot.
func report(w io.Writer, cfg config, s *study) error {
	printSetup(w, cfg)
	for p := range s.ps {
		printProblem(w, cfg, s.ps[p], s.opts, s.res[p], s.bests[p])
	}
	printVerdict(w, s.ps, s.bests)
	return cli.Draw(w, cfg.plot, func() error { return writePlot(cfg, s.ps[:2], s.opts, s.bests[:2]) })
}

// printSetup prints what every run shares: the network, the start, the
// goal, the optimisers' constants and the problems.
func printSetup(w io.Writer, cfg config) {
	irisRows := data.EpochsQuestionRows()
	rows := make([]string, len(irisRows))
	for i, r := range irisRows {
		rows[i] = strconv.Itoa(r)
	}
	fmt.Fprintf(w, "The question's 2-3-1 network: sigmoid hidden and output units with biases.\n")
	fmt.Fprintf(w, "Every run starts from the same weights (np.random.seed(%d), each 2·random − 1),\n", cfg.seed)
	fmt.Fprintf(w, "takes full-batch steps on ½Σ(a − y)² and stops once Σ(a − y)² < %g,\n", cfg.goal)
	fmt.Fprintf(w, "or gives up after %d iterations.\n", cfg.maxIter)
	fmt.Fprintf(w, "Momentum and Nesterov: μ = %g. Adam: β₁ = 0.9, β₂ = 0.999, ε = 1e-08.\n", cfg.mu)
	fmt.Fprintf(w, "Iris: rows %s of iris.csv;\n", strings.Join(rows, ", "))
	fmt.Fprintf(w, "inputs sepal length and petal length (cm); target 1 = virginica, 0 = versicolor.\n")
	fmt.Fprintf(w, "XOR: inputs (0,0) (0,1) (1,0) (1,1), targets 0 1 1 0.\n")
	fmt.Fprintf(w, "Standardised: each input column scaled to mean 0, standard deviation 1.\n")
	fmt.Fprintf(w, "~: a chaotic run, whose count changes when the starting weights move by one ulp\n")
	fmt.Fprintf(w, "   (so numpy, or another processor, prints another count): only its size counts.\n")
}

// count formats an iteration count, "-" for a run that missed the goal,
// with a leading "~" when the run is chaotic (see trial).
func count(n int, sensitive bool) string {
	s := "-"
	if n >= 0 {
		s = strconv.Itoa(n)
	}
	if sensitive {
		s = "~" + s
	}
	return s
}

// ratio formats a.iters/b.iters, "-" when either run missed the goal, with a
// leading "~" when either count is chaotic.
func ratio(a, b best) string {
	if a.iters < 0 || b.iters <= 0 {
		return "-"
	}
	s := strconv.FormatFloat(float64(a.iters)/float64(b.iters), 'f', 1, 64)
	if a.sensitive || b.sensitive {
		s = "~" + s
	}
	return s
}

func printProblem(w io.Writer, cfg config, p problem, opts []optimiser, res [][]run1, b bests) {
	fmt.Fprintf(w, "\n== %s ==\n", p.name)
	fmt.Fprintf(w, "Iterations to the goal at each learning rate η (-: not within %d):\n", cfg.maxIter)
	for o := range opts {
		line := fmt.Sprintf("  %-17s", opts[o].name)
		for k, r := range res[o] {
			line += fmt.Sprintf(" %-14s", fmt.Sprintf("η=%g: %s", opts[o].rates[k], count(r.iters, r.sensitive)))
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	gdBest := b.opt[0]
	fmt.Fprintf(w, "Each at its best rate; GD ÷ this = how many times its iterations gradient descent needs:\n")
	fmt.Fprintf(w, "  %-17s %7s %11s %16s %16s", "optimiser", "best η", "iterations", "GD η=0.5 ÷ this", "best GD ÷ this")
	if cfg.time {
		fmt.Fprintf(w, " %12s", "wall time")
	}
	fmt.Fprintln(w)
	for o := range opts {
		x := b.opt[o]
		rate := "-"
		if x.iters >= 0 {
			rate = strconv.FormatFloat(x.rate, 'g', -1, 64)
		}
		fmt.Fprintf(w, "  %-17s %7s %11s %16s %16s", opts[o].name, rate, count(x.iters, x.sensitive),
			ratio(b.baseline, x), ratio(gdBest, x))
		if cfg.time {
			fmt.Fprintf(w, " %12s", wallTime(x))
		}
		fmt.Fprintln(w)
	}
	if cfg.time {
		fmt.Fprintf(w, "  (gradient descent at the question's η = 0.5: %s iterations in %s)\n",
			count(b.baseline.iters, b.baseline.sensitive), wallTime(b.baseline))
	}
}

// wallTime formats a measured duration in microseconds or milliseconds.
func wallTime(b best) string {
	switch {
	case b.iters < 0:
		return "-"
	case b.wall < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(b.wall)/1e3)
	}
	return fmt.Sprintf("%.1f ms", float64(b.wall)/1e6)
}

// printVerdict answers the question: the question's gradient descent against
// Adam and momentum, each at its best rate.
func printVerdict(w io.Writer, ps []problem, bs []bests) {
	fmt.Fprintf(w, "\nGradient descent at the question's η = 0.5 needs this many times the iterations of\n")
	fmt.Fprintf(w, "  %-27s %9s %9s %9s\n", "", "momentum", "Nesterov", "Adam")
	for p := range ps {
		b := bs[p]
		fmt.Fprintf(w, "  %-27s %9s %9s %9s\n", ps[p].name, ratio(b.baseline, b.opt[1]),
			ratio(b.baseline, b.opt[2]), ratio(b.baseline, b.opt[3]))
	}
}

// writePlot draws one panel of loss curves per problem, stacked: each
// optimiser at its best rate, plus gradient descent at the question's rate
// when that is not its best.
func writePlot(cfg config, ps []problem, opts []optimiser, bs []bests) error {
	var panels []image.Image
	for p := range ps {
		chart := plot.LineChart{
			Title:  fmt.Sprintf("2-3-1 network on %s (seed %d)", ps[p].name, cfg.seed),
			XLabel: "iteration", YLabel: "sum of squared errors", LogX: true, LogY: true,
			Height: 450,
		}
		// Each optimiser keeps its colour in both panels; gradient descent
		// at the question's rate is grey.
		add := func(o int, b best, c color.Color) {
			rate := b.rate
			r := train(cfg, ps[p], opts[o], rate, true, false)
			chart.Series = append(chart.Series, plot.Series{
				Name: fmt.Sprintf("%s, eta %g (%s)", opts[o].name, rate, count(b.iters, b.sensitive)),
				X:    logSpaced(len(r.curve)), Y: thin(r.curve), Color: c,
			})
		}
		if b := bs[p].baseline; b.rate != bs[p].opt[0].rate {
			add(0, b, plot.Palette[7])
		}
		for o := range opts {
			if b := bs[p].opt[o]; b.iters >= 0 {
				add(o, b, plot.Palette[o])
			}
		}
		panels = append(panels, chart.Render())
	}
	return plot.Save(cfg.plot, stack(panels))
}

// samples returns the indices of a curve of n points kept for the plot:
// every point up to 100, then about 300 per decade, and the last.
func samples(n int) []int {
	var idx []int
	for i := 0; i < n; {
		idx = append(idx, i)
		i = max(i+1, int(float64(i)*portable.Pow(10, 1.0/300)))
	}
	if len(idx) > 0 && idx[len(idx)-1] != n-1 {
		idx = append(idx, n-1)
	}
	return idx
}

// logSpaced returns the iteration numbers (from 1) of samples(n).
func logSpaced(n int) []float64 {
	idx := samples(n)
	x := make([]float64, len(idx))
	for i, k := range idx {
		x[i] = float64(k + 1)
	}
	return x
}

// thin returns the points of curve at samples(len(curve)).
func thin(curve []float64) []float64 {
	idx := samples(len(curve))
	y := make([]float64, len(idx))
	for i, k := range idx {
		y[i] = curve[k]
	}
	return y
}

// stack draws the images one below the other on a white background.
func stack(imgs []image.Image) image.Image {
	w, h := 0, 0
	for _, m := range imgs {
		w, h = max(w, m.Bounds().Dx()), h+m.Bounds().Dy()
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	y := 0
	for _, m := range imgs {
		r := image.Rect(0, y, m.Bounds().Dx(), y+m.Bounds().Dy())
		draw.Draw(out, r, m, m.Bounds().Min, draw.Src)
		y += m.Bounds().Dy()
	}
	return out
}
