// Command 10-mlp-classifier answers the forum question "why does my
// MLPClassifier give different answers every run?" with a Go port of
// scikit-learn's MLPClassifier (package nnscratch/nn/mlp).
//
// By default it trains the question's network (3 logistic hidden units,
// adam, alpha 1e-4) on 11 body measurements (height, weight, shoe size →
// male/female) with several random seeds: some runs stop at 200 epochs with
// scikit-learn's convergence warning, some stop early, and the predictions
// change with the seed. A fixed random_state makes the run repeatable, and a
// grid search with 3-fold cross-validation chooses activation, solver and
// hidden size, as the answer suggests.
//
// Every estimator parameter is a flag (-hidden 8,2 -activation tanh -solver
// sgd …); giving any of them fits the body-metrics data once with those
// parameters instead of telling the story. With -csv FILE it fits any CSV
// file instead (header row, the class column named by -target, default the
// last), and -json prints the fitted model as one JSON object.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn/mlp"
)

// config is the parsed command line.
type config struct {
	params mlp.Params
	csv    string // fit this file instead of telling the story
	target string // class column of the CSV file; "" means the last
	json   bool   // print the fitted model as JSON
	grid   bool   // run the grid search in the story
	custom bool   // an estimator flag was given: fit once with those parameters
	hidden string // -hidden as typed, for messages
}

func main() { cli.Main("mlp-classifier", parseFlags, run) }

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
	fs.BoolVar(&p.Shuffle, "shuffle", p.Shuffle, "shuffle the rows every epoch")
	fs.Int64Var(&p.RandomState, "random-state", p.RandomState, "random_state seed (negative: from the clock)")
	fs.Float64Var(&p.Tol, "tol", p.Tol, "tol of the stopping rule")
	fs.Float64Var(&p.Momentum, "momentum", p.Momentum, "momentum of sgd")
	fs.BoolVar(&p.NesterovsMomentum, "nesterovs-momentum", p.NesterovsMomentum, "use Nesterov's momentum")
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

// run tells the body-metrics story, or fits the CSV file of cfg.
func run(w io.Writer, cfg config) error {
	if !cfg.custom {
		return story(w, cfg.grid)
	}
	X, y := matrix.FromRows(bodyX), bodyY
	name := "body metrics"
	if cfg.csv != "" {
		var err error
		if X, y, err = readTable(cfg.csv, cfg.target, cfg.params); err != nil {
			return err
		}
		name = cfg.csv
	}
	c := mlp.NewClassifier[string](cfg.params)
	if err := c.Fit(X, y); errors.Is(err, mlp.ErrNonFinite) {
		return fmt.Errorf("%s: training diverged; try a smaller -alpha or -learning-rate-init (%w)", name, err)
	} else if err != nil {
		return cli.BadInput(fmt.Errorf("%s: %w", name, err))
	}
	if err := checkLoss(name, c.Loss); err != nil {
		return err
	}
	if cfg.json {
		return writeJSON(w, c, X, y)
	}
	fmt.Fprintf(w, "%s: %d rows, %d features, classes %v\n", name, X.Rows, X.Cols, c.Classes)
	fmt.Fprintf(w, "n_iter_ %d, loss_ %.6f, training accuracy %.4f\n", c.NIter, c.Loss, c.Score(X, y))
	if !c.Converged() {
		fmt.Fprintf(w, "ConvergenceWarning: %s\n", c.ConvergenceWarning)
	}
	if cfg.csv == "" {
		T := matrix.FromRows(testX)
		fmt.Fprintf(w, "predict %v for %v: score %.1f against %v\n", c.Predict(T), testX, c.Score(T, testY), testY)
	}
	return nil
}

// writeJSON prints the fitted model as one JSON object.
func writeJSON(w io.Writer, c *mlp.Classifier[string], X *matrix.Matrix, y []string) error {
	coefs := make([][][]float64, len(c.Coefs))
	intercepts := make([][]float64, len(c.Intercepts))
	for i, m := range c.Coefs {
		coefs[i], intercepts[i] = m.Rows2D(), c.Intercepts[i].Data
	}
	curve := c.LossCurve
	if curve == nil {
		curve = []float64{}
	}
	enc := json.NewEncoder(w)
	return enc.Encode(struct {
		Loss       float64       `json:"loss"`
		NIter      int           `json:"n_iter"`
		Converged  bool          `json:"converged"`
		Classes    []string      `json:"classes"`
		Coefs      [][][]float64 `json:"coefs"`
		Intercepts [][]float64   `json:"intercepts"`
		TrainScore float64       `json:"train_score"`
		LossCurve  []float64     `json:"loss_curve"`
	}{c.Loss, c.NIter, c.Converged(), c.Classes, coefs, intercepts, c.Score(X, y), curve})
}
