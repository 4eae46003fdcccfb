package trace

import (
	"fmt"
	"strconv"
	"strings"

	"nnscratch/matrix"
)

// Ints formats a matrix of whole numbers as numpy prints an integer array,
// such as a source program's X = np.array([[0, 0, 1], …]): right-aligned
// to the widest number, without a decimal point.
func Ints(m *matrix.Matrix) string {
	words, width := make([]string, len(m.Data)), 0
	for i, v := range m.Data {
		words[i] = strconv.FormatFloat(v, 'f', 0, 64)
		width = max(width, len(words[i]))
	}
	rows := make([]string, m.Rows)
	for i := range rows {
		cells := make([]string, m.Cols)
		for j := range cells {
			cells[j] = fmt.Sprintf("%*s", width, words[i*m.Cols+j])
		}
		rows[i] = "[" + strings.Join(cells, " ") + "]"
	}
	return "[" + strings.Join(rows, "\n ") + "]"
}

// PrintInts writes "name =" and m as Ints formats it when the current step
// is printed.
func (t *Trace) PrintInts(name string, m *matrix.Matrix) {
	if !t.On() {
		return
	}
	fmt.Fprintf(t.W, "%s =\n%s\n", name, Ints(m))
}
