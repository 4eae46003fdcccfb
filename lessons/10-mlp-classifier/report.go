package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
)

// prediction is what an estimator predicted for a file's rows.
type prediction struct {
	rows  [][]string     // per row: the label, or one field per target
	proba *matrix.Matrix // class (or label) probabilities; nil for a regressor
}

// report prints the fit in a few lines: the data, n_iter_, loss_ and the
// training score, the warnings in scikit-learn's words, the question's
// two test people when the data is the story's, and where predictions
// went.
func report(w io.Writer, cfg config, est estimator, d *dataset, pred *prediction) error {
	f := est.fitted()
	score, err := est.score(d)
	if err != nil {
		return cli.BadInput(fmt.Errorf("%s: %w", d.name, err))
	}
	if cfg.load != "" {
		fmt.Fprintf(w, "%s: %s loaded from %s\n", d.name, est.name(), cfg.load)
	}
	switch {
	case est.classes() == nil:
		fmt.Fprintf(w, "%s: %d rows, %d features, targets %v\n", d.name, d.X.Rows, d.X.Cols, d.targets)
		fmt.Fprintf(w, "n_iter_ %d, loss_ %.6f, training R² %.4f\n", f.NIter, f.Loss, score)
	case len(d.targets) > 1:
		fmt.Fprintf(w, "%s: %d rows, %d features, labels %v (classes %v)\n", d.name, d.X.Rows, d.X.Cols, d.targets, est.classes())
		fmt.Fprintf(w, "n_iter_ %d, loss_ %.6f, training subset accuracy %.4f\n", f.NIter, f.Loss, score)
	default:
		fmt.Fprintf(w, "%s: %d rows, %d features, classes %v\n", d.name, d.X.Rows, d.X.Cols, est.classes())
		fmt.Fprintf(w, "n_iter_ %d, loss_ %.6f, training accuracy %.4f\n", f.NIter, f.Loss, score)
	}
	if f.BatchSizeWarning != "" {
		fmt.Fprintf(w, "UserWarning: %s\n", f.BatchSizeWarning)
	}
	if !f.Converged() {
		fmt.Fprintf(w, "ConvergenceWarning: %s\n", f.ConvergenceWarning)
	}
	if cfg.csv == "" {
		T := &dataset{X: matrix.FromRows(testX), labels: testY}
		rows, _, err := est.predict(T.X)
		if err != nil {
			return err
		}
		s, err := est.score(T)
		if err != nil {
			return err
		}
		labels := make([]string, len(rows))
		for i, r := range rows {
			labels[i] = r[0]
		}
		fmt.Fprintf(w, "predict %v for %v: score %.1f against %v\n", labels, testX, s, testY)
	}
	if cfg.save != "" {
		fmt.Fprintf(w, "saved %s to %s\n", est.name(), cfg.save)
	}
	if pred != nil {
		fmt.Fprintf(w, "wrote %d predictions for %s to %s\n", len(pred.rows), cfg.predict, cfg.out)
	}
	return nil
}

// predictFile predicts the rows of cfg.predict and writes them to cfg.out.
func predictFile(cfg config, est estimator, d *dataset) (*prediction, error) {
	X, err := readFeatures(cfg.predict, cfg.limits, d.features)
	if err != nil {
		return nil, err
	}
	rows, proba, err := est.predict(X)
	if err != nil {
		return nil, cli.BadInput(fmt.Errorf("%s: %w", cfg.predict, err))
	}
	pred := &prediction{rows, proba}
	return pred, writePredictions(cfg.out, pred, d.targets, est.classes())
}

// writePredictions writes pred as CSV to path: a header of the target
// columns and, for a classifier, "proba_" and each class; then one line
// per row. It writes a temporary file beside path and renames it, so path
// is never left half-written.
func writePredictions(path string, pred *prediction, targets, classes []string) error {
	header := append([]string(nil), targets...)
	if pred.proba != nil {
		names := classes
		if len(targets) > 1 {
			names = targets
		}
		for _, c := range names {
			header = append(header, "proba_"+c)
		}
	}
	return writeAtomic(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		cw.Write(header)
		for i, r := range pred.rows {
			rec := append([]string(nil), r...)
			if pred.proba != nil {
				for _, p := range pred.proba.Row(i) {
					rec = append(rec, strconv.FormatFloat(p, 'g', -1, 64))
				}
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	})
}

// writeAtomic writes path through write into a temporary file in the same
// directory, then renames it over path; on any error path is untouched and
// the temporary file removed.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return cli.BadInput(fmt.Errorf("%s is a directory; -out names the file to write", path))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return cli.BadInput(fmt.Errorf("%s: cannot write beside it: %w", path, err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return cli.BadInput(fmt.Errorf("%s: %w", path, err))
	}
	return nil
}

// fittedJSON is what -json prints: the fitted attributes under
// scikit-learn's names, the training score, and the predictions of the
// -predict file's rows (or else of the training rows) with their
// probabilities.
type fittedJSON struct {
	Estimator     string        `json:"estimator"`
	Loss          float64       `json:"loss"`
	NIter         int           `json:"n_iter"`
	Converged     bool          `json:"converged"`
	Classes       []string      `json:"classes,omitempty"`
	Features      []string      `json:"features"`
	Targets       []string      `json:"targets"`
	Coefs         [][][]float64 `json:"coefs"`
	Intercepts    [][]float64   `json:"intercepts"`
	TrainScore    float64       `json:"train_score"`
	LossCurve     []float64     `json:"loss_curve"`
	Predictions   []any         `json:"predictions"`
	Probabilities [][]float64   `json:"probabilities,omitempty"`
}

// writeJSON prints the fitted model as one JSON object.
func writeJSON(w io.Writer, est estimator, d *dataset, pred *prediction) error {
	f := est.fitted()
	score, err := est.score(d)
	if err != nil {
		return cli.BadInput(fmt.Errorf("%s: %w", d.name, err))
	}
	if pred == nil {
		rows, proba, err := est.predict(d.X)
		if err != nil {
			return err
		}
		pred = &prediction{rows, proba}
	}
	j := fittedJSON{Estimator: est.name(), Loss: f.Loss, NIter: f.NIter, Converged: f.Converged(), Classes: est.classes(),
		Features: d.features, Targets: d.targets, TrainScore: score, LossCurve: f.LossCurve}
	if j.LossCurve == nil {
		j.LossCurve = []float64{}
	}
	for i, m := range f.Coefs {
		j.Coefs, j.Intercepts = append(j.Coefs, m.Rows2D()), append(j.Intercepts, f.Intercepts[i].Data)
	}
	_, textLabels := est.(*classifierEst[string])
	for _, r := range pred.rows {
		vals := make([]any, len(r))
		for k, v := range r {
			vals[k] = v
			if x, err := strconv.ParseFloat(v, 64); err == nil && !textLabels {
				vals[k] = x
			}
		}
		if len(vals) == 1 {
			j.Predictions = append(j.Predictions, vals[0])
		} else {
			j.Predictions = append(j.Predictions, vals)
		}
	}
	if pred.proba != nil {
		j.Probabilities = pred.proba.Rows2D()
	}
	return json.NewEncoder(w).Encode(j)
}
