package main

import (
	"fmt"
	"io"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/mlp"
)

// The question's data: height (cm), weight (kg) and shoe size of 11 people.
var (
	bodyX = [][]float64{{181, 80, 44}, {177, 70, 43}, {160, 60, 38}, {154, 54, 37}, {166, 65, 40},
		{190, 90, 47}, {175, 64, 39}, {177, 70, 40}, {159, 55, 37}, {171, 75, 42}, {181, 85, 43}}
	bodyY = []string{"male", "male", "female", "female", "male", "male", "female", "female",
		"female", "male", "male"}
	testX = [][]float64{{179, 69, 40}, {175, 72, 45}}
	testY = []string{"female", "male"}
)

// questionParams are the question's MLPClassifier(hidden_layer_sizes=(3,),
// activation='logistic', solver='adam', alpha=1e-4, learning_rate='constant'):
// the other parameters, left zero, take scikit-learn's defaults.
func questionParams(seed uint32) mlp.Params {
	return mlp.Params{HiddenLayerSizes: []int{3}, Activation: nn.Sigmoid{}, RandomState: mlp.Seed(seed)}
}

// story prints the three steps of the answer.
func story(w io.Writer, grid bool) error {
	X := matrix.FromRows(bodyX)
	fmt.Fprintln(w, "1. The same network, the same data, different random starting weights:")
	for seed := range uint32(8) {
		c := mlp.NewClassifier[string](questionParams(seed))
		if err := c.Fit(X, bodyY); err != nil {
			return err
		}
		note := "stopped early"
		if !c.Converged() {
			note = "ConvergenceWarning"
		}
		pred, score, err := onTest(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "   random_state=%d  n_iter_ %3d  loss_ %.6f  %-18s  predict %v  score %.1f\n",
			seed, c.NIter, c.Loss, note, pred, score)
	}
	fmt.Fprintln(w, "\n2. A fixed random_state gives the same run every time (random_state=0, twice):")
	for range 2 {
		c := mlp.NewClassifier[string](questionParams(0))
		if err := c.Fit(X, bodyY); err != nil {
			return err
		}
		pred, _, err := onTest(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "   loss_ %.8f  n_iter_ %d  predict %v\n", c.Loss, c.NIter, pred)
		if !c.Converged() {
			fmt.Fprintf(w, "   ConvergenceWarning: %s\n", c.ConvergenceWarning)
		}
	}
	if !grid {
		return nil
	}
	fmt.Fprintln(w, "\n3. Grid search, 3-fold stratified cross-validation (random_state=1):")
	var hidden [][]int
	for h := 1; h <= 21; h++ {
		hidden = append(hidden, []int{h})
	}
	base := mlp.Params{RandomState: mlp.Seed(1)}
	cands := mlp.ParamGrid(base, mlp.ActivationAxis(nn.Identity{}, nn.Sigmoid{}, nn.Tanh{}, nn.ReLU{}),
		mlp.SolverAxis("lbfgs", "sgd", "adam"), mlp.HiddenAxis(hidden...))
	folds, err := mlp.StratifiedKFold(bodyY, 3)
	if err != nil {
		return err
	}
	newEst := func(p mlp.Params) mlp.Estimator[string] { return mlp.NewClassifier[string](p) }
	res, err := mlp.GridSearchCV(newEst, X, bodyY, cands, folds)
	if err != nil {
		return err
	}
	best := res.Candidates[res.Best]
	fmt.Fprintf(w, "   %d candidates; best mean accuracy %.4f with activation=%s, hidden_layer_sizes=%s, solver=%s\n",
		len(cands), res.MeanScores[res.Best], best.Values[0], best.Values[1], best.Values[2])
	c := res.BestEstimator.(*mlp.Classifier[string])
	pred, score, err := onTest(c)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "   refitted on all 11 rows: predict %v  score %.1f\n", pred, score)
	return nil
}

// onTest returns the classes a fitted classifier predicts for the
// question's two test people, and its accuracy against their answers.
func onTest(c *mlp.Classifier[string]) ([]string, float64, error) {
	T := matrix.FromRows(testX)
	pred, err := c.Predict(T)
	if err != nil {
		return nil, 0, err
	}
	score, err := c.Score(T, testY)
	return pred, score, err
}
