package lessontest

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"nnscratch/nn/data"
)

// Set returns n images of rows×cols, labelled labels[i%len(labels)], with
// pixels that differ from image to image: a small valid set for the tests
// of what a lesson does with unexpected but valid data.
func Set(n, rows, cols int, labels ...byte) *data.Set {
	s := &data.Set{
		Images:  &data.Images{N: n, Channels: 1, Rows: rows, Cols: cols, Pixels: make([]byte, n*rows*cols)},
		Labels:  make([]byte, n),
		Classes: data.FashionClasses(),
	}
	for i := range s.Labels {
		s.Labels[i] = labels[i%len(labels)]
	}
	for j := range s.Images.Pixels {
		s.Images.Pixels[j] = byte(j*7 + j/(rows*cols)*31)
	}
	return s
}

// IDXDir writes train and test as the four gzipped IDX files of an
// MNIST-style directory in a new temporary directory and returns it.
func IDXDir(t testing.TB, train, test *data.Set) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{data.TrainImagesFile, func(b *bytes.Buffer) error { return data.WriteImagesIDX(b, train.Images) }},
		{data.TrainLabelsFile, func(b *bytes.Buffer) error { return data.WriteLabelsIDX(b, train.Labels) }},
		{data.TestImagesFile, func(b *bytes.Buffer) error { return data.WriteImagesIDX(b, test.Images) }},
		{data.TestLabelsFile, func(b *bytes.Buffer) error { return data.WriteLabelsIDX(b, test.Labels) }},
	} {
		var raw bytes.Buffer
		if err := f.write(&raw); err != nil {
			t.Fatal(err)
		}
		WriteGzip(t, filepath.Join(dir, f.name+".gz"), raw.Bytes())
	}
	return dir
}

// BombDir returns a copy of IDXDir(t, train, test) whose training images
// file is replaced by the header of n images of rows×cols followed by
// nothing: what a reader sees first of a small .gz "bomb" that truthfully
// holds gigabytes, which it must refuse on reading the header.
func BombDir(t testing.TB, train, test *data.Set, n, rows, cols uint32) string {
	t.Helper()
	dir := IDXDir(t, train, test)
	var hdr [16]byte
	binary.BigEndian.PutUint32(hdr[0:], 0x00000803)
	binary.BigEndian.PutUint32(hdr[4:], n)
	binary.BigEndian.PutUint32(hdr[8:], rows)
	binary.BigEndian.PutUint32(hdr[12:], cols)
	WriteGzip(t, filepath.Join(dir, data.TrainImagesFile+".gz"), hdr[:])
	return dir
}

// WriteGzip writes b gzipped to path.
func WriteGzip(t testing.TB, path string, b []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Hostile holds image directories that are valid but unexpected, or built
// to exhaust memory, for the tests of a lesson that reads them (-data DIR):
// each must give one line naming the problem and exit 2, or run; none may
// panic or print NaN.
type Hostile struct {
	Small string // 40 training and 10 test images of 10×10 pixels: it runs
	Mixed string // training images of 28×28 pixels, test images of 10×10
	Empty string // 20 training images and no test images
	Bomb  string // a training images file whose header promises 5000 images of 1000×1000
}

// HostileDirs writes the directories of Hostile in temporary directories,
// the images labelled labels[0], labels[1], … in turn.
func HostileDirs(t testing.TB, labels ...byte) Hostile {
	t.Helper()
	return Hostile{
		Small: IDXDir(t, Set(40, 10, 10, labels...), Set(10, 10, 10, labels...)),
		Mixed: IDXDir(t, Set(40, 28, 28, labels...), Set(10, 10, 10, labels...)),
		Empty: IDXDir(t, Set(20, 10, 10, labels...), Set(0, 10, 10, labels...)),
		Bomb:  BombDir(t, Set(4, 28, 28, labels...), Set(4, 28, 28, labels...), 5000, 1000, 1000),
	}
}

// Refused returns the cases for Runs of the directories every such lesson
// must refuse, each given as the last argument after args (such as
// "-epochs", "1", "-data"), with the message nn/data gives.
func (h Hostile) Refused(args ...string) []RunCase {
	with := func(dir string) []string { return append(append([]string(nil), args...), dir) }
	return []RunCase{
		{Args: with(h.Mixed), Code: 2, Want: data.TestImagesFile + ".gz holds images of 10x10 but "},
		{Args: with(h.Empty), Code: 2, Want: data.TestImagesFile + ".gz: holds no images"},
		{Args: with(h.Bomb), Code: 2, Want: "header says 5000 images of 1000x1000, 5e+09 bytes of pixels: more than the budget of 256 MiB (-max-mb raises the budget)"},
	}
}
