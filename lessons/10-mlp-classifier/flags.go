package main

import (
	"flag"
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/mlp"
)

// parseFlags turns the command line into a config; errors name the flag.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{params: mlp.DefaultParams()}
	p := &cfg.params
	fs := flag.NewFlagSet("10-mlp-classifier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.csv, "csv", "", "fit this CSV `file` (header row) instead of the body-metrics story")
	fs.StringVar(&cfg.target, "target", "", "class `column` of the CSV file (default the last)")
	fs.BoolVar(&cfg.json, "json", false, "print the fitted model as one JSON object")
	fs.BoolVar(&cfg.grid, "grid", true, "run the grid search in the story")
	fs.StringVar(&cfg.hidden, "hidden", "100", "hidden_layer_sizes, comma-separated `sizes`")
	act := fs.String("activation", mlp.ActivationName(p.Activation), "activation: identity, logistic, tanh or relu")
	fs.StringVar(&p.Solver, "solver", p.Solver, "solver: adam, sgd or lbfgs")
	fs.StringVar(&p.LearningRate, "learning-rate", p.LearningRate, "learning_rate schedule: constant, invscaling or adaptive")
	fs.Float64Var(&p.Alpha, "alpha", p.Alpha, "alpha, the L2 penalty")
	fs.IntVar(&p.BatchSize, "batch-size", 0, "batch_size (0 = auto, min(200, n))")
	fs.Float64Var(&p.LearningRateInit, "learning-rate-init", p.LearningRateInit, "learning_rate_init")
	fs.Float64Var(&p.PowerT, "power-t", p.PowerT, "power_t of the invscaling schedule")
	fs.IntVar(&p.MaxIter, "max-iter", p.MaxIter, "max_iter, epochs")
	shuffle := fs.Bool("shuffle", true, "shuffle the rows every epoch")
	seed := fs.Int64("random-state", -1, "random_state seed (negative: None, from the clock)")
	fs.Float64Var(&p.Tol, "tol", p.Tol, "tol of the stopping rule")
	fs.Float64Var(&p.Momentum, "momentum", p.Momentum, "momentum of sgd")
	nesterov := fs.Bool("nesterovs-momentum", true, "use Nesterov's momentum")
	fs.BoolVar(&p.EarlyStopping, "early-stopping", p.EarlyStopping, "stop on a held-out validation score")
	fs.Float64Var(&p.ValidationFraction, "validation-fraction", p.ValidationFraction, "validation_fraction")
	fs.Float64Var(&p.Beta1, "beta-1", p.Beta1, "beta_1 of adam")
	fs.Float64Var(&p.Beta2, "beta-2", p.Beta2, "beta_2 of adam")
	fs.Float64Var(&p.Epsilon, "epsilon", p.Epsilon, "epsilon of adam")
	fs.IntVar(&p.NIterNoChange, "n-iter-no-change", p.NIterNoChange, "n_iter_no_change")
	fs.IntVar(&p.MaxFun, "max-fun", p.MaxFun, "max_fun of lbfgs")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if err := cli.Finite(fs); err != nil {
		return cfg, err
	}
	if cfg.target != "" && cfg.csv == "" {
		return cfg, fmt.Errorf("-target needs -csv")
	}
	// Any estimator flag means "fit with these parameters" rather than the
	// story, whose runs use the question's fixed settings.
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "grid" {
			cfg.custom = true
		}
	})
	p.NoShuffle, p.ClassicalMomentum = !*shuffle, !*nesterov
	if *seed >= 0 {
		s, err := cli.Seed("random-state", *seed)
		if err != nil {
			return cfg, err
		}
		p.RandomState = mlp.Seed(s)
	}
	// On the command line 0 means 0, which Params spells as a negative
	// number (its zero value means the default).
	for _, v := range []*float64{&p.Alpha, &p.PowerT, &p.Tol, &p.Momentum} {
		if *v == 0 {
			*v = -1
		}
	}
	var err error
	if p.Activation, err = mlp.ParseActivation(*act); err != nil {
		return cfg, fmt.Errorf("bad flag: %v", err)
	}
	// Validate checks the sizes, with scikit-learn's message.
	if p.HiddenLayerSizes, err = cli.Ints(cfg.hidden, math.MinInt); err != nil {
		return cfg, fmt.Errorf("-hidden: %v", err)
	}
	if err := p.Validate("MLPClassifier"); err != nil {
		return cfg, fmt.Errorf("bad flag: %v", err)
	}
	// scikit-learn sets no upper limit; this command does, so that a typo
	// is a message rather than an out-of-memory crash.
	for _, h := range p.HiddenLayerSizes {
		if h > 10000 {
			return cfg, fmt.Errorf("-hidden: %d units in a layer is more than this command allows (10000)", h)
		}
	}
	return cfg, nil
}
