package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"

	"nnscratch/matrix"
)

// modelFormat is the value of a model file's "format" field.
const modelFormat = "nnscratch/nn.Network"

// The JSON shape of a saved network:
//
//	{"format": "nnscratch/nn.Network", "version": 1,
//	 "layers": [{"activation": {"name": "relu", "at_zero": 0.5},
//	             "weights": [[…], …], "bias": […]}, …]}
type modelJSON struct {
	Format  string      `json:"format"`
	Version int         `json:"version"`
	Layers  []layerJSON `json:"layers"`
}

type layerJSON struct {
	Activation activationJSON `json:"activation"`
	Weights    [][]float64    `json:"weights"`
	Bias       []float64      `json:"bias,omitempty"`
}

type activationJSON struct {
	Name   string   `json:"name"`
	AtZero *float64 `json:"at_zero,omitempty"` // relu
	Slope  *float64 `json:"slope,omitempty"`   // leaky_relu
}

// WriteJSON writes the network's layers — activations, weights (one array
// per row of W, fan_in rows of fan_out) and biases — as JSON. Every float64
// is written in the shortest form that reads back to the same bits, so a
// saved network reloads exactly. It returns an error if a parameter is NaN
// or infinite (JSON has no such numbers) or if the activation is not one
// of this package's.
func (n *Network) WriteJSON(w io.Writer) error {
	m := modelJSON{Format: modelFormat, Version: 1}
	for i, l := range n.Layers {
		a := activationJSON{Name: l.Act.Name()}
		switch f := l.Act.(type) {
		case ReLU:
			a.AtZero = &f.AtZero
		case LeakyReLU:
			a.Slope = &f.Slope
		case Sigmoid, Tanh, Identity, Softmax:
		default:
			return fmt.Errorf("nn: WriteJSON: layer %d: activation %T cannot be saved", i+1, l.Act)
		}
		for _, v := range l.W.Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("nn: WriteJSON: layer %d weights hold %v", i+1, v)
			}
		}
		lj := layerJSON{Activation: a, Weights: l.W.Rows2D()}
		if l.B != nil {
			for _, v := range l.B.Data {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("nn: WriteJSON: layer %d bias holds %v", i+1, v)
				}
			}
			lj.Bias = append([]float64{}, l.B.Data...)
		}
		m.Layers = append(m.Layers, lj)
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("nn: WriteJSON: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Save writes the network to the file path as JSON (see WriteJSON), with
// mode 0644. It writes a temporary file in the same directory and renames
// it over path, so path never holds a half-written network.
func (n *Network) Save(path string) (err error) {
	var buf bytes.Buffer
	if err := n.WriteJSON(&buf); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("nn: Save: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	// os.CreateTemp makes the file 0600; a model file is as readable as
	// any other the user writes.
	if err = f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	return nil
}

// Load reads a network saved by Save. Its errors name the file and what is
// wrong: the line and column of a JSON syntax error, a truncated file, a
// missing or mistyped field, a ragged weight row, layers that do not fit
// together, an unknown activation.
func Load(path string) (*Network, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("nn: Load: %w", err)
	}
	n, err := decodeNetwork(b)
	if err != nil {
		return nil, fmt.Errorf("nn: %s: %w", path, err)
	}
	return n, nil
}

// ReadJSON reads a network in the format WriteJSON writes; see Load for
// its errors.
func ReadJSON(r io.Reader) (*Network, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("nn: ReadJSON: %w", err)
	}
	n, err := decodeNetwork(b)
	if err != nil {
		return nil, fmt.Errorf("nn: ReadJSON: %w", err)
	}
	return n, nil
}

func decodeNetwork(b []byte) (*Network, error) {
	var m modelJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, jsonError(b, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the network's closing brace")
	}
	if m.Format != modelFormat {
		return nil, fmt.Errorf("format is %q, want %q", m.Format, modelFormat)
	}
	if m.Version != 1 {
		return nil, fmt.Errorf("version is %d, want 1", m.Version)
	}
	if len(m.Layers) == 0 {
		return nil, errors.New("no layers")
	}
	layers := make([]*Layer, len(m.Layers))
	for i, lj := range m.Layers {
		l, err := lj.layer()
		if err != nil {
			return nil, fmt.Errorf("layers[%d]: %w", i, err)
		}
		if i > 0 && l.FanIn() != layers[i-1].FanOut() {
			return nil, fmt.Errorf("layers[%d]: %d weight rows, but layers[%d] has %d units", i, l.FanIn(), i-1, layers[i-1].FanOut())
		}
		layers[i] = l
	}
	return NewNetwork(layers...), nil
}

func (lj layerJSON) layer() (*Layer, error) {
	act, err := lj.Activation.activation()
	if err != nil {
		return nil, err
	}
	if len(lj.Weights) == 0 || len(lj.Weights[0]) == 0 {
		return nil, errors.New("weights: empty, want fan_in rows of fan_out values")
	}
	cols := len(lj.Weights[0])
	for r, row := range lj.Weights {
		if len(row) != cols {
			return nil, fmt.Errorf("weights row %d: %d values, row 0 has %d", r, len(row), cols)
		}
	}
	var b *matrix.Matrix
	if lj.Bias != nil {
		if len(lj.Bias) != cols {
			return nil, fmt.Errorf("bias: %d values, want %d (one per unit)", len(lj.Bias), cols)
		}
		b = matrix.FromSlice(1, cols, lj.Bias)
	}
	return NewLayer(matrix.FromRows(lj.Weights), b, act), nil
}

func (a activationJSON) activation() (Activation, error) {
	param := func(p *float64, field string) (float64, error) {
		if p == nil {
			return 0, fmt.Errorf("activation %q: missing %q", a.Name, field)
		}
		return *p, nil
	}
	extra := func(p *float64, field string) error {
		if p != nil {
			return fmt.Errorf("activation %q: unexpected %q", a.Name, field)
		}
		return nil
	}
	switch a.Name {
	case "relu":
		v, err := param(a.AtZero, "at_zero")
		return ReLU{AtZero: v}, errors.Join(err, extra(a.Slope, "slope"))
	case "leaky_relu":
		v, err := param(a.Slope, "slope")
		return LeakyReLU{Slope: v}, errors.Join(err, extra(a.AtZero, "at_zero"))
	}
	if err := errors.Join(extra(a.AtZero, "at_zero"), extra(a.Slope, "slope")); err != nil {
		return nil, err
	}
	switch a.Name {
	case "sigmoid":
		return Sigmoid{}, nil
	case "tanh":
		return Tanh{}, nil
	case "identity":
		return Identity{}, nil
	case "softmax":
		return Softmax{}, nil
	case "":
		return nil, errors.New("activation: missing name")
	}
	return nil, fmt.Errorf("activation: unknown name %q (want sigmoid, tanh, identity, relu, leaky_relu or softmax)", a.Name)
}

// jsonError rewrites a decoding error with the line and column where it
// happened.
func jsonError(b []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF) && len(bytes.TrimSpace(b)) == 0:
		return errors.New("empty file")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("truncated: the file ends inside the JSON")
	case errors.As(err, &syn):
		line, col := position(b, syn.Offset)
		return fmt.Errorf("line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(b, typ.Offset)
		return fmt.Errorf("line %d, column %d: field %q: got JSON %s, want %v", line, col, typ.Field, typ.Value, typ.Type)
	}
	return err
}

// position converts a byte offset into a 1-based line and column.
func position(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}
