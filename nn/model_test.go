package nn

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
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
		{"scaler width", func(m *Model) { m.Scaler = &StandardScaler{Mean: []float64{1}, Scale: []float64{1}} }, "scaler: mean has 1 value, want 3 (one per input)"},
		{"scaler zero", func(m *Model) { m.Scaler.(*StandardScaler).Scale[1] = 0 }, "scaler: scale value 2 is 0, want a standard deviation above 0"},
		{"minmax range", func(m *Model) {
			m.Scaler = &MinMaxScaler{Lo: 1, Hi: 1, Min: make([]float64, 3), Max: make([]float64, 3)}
		}, "scaler: range [1, 1] is empty"},
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

// TestLoadKeepsMetaText checks that meta comes back as the file has it.
func TestLoadKeepsMetaText(t *testing.T) {
	m, err := Load("testdata/models/meta-kept.json")
	if err != nil {
		t.Fatal(err)
	}
	want := "{\"solver\": \"adam\",\n  \"loss_curve_\": [0.5, 0.4, 0.3], \"nested\": {\"a\": [{}, [], \"}\"]}}"
	if string(m.Meta) != want {
		t.Errorf("got meta %q, want %q", m.Meta, want)
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

// TestLoadCorpus loads each hostile file of testdata/models and checks the
// whole error message: the file, the line where it applies, and the fault
// in the file's own terms.
func TestLoadCorpus(t *testing.T) {
	want := map[string]string{
		"at-zero-1e308.json":       ":4: layer 1: activation relu: at_zero is 1e+308, want a value in [0, 1]",
		"bias-length.json":         ":5: layer 1: bias has 2 values, want 3",
		"classes-count.json":       ": classes: 2 names for 10 output units, want 10",
		"classes-not-strings.json": ":3: class 1 is the number 0, want a string",
		"classes-repeated.json":    `: classes: "a" appears twice`,
		"empty.json":               ": empty file",
		"extra-layer.json":         ":8: layers: more than the 1 that sizes declares",
		"extra-row.json":           ":8: layer 1: weights: more than 2 rows, want 2 (one per input)",
		"fractional-size.json":     ":2: sizes value 2 is 3.5, want a whole number from 1 to 4194304",
		"huge-sizes.json":          ":2: sizes: layer 1 (100000×100000) takes the model past the limit of 4194304 numbers (nn.Limits.MaxParams raises it)",
		"inf.json":                 ":8: layer 1: weights row 2 value 2 is 1e999, beyond the range of float64",
		"layers-before-sizes.json": `:2: "layers" comes before "sizes", which a model file declares first`,
		"long-row.json":            ":8: layer 1: weights row 2 has more than 3 values, want 3",
		"meta-array.json":          ":3: meta: not a JSON object",
		"meta-repeated.json":       `:3: meta: field "alpha" appears twice`,
		"meta-syntax.json":         ":4:28: invalid character '0' after array element",
		"meta-kept.json":           "",
		"missing-layer.json":       ":13: layers: 2 layers, but sizes declares 3",
		"missing-row.json":         ":7: layer 1: weights has 1 row, want 2 (one per input)",
		"nan.json":                 ":8:9: invalid character 'N' looking for beginning of value",
		"no-weights.json":          ":6: layer 1: weights has 0 rows, want 2 (one per input)",
		"not-json.txt":             ":1: not a model file: it does not start with a JSON object",
		"nul-bytes.bin":            ":1: not a model file: it does not start with a JSON object",
		"one-size.json":            ":2: sizes has 1 value, want the inputs and at least one layer",
		"other-json.json":          `:1: not a model file: its first field is the string "name", want "format"`,
		"ragged-row.json":          ":13: layer 2: weights row 3 has 9 values, want 10",
		"relu-no-at-zero.json":     `:4: layer 1: activation "relu" has no "at_zero"`,
		"repeated-sizes.json":      `:3: the model: field "sizes" appears twice`,
		"repeated-weights.json":    `:7: layer 1: field "weights" appears twice`,
		"scaler-kind.json":         `:5: scaler: kind is "robust", want "standard" or "minmax"`,
		"scaler-mixed.json":        `:5: scaler "standard" has no field "min"`,
		"scaler-width.json":        ":4: scaler: mean has more than 2 values, want 2",
		"scaler-zero-scale.json":   ": scaler: scale value 2 is 0, want a standard deviation above 0",
		"slope-minus-1e9.json":     ":4: layer 1: activation leaky_relu: slope is -1e+09, want a value in [0, 1]",
		"string-value.json":        `:8: layer 1: weights row 2 value 2 is the string "5", want a number`,
		"syntax.json":              ":8:11: invalid character '6' after array element",
		"tanh-with-slope.json":     `:4: layer 1: activation "tanh" has no parameter "slope"`,
		"trailing-data.json":       ":14: data after the model's closing brace",
		"truncated.json":           ":9: the file ends before the model does (truncated?)",
		"unknown-activation.json":  `:4: layer 1: activation: unknown name "swish" (want sigmoid, tanh, identity, relu, leaky_relu or softmax)`,
		"unknown-field.json":       `:3: the model: unknown field "comment" (want "sizes", "scaler", "classes", "meta" or "layers")`,
		"v1-chain.json":            ":40: layer 2: 1 weight row, but layer 1 has 2 units",
		"v1-ragged.json":           ":23: layer 1: weights row 3 has 3 values, row 1 has 2",
		"version-3.json":           ":1: version 3: this program reads versions 1 and 2",
		"version-missing.json":     `:2: second field is the string "sizes", want "version"`,
		"wrong-format.json":        `:1: format is "keras/Sequential", want "nnscratch/nn.Network"`,
		"zero-size.json":           ":2: sizes value 2 is 0, want a whole number from 1 to 4194304",
		"good.json":                "",
		"v1.json":                  "",
	}
	names, err := filepath.Glob("testdata/models/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(want) {
		t.Errorf("testdata/models has %d files, the table %d: add the new ones", len(names), len(want))
	}
	for _, name := range names {
		w, ok := want[filepath.Base(name)]
		if !ok {
			continue
		}
		_, err := Load(name)
		switch {
		case w == "" && err != nil:
			t.Errorf("%s: got error %v, want none", name, err)
		case w != "" && (err == nil || err.Error() != name+w):
			t.Errorf("got error %v\nwant       %s", err, name+w)
		}
	}
}

// endless is a reader that never ends: a byte, then fill forever.
type endless struct {
	first bool
	fill  byte
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.fill
	}
	if !e.first && len(p) > 0 {
		p[0], e.first = '{', true
	}
	return len(p), nil
}

// repeat is a reader that repeats s forever.
type repeat struct {
	s string
	i int
}

func (r *repeat) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = r.s[r.i%len(r.s)]
		r.i++
	}
	return len(p), nil
}

