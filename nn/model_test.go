package nn

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

// savedModel returns a model that uses every field of the format: each
// activation with a parameter, a layer without biases, a scaler, class
// names, meta, and numbers whose decimal forms are awkward.
func savedModel() *Model {
	net := NewNetwork(
		Dense(3, 4, true, ReLU{AtZero: 0.5}),
		Dense(4, 4, false, LeakyReLU{Slope: 0.01}),
		Dense(4, 3, true, Tanh{}),
		Dense(3, 2, true, Softmax{}),
	)
	Glorot{}.Initialize(net, nprand.New(3))
	net.Layers[0].W.Set(0, 0, 0.1+0.2)
	net.Layers[0].W.Set(0, 1, math.SmallestNonzeroFloat64)
	net.Layers[0].W.Set(0, 2, -math.MaxFloat64)
	net.Layers[0].W.Set(1, 0, math.Copysign(0, -1))
	net.Layers[0].B.Set(0, 0, 1.0/3)
	return &Model{
		Network: net,
		Scaler:  &StandardScaler{Mean: []float64{5.843333333333334, -1e-300, 0}, Scale: []float64{0.8253012917851409, 1, 1e300}},
		Classes: []string{"setosa", `"quoted" <&> ünïcode`},
		Meta:    json.RawMessage(`{"trainer": "test", "epochs": [1, 2.5e-10]}`),
	}
}

// sameModel reports how b differs from a, bit for bit, or "".
func sameModel(a, b *Model) string {
	if len(a.Network.Layers) != len(b.Network.Layers) {
		return "number of layers"
	}
	for i, l := range a.Network.Layers {
		g := b.Network.Layers[i]
		if g.Act != l.Act {
			return "activation of layer " + l.Act.Name()
		}
		if !sameBits(g.W, l.W) || (l.B == nil) != (g.B == nil) || (l.B != nil && !sameBits(g.B, l.B)) {
			return "parameters"
		}
	}
	if !reflect.DeepEqual(a.Scaler, b.Scaler) || !reflect.DeepEqual(a.Classes, b.Classes) {
		return "scaler or classes"
	}
	if !bytes.Equal(bytes.TrimSpace(a.Meta), bytes.TrimSpace(b.Meta)) {
		return "meta"
	}
	return ""
}

func sameBits(a, b *matrix.Matrix) bool {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		return false
	}
	for i := range a.Data {
		if math.Float64bits(a.Data[i]) != math.Float64bits(b.Data[i]) {
			return false
		}
	}
	return true
}

func TestModelRoundTrip(t *testing.T) {
	minmax := savedModel()
	minmax.Scaler = &MinMaxScaler{Lo: -1, Hi: 1, Min: []float64{0, -3, 1e-5}, Max: []float64{1, 4, 1e-5}}
	minmax.Classes, minmax.Meta = nil, nil
	bare := &Model{Network: New([]int{2, 1}, false, Identity{}, Identity{})}
	for name, m := range map[string]*Model{"full": savedModel(), "minmax": minmax, "bare": bare} {
		dir := t.TempDir()
		path := filepath.Join(dir, "net.json")
		if err := m.Save(path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := sameModel(m, got); d != "" {
			t.Errorf("%s: %s differ after the round trip", name, d)
		}
		in := m.Network.Layers[0].FanIn()
		x := matrix.FromSlice(2, in, []float64{1, 2, 3, -4, 0.5, 1e-3}[:2*in])
		if !sameBits(m.Predict(x), got.Predict(x)) {
			t.Errorf("%s: the reloaded model predicts differently", name)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%s: got %d files in the directory, want only net.json (no temp file left)", name, len(entries))
		}
	}
}

// TestModelPredictScales checks that Model.Predict applies the scaler
// before the network.
func TestModelPredictScales(t *testing.T) {
	net := NewNetwork(NewLayer(matrix.FromRows([][]float64{{1}, {10}}), nil, Identity{}))
	m := &Model{Network: net, Scaler: &StandardScaler{Mean: []float64{1, 2}, Scale: []float64{2, 4}}}
	got := m.Predict(matrix.FromRows([][]float64{{3, 6}})).At(0, 0)
	if want := 1.0*(3-1)/2 + 10.0*(6-2)/4; got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestModelFileLayout checks that a 784-100-10 network's file has one line
// per weight row and per bias row, and a few more.
func TestModelFileLayout(t *testing.T) {
	net := New([]int{784, 100, 10}, true, Sigmoid{}, Sigmoid{})
	Glorot{}.Initialize(net, nprand.New(1))
	var buf bytes.Buffer
	n, err := (&Model{Network: net}).WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d bytes, wrote %d", n, buf.Len())
	}
	lines := strings.Count(buf.String(), "\n")
	// format, sizes, layers; then per layer activation, bias, "weights": [, rows.
	if want := 3 + (3 + 784) + (3 + 100); lines != want {
		t.Errorf("got %d lines, want %d", lines, want)
	}
	t.Logf("784-100-10: %d bytes, %d lines", buf.Len(), lines)
}

func TestSaveKeepsMode(t *testing.T) {
	dir := t.TempDir()
	m := savedModel()
	for _, mode := range []os.FileMode{0o600, 0o640, 0o664} {
		path := filepath.Join(dir, "net.json")
		if err := os.WriteFile(path, nil, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil { // past the umask
			t.Fatal(err)
		}
		if err := m.Save(path); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != mode {
			t.Errorf("saved over a %v file: got mode %v, want %v", mode, got, mode)
		}
	}
	fresh := filepath.Join(dir, "new.json")
	if err := m.Save(fresh); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file: got %v (%v), want mode 0644", fi.Mode().Perm(), err)
	}
}

// TestSaveThroughSymlink checks that Save replaces the file a link points
// to and keeps the link, and refuses a link to nothing.
func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "models")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(filepath.Join("models", "real.json"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	m := savedModel()
	if err := m.Save(link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link", link)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("target: got mode %v (%v), want 0600 kept", fi.Mode().Perm(), err)
	}
	if got, err := Load(target); err != nil || sameModel(m, got) != "" {
		t.Errorf("target does not hold the saved model: %v", err)
	}
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink("missing/nowhere.json", dangling); err != nil {
		t.Fatal(err)
	}
	err := m.Save(dangling)
	if err == nil || !strings.Contains(err.Error(), "dangling.json") || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Save through a dangling link: got %v, want an error naming the link", err)
	}
}

