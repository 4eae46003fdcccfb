package data

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		target     string
		wantHeader []string
		wantTarget string
		wantX      []float64
		wantLabels []string
		wantLines  []int
	}{
		{"last column", "a,b,y\n1,2,p\n3,4.5,q\n", "",
			[]string{"a", "b"}, "y", []float64{1, 2, 3, 4.5}, []string{"p", "q"}, []int{2, 3}},
		{"named middle column", "a,y,b\n1,p,2\n-3,q,4e1\n", "y",
			[]string{"a", "b"}, "y", []float64{1, 2, -3, 40}, []string{"p", "q"}, []int{2, 3}},
		{"spaces, BOM, blank and CRLF lines", "\uFEFFh , w,sex\r\n\r\n 170 , 65 , male \r\n", "sex",
			[]string{"h", "w"}, "sex", []float64{170, 65}, []string{"male"}, []int{3}},
		{"quoted fields", "\"x\",\"label\"\n\"1.5\",\"a,b\"\n", "",
			[]string{"x"}, "label", []float64{1.5}, []string{"a,b"}, []int{2}},
		{"target only", "v\n1\n2\n", "",
			[]string{}, "v", nil, []string{"1", "2"}, []int{2, 3}},
	}
	for _, tt := range tests {
		got, err := ReadCSV(strings.NewReader(tt.in), "t.csv", tt.target)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !slices.Equal(got.Header, tt.wantHeader) || got.Target != tt.wantTarget ||
			!slices.Equal(got.X, tt.wantX) || !slices.Equal(got.Labels, tt.wantLabels) || !slices.Equal(got.Lines, tt.wantLines) {
			t.Errorf("%s: got header %q target %q X %v labels %q lines %v; want %q %q %v %q %v", tt.name,
				got.Header, got.Target, got.X, got.Labels, got.Lines,
				tt.wantHeader, tt.wantTarget, tt.wantX, tt.wantLabels, tt.wantLines)
		}
		if got.Rows != len(tt.wantLabels) || got.Cols != len(tt.wantHeader) {
			t.Errorf("%s: got %dx%d, want %dx%d", tt.name, got.Rows, got.Cols, len(tt.wantLabels), len(tt.wantHeader))
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name, in, target, want string
	}{
		{"empty", "", "", "iris.csv: empty file, want a header row"},
		{"blank lines only", "\n\n", "", "iris.csv: empty file, want a header row"},
		{"header only", "a,b\n", "", "iris.csv: no data rows after the header"},
		{"not a number", "petal_length,species\n1,a\n\n2,b\nabc,c\n", "species",
			`iris.csv:5: column "petal_length": "abc" is not a number`},
		{"NaN", "x,y\nNaN,a\n", "", `iris.csv:2: column "x": "NaN" is not a number`},
		{"Inf", "x,y\n1,a\n-Inf,a\n", "", `iris.csv:3: column "x": "-Inf" is not a number`},
		{"empty field", "x,z,y\n1,,a\n", "", `iris.csv:2: column "z": "" is not a number`},
		{"too few fields", "a,b,y\n1,2,p\n3,q\n", "", "iris.csv:3: 2 fields, want 3 as in the header"},
		{"too many fields", "a,y\n1,p,9\n", "", "iris.csv:2: 3 fields, want 2 as in the header"},
		{"missing target", "a,b,y\n1,2,p\n", "species", `iris.csv:1: no target column "species" (columns: a, b, y)`},
		{"duplicate column", "a,a,y\n1,2,p\n", "", `iris.csv:1: column "a" appears twice`},
		{"unnamed column", "a,,y\n1,2,p\n", "", "iris.csv:1: column 2 has no name"},
		{"bad quote", "a,y\n1,\"p\n", "", "iris.csv:2: "},
	}
	for _, tt := range tests {
		_, err := ReadCSV(strings.NewReader(tt.in), "iris.csv", tt.target)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one starting %q", tt.name, err, tt.want)
		}
	}
}

func TestTableHelpers(t *testing.T) {
	tab, err := ReadCSV(strings.NewReader("a,b,y\n1,2,7\n3,4,x\n5,6,7\n"), "t.csv", "y")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tab.Row(1), []float64{3, 4}; !slices.Equal(got, want) {
		t.Errorf("Row(1): got %v, want %v", got, want)
	}
	if got, want := tab.Column(1), []float64{2, 4, 6}; !slices.Equal(got, want) {
		t.Errorf("Column(1): got %v, want %v", got, want)
	}
	names, y := tab.Classes()
	if wantNames, wantY := []string{"7", "x"}, []int{0, 1, 0}; !slices.Equal(names, wantNames) || !slices.Equal(y, wantY) {
		t.Errorf("Classes(): got %q %v, want %q %v", names, y, wantNames, wantY)
	}
	_, err = tab.TargetValues()
	if want := `t.csv:3: column "y": "x" is not a number`; err == nil || err.Error() != want {
		t.Errorf("TargetValues: got error %v, want %q", err, want)
	}
}

func FuzzCSV(f *testing.F) {
	f.Add("a,b,y\n1,2,p\n3,4,q\n", "")
	f.Add("sepal,species\n5.1,setosa\n", "species")
	f.Add("x,y\n\"1\",\"a\"\"b\"\n", "x")
	f.Add("\uFEFFa\r\n1e308\r\n", "")
	f.Add("a,b\n1\n", "b")
	f.Fuzz(func(t *testing.T, in, target string) {
		tab, err := ReadCSV(strings.NewReader(in), "fuzz.csv", target)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		if tab.Rows < 1 || len(tab.X) != tab.Rows*tab.Cols || len(tab.Labels) != tab.Rows ||
			len(tab.Lines) != tab.Rows || len(tab.Header) != tab.Cols {
			t.Fatalf("inconsistent table: %d rows, %d cols, %d values, %d labels, %d lines, %d names",
				tab.Rows, tab.Cols, len(tab.X), len(tab.Labels), len(tab.Lines), len(tab.Header))
		}
		if target != "" && tab.Target != target {
			t.Errorf("target: got %q, want %q", tab.Target, target)
		}
		for _, v := range tab.X {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("table holds %v", v)
			}
		}
		_, _ = tab.Classes()
		_, _ = tab.TargetValues()
	})
}
