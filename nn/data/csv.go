package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Table is a numeric table read from a CSV file with a header row: the
// feature columns as float64 and one target column kept as text (a class
// name such as "setosa", or a number to be parsed with TargetValues).
//
// X is row-major: feature j of row i is X[i*Cols+j], named Header[j]. The
// memory cost is 8 bytes per feature value plus the label strings.
type Table struct {
	Name       string    // the file name given to ReadCSV, used in messages
	Header     []string  // names of the Cols feature columns, in file order
	Target     string    // name of the target column
	Rows, Cols int       // Rows data rows, Cols feature columns
	X          []float64 // feature j of row i is X[i*Cols+j]
	Labels     []string  // Labels[i] is the target field of row i, spaces trimmed
	Lines      []int     // Lines[i] is the line of the file where row i starts
}

// ReadCSV reads a CSV table with the default budget; see Limits.ReadCSV.
func ReadCSV(r io.Reader, name, target string) (*Table, error) {
	return Limits{}.ReadCSV(r, name, target)
}

// ReadCSV reads a CSV table with a header row from r. The column named
// target is the label column ("" means the last column); every other column
// must hold a finite number in every row. Fields may have spaces around
// them; blank lines are skipped; a UTF-8 byte order mark is ignored.
//
// name is used in error messages, which give the file, the line and the
// column, for example
//
//	iris.csv:17: column "petal_length": "abc" is not a number
//
// Fields quoted in messages are cut to their first 40 bytes.
//
// It is an error for the file to be empty, to have no data rows, to repeat
// or leave empty a column name, to lack the target column, to have a row
// with a different number of fields than the header, or to hold more than
// l.MaxBytes of text (the error wraps ErrBudget; reading stops there, and
// the numbers read take at most 4·MaxBytes as float64).
func (l Limits) ReadCSV(r io.Reader, name, target string) (*Table, error) {
	br := &budgetReader{r: r, max: l.max()}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // ragged rows are reported below, with the line
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file, want a header row", name)
	}
	if err != nil {
		return nil, l.csvError(name, br, err)
	}
	line, _ := cr.FieldPos(0)
	cols := make([]string, len(header))
	seen := make(map[string]bool, len(header))
	for j, h := range header {
		if j == 0 {
			h = strings.TrimPrefix(h, "\uFEFF")
		}
		h = strings.TrimSpace(h)
		if h == "" {
			return nil, fmt.Errorf("%s:%d: column %d has no name", name, line, j+1)
		}
		if seen[h] {
			return nil, fmt.Errorf("%s:%d: column %s appears twice", name, line, quote(h))
		}
		seen[h] = true
		cols[j] = h
	}
	ti := len(cols) - 1
	if target != "" {
		ti = -1
		for j, h := range cols {
			if h == target {
				ti = j
			}
		}
		if ti < 0 {
			return nil, fmt.Errorf("%s:%d: no target column %s (columns: %s)", name, line, quote(target), columnList(cols))
		}
	}
	t := &Table{Name: name, Target: cols[ti], Cols: len(cols) - 1}
	t.Header = append(append(t.Header, cols[:ti]...), cols[ti+1:]...)

	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, l.csvError(name, br, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(cols) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d as in the header", name, line, len(rec), len(cols))
		}
		for j, f := range rec {
			f = strings.TrimSpace(f)
			if j == ti {
				t.Labels = append(t.Labels, strings.Clone(f)) // not the whole record's string
				continue
			}
			v, err := strconv.ParseFloat(f, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%s:%d: column %s: %s is not a number", name, line, quote(cols[j]), quote(f))
			}
			t.X = append(t.X, v)
		}
		t.Lines = append(t.Lines, line)
		t.Rows++
	}
	if t.Rows == 0 {
		return nil, fmt.Errorf("%s: no data rows after the header", name)
	}
	return t, nil
}

func (l Limits) csvError(name string, br *budgetReader, err error) error {
	if errors.Is(err, ErrBudget) {
		return l.budgetError(name, fmt.Sprintf("more than %d bytes of text", br.n))
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Row returns the features of row i, a sub-slice of t.X (not a copy). It
// panics if i is not in [0, Rows).
func (t *Table) Row(i int) []float64 {
	if i < 0 || i >= t.Rows {
		panic(fmt.Sprintf("data: Table.Row(%d) out of range [0,%d)", i, t.Rows))
	}
	return t.X[i*t.Cols : (i+1)*t.Cols : (i+1)*t.Cols]
}

// Column returns a copy of feature column j. It panics if j is not in
// [0, Cols).
func (t *Table) Column(j int) []float64 {
	if j < 0 || j >= t.Cols {
		panic(fmt.Sprintf("data: Table.Column(%d) out of range [0,%d)", j, t.Cols))
	}
	out := make([]float64, t.Rows)
	for i := range out {
		out[i] = t.X[i*t.Cols+j]
	}
	return out
}

// Classes numbers the distinct labels in order of first appearance: y[i] is
// the class of row i and names[y[i]] == Labels[i]. For Iris this gives
// setosa 0, versicolor 1, virginica 2.
func (t *Table) Classes() (names []string, y []int) {
	index := make(map[string]int)
	y = make([]int, t.Rows)
	for i, l := range t.Labels {
		c, ok := index[l]
		if !ok {
			c = len(names)
			index[l] = c
			names = append(names, l)
		}
		y[i] = c
	}
	return names, y
}

// TargetValues parses the target column as numbers, for regression targets
// and series. An error names the file, line and column of the first field
// that is not a finite number.
func (t *Table) TargetValues() ([]float64, error) {
	out := make([]float64, t.Rows)
	for i, l := range t.Labels {
		v, err := strconv.ParseFloat(l, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			line := 0
			if i < len(t.Lines) {
				line = t.Lines[i]
			}
			return nil, fmt.Errorf("%s:%d: column %s: %s is not a number", t.Name, line, quote(t.Target), quote(l))
		}
		out[i] = v
	}
	return out, nil
}

// columnList joins the column names for a message: the first ten of them,
// each cut to 40 bytes, and a count of the rest.
func columnList(cols []string) string {
	const show = 10
	short := make([]string, min(len(cols), show))
	for i := range short {
		c, whole := cut(cols[i])
		if !whole {
			c += "…"
		}
		short[i] = c
	}
	if len(cols) <= show {
		return strings.Join(short, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(short, ", "), len(cols)-show)
}
