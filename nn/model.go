package nn

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"nnscratch/matrix"
)

// A model file is JSON, one matrix row per line. Version 2, which Save
// writes, declares the layer sizes before the numbers so that Load can
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
// "format" comes first and "version" second; "sizes" comes before the
// fields it governs; "scaler", "classes" and "meta" are optional; a layer
// without "bias" has none. Every float64 is written in the shortest form
// that reads back to the same bits. Version 1, written before this one,
// had only "format", "version" and "layers" (without "sizes"); Load still
// reads it.
const (
	modelFormat  = "nnscratch/nn.Network"
	modelVersion = 2
)

// A Model is what a model file holds: a network and what prediction needs
// beside it.
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

// check reports the first thing in m that a model file cannot hold or that
// Load would refuse. Layers, rows and values are counted from 1.
func (m *Model) check() error {
	if m.Network == nil || len(m.Network.Layers) == 0 {
		return errors.New("no network")
	}
	var prev *Layer
	for i, l := range m.Network.Layers {
		if l.W == nil || l.W.Rows == 0 || l.W.Cols == 0 {
			return fmt.Errorf("layer %d: no weights", i+1)
		}
		if prev != nil && l.FanIn() != prev.FanOut() {
			return fmt.Errorf("layer %d: %d inputs, but layer %d has %d units", i+1, l.FanIn(), i, prev.FanOut())
		}
		if err := checkActivation(l.Act); err != nil {
			return fmt.Errorf("layer %d: %w", i+1, err)
		}
		for k, v := range l.W.Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("layer %d: weights row %d value %d is %v", i+1, k/l.W.Cols+1, k%l.W.Cols+1, v)
			}
		}
		if l.B != nil {
			if l.B.Rows != 1 || l.B.Cols != l.W.Cols {
				return fmt.Errorf("layer %d: bias is %dx%d, want 1x%d", i+1, l.B.Rows, l.B.Cols, l.W.Cols)
			}
			if err := checkFinite("bias", l.B.Data); err != nil {
				return fmt.Errorf("layer %d: %w", i+1, err)
			}
		}
		prev = l
	}
	if err := checkScaler(m.Scaler, m.Network.Layers[0].FanIn()); err != nil {
		return err
	}
	if err := checkClasses(m.Classes, prev.FanOut()); err != nil {
		return err
	}
	if m.Meta != nil {
		if err := checkMeta(m.Meta); err != nil {
			return fmt.Errorf("meta: %w", err)
		}
	}
	return nil
}

// checkActivation reports an activation a model file cannot name, or a
// parameter no trained network has: ReLU's subgradient at 0 lies in
// [0, 1], and a leaky ReLU's slope in [0, 1].
func checkActivation(a Activation) error {
	switch f := a.(type) {
	case ReLU:
		if !(f.AtZero >= 0 && f.AtZero <= 1) {
			return fmt.Errorf("activation relu: at_zero is %v, want a value in [0, 1]", f.AtZero)
		}
	case LeakyReLU:
		if !(f.Slope >= 0 && f.Slope <= 1) {
			return fmt.Errorf("activation leaky_relu: slope is %v, want a value in [0, 1]", f.Slope)
		}
	case Sigmoid, Tanh, Identity, Softmax:
	case nil:
		return errors.New("no activation")
	default:
		return fmt.Errorf("activation %s (%T) is not one a model file can name", a.Name(), a)
	}
	return nil
}

func checkFinite(what string, v []float64) error {
	for k, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%s value %d is %v", what, k+1, x)
		}
	}
	return nil
}

