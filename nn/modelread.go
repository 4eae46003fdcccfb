package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"nnscratch/matrix"
)

// modelReader reads a model file token by token, so that no number is
// stored before the size it belongs to has been checked against the
// limits. Its errors are *posErrors, placed at the token that caused them.
type modelReader struct {
	dec    *json.Decoder
	src    *lineReader
	lim    Limits
	size   int64 // the file's length, or -1 if unknown
	params int   // numbers allocated so far, against lim.MaxParams
}

func newModelReader(src *lineReader, size int64, lim Limits) *modelReader {
	dec := json.NewDecoder(src)
	dec.UseNumber()
	return &modelReader{dec: dec, src: src, lim: lim, size: size}
}

// A posError is an error at byte offset off of the file.
type posError struct {
	off    int64
	err    error
	column bool // a syntax error: give the column too
}

func (e *posError) Error() string { return e.err.Error() }
func (e *posError) Unwrap() error { return e.err }

// errorf returns an error placed at the last token read.
func (r *modelReader) errorf(format string, args ...any) error {
	return &posError{off: max(r.dec.InputOffset()-1, 0), err: fmt.Errorf(format, args...)}
}

// errTooLarge is returned by lineReader beyond its limit.
type errTooLarge struct{ max int64 }

func (e errTooLarge) Error() string { return tooLarge(e.max).Error() }

// tok returns the next token, turning the decoder's errors into the
// file's terms.
func (r *modelReader) tok() (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, r.syntax(syn, "")
	case err == io.EOF && r.dec.InputOffset() == 0:
		return nil, errors.New("empty file")
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return nil, r.errorf("the file ends before the model does (truncated?)")
	}
	return nil, err
}

// syntax places a syntax error at the character it names. The decoder's
// own offset cannot be trusted for that: when Token finds a character that
// cannot come next, the offset is that of the blanks before it, and for an
// error inside a value it decodes (a literal, or meta) it counts only the
// bytes that earlier decoded values took. The error lies in the value that
// starts at InputOffset, so decoding that value again from the bytes kept
// finds the character.
func (r *modelReader) syntax(syn *json.SyntaxError, prefix string) error {
	at := r.dec.InputOffset()
	off := int64(-1)
	for _, ctx := range []string{"after array element", "object key string", "after object key", "key:value pair"} {
		if prefix == "" && strings.HasSuffix(syn.Error(), ctx) {
			off = r.src.skipBlanks(at)
		}
	}
	if b, ok := r.src.from(at); ok && off < 0 {
		var again *json.SyntaxError
		if errors.As(json.NewDecoder(bytes.NewReader(b)).Decode(new(json.RawMessage)), &again) {
			off = at + again.Offset - 1
		} else {
			off = r.src.skipBlanks(at)
		}
	}
	if off < 0 { // the value began before the bytes kept
		return &posError{off: at, err: fmt.Errorf("%sin the value that starts here: %v", prefix, syn)}
	}
	return &posError{off: off, err: errors.New(prefix + syn.Error()), column: true}
}

// describe names a token that is not what was wanted.
func describe(t json.Token) string {
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '[':
			return "an array"
		case '{':
			return "an object"
		}
		return "the end of the " + map[json.Delim]string{']': "array", '}': "object"}[t]
	case string:
		return "the string " + quoteShort(t)
	case json.Number:
		return "the number " + string(t)
	case bool:
		return strconv.FormatBool(t)
	}
	return "null"
}

// delim reads the opening delimiter d of what.
func (r *modelReader) delim(d json.Delim, what string) error {
	t, err := r.tok()
	if err != nil {
		return err
	}
	if t != d {
		want := "an array"
		if d == '{' {
			want = "an object"
		}
		return r.errorf("%s is %s, want %s", what, describe(t), want)
	}
	return nil
}

// object reads an object, calling field for each key, which must read the
// key's value. A repeated key is an error.
func (r *modelReader) object(what string, field func(key string) error) error {
	if err := r.delim('{', what); err != nil {
		return err
	}
	seen := map[string]bool{}
	for {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			return nil
		}
		key, _ := t.(string) // the decoder allows only strings here
		if seen[key] {
			return r.errorf("%s: field %s appears twice", what, quoteShort(key))
		}
		seen[key] = true
		if err := field(key); err != nil {
			return err
		}
	}
}

// unknown is the error of a key that has no place in what.
func (r *modelReader) unknown(what, key, want string) error {
	return r.errorf("%s: unknown field %s (want %s)", what, quoteShort(key), want)
}

