package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"nnscratch/matrix"
)

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

// modelV2 reads the fields after "version" of a version 2 file, and its
// closing brace.
func (r *modelReader) modelV2() (*Model, error) {
	m := &Model{}
	var sizes []int
	var layers []*Layer
	const fields = `"sizes", "scaler", "classes", "meta" or "layers"`
	err := r.members("the model", map[string]bool{"format": true, "version": true}, func(key string) error {
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

// sizes reads the layer sizes and checks the numbers they declare against
// the limit.
func (r *modelReader) sizes() ([]int, error) {
	if err := r.delim('[', "sizes"); err != nil {
		return nil, err
	}
	var sizes []int
	total := 0 // weights, at most lim.MaxParams: so at most that many layers
	for r.dec.More() {
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
	err := r.members("the model", map[string]bool{"format": true, "version": true}, func(key string) error {
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
