// Convergence trains an Elman (simple recurrent) network, as R's RSNNS elman
// builds it, to predict the Canadian lynx trappings from the five years
// before, and answers the forum question "how many iterations until it
// converged?": RSNNS always runs maxit iterations, so the answer is read off
// the error history, at the first iteration after which the error stopped
// improving by more than tol for n iterations in a row. It then trains the
// same network with a constant learning rate and with inverse-scaling rates
// η_t = η₀/(t+1)^p, to show what the Robbins–Monro conditions Σ η_t = ∞,
// Σ η_t² < ∞ ask of a step-size sequence.
//
//	go run ./lessons/11-convergence
//	go run ./lessons/11-convergence -hidden 8 -maxit 3000 -tol 1e-6
//	go run ./lessons/11-convergence -schedule invscaling -power-t 0.75 -plot ""
//	go run ./lessons/11-convergence -trace 1 -maxit 2 -powers "" -plot ""
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
	"nnscratch/nn/plot"
)

// config holds the lesson's settings, one per flag.
type config struct {
	hidden   int     // hidden (and context) units: RSNNS size
	lags     int     // previous years given as inputs
	rate     float64 // learning rate η₀: RSNNS learnFuncParams[1]
	maxit    int     // training iterations (epochs): RSNNS maxit
	tol      float64 // smallest SSE improvement that counts
	noChange int     // iterations in a row without it that mean "converged"
	window   int     // time steps per update (1 = JE_BP's online update)
	lambda   float64 // context units' self-weight (JE_Weights parameter 3)
	schedule string  // "constant" or "invscaling", for the first run
	powerT   float64 // p of invscaling for the first run
	powers   []float64
	seed     uint32
	plot     string // prefix of the two image files; "" = none
	trace    int    // print every quantity of the first run's first trace updates
}

func defaultConfig() config {
	return config{
		hidden: 5, lags: 5, rate: 0.2, maxit: 1000, tol: 1e-4, noChange: 10,
		window: 1, lambda: 0.3, schedule: "constant", powerT: 0.5,
		powers: []float64{0.25, 0.5, 0.75, 1, 1.5}, seed: 1, plot: "convergence",
	}
}