func (r *modelReader) str(what string) (string, error) {
	t, err := r.tok()
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", r.errorf("%s is %s, want a string", what, describe(t))
	}
	return s, nil
}

// number reads a finite float64.
func (r *modelReader) number(what string) (float64, error) {
	t, err := r.tok()
	if err != nil {
		return 0, err
	}
	return r.float(t, what, 0)
}

// float converts the token t, value i (from 1; 0 for a lone number) of
// what, to a finite float64.
func (r *modelReader) float(t json.Token, what string, i int) (float64, error) {
	n, ok := t.(json.Number)
	if ok {
		v, err := strconv.ParseFloat(string(n), 64)
		if err == nil && !math.IsInf(v, 0) {
			return v, nil
		}
	}
	if i > 0 {
		what = fmt.Sprintf("%s value %d", what, i)
	}
	if !ok {
		return 0, r.errorf("%s is %s, want a number", what, describe(t))
	}
	return 0, r.errorf("%s is %s, beyond the range of float64", what, cut(string(n)))
}

// integer reads an int in [lo, hi].
func (r *modelReader) integer(what string, lo, hi int) (int, error) {
	t, err := r.tok()
	if err != nil {
		return 0, err
	}
	n, ok := t.(json.Number)
	if !ok {
		return 0, r.errorf("%s is %s, want a whole number", what, describe(t))
	}
	v, err := strconv.Atoi(string(n))
	if err != nil || v < lo || v > hi {
		return 0, r.errorf("%s is %s, want a whole number from %d to %d", what, cut(string(n)), lo, hi)
	}
	return v, nil
}

// spend counts n more numbers against the limit before they are allocated.
func (r *modelReader) spend(n int, what string) error {
	if n > r.lim.MaxParams-r.params {
		return r.errorf("%s: the model holds more than the limit of %d numbers (nn.Limits.MaxParams raises it)", what, r.lim.MaxParams)
	}
	r.params += n
	return nil
}

// floats reads an array of exactly len(dst) numbers into dst. what names
// the array ("layer 2: weights row 3").
func (r *modelReader) floats(dst []float64, what string) error {
	if err := r.delim('[', what); err != nil {
		return err
	}
	for i := 0; ; i++ {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim(']') {
			if i < len(dst) {
				return r.errorf("%s has %s, want %d", what, count(i, "value"), len(dst))
			}
			return nil
		}
		if i == len(dst) {
			return r.errorf("%s has more than %d values, want %d", what, len(dst), len(dst))
		}
		if dst[i], err = r.float(t, what, i+1); err != nil {
			return err
		}
	}
}

// floatList reads an array of numbers whose length is not declared (the
// format of version 1), counting each against the limit.
func (r *modelReader) floatList(what string) ([]float64, error) {
	if err := r.delim('[', what); err != nil {
		return nil, err
	}
	var v []float64
	for {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		if t == json.Delim(']') {
			return v, nil
		}
		if err := r.spend(1, what); err != nil {
			return nil, err
		}
		x, err := r.float(t, what, len(v)+1)
		if err != nil {
			return nil, err
		}
		v = append(v, x)
	}
}

