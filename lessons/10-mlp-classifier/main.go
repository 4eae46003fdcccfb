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
	"fmt"
	"io"

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

// fittedJSON is what -json prints: the fitted attributes under
// scikit-learn's names, and the training accuracy.
type fittedJSON struct {
	Loss       float64       `json:"loss"`
	NIter      int           `json:"n_iter"`
	Converged  bool          `json:"converged"`
	Classes    []string      `json:"classes"`
	Coefs      [][][]float64 `json:"coefs"`
	Intercepts [][]float64   `json:"intercepts"`
	TrainScore float64       `json:"train_score"`
	LossCurve  []float64     `json:"loss_curve"`
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
	return json.NewEncoder(w).Encode(fittedJSON{c.Loss, c.NIter, c.Converged(), c.Classes, coefs, intercepts, c.Score(X, y), curve})
}
