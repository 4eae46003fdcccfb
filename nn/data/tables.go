package data

import (
	"bytes"
	_ "embed"
	"fmt"
)

// irisCSV is Fisher's Iris data as distributed with scikit-learn (see
// README.md for the attribution).
//
//go:embed iris.csv
var irisCSV []byte

// lynxCSV is the annual Canadian lynx trappings series, 1821–1934 (see
// README.md for the attribution).
//
//go:embed lynx.csv
var lynxCSV []byte

// Iris returns Fisher's Iris data (R. A. Fisher, 1936; the UCI Machine
// Learning Repository copy, CC BY 4.0, as distributed with scikit-learn with
// its two corrected rows), embedded in this package: 150 rows in file order
// (50 setosa, 50 versicolor, 50 virginica), 4 features in cm (Header:
// sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm) and the
// species in Labels. Row i of the table is line i+2 of iris.csv. Each call
// parses the embedded file afresh (about 5 KB of floats), so callers may
// modify the result.
func Iris() *Table {
	return mustCSV(irisCSV, "iris.csv", "species")
}

// Lynx returns the annual number of Canadian lynx trapped in the Mackenzie
// River district, 1821 to 1934 (114 values; Elton & Nicholson, 1942, the
// series of R's lynx dataset), embedded in this package. Value i belongs to
// year LynxYears()[i] = 1821+i. The slice is new on every call.
func Lynx() []float64 {
	v, err := mustCSV(lynxCSV, "lynx.csv", "trappings").TargetValues()
	if err != nil {
		panic(fmt.Sprintf("data: embedded lynx.csv is damaged: %v", err))
	}
	return v
}

// LynxYears returns the years of the Lynx series, 1821 to 1934, read from
// the embedded file. The slice is new on every call.
func LynxYears() []int {
	t := mustCSV(lynxCSV, "lynx.csv", "trappings")
	years := make([]int, t.Rows)
	for i, y := range t.X {
		years[i] = int(y)
	}
	return years
}

func mustCSV(b []byte, name, target string) *Table {
	t, err := ReadCSV(bytes.NewReader(b), name, target)
	if err != nil {
		panic(fmt.Sprintf("data: embedded %s is damaged: %v", name, err))
	}
	return t
}
