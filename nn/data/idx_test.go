package data

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"math"
	"runtime"
	"strings"
	"testing"

	"nnscratch/matrix"
)

// testImages returns n images of rows×cols with a deterministic pattern.
func testImages(n, rows, cols int) *Images {
	m := &Images{N: n, Channels: 1, Rows: rows, Cols: cols, Pixels: make([]byte, n*rows*cols)}
	for i := range m.Pixels {
		m.Pixels[i] = byte(i*7 + 3)
	}
	return m
}

// idxImageBytes returns m as an IDX image file, gzipped if gz.
func idxImageBytes(t testing.TB, m *Images, gz bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteImagesIDX(&buf, m); err != nil {
		t.Fatalf("WriteImagesIDX: %v", err)
	}
	if gz {
		return gzipBytes(t, buf.Bytes())
	}
	return buf.Bytes()
}

// idxLabelBytes returns labels as an IDX label file, gzipped if gz.
func idxLabelBytes(t testing.TB, labels []byte, gz bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteLabelsIDX(&buf, labels); err != nil {
		t.Fatalf("WriteLabelsIDX: %v", err)
	}
	if gz {
		return gzipBytes(t, buf.Bytes())
	}
	return buf.Bytes()
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	if _, err := z.Write(b); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	if err := z.Close(); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return buf.Bytes()
}

// header builds an IDX header from its four magic bytes and dimensions.
func header(magic [4]byte, dims ...uint32) []byte {
	b := append([]byte(nil), magic[:]...)
	for _, d := range dims {
		b = binary.BigEndian.AppendUint32(b, d)
	}
	return b
}

func TestReadImagesRoundTrip(t *testing.T) {
	for _, gz := range []bool{false, true} {
		want := testImages(5, 3, 4)
		got, err := ReadImages(bytes.NewReader(idxImageBytes(t, want, gz)), "x")
		if err != nil {
			t.Fatalf("gzip %v: ReadImages: %v", gz, err)
		}
		if got.N != 5 || got.Channels != 1 || got.Rows != 3 || got.Cols != 4 {
			t.Errorf("gzip %v: got %dx%dx%dx%d, want 5x1x3x4", gz, got.N, got.Channels, got.Rows, got.Cols)
		}
		if !bytes.Equal(got.Pixels, want.Pixels) {
			t.Errorf("gzip %v: pixels differ from those written", gz)
		}
		if img := got.Image(2); !bytes.Equal(img, want.Pixels[24:36]) {
			t.Errorf("gzip %v: Image(2) = %v, want %v", gz, img, want.Pixels[24:36])
		}
	}
}

func TestReadLabelsRoundTrip(t *testing.T) {
	want := []byte{0, 6, 6, 9, 1}
	for _, gz := range []bool{false, true} {
		got, err := ReadLabels(bytes.NewReader(idxLabelBytes(t, want, gz)), "x")
		if err != nil {
			t.Fatalf("gzip %v: ReadLabels: %v", gz, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("gzip %v: got %v, want %v", gz, got, want)
		}
	}
}

func TestReadImagesErrors(t *testing.T) {
	img := [4]byte{0, 0, 8, 3}
	valid := idxImageBytes(t, testImages(2, 2, 2), false)
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "train-images-idx3-ubyte.gz: empty file"},
		{"short header", valid[:7], "file too short for an IDX image header: 7 of 16 bytes"},
		{"labels magic", header([4]byte{0, 0, 8, 1}, 2, 2, 2), "IDX file has 1 dimensions, an image file has 3"},
		{"not idx", []byte("PK\x03\x04 this is a zip file"), "magic number 0x504b0304 is not IDX"},
		{"float type", header([4]byte{0, 0, 0x0d, 3}, 2, 2, 2), "data type 0x0d is not unsigned byte"},
		{"zero rows", header(img, 2, 0, 28), "images of 0x28, which hold no pixels"},
		{"truncated", append(header(img, 60000, 28, 28), make([]byte, 1234)...),
			"header says 60000 images of 28x28 (47040000 bytes of pixels) but file holds 1234 bytes of pixels"},
		{"trailing", append(append([]byte(nil), valid...), 1, 2, 3), "header says 2 images of 2x2 (8 bytes of pixels) but file holds 11 bytes"},
		{"gzip truncated", gzipBytes(t, valid)[:20], "train-images-idx3-ubyte.gz: "},
		{"huge", header(img, math.MaxUint32, math.MaxUint32, math.MaxUint32), "header says 4294967295 images of 4294967295x4294967295, 7.923e+28 bytes of pixels: more than the budget of 256 MiB"},
		{"bomb", header(img, 5000, 1000, 1000), "header says 5000 images of 1000x1000, 5e+09 bytes of pixels: more than the budget of 256 MiB"},
	}
	for _, tt := range tests {
		_, err := ReadImages(bytes.NewReader(tt.file), "train-images-idx3-ubyte.gz")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestReadLabelsErrors(t *testing.T) {
	lab := [4]byte{0, 0, 8, 1}
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "l.idx: empty file"},
		{"short header", header(lab)[:4], "too short for an IDX label header: 4 of 8 bytes"},
		{"images magic", header([4]byte{0, 0, 8, 3}, 3), "IDX file has 3 dimensions, a label file has 1"},
		{"too few", append(header(lab, 10), 1, 2, 3), "header says 10 labels but file holds 3"},
		{"too many", append(header(lab, 1), 1, 2, 3), "header says 1 labels but file holds 3"},
	}
	for _, tt := range tests {
		_, err := ReadLabels(bytes.NewReader(tt.file), "l.idx")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// A header that promises gigabytes must not make the reader allocate them.
func TestReadImagesLyingHeaderAllocatesLittle(t *testing.T) {
	file := append(header([4]byte{0, 0, 8, 3}, 1<<20, 100, 100), make([]byte, 100)...) // claims 10 GB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadImages(bytes.NewReader(file), "liar")
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("got no error for a header claiming 10 GB in a 116-byte file")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("allocated %d bytes reading a 116-byte file, want under 1 MiB", got)
	}
}

