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
// activation='logistic', solver='adam', alpha=1e-4, learning_rate='constant').
func questionParams(seed int64) mlp.Params {
	p := mlp.DefaultParams()
	p.HiddenLayerSizes, p.Activation, p.RandomState = []int{3}, nn.Sigmoid{}, seed
	return p
}

// story prints the three steps of the answer.
func story(w io.Writer, grid bool) error {
	X, T := matrix.FromRows(bodyX), matrix.FromRows(testX)
	fmt.Fprintln(w, "1. The same network, the same data, different random starting weights:")
	for seed := int64(0); seed < 8; seed++ {
		c := mlp.NewClassifier[string](questionParams(seed))
		if err := c.Fit(X, bodyY); err != nil {
			return err
		}
		note := "stopped early"
		if !c.Converged() {
			note = "ConvergenceWarning"
		}
		fmt.Fprintf(w, "   random_state=%d  n_iter_ %3d  loss_ %.6f  %-18s  predict %v  score %.1f\n",
			seed, c.NIter, c.Loss, note, c.Predict(T), c.Score(T, testY))
	}
	fmt.Fprintln(w, "\n2. A fixed random_state gives the same run every time (random_state=0, twice):")
	for range 2 {
		c := mlp.NewClassifier[string](questionParams(0))
		if err := c.Fit(X, bodyY); err != nil {
			return err
		}
		fmt.Fprintf(w, "   loss_ %.8f  n_iter_ %d  predict %v\n", c.Loss, c.NIter, c.Predict(T))
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
	base := mlp.DefaultParams()
	base.RandomState = 1
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
	fmt.Fprintf(w, "   refitted on all 11 rows: predict %v  score %.1f\n", c.Predict(T), c.Score(T, testY))
	return nil
}