func main() { cli.Main("convergence", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("convergence", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&cfg.hidden, "hidden", cfg.hidden, "hidden units (RSNNS size); as many context units")
	fs.IntVar(&cfg.lags, "lags", cfg.lags, "previous years given as inputs")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "learning rate η₀ (RSNNS learnFuncParams)")
	fs.IntVar(&cfg.maxit, "maxit", cfg.maxit, "training iterations, one pass over the series each (RSNNS maxit)")
	fs.Float64Var(&cfg.tol, "tol", cfg.tol, "an iteration improves the SSE if it lowers it by at least `tol`")
	fs.IntVar(&cfg.noChange, "n-no-change", cfg.noChange, "converged after this many iterations in a row without improvement")
	fs.IntVar(&cfg.window, "window", cfg.window, "time steps per weight update, backpropagated through time (1 = RSNNS's online JE_BP)")
	fs.Float64Var(&cfg.lambda, "lambda", cfg.lambda, "weight of each context unit's link to itself (RSNNS 0.3; 0 = a pure copy)")
	fs.StringVar(&cfg.schedule, "schedule", cfg.schedule, "learning-rate schedule of the first run: constant or invscaling")
	fs.Float64Var(&cfg.powerT, "power-t", cfg.powerT, "p of invscaling, η_t = η₀/(t+1)^p, for the first run")
	powers := fs.String("powers", "0.25,0.5,0.75,1,1.5", "comma-separated p values of the schedule comparison")
	seed := fs.Int64("seed", int64(cfg.seed), "seed of the initial weights (0 … 2³²−1)")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write `prefix`-fit.png and prefix-schedules.png (empty for none)")
	fs.IntVar(&cfg.trace, "trace", 0, "print every quantity of the first `n` updates of the first run, as numpy prints them (0 … 1000)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: convergence [flags]\n\nTrains an Elman network on the lynx series and reports when it converged.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	switch {
	case cfg.hidden < 1 || cfg.hidden > 1000:
		return cfg, fmt.Errorf("-hidden must be in 1 … 1000, got %d", cfg.hidden)
	case cfg.lags < 1 || cfg.lags > 100:
		return cfg, fmt.Errorf("-lags must be in 1 … 100, got %d", cfg.lags)
	case !(cfg.rate > 0) || !finite(cfg.rate):
		return cfg, fmt.Errorf("-rate must be a positive number, got %g", cfg.rate)
	case cfg.maxit < 2 || cfg.maxit > 1_000_000:
		return cfg, fmt.Errorf("-maxit must be in 2 … 1000000, got %d", cfg.maxit)
	case !(cfg.tol >= 0) || !finite(cfg.tol):
		return cfg, fmt.Errorf("-tol must be a number ≥ 0, got %g", cfg.tol)
	case cfg.noChange < 1:
		return cfg, fmt.Errorf("-n-no-change must be at least 1, got %d", cfg.noChange)
	case cfg.window < 1:
		return cfg, fmt.Errorf("-window must be at least 1, got %d", cfg.window)
	case !(cfg.lambda >= 0 && cfg.lambda < 1):
		return cfg, fmt.Errorf("-lambda must be in [0, 1), got %g", cfg.lambda)
	case cfg.schedule != "constant" && cfg.schedule != "invscaling":
		return cfg, fmt.Errorf("-schedule must be constant or invscaling, got %q", cfg.schedule)
	case !(cfg.powerT > 0) || !finite(cfg.powerT):
		return cfg, fmt.Errorf("-power-t must be a positive number, got %g", cfg.powerT)
	case cfg.trace < 0 || cfg.trace > 1000:
		return cfg, fmt.Errorf("-trace must be in 0 … 1000, got %d", cfg.trace)
	}
	if cfg.powers, err = parsePowers(*powers); err != nil {
		return cfg, fmt.Errorf("-powers: %v", err)
	}
	if cfg.plot != "" {
		cfg.plot = cli.FilePrefix(cfg.plot, "convergence") // -plot /tmp writes /tmp/convergence-fit.png
		if err := plot.CheckPath(cfg.plot + "-fit.png"); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}

// parsePowers parses a comma-separated list of numbers in (0, 100]; an empty
// string is an empty list.
func parsePowers(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	ps, err := cli.PositiveFloats(s)
	for _, p := range ps {
		if p > 100 {
			return nil, fmt.Errorf("%v is above the maximum 100", p)
		}
	}
	return ps, err
}

// contextStart is the context units' initial activation (JE_Weights
// parameter 5), and initLo, initHi the range of every trainable weight
// (parameters 1 and 2).
const (
	contextStart   = 0.5
	initLo, initHi = -1, 1
)

// newNet returns the network with its seeded starting weights.
func newNet(cfg config) *Elman {
	net := NewElman(cfg.lags, cfg.hidden, 1, cfg.lambda)
	net.Init(nprand.New(cfg.seed), initLo, initHi)
	return net
}

// run trains the network as cfg says, prints the error history, the
// convergence iteration, the fitted series and the schedule comparison, and
// writes the two images.
func run(w io.Writer, cfg config) error {
	values, years := data.Lynx(), data.LynxYears()
	p, err := makePatterns(values, years, cfg.lags)
	if err != nil {
		return err
	}
	net := newNet(cfg)
	fmt.Fprintf(w, "lynx trapped 1821–1934: %d years, %g … %g, scaled to [0, 1]\n",
		len(values), p.scaler.Min[0], p.scaler.Max[0])
	fmt.Fprintf(w, "%d lags: %d patterns, targets %d–%d\n", cfg.lags, p.x.Rows, p.years[0], p.years[len(p.years)-1])
	fmt.Fprintf(w, "Elman network %d-%d-1: logistic hidden units, %d context units (self-weight %g, start %g), linear output; %d weights from seed %d\n",
		cfg.lags, cfg.hidden, cfg.hidden, cfg.lambda, contextStart, net.NumWeights(), cfg.seed)
	fmt.Fprintf(w, "training: %s, rate %s, %d iterations, %d time step(s) per update\n\n",
		cfg.schedule, rateName(cfg.schedule, cfg.rate, cfg.powerT), cfg.maxit, cfg.window)

	res, err := train(net, p, cfg.maxit, cfg.window, newSchedule(cfg.schedule, cfg.rate, cfg.powerT), contextStart, trace.New(w, cfg.trace))
	if err != nil {
		return err
	}
	fitted := predict(net, p, contextStart)
	printHistory(w, res.History, fixedSSE(net, p), cfg)
	printFit(w, p, fitted)

	runs, err := compareSchedules(cfg, p)
	if err != nil {
		return err
	}
	printSchedules(w, runs, cfg)

	if cfg.plot == "" {
		return nil
	}
	fitPath, schedPath := cfg.plot+"-fit.png", cfg.plot+"-schedules.png"
	if err := writeFitPlot(fitPath, p, fitted, cfg); err != nil {
		return err
	}
	if err := writeSchedulePlot(schedPath, runs, cfg); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s and %s\n", fitPath, schedPath)
	return nil
}