// checkScaler reports a scaler of the wrong width or with values no fit
// produces: a non-finite value, a standard deviation that is not positive,
// a minimum above the maximum, a range [Lo, Hi] with Lo ≥ Hi (other than
// 0, 0, which means [0, 1]).
func checkScaler(s Scaler, inputs int) error {
	width := func(what string, v []float64) error {
		if len(v) != inputs {
			return fmt.Errorf("scaler: %s has %s, want %d (one per input)", what, count(len(v), "value"), inputs)
		}
		if err := checkFinite(what, v); err != nil {
			return fmt.Errorf("scaler: %w", err)
		}
		return nil
	}
	switch s := s.(type) {
	case nil:
	case *StandardScaler:
		if err := cmp.Or(width("mean", s.Mean), width("scale", s.Scale)); err != nil {
			return err
		}
		for j, v := range s.Scale {
			if !(v > 0) {
				return fmt.Errorf("scaler: scale value %d is %v, want a standard deviation above 0", j+1, v)
			}
		}
	case *MinMaxScaler:
		if err := cmp.Or(width("min", s.Min), width("max", s.Max), checkFinite("lo and hi", []float64{s.Lo, s.Hi})); err != nil {
			return err
		}
		if !(s.Lo < s.Hi) && (s.Lo != 0 || s.Hi != 0) {
			return fmt.Errorf("scaler: range [%v, %v] is empty, want lo < hi", s.Lo, s.Hi)
		}
		for j := range s.Min {
			if s.Min[j] > s.Max[j] {
				return fmt.Errorf("scaler: min value %d is %v, above max %v", j+1, s.Min[j], s.Max[j])
			}
		}
	default:
		return fmt.Errorf("scaler %T is not one a model file can hold (want *nn.StandardScaler or *nn.MinMaxScaler)", s)
	}
	return nil
}

// checkClasses reports class names that do not fit outputs output units,
// that repeat, or that are not valid UTF-8.
func checkClasses(classes []string, outputs int) error {
	if classes == nil {
		return nil
	}
	if len(classes) != outputs && !(outputs == 1 && len(classes) == 2) {
		want := strconv.Itoa(outputs)
		if outputs == 1 {
			want = "2 (for the one logistic output)"
		}
		return fmt.Errorf("classes: %s for %d output units, want %s", count(len(classes), "name"), outputs, want)
	}
	seen := make(map[string]bool, len(classes))
	for i, c := range classes {
		if !utf8.ValidString(c) {
			return fmt.Errorf("classes: name %d is not valid UTF-8", i+1)
		}
		if seen[c] {
			return fmt.Errorf("classes: %s appears twice", quoteShort(c))
		}
		seen[c] = true
	}
	return nil
}

// MaxMetaBytes is the most a Model's Meta may take, in a file or in
// memory.
const MaxMetaBytes = 4 << 20

// checkMeta reports a Meta that is too long, is not a JSON object, or has
// an object (at any depth) that repeats a key.
func checkMeta(raw []byte) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) > MaxMetaBytes {
		return fmt.Errorf("%d bytes, more than nn.MaxMetaBytes (%d)", len(raw), MaxMetaBytes)
	}
	if !json.Valid(raw) {
		return errors.New("not valid JSON")
	}
	return walkObject(json.NewDecoder(bytes.NewReader(raw)).Token)
}

// walkObject reads one JSON object token by token from next and reports
// a key that appears twice in the same object, at any depth.
func walkObject(next func() (json.Token, error)) error {
	type level struct {
		keys    map[string]bool // nil for an array
		wantKey bool
	}
	var stack []level
	for {
		t, err := next()
		if err != nil {
			return err
		}
		n := len(stack)
		switch {
		case n == 0 && t != json.Delim('{'):
			return errors.New("not a JSON object")
		case n > 0 && stack[n-1].wantKey && t != json.Delim('}'):
			k, _ := t.(string)
			if stack[n-1].keys[k] {
				return fmt.Errorf("field %s appears twice", quoteShort(k))
			}
			stack[n-1].keys[k], stack[n-1].wantKey = true, false
			continue
		case t == json.Delim('{'):
			stack = append(stack, level{keys: map[string]bool{}, wantKey: true})
			continue
		case t == json.Delim('['):
			stack = append(stack, level{})
			continue
		case t == json.Delim('}') || t == json.Delim(']'):
			stack = stack[:n-1]
		}
		// A value ended: the object around it wants its next key.
		if n := len(stack); n == 0 {
			return nil
		} else if stack[n-1].keys != nil {
			stack[n-1].wantKey = true
		}
	}
}

// count returns "1 row", "2 rows".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// cut returns s, or its first 40 bytes and its length if it is longer.
func cut(s string) string {
	if len(s) <= 40 {
		return s
	}
	return s[:40] + fmt.Sprintf("… (%d bytes)", len(s))
}

// quoteShort quotes s for an error message, cut to its first 40 bytes.
func quoteShort(s string) string {
	const max = 40
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + fmt.Sprintf("… (%d bytes)", len(s))
}
