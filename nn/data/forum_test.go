package data

import (
	"slices"
	"testing"
)

// TestEpochsQuestionIris checks the ten samples against the question's X
// array (sepal length, petal length) and the species of each iris.csv row.
func TestEpochsQuestionIris(t *testing.T) {
	tests := []struct {
		row          int
		sepal, petal float64
		virginica    float64
	}{
		{51, 7, 4.7, 0},
		{101, 6.3, 6, 1},
		{53, 6.9, 4.9, 0},
		{112, 6.4, 5.3, 1},
		{102, 5.8, 5.1, 1},
		{54, 5.5, 4, 0},
		{103, 7.1, 5.9, 1},
		{104, 6.3, 5.6, 1},
		{52, 6.4, 4.5, 0},
		{118, 7.7, 6.7, 1},
	}
	x, y := EpochsQuestionIris()
	rows := EpochsQuestionRows()
	if x.Rows != len(tests) || x.Cols != 2 || y.Rows != len(tests) || y.Cols != 1 || len(rows) != len(tests) {
		t.Fatalf("got x %dx%d, y %dx%d, %d rows; want 10x2, 10x1, 10", x.Rows, x.Cols, y.Rows, y.Cols, len(rows))
	}
	for i, tt := range tests {
		if rows[i] != tt.row {
			t.Errorf("sample %d: got iris.csv row %d, want %d", i, rows[i], tt.row)
		}
		if gs, gp, gy := x.At(i, 0), x.At(i, 1), y.At(i, 0); gs != tt.sepal || gp != tt.petal || gy != tt.virginica {
			t.Errorf("sample %d (row %d): got %v %v -> %v, want %v %v -> %v", i, tt.row, gs, gp, gy, tt.sepal, tt.petal, tt.virginica)
		}
	}
}

// TestEpochsQuestionFresh checks that every call returns new values.
func TestEpochsQuestionFresh(t *testing.T) {
	x, y := EpochsQuestionIris()
	rows := EpochsQuestionRows()
	x.Set(0, 0, -1)
	y.Set(0, 0, -1)
	rows[0] = -1
	x2, y2 := EpochsQuestionIris()
	if got := x2.At(0, 0); got != 7 {
		t.Errorf("after modifying one result: got x[0][0] = %v, want 7", got)
	}
	if got := y2.At(0, 0); got != 0 {
		t.Errorf("after modifying one result: got y[0] = %v, want 0", got)
	}
	if got := EpochsQuestionRows(); !slices.Equal(got[:1], []int{51}) {
		t.Errorf("after modifying one result: got rows %v, want 51 first", got)
	}
}
