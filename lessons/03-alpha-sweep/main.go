// Alpha-sweep trains the 3-4-1 sigmoid network of the alpha-sweep notebook on
// XOR (with a constant third input standing in for a bias) once for each of
// seven learning rates, from the same numpy-seeded starting weights, and
// prints the notebook's "Error after N iterations" lines so the two can be
// laid side by side.
//
//	go run ./lessons/03-alpha-sweep
//	go run ./lessons/03-alpha-sweep -alphas 0.5,5,50 -steps 20000 -plot sweep.png
//
// Each step is the notebook's full-batch backpropagation:
//
//	l1 = σ(X·W0)            l2 = σ(l1·W1)
//	δ2 = (l2 − y) ⊙ l2(1 − l2)
//	δ1 = δ2·W1ᵀ ⊙ l1(1 − l1)
//	W1 ← W1 − α·l1ᵀ·δ2      W0 ← W0 − α·Xᵀ·δ1
package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn/nprand"
	"nnscratch/nn/plot"
)

// config holds the lesson's settings, one per flag.
type config struct {
	alphas []float64 // learning rates to sweep
	steps  int       // training steps per alpha
	every  int       // print the error every this many steps
	record int       // record the error for the plot every this many steps
	seed   uint32    // np.random.seed value
	digits int       // significant digits printed; 0 = all (Python's repr)
	plot   string    // PNG or JPEG file for the error curves; "" = none
}

func defaultConfig() config {
	return config{
		alphas: []float64{0.001, 0.01, 0.1, 1, 10, 100, 1000},
		steps:  60000, every: 10000, record: 100, seed: 1, digits: 10,
		plot: "alpha-sweep.png",
	}
}

func main() { cli.Main("alpha-sweep", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("alpha-sweep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	alphas := fs.String("alphas", "0.001,0.01,0.1,1,10,100,1000", "comma-separated learning rates α to sweep")
	fs.IntVar(&cfg.steps, "steps", cfg.steps, "training steps per learning rate")
	fs.IntVar(&cfg.every, "every", cfg.every, "print the mean absolute error every `n` steps")
	fs.IntVar(&cfg.record, "record", cfg.record, "record the error for the plot every `n` steps")
	seed := fs.Int64("seed", int64(cfg.seed), "np.random.seed value for the initial weights (0 … 2³²−1)")
	fs.IntVar(&cfg.digits, "digits", cfg.digits, "significant digits of the printed errors (0 = all, as Python prints them)")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the error curves to this `file` (.png or .jpg; empty for none)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: alpha-sweep [flags]\n\nTrains the notebook's 3-4-1 XOR network once per learning rate.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.alphas, err = cli.PositiveFloats(*alphas); err != nil {
		return cfg, fmt.Errorf("-alphas: %v", err)
	}
	switch {
	case cfg.steps < 1:
		return cfg, fmt.Errorf("-steps must be at least 1, got %d", cfg.steps)
	case cfg.every < 1:
		return cfg, fmt.Errorf("-every must be at least 1, got %d", cfg.every)
	case cfg.record < 1:
		return cfg, fmt.Errorf("-record must be at least 1, got %d", cfg.record)
	case cfg.digits < 0 || cfg.digits > 17:
		return cfg, fmt.Errorf("-digits must be in 0 … 17, got %d", cfg.digits)
	}
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	if cfg.plot != "" {
		if err := plot.CheckPath(cfg.plot); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}

// The notebook's data: XOR of the first two inputs; the third is always 1.
var (
	inputs  = matrix.FromRows([][]float64{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}})
	targets = matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})
)

// initialWeights draws the notebook's synapses: np.random.seed(seed), then
// 2*np.random.random((3,4)) - 1 and 2*np.random.random((4,1)) - 1.
func initialWeights(seed uint32) (w0, w1 *matrix.Matrix) {
	rng := nprand.New(seed)
	w0, w1 = matrix.New(3, 4), matrix.New(4, 1)
	for _, w := range []*matrix.Matrix{w0, w1} {
		rng.Rand(w.Data)
		for i, v := range w.Data {
			w.Data[i] = 2*v - 1
		}
	}
	return w0, w1
}

// run prints the initial synapses and, for each learning rate, the error
// every cfg.every steps; it writes the error curves to cfg.plot.
func run(w io.Writer, cfg config) error {
	w0, w1 := initialWeights(cfg.seed)
	fmt.Fprintf(w, "Synapse 0: \n %v \nSynapse 1: \n %v\n", w0, w1)

	results := sweep(cfg)
	for _, r := range results {
		fmt.Fprintf(w, "\nTraining With Alpha: %s\n", strconv.FormatFloat(r.alpha, 'g', -1, 64))
		for i, e := range r.printed {
			fmt.Fprintf(w, "Error after  %d  iterations:  %s\n", i*cfg.every, formatError(e, cfg.digits))
		}
		if r.alpha == 10 {
			fmt.Fprintf(w, "Synapse 0: \n %v \nSynapse 1: \n %v\n", r.w0, r.w1)
		}
	}
	if cfg.plot == "" {
		return nil
	}
	if err := writePlot(cfg, results); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", cfg.plot)
	return nil
}

// formatError prints e with the given number of significant digits, or with
// Python's shortest round-trip digits when digits is 0.
func formatError(e float64, digits int) string {
	if digits == 0 {
		return strconv.FormatFloat(e, 'g', -1, 64)
	}
	return strconv.FormatFloat(e, 'g', digits, 64)
}

// sweep trains one network per learning rate. The rates are independent, so
// they run on all cores at once; each result is the same as a serial run.
func sweep(cfg config) []result {
	results := make([]result, len(cfg.alphas))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(cfg.alphas)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = trainFused(cfg, cfg.alphas[i])
			}
		}()
	}
	for i := range cfg.alphas {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func writePlot(cfg config, results []result) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("3-4-1 XOR network: mean |error| by learning rate (seed %d)", cfg.seed),
		XLabel: "iteration", YLabel: "mean |error|", LogY: true,
	}
	for _, r := range results {
		xs := make([]float64, len(r.curve))
		for i := range xs {
			xs[i] = float64(i * cfg.record)
		}
		chart.Series = append(chart.Series, plot.Series{
			Name: "alpha " + strconv.FormatFloat(r.alpha, 'g', -1, 64), X: xs, Y: r.curve,
		})
	}
	return plot.Save(cfg.plot, chart.Render())
}
