package nn

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/matrix"
	"nnscratch/nn/nprand"
)

func savedNetwork() *Network {
	net := NewNetwork(
		Dense(3, 4, true, ReLU{AtZero: 0.5}),
		Dense(4, 4, false, LeakyReLU{Slope: 0.01}),
		Dense(4, 3, true, Tanh{}),
		Dense(3, 2, true, Softmax{}),
	)
	Glorot{}.Initialize(net, nprand.New(3))
	// Values whose decimal forms are awkward.
	net.Layers[0].W.Set(0, 0, 0.1+0.2)
	net.Layers[0].W.Set(0, 1, math.SmallestNonzeroFloat64)
	net.Layers[0].W.Set(0, 2, -math.MaxFloat64)
	net.Layers[0].W.Set(1, 0, math.Copysign(0, -1))
	net.Layers[0].B.Set(0, 0, 1.0/3)
	return net
}

func TestSaveLoadRoundTrip(t *testing.T) {
	net := savedNetwork()
	path := filepath.Join(t.TempDir(), "net.json")
	if err := net.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Layers) != len(net.Layers) {
		t.Fatalf("got %d layers, want %d", len(got.Layers), len(net.Layers))
	}
	for i, l := range net.Layers {
		g := got.Layers[i]
		if g.Act != l.Act {
			t.Errorf("layer %d: got activation %#v, want %#v", i+1, g.Act, l.Act)
		}
		if !sameBits(g.W, l.W) || (l.B == nil) != (g.B == nil) || (l.B != nil && !sameBits(g.B, l.B)) {
			t.Errorf("layer %d: parameters differ after the round trip", i+1)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("got %d files in the directory, want only net.json (no temp file left)", len(entries))
	}
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

func TestSaveRejectsNaN(t *testing.T) {
	net := New([]int{1, 1}, true, Identity{}, Identity{})
	net.Layers[0].W.Set(0, 0, math.NaN())
	path := filepath.Join(t.TempDir(), "net.json")
	if err := net.Save(path); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("got error %v, want one naming NaN", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file was written for an unsavable network")
	}
}

func TestLoadErrors(t *testing.T) {
	var good bytes.Buffer
	if err := savedNetwork().WriteJSON(&good); err != nil {
		t.Fatal(err)
	}
	g := good.String()
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "empty file"},
		{"truncated", g[:len(g)/2], "truncated"},
		{"syntax", "{\n \"format\": x}", "line 2, column"},
		{"wrong type", `{"format": 3}`, `field "format"`},
		{"unknown field", strings.Replace(g, `"version"`, `"versoin"`, 1), "versoin"},
		{"format", strings.Replace(g, "nnscratch/nn.Network", "other", 1), "format"},
		{"version", strings.Replace(g, `"version": 1`, `"version": 2`, 1), "version is 2"},
		{"no layers", `{"format": "nnscratch/nn.Network", "version": 1, "layers": []}`, "no layers"},
		{"unknown activation", strings.Replace(g, `"tanh"`, `"swish"`, 1), `layers[2]: activation: unknown name "swish"`},
		{"relu without at_zero", strings.Replace(g, `"at_zero": 0.5`, `"slope": 0.5`, 1), `missing "at_zero"`},
		{"ragged", `{"format": "nnscratch/nn.Network", "version": 1, "layers": [{"activation": {"name": "tanh"}, "weights": [[1, 2], [3]]}]}`, "weights row 1: 1 values, row 0 has 2"},
		{"bias length", `{"format": "nnscratch/nn.Network", "version": 1, "layers": [{"activation": {"name": "tanh"}, "weights": [[1, 2]], "bias": [1]}]}`, "bias: 1 values, want 2"},
		{"chain", `{"format": "nnscratch/nn.Network", "version": 1, "layers": [{"activation": {"name": "tanh"}, "weights": [[1, 2]]}, {"activation": {"name": "tanh"}, "weights": [[1]]}]}`, "layers[1]: 1 weight rows, but layers[0] has 2 units"},
		{"trailing", g + "{}", "after"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		path := filepath.Join(dir, "m.json")
		if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "m.json") {
			t.Errorf("%s: got error %v, want one naming m.json and containing %q", tt.name, err, tt.want)
		}
	}
}

// FuzzReadJSON feeds arbitrary bytes to the loader: it must return a
// network or an error, never panic, and a network it returns must survive
// a write and a second read unchanged.
func FuzzReadJSON(f *testing.F) {
	var good bytes.Buffer
	if err := savedNetwork().WriteJSON(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(good.Bytes()[:good.Len()/3])
	f.Add([]byte(`{"format": "nnscratch/nn.Network", "version": 1, "layers": [{"activation": {"name": "relu", "at_zero": 0}, "weights": [[1e308, -0]], "bias": [0, 1]}]}`))
	f.Add([]byte(`{"layers": [{"weights": [[]]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		net, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := net.WriteJSON(&buf); err != nil {
			t.Fatalf("WriteJSON of a loaded network: %v", err)
		}
		again, err := ReadJSON(&buf)
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		for i, l := range net.Layers {
			if !sameBits(l.W, again.Layers[i].W) || l.Act != again.Layers[i].Act {
				t.Fatalf("layer %d changed on the second round trip", i+1)
			}
		}
		net.Forward(matrix.New(2, net.Layers[0].FanIn()))
	})
}

// TestSaveMode checks that a saved model is readable by others (0644), as
// any file the user writes, not 0600 like the temporary file it starts as.
func TestSaveMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "net.json")
	net := New([]int{2, 2, 1}, true, Sigmoid{}, Sigmoid{})
	if err := net.Save(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o644 {
		t.Errorf("saved model has mode %v, want 0644", got)
	}
}
