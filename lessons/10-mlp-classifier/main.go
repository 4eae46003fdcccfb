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
// hidden size, as the answer suggests. That story is story.go.
//
// Every estimator parameter is a flag under scikit-learn's name
// (-hidden-layer-sizes 8,2 -activation tanh -solver sgd -batch-size auto
// …); giving any of them fits the body-metrics data once with those
// parameters instead of telling the story. With -csv FILE it fits any CSV
// file instead (header row, the target column named by -target, default
// the last): a classifier of one class column, of several 0/1 columns
// (multilabel), or with -estimator regressor a regressor of one or several
// numeric columns; -max-mb raises the budget of each file, 256 MiB of text
// by default. -predict FILE writes the predictions for another file's
// rows as CSV, -save and -load keep a fitted estimator in a model file,
// and -json prints the fitted model and its predictions as one JSON object.
package main

import (
	"errors"
	"fmt"
	"io"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn/data"
	"nnscratch/nn/mlp"
)

// config is the parsed command line.
type config struct {
	params    mlp.Params
	estimator string          // classifier or regressor
	csv       string          // fit this file instead of telling the story
	limits    data.Limits     // the budget of each CSV file read (-max-mb)
	targets   targetList      // target columns of the CSV file; none means the last
	predict   string          // predict the rows of this CSV file
	out       string          // where the predictions go
	save      string          // save the fitted estimator here
	load      string          // load a fitted estimator from here
	json      bool            // print the fitted model as JSON
	verbose   bool            // print scikit-learn's progress lines
	grid      bool            // run the grid search in the story
	custom    bool            // a flag was given: fit once with those parameters
	set       map[string]bool // the flags given, by name
}

func main() { cli.Main("mlp-classifier", parseFlags, run) }

// run tells the body-metrics story, or fits (or loads) an estimator, saves
// it, predicts and reports as cfg says.
func run(w io.Writer, cfg config) error {
	if !cfg.custom {
		return story(w, cfg.grid)
	}
	if cfg.verbose {
		cfg.params.Verbose = w
	}
	d, err := trainingData(cfg)
	if err != nil {
		return err
	}
	var est estimator
	if cfg.load != "" {
		if est, err = loadEstimator(cfg, d); err != nil {
			return err
		}
	} else {
		est = newEstimator(cfg.estimator, d, cfg.params)
	}
	if cfg.load == "" || cfg.params.WarmStart {
		if err := est.fit(d); errors.Is(err, mlp.ErrNonFinite) {
			return fmt.Errorf("%s: training diverged; try a smaller -alpha or -learning-rate-init (%w)", d.name, err)
		} else if err != nil {
			return cli.BadInput(fmt.Errorf("%s: %w", d.name, err))
		}
		if err := checkLoss(d.name, est.fitted().Loss); err != nil {
			return err
		}
	}
	if cfg.save != "" {
		if err := saveEstimator(cfg.save, est); err != nil {
			return err
		}
	}
	var pred *prediction
	if cfg.predict != "" {
		if pred, err = predictFile(cfg, est, d); err != nil {
			return err
		}
	}
	if cfg.json {
		return writeJSON(w, est, d, pred)
	}
	return report(w, cfg, est, d, pred)
}

// trainingData returns the data to fit or score: the CSV file of cfg, or
// the story's body metrics.
func trainingData(cfg config) (*dataset, error) {
	if cfg.csv != "" {
		return readTable(cfg.csv, cfg.limits, cfg.targets, cfg.estimator, cfg.params)
	}
	d := &dataset{name: "body metrics", X: matrix.FromRows(bodyX), features: []string{"height", "weight", "shoe_size"},
		targets: []string{"sex"}, labels: bodyY}
	if cfg.estimator == regressor {
		return nil, cli.BadInput(fmt.Errorf("-estimator regressor needs a -csv file with numeric targets"))
	}
	return d, nil
}