// model reads a whole file.
func (r *modelReader) model() (*Model, error) {
	if t, err := r.tok(); err != nil || t != json.Delim('{') {
		if err != nil && !isPos(err) {
			return nil, err
		}
		return nil, &posError{err: errors.New("not a model file: it does not start with a JSON object")}
	}
	key, err := r.tok()
	if err != nil {
		return nil, err
	}
	if key != "format" {
		return nil, r.errorf("not a model file: its first field is %s, want \"format\"", describe(key))
	}
	format, err := r.str("format")
	if err != nil {
		return nil, err
	}
	if format != modelFormat {
		return nil, r.errorf("format is %s, want %q", quoteShort(format), modelFormat)
	}
	if key, err = r.tok(); err != nil {
		return nil, err
	}
	if key != "version" {
		return nil, r.errorf("second field is %s, want \"version\"", describe(key))
	}
	version, err := r.integer("version", 0, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	var m *Model
	switch version {
	case 1:
		m, err = r.modelV1()
	case 2:
		m, err = r.modelV2()
	default:
		return nil, r.errorf("version %d: this program reads versions 1 and 2", version)
	}
	if err != nil {
		return nil, err
	}
	if _, err := r.dec.Token(); err != io.EOF {
		if _, ok := err.(errTooLarge); ok {
			return nil, err
		}
		return nil, r.errorf("data after the model's closing brace")
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

func isPos(err error) bool {
	var pe *posError
	return errors.As(err, &pe)
}

// modelV2 reads the fields after "version" of a version 2 file, and its
// closing brace.
func (r *modelReader) modelV2() (*Model, error) {
	m := &Model{}
	var sizes []int
	var layers []*Layer
	const fields = `"sizes", "scaler", "classes", "meta" or "layers"`
	err := r.fields("the model", func(key string) error {
		if sizes == nil && key != "sizes" && key != "meta" {
			if key == "scaler" || key == "classes" || key == "layers" {
				return r.errorf("%q comes before \"sizes\", which a model file declares first", key)
			}
			return r.unknown("the model", key, fields)
		}
		var err error
		switch key {
		case "sizes":
			sizes, err = r.sizes()
		case "scaler":
			m.Scaler, err = r.scaler(sizes[0])
		case "classes":
			m.Classes, err = r.classes(sizes[len(sizes)-1])
		case "meta":
			m.Meta, err = r.meta()
		case "layers":
			layers, err = r.layers(sizes)
		default:
			err = r.unknown("the model", key, fields)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if layers == nil {
		return nil, r.errorf("the model has no \"layers\"")
	}
	m.Network = NewNetwork(layers...)
	return m, nil
}

// fields reads the rest of an object whose first keys are read, calling
// field for each further key; "format" and "version" count as seen.
func (r *modelReader) fields(what string, field func(key string) error) error {
	seen := map[string]bool{"format": true, "version": true}
	for {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			return nil
		}
		key, _ := t.(string)
		if seen[key] {
			return r.errorf("%s: field %s appears twice", what, quoteShort(key))
		}
		seen[key] = true
		if err := field(key); err != nil {
			return err
		}
	}
}

// sizes reads the layer sizes and checks the numbers they declare against
// the limit.
func (r *modelReader) sizes() ([]int, error) {
	if err := r.delim('[', "sizes"); err != nil {
		return nil, err
	}
	var sizes []int
	total := 0 // weights, at most lim.MaxParams
	for r.dec.More() {
		if len(sizes) > r.lim.MaxParams {
			return nil, r.errorf("sizes: more than %d layers, more numbers than the limit of %d (nn.Limits.MaxParams raises it)", len(sizes), r.lim.MaxParams)
		}
		s, err := r.integer(fmt.Sprintf("sizes value %d", len(sizes)+1), 1, r.lim.MaxParams)
		if err != nil {
			return nil, err
		}
		if n := len(sizes); n > 0 {
			// Layer n has sizes[n-1] rows of s weights.
			if sizes[n-1] > (r.lim.MaxParams-total)/s {
				return nil, r.errorf("sizes: layer %d (%d×%d) takes the model past the limit of %d numbers (nn.Limits.MaxParams raises it)",
					n, sizes[n-1], s, r.lim.MaxParams)
			}
			total += sizes[n-1] * s
		}
		sizes = append(sizes, s)
	}
	if _, err := r.tok(); err != nil {
		return nil, err
	}
	if len(sizes) < 2 {
		return nil, r.errorf("sizes has %s, want the inputs and at least one layer", count(len(sizes), "value"))
	}
	// Each weight takes at least two bytes ("0,"): a file too short to
	// hold them lies, and is refused before the weights are allocated.
	weights := int64(0)
	for i := 1; i < len(sizes); i++ {
		weights += int64(sizes[i-1]) * int64(sizes[i])
	}
	if r.size >= 0 && 2*weights > r.size {
		return nil, r.errorf("sizes declare %d weights, more than a file of %d bytes can hold", weights, r.size)
	}
	return sizes, nil
}

// scaler reads a scaler for inputs columns.
func (r *modelReader) scaler(inputs int) (Scaler, error) {
	var kind string
	vecs := map[string][]float64{}
	nums := map[string]float64{}
	var keys []string
	err := r.object("scaler", func(key string) error {
		switch key {
		case "kind":
			s, err := r.str("scaler: kind")
			kind = s
			return err
		case "mean", "scale", "min", "max":
			keys = append(keys, key)
			if err := r.spend(inputs, "scaler: "+key); err != nil {
				return err
			}
			vecs[key] = make([]float64, inputs)
			return r.floats(vecs[key], "scaler: "+key)
		case "lo", "hi":
			keys = append(keys, key)
			v, err := r.number("scaler: " + key)
			nums[key] = v
			return err
		}
		return r.unknown("scaler", key, `"kind", "mean", "scale", "min", "max", "lo" or "hi"`)
	})
	if err != nil {
		return nil, err
	}
	want, ok := map[string][]string{"standard": {"mean", "scale"}, "minmax": {"lo", "hi", "min", "max"}}[kind]
	switch {
	case kind == "":
		return nil, r.errorf("scaler has no \"kind\"")
	case !ok:
		return nil, r.errorf("scaler: kind is %s, want \"standard\" or \"minmax\"", quoteShort(kind))
	}
	for _, k := range keys {
		if !slices.Contains(want, k) {
			return nil, r.errorf("scaler %q has no field %q", kind, k)
		}
	}
	if len(keys) != len(want) {
		return nil, r.errorf("scaler %q has fields %q, want %q", kind, keys, want)
	}
	if kind == "standard" {
		return &StandardScaler{Mean: vecs["mean"], Scale: vecs["scale"]}, nil
	}
	return &MinMaxScaler{Lo: nums["lo"], Hi: nums["hi"], Min: vecs["min"], Max: vecs["max"]}, nil
}

// classes reads the class names for outputs output units: at most
// max(outputs, 2) of them.
func (r *modelReader) classes(outputs int) ([]string, error) {
	if err := r.delim('[', "classes"); err != nil {
		return nil, err
	}
	most := max(outputs, 2)
	classes := []string{}
	for r.dec.More() {
		if len(classes) == most {
			return nil, r.errorf("classes: more than %d names for %d output units", most, outputs)
		}
		c, err := r.str(fmt.Sprintf("class %d", len(classes)+1))
		if err != nil {
			return nil, err
		}
		classes = append(classes, c)
	}
	_, err := r.tok()
	return classes, err
}

// meta reads the meta object token by token, checking its keys and its
// length, and returns its text as the file has it.
func (r *modelReader) meta() (json.RawMessage, error) {
	start := r.dec.InputOffset() // before the colon
	if !r.src.record(start) {
		return nil, r.errorf("meta: lost track of the bytes read") // tail holds the decoder's buffer
	}
	defer r.src.stopRecording()
	err := walkObject(func() (json.Token, error) {
		if r.dec.InputOffset()-start > MaxMetaBytes {
			return nil, r.errorf("meta: more than nn.MaxMetaBytes (%d bytes)", MaxMetaBytes)
		}
		return r.tok()
	})
	if err != nil {
		if isPos(err) {
			return nil, err
		}
		return nil, r.errorf("meta: %v", err)
	}
	raw := r.src.rec[:r.dec.InputOffset()-start]
	return bytes.Clone(bytes.TrimLeft(raw, " \t\r\n:")), nil
}

// layers reads len(sizes)-1 layers of the declared shapes.
func (r *modelReader) layers(sizes []int) ([]*Layer, error) {
	if err := r.delim('[', "layers"); err != nil {
		return nil, err
	}
	var layers []*Layer
	for r.dec.More() {
		i := len(layers)
		if i == len(sizes)-1 {
			return nil, r.errorf("layers: more than the %d that sizes declares", i)
		}
		l, err := r.layer(i+1, sizes[i], sizes[i+1])
		if err != nil {
			return nil, err
		}
		layers = append(layers, l)
	}
	if _, err := r.tok(); err != nil {
		return nil, err
	}
	if len(layers) != len(sizes)-1 {
		return nil, r.errorf("layers: %s, but sizes declares %d", count(len(layers), "layer"), len(sizes)-1)
	}
	return layers, nil
}

// layer reads layer number n (from 1), fanIn×fanOut; in a version 1 file,
// whose shapes are not declared, fanIn and fanOut are -1.
func (r *modelReader) layer(n, fanIn, fanOut int) (*Layer, error) {
	what := fmt.Sprintf("layer %d", n)
	var act Activation
	var w *matrix.Matrix
	var b []float64
	err := r.object(what, func(key string) error {
		var err error
		switch key {
		case "activation":
			act, err = r.activation(what)
		case "weights":
			w, err = r.weights(what+": weights", fanIn, fanOut)
		case "bias":
			if fanOut < 0 {
				b, err = r.floatList(what + ": bias")
				break
			}
			if err = r.spend(fanOut, what+": bias"); err == nil {
				b = make([]float64, fanOut)
				err = r.floats(b, what+": bias")
			}
		default:
			err = r.unknown(what, key, `"activation", "bias" or "weights"`)
		}
		return err
	})
	switch {
	case err != nil:
		return nil, err
	case act == nil:
		return nil, r.errorf("%s has no \"activation\"", what)
	case w == nil:
		return nil, r.errorf("%s has no \"weights\"", what)
	case b != nil && len(b) != w.Cols:
		return nil, r.errorf("%s: bias has %s, want %d (one per unit)", what, count(len(b), "value"), w.Cols)
	}
	var bias *matrix.Matrix
	if b != nil {
		bias = matrix.FromSlice(1, len(b), b)
	}
	return NewLayer(w, bias, act), nil
}

// weights reads a rows×cols matrix, one array per row; with rows and cols
// -1 (version 1) it takes the width from the first row.
func (r *modelReader) weights(what string, rows, cols int) (*matrix.Matrix, error) {
	if err := r.delim('[', what); err != nil {
		return nil, err
	}
	var data []float64
	n := 0
	if rows >= 0 {
		if err := r.spend(rows*cols, what); err != nil {
			return nil, err
		}
		data = make([]float64, rows*cols)
	}
	for ; r.dec.More(); n++ {
		row := fmt.Sprintf("%s row %d", what, n+1)
		if rows < 0 {
			v, err := r.floatList(row)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				cols = len(v)
			}
			if cols == 0 {
				return nil, r.errorf("%s is empty", row)
			}
			if len(v) != cols {
				return nil, r.errorf("%s has %s, row 1 has %d", row, count(len(v), "value"), cols)
			}
			data = append(data, v...)
			continue
		}
		if n == rows {
			return nil, r.errorf("%s: more than %d rows, want %d (one per input)", what, rows, rows)
		}
		if err := r.floats(data[n*cols:(n+1)*cols], row); err != nil {
			return nil, err
		}
	}
	if _, err := r.tok(); err != nil {
		return nil, err
	}
	if n == 0 || (rows >= 0 && n != rows) {
		return nil, r.errorf("%s has %s, want %d (one per input)", what, count(n, "row"), max(rows, 1))
	}
	return matrix.FromSlice(n, cols, data), nil
}

// activation reads a layer's activation object.
func (r *modelReader) activation(layer string) (Activation, error) {
	what := layer + ": activation"
	var name string
	var params = map[string]float64{}
	err := r.object(what, func(key string) error {
		var err error
		switch key {
		case "name":
			name, err = r.str(what + " name")
		case "at_zero", "slope":
			params[key], err = r.number(what + " " + key)
		default:
			err = r.unknown(what, key, `"name", "at_zero" or "slope"`)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	want := map[string]string{"relu": "at_zero", "leaky_relu": "slope"}[name]
	for p := range params {
		if p != want {
			return nil, r.errorf("%s %s has no parameter %q", what, quoteShort(name), p)
		}
	}
	if _, ok := params[want]; want != "" && !ok {
		return nil, r.errorf("%s %q has no %q", what, name, want)
	}
	var act Activation
	switch name {
	case "sigmoid":
		act = Sigmoid{}
	case "tanh":
		act = Tanh{}
	case "identity":
		act = Identity{}
	case "softmax":
		act = Softmax{}
	case "relu":
		act = ReLU{AtZero: params["at_zero"]}
	case "leaky_relu":
		act = LeakyReLU{Slope: params["slope"]}
	case "":
		return nil, r.errorf("%s has no \"name\"", what)
	default:
		return nil, r.errorf("%s: unknown name %s (want sigmoid, tanh, identity, relu, leaky_relu or softmax)", what, quoteShort(name))
	}
	if err := checkActivation(act); err != nil {
		return nil, r.errorf("%s: %v", layer, err)
	}
	return act, nil
}

// modelV1 reads the fields after "version" of a version 1 file: only
// "layers", whose shapes the rows themselves give.
func (r *modelReader) modelV1() (*Model, error) {
	var layers []*Layer
	err := r.fields("the model", func(key string) error {
		if key != "layers" {
			return r.unknown("the model (version 1)", key, `"layers"`)
		}
		if err := r.delim('[', "layers"); err != nil {
			return err
		}
		for r.dec.More() {
			l, err := r.layer(len(layers)+1, -1, -1)
			if err != nil {
				return err
			}
			if n := len(layers); n > 0 && l.FanIn() != layers[n-1].FanOut() {
				return r.errorf("layer %d: %s, but layer %d has %d units", n+1, count(l.FanIn(), "weight row"), n, layers[n-1].FanOut())
			}
			layers = append(layers, l)
		}
		_, err := r.tok()
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(layers) == 0 {
		return nil, r.errorf("the model has no layers")
	}
	return &Model{Network: NewNetwork(layers...)}, nil
}

// A lineReader hands the decoder at most max bytes of r and keeps the last
// stretch of them, so that an error's byte offset, which always lies near
// the read position, can be turned into a line and column. It also refuses
// a token or a stretch of blanks longer than maxRun, which no model file
// holds, so that the decoder, which buffers a whole token (and the blanks
// before it), never holds more than that.
type lineReader struct {
	r     io.Reader
	max   int64
	n     int64  // bytes read
	tail  []byte // the last bytes read: tail[0] is at offset n-len(tail)
	lines int    // newlines before tail

	run              int // bytes since the last quote, comma, colon, bracket or brace
	inString, escape bool

	rec       []byte // while recording, every byte from offset recording on
	recording int64  // -1 when not recording

	err error // once reading has failed, it fails for good
}

const (
	keepTail = 64 << 10
	maxRun   = 64 << 10
)

func (lr *lineReader) Read(p []byte) (int, error) {
	if lr.err != nil {
		return 0, lr.err
	}
	if room := lr.max + 1 - lr.n; int64(len(p)) > room {
		p = p[:room]
	}
	k, err := lr.r.Read(p)
	if lr.n+int64(k) > lr.max { // one byte past the limit: hold it back
		k--
		lr.err = errTooLarge{lr.max}
	}
	if i := lr.scan(p[:k]); i >= 0 {
		k = i
		lr.err = &posError{off: lr.n + int64(i), err: fmt.Errorf("more than %d bytes without a comma, bracket, brace or quote: not a model file", maxRun)}
	}
	lr.n += int64(k)
	lr.tail = append(lr.tail, p[:k]...)
	if lr.recording >= 0 {
		lr.rec = append(lr.rec, p[:k]...)
	}
	if len(lr.tail) > 2*keepTail+k {
		drop := len(lr.tail) - keepTail - k // keep the whole of this read
		lr.lines += bytes.Count(lr.tail[:drop], []byte{'\n'})
		lr.tail = append(lr.tail[:0], lr.tail[drop:]...)
	}
	if lr.err != nil {
		return k, lr.err
	}
	return k, err
}

// from returns the bytes from offset off to the last read, if tail still
// holds them.
func (lr *lineReader) from(off int64) ([]byte, bool) {
	start := lr.tailStart()
	if off < start || off > start+int64(len(lr.tail)) {
		return nil, false
	}
	return lr.tail[off-start:], true
}

// record starts keeping every byte from offset off on, and reports
// whether tail still held them.
func (lr *lineReader) record(off int64) bool {
	b, ok := lr.from(off)
	lr.rec, lr.recording = append(lr.rec[:0], b...), off
	return ok
}

func (lr *lineReader) stopRecording() { lr.rec, lr.recording = nil, -1 }

// tailStart returns the offset of tail[0].
func (lr *lineReader) tailStart() int64 { return lr.n - int64(len(lr.tail)) }

// skipBlanks returns the offset of the first byte at or after off that is
// not a JSON blank, as far as tail shows.
func (lr *lineReader) skipBlanks(off int64) int64 {
	b, _ := lr.from(off)
	return off + int64(len(b)-len(bytes.TrimLeft(b, " \t\r\n")))
}

// scan follows strings and runs through b and returns the index of the
// byte at which a run grows past maxRun, or -1.
func (lr *lineReader) scan(b []byte) int {
	for i, c := range b {
		switch {
		case lr.escape:
			lr.escape = false
		case lr.inString && c == '\\':
			lr.escape = true
		case c == '"':
			lr.inString, lr.run = !lr.inString, 0
			continue
		case !lr.inString && (c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}'):
			lr.run = 0
			continue
		}
		if lr.run++; lr.run > maxRun {
			return i
		}
	}
	return -1
}

// locate prefixes err with name and, for a *posError, its line (and for a
// syntax error its column), as "model.json:7: …".
func (lr *lineReader) locate(name string, err error) error {
	var pe *posError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	start := lr.tailStart()
	if _, ok := lr.from(pe.off); !ok {
		return fmt.Errorf("%s: byte %d: %w", name, pe.off+1, err)
	}
	before := lr.tail[:pe.off-start]
	line := lr.lines + 1 + bytes.Count(before, []byte{'\n'})
	if pe.column {
		col := len(before) - bytes.LastIndexByte(before, '\n')
		return fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
	}
	return fmt.Errorf("%s:%d: %w", name, line, err)
}