// TestLoadLimits checks that each limit is enforced, named in the error,
// and can be raised.
func TestLoadLimits(t *testing.T) {
	const good = "testdata/models/good.json"
	fi, err := os.Stat(good)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		load func() (*Model, error)
		want string
	}{
		{"file length", func() (*Model, error) { return Limits{MaxBytes: 100}.Load(good) },
			fmt.Sprintf("%s: %d bytes, more than the limit of 100 bytes; nn.Limits.MaxBytes raises it", good, fi.Size())},
		{"stream length", func() (*Model, error) {
			return Limits{MaxBytes: 1 << 20}.ReadModel(io.MultiReader(strings.NewReader(`{"format": "nnscratch/nn.Network", "version": 2, "sizes": [`), &repeat{s: "1, "}), "stdin")
		},
			"stdin: more than the limit of 1048576 bytes (1 MiB); nn.Limits.MaxBytes raises it"},
		{"declared numbers", func() (*Model, error) { return Limits{MaxParams: 20}.Load(good) },
			good + ":2: sizes: layer 2 (3×10) takes the model past the limit of 20 numbers (nn.Limits.MaxParams raises it)"},
		{"meta", func() (*Model, error) {
			long := `"` + strings.Repeat("x", 60000) + `", `
			return ReadModel(strings.NewReader(`{"format": "nnscratch/nn.Network", "version": 2, "meta": {"a": [`+strings.Repeat(long, 80)+`1]}}`), "meta")
		}, "meta:1: meta: more than nn.MaxMetaBytes (4194304 bytes)"},
		{"old format's numbers", func() (*Model, error) { return Limits{MaxParams: 5}.Load("testdata/models/v1.json") },
			"testdata/models/v1.json:21: layer 1: weights row 3: the model holds more than the limit of 5 numbers (nn.Limits.MaxParams raises it)"},
	}
	for _, tt := range tests {
		if _, err := tt.load(); err == nil || err.Error() != tt.want {
			t.Errorf("%s: got error %v\nwant %s", tt.name, err, tt.want)
		}
	}
	if _, err := (Limits{MaxBytes: fi.Size(), MaxParams: 6 + 3 + 30}).Load(good); err != nil {
		t.Errorf("limits raised to the file's needs: got error %v, want none", err)
	}
}

