package nn

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

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
