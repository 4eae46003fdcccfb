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
//	go run ./lessons/11-convergence -schedule invscaling -power-t 0.75 -plot /tmp
//	go run ./lessons/11-convergence -trace 1 -maxit 2 -powers ""
//
// The network is elman.go's, trained by train.go's loop; report.go prints
// the tables and draws the two figures, which only the default run writes
// unless -plot names a prefix or a directory.
package main

import (
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/nn/data"
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
	return cli.Draw(w, fitPath+" and "+schedPath, func() error {
		return writePlots(fitPath, schedPath, p, fitted, runs, cfg)
	})
}
