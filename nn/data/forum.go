package data

import (
	"fmt"

	"nnscratch/matrix"
)

// epochsQuestionRows are the rows of iris.csv, numbered from 1 after the
// header, whose flowers are the ten samples of the forum question.
var epochsQuestionRows = []int{51, 101, 53, 112, 102, 54, 103, 104, 52, 118}

// EpochsQuestionRows returns the rows of iris.csv, numbered from 1 after the
// header (row r is Iris() row r−1, line r+1 of the file), whose sepal and
// petal lengths are the ten inputs of the forum question "why does my
// network need so many more epochs than MLPClassifier?", in the question's
// order. Rows 51–100 are versicolor and 101–150 virginica. The slice is new
// on every call.
func EpochsQuestionRows() []int {
	return append([]int(nil), epochsQuestionRows...)
}

// EpochsQuestionIris returns the ten samples of the forum question "why
// does my network need so many more epochs than MLPClassifier?", taken from
// the embedded Iris table at EpochsQuestionRows, in the question's order:
//
//	x  10×2  sepal length and petal length (cm)
//	y  10×1  1 for virginica, 0 for versicolor
//
// The question's own targets were lost when the page was scraped; the
// species of the rows, virginica = 1, are the project's choice. Each call
// parses the embedded file afresh and returns new matrices. It panics only
// if the embedded file is damaged.
func EpochsQuestionIris() (x, y *matrix.Matrix) {
	iris := Iris()
	x, y = matrix.New(len(epochsQuestionRows), 2), matrix.New(len(epochsQuestionRows), 1)
	for i, r := range epochsQuestionRows {
		row := iris.Row(r - 1)
		x.Set(i, 0, row[0]) // sepal_length_cm
		x.Set(i, 1, row[2]) // petal_length_cm
		switch iris.Labels[r-1] {
		case "virginica":
			y.Set(i, 0, 1)
		case "versicolor":
		default:
			panic(fmt.Sprintf("data: embedded iris.csv is damaged: line %d: species %q, want versicolor or virginica",
				iris.Lines[r-1], iris.Labels[r-1]))
		}
	}
	return x, y
}