func TestScaleInto(t *testing.T) {
	m := &Images{N: 3, Channels: 1, Rows: 1, Cols: 3, Pixels: []byte{0, 51, 255, 1, 2, 3, 255, 0, 102}}
	tests := []struct {
		lo, hi float64
		idx    []int
		want   []float64
	}{
		{0, 1, []int{0}, []float64{0, 51.0 / 255, 1}},
		{0.01, 1, []int{2, 0}, []float64{1, 0.01, 102.0/255*0.99 + 0.01, 0.01, 51.0/255*0.99 + 0.01, 1}},
		{-1, 1, []int{0, 0}, []float64{-1, 51.0/255*2 - 1, 1, -1, 51.0/255*2 - 1, 1}},
		{0, 1, nil, []float64{}},
	}
	for _, tt := range tests {
		got := make([]float64, len(tt.want))
		m.ScaleInto(got, tt.idx, tt.lo, tt.hi)
		for j := range got {
			if math.Abs(got[j]-tt.want[j]) > 1e-15 {
				t.Errorf("ScaleInto(idx %v, %g, %g)[%d]: got %v, want %v", tt.idx, tt.lo, tt.hi, j, got[j], tt.want[j])
			}
		}
	}
}

func TestScaleIntoAllocatesNothing(t *testing.T) {
	m := testImages(10, 28, 28)
	idx := []int{3, 1, 4, 1, 5}
	dst := make([]float64, len(idx)*m.Size())
	if n := testing.AllocsPerRun(10, func() { m.ScaleInto(dst, idx, 0.01, 1) }); n != 0 {
		t.Errorf("ScaleInto: got %v allocations per run, want 0", n)
	}
}

func TestScaleIntoShapePanics(t *testing.T) {
	m := testImages(2, 2, 2)
	defer func() {
		err, ok := recover().(error)
		if !ok || !errors.Is(err, matrix.ErrShape) {
			t.Errorf("got panic %v, want an error wrapping matrix.ErrShape", err)
		}
	}()
	m.ScaleInto(make([]float64, 7), []int{0, 1}, 0, 1)
}

func TestWriteImagesIDXRejectsColour(t *testing.T) {
	m := &Images{N: 1, Channels: 3, Rows: 1, Cols: 1, Pixels: []byte{1, 2, 3}}
	if err := WriteImagesIDX(&bytes.Buffer{}, m); err == nil {
		t.Error("got no error writing a 3-channel image as IDX, want one")
	}
}

func FuzzIDX(f *testing.F) {
	f.Add(idxImageBytes(f, testImages(2, 3, 3), false))
	f.Add(idxImageBytes(f, testImages(2, 3, 3), true))
	f.Add(idxLabelBytes(f, []byte{1, 2, 3}, false))
	f.Add(idxLabelBytes(f, []byte{1, 2, 3}, true))
	f.Add(header([4]byte{0, 0, 8, 3}, 60000, 28, 28))
	f.Add(header([4]byte{0, 0, 8, 1}, 60000))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, err := ReadImages(bytes.NewReader(b), "fuzz"); err == nil {
			if m.N < 0 || m.Rows <= 0 || m.Cols <= 0 || len(m.Pixels) != m.N*m.Size() {
				t.Errorf("ReadImages accepted %d images of %dx%d with %d pixels", m.N, m.Rows, m.Cols, len(m.Pixels))
			}
			if m.N > 0 {
				_ = m.Image(m.N - 1)
			}
		} else if !strings.HasPrefix(err.Error(), "fuzz: ") {
			t.Errorf("ReadImages error %q does not name the file", err)
		}
		if l, err := ReadLabels(bytes.NewReader(b), "fuzz"); err == nil {
			if b[0] != 0x1f && len(b) != 8+len(l) {
				t.Errorf("ReadLabels returned %d labels from a plain file of %d bytes, want %d", len(l), len(b), len(b)-8)
			}
		} else if !strings.HasPrefix(err.Error(), "fuzz: ") {
			t.Errorf("ReadLabels error %q does not name the file", err)
		}
	})
}
