package main

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// wireHeader is the JSON header of a frame on the wire.
type wireHeader struct {
	Step, Epoch         int
	TrainLoss, TestLoss *float64
	LossName, Diverged  string
	Regression          bool
	Domain              [4]float64
	Sizes, Biases       []int
	Grid, UnitGrid      int
	Units, Inputs       int
	InputNames          []string
	History             int
	Points              int
}

// wireFrame is a frame decoded from the wire as app.js decodes it.
type wireFrame struct {
	wireHeader
	HistorySteps              []uint32
	TrainHistory, TestHistory []float32
	Weights, Biases           [][]float32
	Ranges                    []float32
	X, Y, Label               []float32
	Output                    []byte
	Units, Inputs             [][]byte
	Test                      []byte
}

// decodeWire decodes b, a frame in wire.go's format, following the layout
// its comment documents, and fails t if b is not exactly that long.
func decodeWire(t *testing.T, b []byte) wireFrame {
	t.Helper()
	if len(b) < 8 || string(b[:4]) != wireMagic {
		t.Fatalf("frame of %d bytes does not start with %q", len(b), wireMagic)
	}
	j := int(binary.LittleEndian.Uint32(b[4:]))
	if j%4 != 0 || 8+j > len(b) {
		t.Fatalf("header length %d: not a multiple of 4, or beyond the %d bytes", j, len(b))
	}
	var f wireFrame
	if err := json.Unmarshal(b[8:8+j], &f.wireHeader); err != nil {
		t.Fatalf("header %q: %v", b[8:8+j], err)
	}
	off := 8 + j
	floats := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[off:]))
			off += 4
		}
		return v
	}
	bytes := func(n int) []byte {
		v := b[off : off+n]
		off += n
		return v
	}
	for range f.History {
		f.HistorySteps = append(f.HistorySteps, binary.LittleEndian.Uint32(b[off:]))
		off += 4
	}
	f.TrainHistory, f.TestHistory = floats(f.History), floats(f.History)
	for l := 0; l+1 < len(f.Sizes); l++ {
		f.Weights = append(f.Weights, floats(f.Sizes[l]*f.Sizes[l+1]))
		f.Biases = append(f.Biases, floats(f.wireHeader.Biases[l]))
	}
	f.Ranges = floats(2 * (1 + f.wireHeader.Units + f.wireHeader.Inputs))
	f.X, f.Y, f.Label = floats(f.Points), floats(f.Points), floats(f.Points)
	f.Output = bytes(f.Grid * f.Grid)
	for range f.wireHeader.Units {
		f.Units = append(f.Units, bytes(f.UnitGrid*f.UnitGrid))
	}
	for range f.wireHeader.Inputs {
		f.Inputs = append(f.Inputs, bytes(f.UnitGrid*f.UnitGrid))
	}
	f.Test = bytes(f.Points)
	if off != len(b) {
		t.Fatalf("frame has %d bytes, the layout accounts for %d", len(b), off)
	}
	return f
}