// TestSaveRemovesStaleTemps checks that Save removes the temporary file of
// a killed Save of the same path, and nothing else.
func TestSaveRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleTemp)
	files := map[string]bool{ // name: whether Save should remove it
		".net.json.tmp-123456": true,
		".net.json.tmp-999":    false, // recent: perhaps another Save
		".net.json.tmp-abc":    false, // not our pattern
		".other.json.tmp-1234": false, // another file's
		"net.json.tmp-1234":    false,
	}
	for name, stale := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if stale || name != ".net.json.tmp-999" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := savedModel().Save(filepath.Join(dir, "net.json")); err != nil {
		t.Fatal(err)
	}
	for name, stale := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != stale {
			t.Errorf("%s: removed %v, want %v", name, gone, stale)
		}
	}
}

// TestSaveRefuses checks that Save writes nothing for a model that Load
// would refuse, and says why.
func TestSaveRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *Model)
		want string
	}{
		{"NaN", func(m *Model) { m.Network.Layers[1].W.Set(2, 3, math.NaN()) }, "layer 2: weights row 3 value 4 is NaN"},
		{"Inf bias", func(m *Model) { m.Network.Layers[2].B.Set(0, 1, math.Inf(-1)) }, "layer 3: bias value 2 is -Inf"},
		{"at_zero", func(m *Model) { m.Network.Layers[0].Act = ReLU{AtZero: 1e308} }, "layer 1: activation relu: at_zero is 1e+308, want a value in [0, 1]"},
		{"slope", func(m *Model) { m.Network.Layers[1].Act = LeakyReLU{Slope: -1e9} }, "layer 2: activation leaky_relu: slope is -1e+09, want a value in [0, 1]"},
		{"foreign activation", func(m *Model) { m.Network.Layers[1].Act = &ReLU{} }, "(*nn.ReLU) is not one a model file can name"},
		{"scaler width", func(m *Model) { m.Scaler = &StandardScaler{Mean: []float64{1}, Scale: []float64{1}} }, "scaler: mean has 1 values, want 3 (one per input)"},
		{"scaler zero", func(m *Model) { m.Scaler.(*StandardScaler).Scale[1] = 0 }, "scaler: scale value 2 is 0, want a standard deviation above 0"},
		{"minmax range", func(m *Model) { m.Scaler = &MinMaxScaler{Lo: 1, Hi: 1, Min: make([]float64, 3), Max: make([]float64, 3)} }, "scaler: range [1, 1] is empty"},
		{"classes", func(m *Model) { m.Classes = []string{"a", "b", "c"} }, "classes: 3 names for 2 output units, want 2"},
		{"repeated class", func(m *Model) { m.Classes = []string{"a", "a"} }, `classes: "a" appears twice`},
		{"meta array", func(m *Model) { m.Meta = json.RawMessage(`[1]`) }, "meta: not a JSON object"},
		{"meta repeats", func(m *Model) { m.Meta = json.RawMessage(`{"a": {"b": 1, "b": 2}}`) }, `meta: field "b" appears twice`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		m := savedModel()
		tt.edit(m)
		path := filepath.Join(dir, "net.json")
		err := m.Save(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got error %v, want one naming %s and saying %q", tt.name, err, path, tt.want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: %d files written, want none", tt.name, len(entries))
		}
	}
}

// TestLoadOldFormat reads a version 1 file as the previous Save wrote it.
func TestLoadOldFormat(t *testing.T) {
	m, err := Load("testdata/models/v1.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Network.Sizes(); !reflect.DeepEqual(got, []int{3, 2, 2, 1}) {
		t.Errorf("sizes: got %v, want [3 2 2 1]", got)
	}
	if got := m.Network.Layers[0].W.At(2, 0); got != 1.0472225518857017 {
		t.Errorf("layer 1 weight (3, 1): got %v, want 1.0472225518857017", got)
	}
	if m.Network.Layers[1].B != nil || m.Network.Layers[0].Act != (ReLU{AtZero: 0.5}) {
		t.Errorf("layer 2 has a bias or layer 1 lost its activation")
	}
}
