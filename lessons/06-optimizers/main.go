// Optimizers races four update rules — plain gradient descent, momentum,
// Nesterov momentum and Adam — on the forum question's 2-3-1 sigmoid network
// (and on XOR), each from the same numpy-seeded starting weights, and counts
// the full-batch iterations each needs to bring the summed squared error
// below 0.001, with raw and with standardised inputs. The answer to the
// question says a hand-written gradient descent needs a better optimiser to
// compete with scikit-learn's Adam; the tables say by how much.
//
//	go run ./lessons/06-optimizers
//	go run ./lessons/06-optimizers -time -plot ""
//	go run ./lessons/06-optimizers -seed 7 -mu 0.5 -adam-rates 0.001,0.01
//
// With g = ∂E/∂W, one iteration of each rule is
//
//	gradient descent  W ← W − η·g
//	momentum          v ← μ·v − η·g;  W ← W + v
//	Nesterov          v ← μ·v − η·g;  W ← W + μ·v − η·g
//	Adam              m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²
//	                  W ← W − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√s + ε)
package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn"
	"nnscratch/nn/plot"
)

// questionRate is the learning rate of the question's script (alpha = 0.5).
const questionRate = 0.5

// config holds the lesson's settings, one per flag.
type config struct {
	seed      uint32    // np.random.seed value for the starting weights
	mu        float64   // momentum coefficient μ (momentum and Nesterov)
	goal      float64   // stop once Σ(a − y)² < goal
	maxIter   int       // give up after this many iterations
	gdRates   []float64 // learning rates swept for gradient descent
	momRates  []float64 // … for momentum and Nesterov
	adamRates []float64 // … for Adam
	time      bool      // also measure and print wall times
	reps      int       // timing repetitions (the fastest is printed)
	plot      string    // PNG or JPEG file for the loss curves; "" = none
}

func defaultConfig() config {
	return config{
		seed: 1, mu: 0.9, goal: 0.001, maxIter: 100000,
		gdRates:   []float64{0.1, 0.5, 1, 2, 5, 10},
		momRates:  []float64{0.01, 0.05, 0.1, 0.5, 1},
		adamRates: []float64{0.001, 0.01, 0.05, 0.1, 0.5},
		reps:      5,
		plot:      "optimizers.png",
	}
}

// optimisers returns the four rules, each with the rates swept for it.
func optimisers(cfg config) []optimiser {
	return []optimiser{
		{"gradient descent", cfg.gdRates, func() nn.Optimizer { return nn.GD{} }},
		{"momentum", cfg.momRates, func() nn.Optimizer { return &nn.Momentum{Mu: cfg.mu} }},
		{"Nesterov", cfg.momRates, func() nn.Optimizer { return &nn.Momentum{Mu: cfg.mu, Nesterov: true} }},
		{"Adam", cfg.adamRates, func() nn.Optimizer { return &nn.Adam{} }},
	}
}

func main() { cli.Main("optimizers", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("optimizers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", int64(cfg.seed), "np.random.seed value for the starting weights (0 … 2³²−1)")
	fs.Float64Var(&cfg.mu, "mu", cfg.mu, "momentum coefficient μ for momentum and Nesterov, in [0, 1)")
	fs.Float64Var(&cfg.goal, "goal", cfg.goal, "stop once the summed squared error Σ(a − y)² is below this")
	fs.IntVar(&cfg.maxIter, "max-iter", cfg.maxIter, "give up after `n` iterations")
	gd := fs.String("gd-rates", joinFloats(cfg.gdRates), "comma-separated learning rates η for gradient descent")
	mom := fs.String("momentum-rates", joinFloats(cfg.momRates), "comma-separated learning rates η for momentum and Nesterov")
	adam := fs.String("adam-rates", joinFloats(cfg.adamRates), "comma-separated learning rates η for Adam")
	fs.BoolVar(&cfg.time, "time", false, "also time each optimiser at its best rate (varies from run to run)")
	fs.IntVar(&cfg.reps, "reps", cfg.reps, "with -time, time each run `n` times and print the fastest")
	fs.StringVar(&cfg.plot, "plot", cfg.plot, "write the loss curves to this `file` (.png or .jpg; empty for none)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: optimizers [flags]\n\nRaces gradient descent, momentum, Nesterov and Adam on the question's 2-3-1 network.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	for _, l := range []struct {
		name string
		s    string
		dst  *[]float64
	}{{"-gd-rates", *gd, &cfg.gdRates}, {"-momentum-rates", *mom, &cfg.momRates}, {"-adam-rates", *adam, &cfg.adamRates}} {
		v, err := cli.PositiveFloats(l.s)
		if err != nil {
			return cfg, fmt.Errorf("%s: %v", l.name, err)
		}
		*l.dst = v
	}
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	switch {
	case !(cfg.mu >= 0 && cfg.mu < 1):
		return cfg, fmt.Errorf("-mu must be in [0, 1), got %g", cfg.mu)
	case !(cfg.goal > 0) || cfg.goal > 1e300:
		return cfg, fmt.Errorf("-goal must be a positive number, got %g", cfg.goal)
	case cfg.maxIter < 1 || cfg.maxIter > 100_000_000:
		return cfg, fmt.Errorf("-max-iter must be in 1 … 100000000, got %d", cfg.maxIter)
	case cfg.reps < 1 || cfg.reps > 1000:
		return cfg, fmt.Errorf("-reps must be in 1 … 1000, got %d", cfg.reps)
	}
	if cfg.plot != "" {
		if err := plot.CheckPath(cfg.plot); err != nil {
			return cfg, fmt.Errorf("-plot: %v", err)
		}
	}
	return cfg, nil
}

// joinFloats writes a list of rates as cli.PositiveFloats reads it, for the
// flag defaults.
func joinFloats(v []float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.Join(s, ",")
}

// study is everything the lesson computes before it prints.
type study struct {
	ps    []problem
	opts  []optimiser
	res   [][][]run1 // res[p][o][k]: problem p, optimiser o, its rate k
	bests []bests    // bests[p]: each optimiser's best rate on problem p
}

// newStudy sweeps every optimiser's rates on every problem and picks the
// best rate of each.
func newStudy(cfg config) *study {
	ps := problems()
	s := &study{ps: ps, opts: optimisers(cfg)}
	s.res = sweep(cfg, s.ps, s.opts)
	for p := range ps {
		s.bests = append(s.bests, bestRates(cfg, ps[p], s.opts, s.res[p]))
	}
	return s
}

// run sweeps every optimiser's rates on every problem, prints the iteration
// counts and the best rate of each, and writes the Iris loss curves to
// cfg.plot. With cfg.time it times each best run afresh, one at a time.
func run(w io.Writer, cfg config) error { return report(w, cfg, newStudy(cfg)) }

// report prints the study and writes its plot.
func report(w io.Writer, cfg config, s *study) error {
	printSetup(w, cfg)
	for p := range s.ps {
		printProblem(w, cfg, s.ps[p], s.opts, s.res[p], s.bests[p])
	}
	printVerdict(w, s.ps, s.bests)
	if cfg.plot == "" {
		return nil
	}
	if err := writePlot(cfg, s.ps[:2], s.opts, s.bests[:2]); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", cfg.plot)
	return nil
}
