// Command ulps prints, for 200,001 evenly spaced x in [−20, 20], the bits
// of portable.Exp(x), portable.Tanh(x) and 1/(1+portable.Exp(−x)) in hex (nn's
// exponential, tanh and sigmoid, the same bits on every platform), one x a
// line, for ulps.py to compare with numpy's exp and tanh and SciPy's
// expit (the package documentation quotes the result):
//
//	go run ./nn/mlp/testdata/ulps | /usr/bin/python3 nn/mlp/testdata/ulps.py
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"

	"nnscratch/matrix/portable"
)

// n is the number of points; ulps.py spaces them the same way.
const n = 200001

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i := range n {
		x := -20 + 40*float64(i)/float64(n-1)
		fmt.Fprintf(w, "%x %x %x\n", math.Float64bits(portable.Exp(x)), math.Float64bits(portable.Tanh(x)), math.Float64bits(1/(1+portable.Exp(-x))))
	}
}
