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