// TestWireRoundTrip encodes a session's frame and decodes it as the page
// does: every number comes back as a float32, every map within half a
// quantisation step.
func TestWireRoundTrip(t *testing.T) {
	t.Parallel()
	sess, err := NewSession(DefaultSetting(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Step(25); err != nil {
		t.Fatal(err)
	}
	var f Frame
	sess.Snapshot(&f)
	w := decodeWire(t, appendFrame(nil, &f))
	if w.Step != f.Step || w.Epoch != f.Epoch || *w.TrainLoss != f.TrainLoss || *w.TestLoss != f.TestLoss {
		t.Errorf("header: got step %d epoch %d losses %g %g, want %d %d %g %g",
			w.Step, w.Epoch, *w.TrainLoss, *w.TestLoss, f.Step, f.Epoch, f.TrainLoss, f.TestLoss)
	}
	if w.Grid*w.Grid != len(f.Output) || w.wireHeader.Units != len(f.Units) || w.Points != len(f.X) {
		t.Fatalf("sizes: got grid %d, %d units, %d points; want %d values, %d, %d", w.Grid, w.wireHeader.Units, w.Points, len(f.Output), len(f.Units), len(f.X))
	}
	for l := range f.Weights {
		for i, v := range f.Weights[l] {
			if w.Weights[l][i] != float32(v) {
				t.Fatalf("weight %d of layer %d: got %g, want %g", i, l, w.Weights[l][i], float32(v))
			}
		}
	}
	checkMap := func(name string, got []byte, lo, hi float32, want []float64) {
		t.Helper()
		step := (float64(hi) - float64(lo)) / 255
		for i, v := range want {
			back := float64(lo) + float64(got[i])*step
			if math.Abs(back-v) > step/2+1e-6*math.Abs(v)+1e-12 {
				t.Fatalf("%s value %d: got %g back, want %g ± %g", name, i, back, v, step/2)
			}
		}
	}
	checkMap("output", w.Output, w.Ranges[0], w.Ranges[1], f.Output)
	for u := range f.Units {
		checkMap("unit", w.Units[u], w.Ranges[2+2*u], w.Ranges[3+2*u], f.Units[u])
	}
	for i := range f.Inputs {
		r := 2 + 2*len(f.Units) + 2*i
		checkMap("input", w.Inputs[i], w.Ranges[r], w.Ranges[r+1], f.Inputs[i])
	}
	if w.LossName != f.LossName || strings.Join(w.InputNames, " ") != strings.Join(f.InputNames, " ") {
		t.Errorf("names: got %q and %q, want %q and %q", w.LossName, w.InputNames, f.LossName, f.InputNames)
	}
	for i, s := range f.HistorySteps {
		if int(w.HistorySteps[i]) != s || w.TrainHistory[i] != float32(f.TrainHistory[i]) {
			t.Fatalf("history %d: got step %d loss %g, want %d %g", i, w.HistorySteps[i], w.TrainHistory[i], s, f.TrainHistory[i])
		}
	}
	for i := range f.X {
		if w.X[i] != float32(f.X[i]) || w.Y[i] != float32(f.Y[i]) || w.Label[i] != float32(f.Label[i]) || (w.Test[i] == 1) != f.Test[i] {
			t.Fatalf("point %d: got (%g, %g) label %g test %d, want (%g, %g) %g %v", i, w.X[i], w.Y[i], w.Label[i], w.Test[i], f.X[i], f.Y[i], f.Label[i], f.Test[i])
		}
	}
}

// TestWireNotFinite checks that NaN and infinite values neither break the
// JSON header nor the maps: a loss that is not finite is null, and a map
// value that is not finite is byte 0 outside the finite values' range.
func TestWireNotFinite(t *testing.T) {
	t.Parallel()
	f := Frame{TrainLoss: math.NaN(), TestLoss: math.Inf(1), Grid: 2, Output: []float64{math.NaN(), 1, math.Inf(-1), 3},
		Sizes: []int{2, 1}, Weights: [][]float64{{1, 2}}, Biases: [][]float64{{}},
		Diverged: "step 3: \"NaN\"\n\x01 \\ é"}
	w := decodeWire(t, appendFrame(nil, &f))
	if w.TrainLoss != nil || w.TestLoss != nil {
		t.Errorf("losses: got %v %v, want null null", w.TrainLoss, w.TestLoss)
	}
	if w.Ranges[0] != 1 || w.Ranges[1] != 3 || string(w.Output) != "\x00\x00\x00\xff" {
		t.Errorf("map: got range %g … %g and bytes %v, want 1 … 3 and [0 0 0 255]", w.Ranges[0], w.Ranges[1], w.Output)
	}
	if w.Diverged != f.Diverged {
		t.Errorf("diverged: got %q, want %q", w.Diverged, f.Diverged)
	}
}

// TestWireAllocs checks that encoding into a reused buffer allocates nothing.
func TestWireAllocs(t *testing.T) {
	sess, err := NewSession(DefaultSetting(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var f Frame
	sess.Snapshot(&f)
	b := appendFrame(nil, &f)
	if n := testing.AllocsPerRun(20, func() { b = appendFrame(b[:0], &f) }); n != 0 {
		t.Errorf("appendFrame into a reused buffer: got %g allocations, want 0", n)
	}
}

// BenchmarkWire measures encoding one frame of the default setting.
func BenchmarkWire(b *testing.B) {
	sess, err := NewSession(DefaultSetting(), DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	var f Frame
	sess.Snapshot(&f)
	buf := appendFrame(nil, &f)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		buf = appendFrame(buf[:0], &f)
	}
	b.ReportMetric(float64(len(buf)), "bytes/frame")
}
