// Log-loss trains the 2-3-1 sigmoid network of the forum question "why does
// my network need so many more epochs than MLPClassifier?" on the log-loss
// that MLPClassifier uses, as the answer suggests, and tabulates the
// iterations needed to bring the sum of squared errors (and the mean
// log-loss) under 0.001 for both losses, raw and standardised inputs, and a
// few learning rates. It draws the SSE curves of the four combinations.
//
//	go run ./lessons/05-log-loss
//	go run ./lessons/05-log-loss -alphas 0.02,0.1 -scale raw -plot ""
//
// The two losses differ only in the output delta:
//
//	squared error  E = ½ Σ (a − y)²                      δ2 = (a − y) ⊙ a(1 − a)
//	log-loss       E = −Σ [y ln a + (1 − y) ln(1 − a)]   δ2 = a − y
//
// The rest of the step is the same: δ1 = δ2·W2ᵀ ⊙ l1(1 − l1), W ← W − α·∂E/∂W.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/plot"
)

// config holds the lesson's settings, one per flag.
type config struct {
	seed    uint32    // np.random.seed value for the initial weights
	alphas  []float64 // learning rates of the table
	goal    float64   // the error goal
	maxIter int       // give up after this many iterations
	scales  []bool    // false: raw inputs; true: standardised
	losses  []string  // "sse", "log"
	plot    string    // PNG file for the SSE curves; "" = none
}

func defaultConfig() config {
	return config{seed: 1, alphas: []float64{0.01, 0.05, 0.5}, goal: 0.001, maxIter: 1000000,
		scales: []bool{false, true}, losses: []string{"sse", "log"}, plot: "log-loss.png"}
}

// The plot shows each loss at the learning rate its author used: the
// question's 0.5 for squared error, the answer's better 0.05 for log-loss.
const plotAlphaSSE, plotAlphaLog, plotIter = 0.5, 0.05, 8000

func main() { cli.Main("log-loss", parseFlags, run) }

// cell is one training run of the table.
type cell struct {
	loss         string
	standardised bool
	alpha        float64
	out          outcome
	err          error
}

var lossNames = map[string]string{"sse": "squared error", "log": "log-loss"}

// trainAll trains one network per loss, input scaling and learning rate,
// in that order, on all cores at once (the runs are independent).
func trainAll(cfg config) []*cell {
	x, y := data.EpochsQuestionIris()
	inputs := map[bool]*matrix.Matrix{false: x, true: new(nn.StandardScaler).FitTransform(x)}
	var cells []*cell
	for _, l := range cfg.losses {
		for _, s := range cfg.scales {
			for _, a := range cfg.alphas {
				cells = append(cells, &cell{loss: l, standardised: s, alpha: a})
			}
		}
	}
	jobs := make(chan *cell)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(cells)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				var loss nn.Loss = nn.HalfSSE{}
				if c.loss == "log" {
					loss = nn.LogLoss{Sum: true}
				}
				record := 0
				if cfg.plot != "" && c.alpha == map[string]float64{"sse": plotAlphaSSE, "log": plotAlphaLog}[c.loss] {
					record = plotIter
				}
				c.out, c.err = train(inputs[c.standardised], y, cfg.seed, loss, c.alpha, cfg.goal, cfg.maxIter, record)
			}
		}()
	}
	for _, c := range cells {
		jobs <- c
	}
	close(jobs)
	wg.Wait()
	return cells
}

// run trains every cell of the table, prints it and draws the plot.
func run(w io.Writer, cfg config) error { return report(w, cfg, trainAll(cfg)) }

// report prints the table of the trained cells and draws the plot.
func report(w io.Writer, cfg config, cells []*cell) error {
	fmt.Fprintf(w, "Iterations until the error is below %g (seed %d, at most %d iterations; \"never\" = not reached):\n\n", cfg.goal, cfg.seed, cfg.maxIter)
	fmt.Fprintf(w, "%-15s %-9s %-20s", "trained on", "inputs", "stop when")
	for _, a := range cfg.alphas {
		fmt.Fprintf(w, " %10s", "α "+strconv.FormatFloat(a, 'g', -1, 64))
	}
	fmt.Fprintln(w)
	k := 0
	for _, l := range cfg.losses {
		for _, s := range cfg.scales {
			row := cells[k : k+len(cfg.alphas)]
			k += len(cfg.alphas)
			stops := []string{"SSE"}
			if l == "log" {
				stops = append(stops, "mean log-loss")
			}
			for _, stop := range stops {
				fmt.Fprintf(w, "%-15s %-9s %-20s", lossNames[l], scaleName(s), stop+" < goal")
				for _, c := range row {
					if c.err != nil {
						return c.err
					}
					at := c.out.atSSE
					if stop != "SSE" {
						at = c.out.atLog
					}
					fmt.Fprintf(w, " %10s", count(at))
				}
				fmt.Fprintln(w)
			}
		}
	}
	fmt.Fprintf(w, "\nRuns that never reached the goal, at the end:\n")
	none := true
	for _, c := range cells {
		if c.out.atSSE < 0 || (c.loss == "log" && c.out.atLog < 0) {
			none = false
			fmt.Fprintf(w, "  %s, %s inputs, α %g: SSE %.4f, mean log-loss %.4f\n",
				lossNames[c.loss], scaleName(c.standardised), c.alpha, c.out.sse, c.out.logLoss)
		}
	}
	if none {
		fmt.Fprintln(w, "  none")
	}
	if cfg.plot == "" {
		return nil
	}
	if err := writePlot(cfg, cells); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", cfg.plot)
	return nil
}

func scaleName(standardised bool) string {
	if standardised {
		return "standard"
	}
	return "raw"
}

func count(at int) string {
	if at < 0 {
		return "never"
	}
	return strconv.Itoa(at)
}

// writePlot draws the SSE of every recorded run against the iteration.
func writePlot(cfg config, cells []*cell) error {
	chart := plot.LineChart{
		Title:  fmt.Sprintf("2-3-1 network on ten Iris flowers: SSE by loss and input scaling (seed %d)", cfg.seed),
		XLabel: "iteration", YLabel: "sum of squared errors", LogY: true,
	}
	for _, c := range cells {
		if len(c.out.curve) == 0 {
			continue
		}
		chart.Series = append(chart.Series, plot.Series{
			Name: fmt.Sprintf("%s, %s, alpha %g", lossNames[c.loss], scaleName(c.standardised), c.alpha),
			Y:    c.out.curve,
		})
	}
	if len(chart.Series) == 0 {
		return fmt.Errorf("-plot: no run uses α %g (squared error) or α %g (log-loss), the rates the plot shows", plotAlphaSSE, plotAlphaLog)
	}
	return plot.Save(cfg.plot, chart.Render())
}