// TestLoadHostileAllocatesLittle checks that files which declare, or are,
// much more than they hold are refused before anything is allocated for
// them.
func TestLoadHostileAllocatesLittle(t *testing.T) {
	dir := t.TempDir()
	lying := filepath.Join(dir, "lying.json")
	if err := os.WriteFile(lying, []byte(`{"format": "nnscratch/nn.Network", "version": 2, "sizes": [2000, 2000, 10], "layers": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		load func() (*Model, error)
		want string
	}{
		{"declared beyond the limit", func() (*Model, error) { return Load("testdata/models/huge-sizes.json") }, "limit of 4194304 numbers"},
		{"declared beyond the file", func() (*Model, error) { return Load(lying) }, "sizes declare 4020000 weights, more than a file of 87 bytes can hold"},
		{"endless whitespace", func() (*Model, error) { return ReadModel(&endless{fill: ' '}, "stdin") }, "stdin:1: more than 65536 bytes without a comma, bracket, brace or quote: not a model file"},
		{"a long string", func() (*Model, error) {
			return ReadModel(io.MultiReader(strings.NewReader(`{"`), &endless{first: true, fill: 'x'}), "name")
		}, "name:1: more than 65536 bytes"},
		{"endless zeros", func() (*Model, error) { return ReadModel(&endless{first: true}, "zeros") }, "zeros:1: not a model file"},
		{"endless nesting", func() (*Model, error) {
			return ReadModel(&endless{fill: '['}, "nest")
		}, "nest:1:2: invalid character '['"},
	}
	for _, tt := range tests {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := tt.load()
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
			t.Errorf("%s: allocated %d bytes, want at most 1 MiB", tt.name, got)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := Load("/dev/zero"); err == nil || err.Error() != "/dev/zero:1: not a model file: it does not start with a JSON object" {
			t.Errorf("Load(/dev/zero): got error %v, want it refused as not a model file", err)
		}
	}
}

// FuzzLoad feeds arbitrary bytes to the loader, within small limits: it
// must return a model or an error, never panic, and a model it returns
// must predict, be saved again and reload unchanged.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"good.json", "v1.json", "ragged-row.json", "scaler-width.json", "meta-repeated.json", "classes-count.json"} {
		b, err := os.ReadFile(filepath.Join("testdata/models", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var full bytes.Buffer
	if _, err := savedModel().WriteTo(&full); err != nil {
		f.Fatal(err)
	}
	f.Add(full.Bytes())
	f.Add(full.Bytes()[:full.Len()/3])
	lim := Limits{MaxBytes: 1 << 16, MaxParams: 1 << 12}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := lim.ReadModel(bytes.NewReader(data), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatalf("writing a loaded model: %v", err)
		}
		again, err := lim.ReadModel(&buf, "again")
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		if d := sameModel(m, again); d != "" {
			t.Fatalf("%s changed on the second round trip", d)
		}
		m.Predict(matrix.New(2, m.Network.Layers[0].FanIn()))
	})
}

// TestSaveLoadPaths checks the errors of paths that cannot be saved to or
// loaded from: they name the path, never a temporary file.
func TestSaveLoadPaths(t *testing.T) {
	dir := t.TempDir()
	m := savedModel()
	missing := filepath.Join(dir, "no", "such", "net.json")
	err := m.Save(missing)
	if want := "nn: save " + missing + ": cannot create a file in " + filepath.Dir(missing) + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("Save into a missing directory: got %v\nwant %s", err, want)
	}
	if err := m.Save(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("Save over a directory: got %v, want it refused", err)
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		if err := m.Save("/proc/net.json"); err == nil || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("Save into /proc: got %v, want an error that names no temporary file", err)
		}
	}
	if _, err := Load(missing); err == nil || err.Error() != "open "+missing+": no such file or directory" {
		t.Errorf("Load of a missing file: got %v", err)
	}
	if _, err := Load(dir); err == nil || err.Error() != dir+": a directory, not a model file" {
		t.Errorf("Load of a directory: got %v", err)
	}
}

// BenchmarkLoad loads a 784-100-10 network's file (1.8 MB, 893 lines).
func BenchmarkLoad(b *testing.B) {
	net := New([]int{784, 100, 10}, true, Sigmoid{}, Sigmoid{})
	Glorot{}.Initialize(net, nprand.New(1))
	path := filepath.Join(b.TempDir(), "net.json")
	if err := net.Save(path); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}
