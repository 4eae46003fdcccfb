package nn

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"nnscratch/matrix"
)

// The format and version a model file states.
const (
	modelFormat  = "nnscratch/nn.Network"
	modelVersion = 2
)

// A Model is what a model file holds: a network and what prediction needs
// beside it.
//
// A model file is JSON with one matrix row per line. Version 2, which Save
// writes, declares the layer sizes before the numbers, so that Load can
// check them against its Limits before it allocates anything:
//
//	{"format": "nnscratch/nn.Network", "version": 2,
//	 "sizes": [4, 3, 2],
//	 "scaler": {"kind": "standard",
//	  "mean": [5.84, 3.05, 3.76, 1.2],
//	  "scale": [0.83, 0.43, 1.76, 0.76]},
//	 "classes": ["setosa", "other"],
//	 "meta": {…},
//	 "layers": [
//	  {"activation": {"name": "relu", "at_zero": 0},
//	   "bias": [0.1, -0.2, 0.3],
//	   "weights": [
//	    [0.5, -1.25, 2],
//	    …]},
//	  …]}
//
// "format" comes first and "version" second; "sizes" (the inputs, then
// each layer's units) comes before "scaler", "classes" and "layers";
// "scaler", "classes" and "meta" are optional; a layer without "bias" has
// none; a MinMaxScaler is {"kind": "minmax", "lo", "hi", "min", "max"}.
// Every float64 is written in the shortest form that reads back to the
// same bits. Version 1, written before this one, had only "format",
// "version" and "layers", one number per line; Load still reads it.
type Model struct {
	Network *Network

	// Scaler, if not nil, is the *StandardScaler or *MinMaxScaler
	// fitted to the training inputs; Predict applies it first.
	Scaler Scaler

	// Classes, if not nil, names the classes: one per output unit, or
	// two for a single logistic output unit (Classes[1] when the output
	// exceeds 0.5, Classes[0] otherwise).
	Classes []string

	// Meta, if not nil, is a JSON object kept for the package that
	// trained the network (nn/mlp keeps scikit-learn's parameters there).
	// Save writes it as it is and Load returns it as it was, checking only
	// that it is an object without repeated keys.
	Meta json.RawMessage
}

// A Scaler transforms inputs column by column; a Model saves and loads
// *StandardScaler and *MinMaxScaler.
type Scaler interface {
	Transform(x *matrix.Matrix) *matrix.Matrix
}

// Predict returns the network's output for the batch x (rows = samples),
// scaled by m.Scaler first if there is one: Network.Predict of
// Scaler.Transform(x). It panics as they do on a shape mismatch.
func (m *Model) Predict(x *matrix.Matrix) *matrix.Matrix {
	if m.Scaler != nil {
		x = m.Scaler.Transform(x)
	}
	return m.Network.Predict(x)
}

// Save writes the network alone to a model file; see Model.Save.
func (n *Network) Save(path string) error {
	return (&Model{Network: n}).Save(path)
}

// WriteTo writes m to w in the model file format (see Save) and returns
// the number of bytes written. It writes nothing and returns an error
// naming the layer, row and value if m holds what Load would refuse: a NaN
// or infinite parameter, layers whose shapes do not chain, an activation
// that is not one of this package's or whose parameter is out of range
// (ReLU's AtZero outside [0, 1], LeakyReLU's Slope outside [0, 1]), a
// scaler or class list that does not fit the network, a Meta that is not a
// JSON object or repeats a key.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if err := m.check(); err != nil {
		return 0, fmt.Errorf("nn: model: %w", err)
	}
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	mw := modelWriter{w: bw}
	mw.model(m)
	err := bw.Flush()
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// modelWriter writes the text of a checked model, one row per line.
type modelWriter struct {
	w   *bufio.Writer // its first error is reported by Flush
	buf []byte
}

func (mw *modelWriter) model(m *Model) {
	mw.printf("{\"format\": %s, \"version\": %d,\n \"sizes\": ", jsonString(modelFormat), modelVersion)
	mw.ints(m.Network.Sizes())
	switch s := m.Scaler.(type) {
	case *StandardScaler:
		mw.printf(",\n \"scaler\": {\"kind\": \"standard\",\n  \"mean\": ")
		mw.floats(s.Mean)
		mw.printf(",\n  \"scale\": ")
		mw.floats(s.Scale)
		mw.printf("}")
	case *MinMaxScaler:
		mw.printf(",\n \"scaler\": {\"kind\": \"minmax\", \"lo\": %s, \"hi\": %s,\n  \"min\": ", num(s.Lo), num(s.Hi))
		mw.floats(s.Min)
		mw.printf(",\n  \"max\": ")
		mw.floats(s.Max)
		mw.printf("}")
	}
	if m.Classes != nil {
		mw.printf(",\n \"classes\": [")
		for i, c := range m.Classes {
			if i > 0 {
				mw.printf(", ")
			}
			mw.printf("%s", jsonString(c))
		}
		mw.printf("]")
	}
	if m.Meta != nil {
		mw.printf(",\n \"meta\": %s", bytes.TrimSpace(m.Meta))
	}
	mw.printf(",\n \"layers\": [")
	for i, l := range m.Network.Layers {
		if i > 0 {
			mw.printf(",")
		}
		mw.printf("\n  {\"activation\": {\"name\": %s", jsonString(l.Act.Name()))
		switch f := l.Act.(type) {
		case ReLU:
			mw.printf(", \"at_zero\": %s", num(f.AtZero))
		case LeakyReLU:
			mw.printf(", \"slope\": %s", num(f.Slope))
		}
		mw.printf("},")
		if l.B != nil {
			mw.printf("\n   \"bias\": ")
			mw.floats(l.B.Data)
			mw.printf(",")
		}
		mw.printf("\n   \"weights\": [")
		for r := range l.W.Rows {
			if r > 0 {
				mw.printf(",")
			}
			mw.printf("\n    ")
			mw.floats(l.W.Row(r))
		}
		mw.printf("]}")
	}
	mw.printf("]}\n")
}

func (mw *modelWriter) printf(format string, args ...any) {
	fmt.Fprintf(mw.w, format, args...)
}

// floats writes v as a JSON array on one line.
func (mw *modelWriter) floats(v []float64) {
	b := append(mw.buf[:0], '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	mw.buf = append(b, ']')
	mw.w.Write(mw.buf)
}

func (mw *modelWriter) ints(v []int) {
	b := append(mw.buf[:0], '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	mw.buf = append(b, ']')
	mw.w.Write(mw.buf)
}

// num formats a finite x in the shortest form that reads back exactly.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// jsonString quotes s as a JSON string, leaving <, > and & as they are.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}
