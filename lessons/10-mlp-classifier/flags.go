package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/mlp"
)

// The estimators -estimator chooses.
const (
	classifier = "classifier" // MLPClassifier: one class column, or several 0/1 columns (multilabel)
	regressor  = "regressor"  // MLPRegressor: one or several numeric target columns
)

// maxUnits is this command's limit on a hidden layer's units: scikit-learn
// sets none, but a typo should be a message, not an out-of-memory crash.
const maxUnits = 10000

// targetList is the -target flag: column names, from repeated flags or
// comma-separated.
type targetList []string

func (t *targetList) String() string { return strings.Join(*t, ",") }

func (t *targetList) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*t = append(*t, name)
		}
	}
	return nil
}

// parseFlags turns the command line into a config; errors name the flag.
// The estimator's flags carry scikit-learn's parameter names in
// kebab-case, and its values ("auto", "None", "inf", "()"); what
// scikit-learn refuses is refused with its words.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{params: mlp.DefaultParams()}
	p := &cfg.params
	fs := cli.NewFlagSet("mlp-classifier", "Tells the body-metrics story of MLPClassifier's random starts, or fits a CSV file as scikit-learn would.", stderr)
	fs.StringVar(&cfg.csv, "csv", "", "fit this CSV `file` (header row) instead of the body-metrics story")
	fs.Var(&cfg.targets, "target", "target `column` of the CSV file (default the last); repeat it or separate names by commas for several")
	fs.StringVar(&cfg.estimator, "estimator", classifier, "classifier (MLPClassifier) or regressor (MLPRegressor)")
	fs.StringVar(&cfg.predict, "predict", "", "predict the rows of this CSV `file` (the fitted features by name)")
	fs.StringVar(&cfg.out, "out", "predictions.csv", "where -predict writes its predictions (and probabilities), as CSV")
	fs.StringVar(&cfg.save, "save", "", "save the fitted estimator to this model `file`")
	fs.StringVar(&cfg.load, "load", "", "load a fitted estimator from this model `file` instead of fitting (with -warm-start, go on fitting it)")
	fs.BoolVar(&cfg.json, "json", false, "print the fitted model and its predictions as one JSON object")
	fs.BoolVar(&cfg.grid, "grid", true, "run the grid search in the story")
	hidden := fs.String("hidden-layer-sizes", "100", "hidden_layer_sizes, comma-separated `sizes` (\"\" or \"()\" for none)")
	fs.StringVar(hidden, "hidden", "100", "short for -hidden-layer-sizes")
	act := fs.String("activation", mlp.ActivationName(p.Activation), "activation: identity, logistic, tanh or relu")
	fs.StringVar(&p.Solver, "solver", p.Solver, "solver: adam, sgd or lbfgs")
	fs.StringVar(&p.LearningRate, "learning-rate", p.LearningRate, "learning_rate schedule: constant, invscaling or adaptive")
	fs.Float64Var(&p.Alpha, "alpha", p.Alpha, "alpha, the L2 penalty")
	batch := fs.String("batch-size", "auto", "batch_size: auto (min(200, n)) or a `number`")
	fs.Float64Var(&p.LearningRateInit, "learning-rate-init", p.LearningRateInit, "learning_rate_init")
	fs.Float64Var(&p.PowerT, "power-t", p.PowerT, "power_t of the invscaling schedule")
	fs.IntVar(&p.MaxIter, "max-iter", p.MaxIter, "max_iter, epochs")
	shuffle := fs.Bool("shuffle", true, "shuffle the rows every epoch")
	seed := fs.String("random-state", "None", "random_state: a `seed` in 0 … 4294967295, or None (from the clock)")
	fs.Float64Var(&p.Tol, "tol", p.Tol, "tol of the stopping rule")
	fs.Float64Var(&p.Momentum, "momentum", p.Momentum, "momentum of sgd")
	nesterov := fs.Bool("nesterovs-momentum", true, "use Nesterov's momentum")
	fs.BoolVar(&p.EarlyStopping, "early-stopping", p.EarlyStopping, "stop on a held-out validation score")
	fs.Float64Var(&p.ValidationFraction, "validation-fraction", p.ValidationFraction, "validation_fraction")
	fs.Float64Var(&p.Beta1, "beta-1", p.Beta1, "beta_1 of adam")
	fs.Float64Var(&p.Beta2, "beta-2", p.Beta2, "beta_2 of adam")
	fs.Float64Var(&p.Epsilon, "epsilon", p.Epsilon, "epsilon of adam")
	noChange := fs.String("n-iter-no-change", "10", "n_iter_no_change: a `number`, or inf")
	fs.IntVar(&p.MaxFun, "max-fun", p.MaxFun, "max_fun of lbfgs")
	fs.BoolVar(&p.WarmStart, "warm-start", false, "warm_start: with -load, go on fitting the loaded estimator")
	fs.BoolVar(&cfg.verbose, "verbose", false, "verbose: print scikit-learn's \"Iteration N, loss = …\" lines")
	limit := cli.AddDataLimit(fs)
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if err := cli.Finite(fs); err != nil {
		return cfg, err
	}
	var err error
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	// Any flag but -grid and -max-mb means "fit with these parameters"
	// rather than the story, whose runs use the question's fixed settings.
	cfg.set = make(map[string]bool)
	fs.Visit(func(f *flag.Flag) {
		cfg.set[f.Name] = true
		if f.Name != "grid" && f.Name != "max-mb" {
			cfg.custom = true
		}
	})
	if err := cli.OneOf("estimator", cfg.estimator, classifier, regressor); err != nil {
		return cfg, err
	}
	switch {
	case len(cfg.targets) > 0 && cfg.csv == "":
		return cfg, fmt.Errorf("-target needs -csv")
	case cfg.predict != "" && cfg.out == "":
		return cfg, fmt.Errorf("-predict needs an -out file")
	case p.WarmStart && cfg.load == "":
		return cfg, fmt.Errorf("-warm-start goes on from a fitted estimator: give it with -load")
	}
	est := "MLPClassifier"
	if cfg.estimator == regressor {
		est = "MLPRegressor"
	}
	p.NoShuffle, p.ClassicalMomentum = !*shuffle, !*nesterov
	// On the command line 0 means 0, which Params spells as a negative
	// number (its zero value means the default).
	for _, v := range []*float64{&p.Alpha, &p.PowerT, &p.Tol, &p.Momentum} {
		if *v == 0 {
			*v = -1
		}
	}
	if p.Activation, err = mlp.ParseActivation(*act); err != nil {
		return cfg, fmt.Errorf("bad flag: %v", err)
	}
	if p.HiddenLayerSizes, err = mlp.ParseHiddenLayerSizes(*hidden); err != nil {
		return cfg, fmt.Errorf("-hidden-layer-sizes: %v", err)
	}
	if p.BatchSize, err = mlp.ParseBatchSize(est, *batch); err != nil {
		return cfg, fmt.Errorf("-batch-size: %v", err)
	}
	if p.RandomState, err = mlp.ParseRandomState(est, *seed); err != nil {
		return cfg, fmt.Errorf("-random-state: %v", err)
	}
	if p.NIterNoChange, err = mlp.ParseNIterNoChange(est, *noChange); err != nil {
		return cfg, fmt.Errorf("-n-iter-no-change: %v", err)
	}
	if err := p.Validate(est); err != nil {
		return cfg, fmt.Errorf("bad flag: %v", err)
	}
	for _, h := range p.HiddenLayerSizes {
		if h > maxUnits {
			return cfg, fmt.Errorf("-hidden-layer-sizes: %d units in a layer is more than this command allows (%d)", h, maxUnits)
		}
	}
	return cfg, nil
}
