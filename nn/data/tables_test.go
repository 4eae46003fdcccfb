package data

import (
	"fmt"
	"slices"
	"testing"
)

func TestIris(t *testing.T) {
	tab := Iris()
	if tab.Rows != 150 || tab.Cols != 4 || tab.Target != "species" {
		t.Fatalf("Iris(): got %d rows, %d features, target %q; want 150, 4, species", tab.Rows, tab.Cols, tab.Target)
	}
	wantHeader := []string{"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"}
	if !slices.Equal(tab.Header, wantHeader) {
		t.Errorf("Header: got %q, want %q", tab.Header, wantHeader)
	}
	tests := []struct {
		row   int
		want  []float64
		label string
	}{
		{0, []float64{5.1, 3.5, 1.4, 0.2}, "setosa"},
		{50, []float64{7, 3.2, 4.7, 1.4}, "versicolor"},
		{149, []float64{5.9, 3, 5.1, 1.8}, "virginica"},
	}
	for _, tt := range tests {
		if got := tab.Row(tt.row); !slices.Equal(got, tt.want) || tab.Labels[tt.row] != tt.label {
			t.Errorf("row %d: got %v %s, want %v %s", tt.row, got, tab.Labels[tt.row], tt.want, tt.label)
		}
	}
	names, y := tab.Classes()
	counts := make([]int, len(names))
	for _, c := range y {
		counts[c]++
	}
	if want := []string{"setosa", "versicolor", "virginica"}; !slices.Equal(names, want) || !slices.Equal(counts, []int{50, 50, 50}) {
		t.Errorf("Classes: got %q with counts %v, want %q with 50 each", names, counts, want)
	}
	tab.X[0] = -1
	if Iris().X[0] != 5.1 {
		t.Error("modifying one Iris() result changed the next")
	}
}

func TestLynx(t *testing.T) {
	v, years := Lynx(), LynxYears()
	if len(v) != 114 || len(years) != 114 {
		t.Fatalf("got %d values and %d years, want 114 of each", len(v), len(years))
	}
	tests := []struct {
		i, year int
		want    float64
	}{
		{0, 1821, 269},
		{1, 1822, 321},
		{112, 1933, 2657},
		{113, 1934, 3396},
	}
	for _, tt := range tests {
		if years[tt.i] != tt.year || v[tt.i] != tt.want {
			t.Errorf("value %d: got year %d, %v; want %d, %v", tt.i, years[tt.i], v[tt.i], tt.year, tt.want)
		}
	}
	for i, y := range years {
		if y != 1821+i {
			t.Errorf("year %d: got %d, want %d", i, y, 1821+i)
			break
		}
	}
}

func ExampleIris() {
	iris := Iris()
	fmt.Println(iris.Rows, iris.Header)
	fmt.Println(iris.Row(50), iris.Labels[50])
	// Output:
	// 150 [sepal_length_cm sepal_width_cm petal_length_cm petal_width_cm]
	// [7 3.2 4.7 1.4] versicolor
}
