package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnscratch/matrix"
)

// writeFile writes b to dir/name.
func writeFile(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeIDXDir writes a training set of 6 and a test set of 4 images of 2x3 into a
// new temporary directory, the images gzipped and the labels plain, and returns it.
func writeIDXDir(t *testing.T, trainLabels, testLabels []byte) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, TrainImagesFile+".gz", idxImageBytes(t, testImages(6, 2, 3), true))
	writeFile(t, dir, TrainLabelsFile, idxLabelBytes(t, trainLabels, false))
	writeFile(t, dir, TestImagesFile, idxImageBytes(t, testImages(4, 2, 3), false))
	writeFile(t, dir, TestLabelsFile+".gz", idxLabelBytes(t, testLabels, true))
	return dir
}

var threeClasses = []string{"a", "b", "c"}

func TestLoadDir(t *testing.T) {
	dir := writeIDXDir(t, []byte{0, 1, 2, 0, 1, 2}, []byte{2, 2, 1, 0})
	train, test, err := LoadDir(dir, threeClasses)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	if got, want := train.Len(), 6; got != want {
		t.Errorf("train.Len(): got %d, want %d", got, want)
	}
	if got, want := test.Labels, []byte{2, 2, 1, 0}; !bytes.Equal(got, want) {
		t.Errorf("test.Labels: got %v, want %v", got, want)
	}
	if got, want := train.Images.Pixels, testImages(6, 2, 3).Pixels; !bytes.Equal(got, want) {
		t.Errorf("train pixels differ from those written")
	}
	if !slices.Equal(train.Classes, threeClasses) {
		t.Errorf("train.Classes: got %v, want %v", train.Classes, threeClasses)
	}
}

func TestLoadDirErrors(t *testing.T) {
	t.Run("count mismatch", func(t *testing.T) {
		dir := writeIDXDir(t, []byte{0, 1, 2, 0, 1}, []byte{2, 2, 1, 0})
		_, _, err := LoadDir(dir, threeClasses)
		want := TrainLabelsFile + ": 5 labels, but " + filepath.Join(dir, TrainImagesFile+".gz") + " holds 6 images"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want one containing %q", err, want)
		}
	})
	t.Run("bad label", func(t *testing.T) {
		dir := writeIDXDir(t, []byte{0, 1, 2, 0, 1, 2}, []byte{2, 7, 1, 0})
		_, _, err := LoadDir(dir, threeClasses)
		want := TestLabelsFile + ".gz: label 7 of image 1 is not a class (want 0 to 2)"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want one containing %q", err, want)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		dir := writeIDXDir(t, []byte{0, 1, 2, 0, 1, 2}, []byte{2, 2, 1, 0})
		if err := os.Remove(filepath.Join(dir, TestImagesFile)); err != nil {
			t.Fatal(err)
		}
		_, _, err := LoadDir(dir, threeClasses)
		want := "neither " + TestImagesFile + " nor " + TestImagesFile + ".gz exists"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want one containing %q", err, want)
		}
	})
}

// testSet returns a set of len(labels) 1x2 images whose pixels are (i, 100+i).
func testSet(labels []byte, classes []string) *Set {
	m := &Images{N: len(labels), Channels: 1, Rows: 1, Cols: 2}
	for i := range labels {
		m.Pixels = append(m.Pixels, byte(i), byte(100+i))
	}
	return &Set{Images: m, Labels: append([]byte(nil), labels...), Classes: classes}
}

func TestFilter(t *testing.T) {
	s := testSet([]byte{0, 2, 1, 2, 0, 1}, threeClasses)
	tests := []struct {
		keep        []byte
		wantLabels  []byte
		wantFirst   []byte // pixel 0 of each kept image: its index in s
		wantClasses []string
	}{
		{[]byte{2, 1}, []byte{0, 1, 0, 1}, []byte{1, 2, 3, 5}, []string{"c", "b"}},
		{[]byte{0}, []byte{0, 0}, []byte{0, 4}, []string{"a"}},
		{[]byte{0, 1, 2}, []byte{0, 2, 1, 2, 0, 1}, []byte{0, 1, 2, 3, 4, 5}, threeClasses},
	}
	for _, tt := range tests {
		got := s.Filter(tt.keep...)
		var first []byte
		for i := range got.Len() {
			first = append(first, got.Images.Image(i)[0])
		}
		if !bytes.Equal(got.Labels, tt.wantLabels) || !bytes.Equal(first, tt.wantFirst) || !slices.Equal(got.Classes, tt.wantClasses) {
			t.Errorf("Filter(%v): got labels %v, images %v, classes %v; want %v, %v, %v",
				tt.keep, got.Labels, first, got.Classes, tt.wantLabels, tt.wantFirst, tt.wantClasses)
		}
	}
}

func TestFilterPanics(t *testing.T) {
	s := testSet([]byte{0, 1}, threeClasses)
	for _, keep := range [][]byte{nil, {3}, {1, 1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Filter(%v): got no panic, want one", keep)
				}
			}()
			s.Filter(keep...)
		}()
	}
}

func TestFirstPerClass(t *testing.T) {
	s := testSet([]byte{0, 2, 1, 2, 0, 1, 2, 0}, threeClasses)
	tests := []struct {
		k         int
		classes   []byte
		wantFirst []byte
	}{
		{1, nil, []byte{0, 1, 2}},
		{2, nil, []byte{0, 1, 2, 3, 4, 5}},
		{2, []byte{0, 2}, []byte{0, 1, 3, 4}},
		{5, []byte{1}, []byte{2, 5}},
	}
	for _, tt := range tests {
		got := s.FirstPerClass(tt.k, tt.classes...)
		var first []byte
		for i := range got.Len() {
			first = append(first, got.Images.Image(i)[0])
			if want := s.Labels[first[i]]; got.Labels[i] != want {
				t.Errorf("FirstPerClass(%d, %v): label %d is %d, want the original %d", tt.k, tt.classes, i, got.Labels[i], want)
			}
		}
		if !bytes.Equal(first, tt.wantFirst) {
			t.Errorf("FirstPerClass(%d, %v): got images %v, want %v", tt.k, tt.classes, first, tt.wantFirst)
		}
	}
}

func TestOneHotAndLabelsInto(t *testing.T) {
	s := testSet([]byte{0, 2, 1}, threeClasses)
	idx := []int{1, 2}
	got := make([]float64, 6)
	s.OneHotInto(got, idx, 0.01, 0.99)
	if want := []float64{0.01, 0.01, 0.99, 0.01, 0.99, 0.01}; !slices.Equal(got, want) {
		t.Errorf("OneHotInto: got %v, want %v", got, want)
	}
	lab := make([]float64, 2)
	s.LabelsInto(lab, idx)
	if want := []float64{2, 1}; !slices.Equal(lab, want) {
		t.Errorf("LabelsInto: got %v, want %v", lab, want)
	}
	if n := testing.AllocsPerRun(10, func() { s.OneHotInto(got, idx, 0, 1) }); n != 0 {
		t.Errorf("OneHotInto: got %v allocations, want 0", n)
	}
	for name, f := range map[string]func(){
		"OneHotInto": func() { s.OneHotInto(make([]float64, 5), idx, 0, 1) },
		"LabelsInto": func() { s.LabelsInto(make([]float64, 3), idx) },
	} {
		func() {
			defer func() {
				err, ok := recover().(error)
				if !ok || !errors.Is(err, matrix.ErrShape) {
					t.Errorf("%s with a short buffer: got panic %v, want an error wrapping matrix.ErrShape", name, err)
				}
			}()
			f()
		}()
	}
}
