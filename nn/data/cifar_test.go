package data

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// cifarBytes returns CIFAR-10 records with the given labels; every pixel of
// record r is byte(r), except the first byte of each colour plane, which is
// the plane number (0 red, 1 green, 2 blue).
func cifarBytes(labels []byte) []byte {
	var b []byte
	for r, l := range labels {
		rec := bytes.Repeat([]byte{byte(r)}, cifarRecord)
		rec[0] = l
		for ch := range 3 {
			rec[1+ch*1024] = byte(ch)
		}
		b = append(b, rec...)
	}
	return b
}

func TestReadCIFAR10(t *testing.T) {
	file := cifarBytes([]byte{3, 0, 5, 5, 9, 3})
	tests := []struct {
		keep        []byte
		wantLabels  []byte
		wantRecords []byte // the record each kept image came from
		wantClasses []string
	}{
		{nil, []byte{3, 0, 5, 5, 9, 3}, []byte{0, 1, 2, 3, 4, 5}, CIFAR10Classes()},
		{[]byte{3, 5}, []byte{0, 1, 1, 0}, []byte{0, 2, 3, 5}, []string{"cat", "dog"}},
		{[]byte{9}, []byte{0}, []byte{4}, []string{"truck"}},
		{[]byte{7}, nil, nil, []string{"horse"}},
	}
	for _, gz := range []bool{false, true} {
		in := file
		if gz {
			in = gzipBytes(t, file)
		}
		for _, tt := range tests {
			s, err := ReadCIFAR10(bytes.NewReader(in), "data_batch_1.bin", tt.keep...)
			if err != nil {
				t.Fatalf("gzip %v, keep %v: %v", gz, tt.keep, err)
			}
			var records []byte
			for i := range s.Len() {
				img := s.Images.Image(i)
				records = append(records, img[1])
				if img[0] != 0 || img[1024] != 1 || img[2048] != 2 {
					t.Errorf("keep %v: image %d planes start %d %d %d, want 0 1 2", tt.keep, i, img[0], img[1024], img[2048])
				}
			}
			if !bytes.Equal(s.Labels, tt.wantLabels) || !bytes.Equal(records, tt.wantRecords) || !slices.Equal(s.Classes, tt.wantClasses) {
				t.Errorf("gzip %v, keep %v: got labels %v, records %v, classes %v; want %v, %v, %v",
					gz, tt.keep, s.Labels, records, s.Classes, tt.wantLabels, tt.wantRecords, tt.wantClasses)
			}
			if m := s.Images; m.Channels != 3 || m.Rows != 32 || m.Cols != 32 || len(m.Pixels) != m.N*3072 {
				t.Errorf("keep %v: got %d images of %dx%dx%d in %d bytes, want 3x32x32 each", tt.keep, m.N, m.Channels, m.Rows, m.Cols, len(m.Pixels))
			}
		}
	}
}

func TestReadCIFAR10Errors(t *testing.T) {
	good := cifarBytes([]byte{1, 2, 3})
	badLabel := cifarBytes([]byte{1, 12})
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"truncated", good[:2*cifarRecord+100], "test_batch.bin: record 3 is truncated: 100 of 3073 bytes"},
		{"one byte", good[:1], "test_batch.bin: record 1 is truncated: 1 of 3073 bytes"},
		{"empty", nil, "test_batch.bin: no CIFAR-10 records"},
		{"label", badLabel, "test_batch.bin: record 2: label 12 is not a CIFAR-10 class"},
	}
	for _, tt := range tests {
		_, err := ReadCIFAR10(bytes.NewReader(tt.file), "test_batch.bin", 3, 5)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestLoadCIFAR10(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "data_batch_1.bin", cifarBytes([]byte{3, 1, 5}))
	writeFile(t, dir, "data_batch_2.bin", cifarBytes([]byte{5, 5, 3, 4}))
	writeFile(t, dir, "data_batch_3.bin", cifarBytes([]byte{5})[:cifarRecord-1])
	paths := []string{filepath.Join(dir, "data_batch_1.bin"), filepath.Join(dir, "data_batch_2.bin")}
	s, err := LoadCIFAR10(paths, 3, 5)
	if err != nil {
		t.Fatalf("LoadCIFAR10: %v", err)
	}
	if want := []byte{0, 1, 1, 1, 0}; !bytes.Equal(s.Labels, want) || s.Len() != 5 || len(s.Images.Pixels) != 5*3072 {
		t.Errorf("LoadCIFAR10: got %d images, labels %v; want 5, %v", s.Len(), s.Labels, want)
	}
	if got := s.Images.Image(3)[5]; got != 1 {
		t.Errorf("image 3 came from record %d of its file, want 1", got)
	}
	bad := filepath.Join(dir, "data_batch_3.bin")
	_, err = LoadCIFAR10(append(paths, bad), 3, 5)
	if want := bad + ": record 1 is truncated: 3072 of 3073 bytes"; err == nil || err.Error() != want {
		t.Errorf("got error %v, want %q", err, want)
	}
}

func FuzzCIFAR(f *testing.F) {
	f.Add(cifarBytes([]byte{3, 5}), byte(3))
	f.Add(cifarBytes([]byte{1})[:100], byte(1))
	f.Add(gzipBytes(f, cifarBytes([]byte{9, 3})), byte(9))
	f.Fuzz(func(t *testing.T, b []byte, class byte) {
		s, err := ReadCIFAR10(bytes.NewReader(b), "fuzz.bin", class%10)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.bin: ") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		if len(s.Labels) != s.Len() || len(s.Images.Pixels) != s.Len()*cifarPixels {
			t.Errorf("got %d labels and %d pixel bytes for %d images", len(s.Labels), len(s.Images.Pixels), s.Len())
		}
		for _, l := range s.Labels {
			if l != 0 {
				t.Errorf("kept a record relabelled %d, want 0", l)
			}
		}
	})
}
