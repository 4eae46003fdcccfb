package data

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedFashion(t *testing.T) {
	pairTrain, pairTest := EmbeddedFashionPair()
	tenTrain, tenTest := EmbeddedFashion10()
	pairNames := []string{"T-shirt/top", "Shirt"}
	tests := []struct {
		name       string
		s          *Set
		wantCounts []int
		wantNames  []string
	}{
		{"pair train", pairTrain, []int{pairTrainPerClass, pairTrainPerClass}, pairNames},
		{"pair test", pairTest, []int{pairTestPerClass, pairTestPerClass}, pairNames},
		{"ten train", tenTrain, slices.Repeat([]int{tenTrainPerClass}, 10), FashionClasses()},
		{"ten test", tenTest, slices.Repeat([]int{tenTestPerClass}, 10), FashionClasses()},
	}
	for _, tt := range tests {
		if got := tt.s.Counts(); !slices.Equal(got, tt.wantCounts) {
			t.Errorf("%s: got class counts %v, want %v", tt.name, got, tt.wantCounts)
		}
		if !slices.Equal(tt.s.Classes, tt.wantNames) {
			t.Errorf("%s: got classes %v, want %v", tt.name, tt.s.Classes, tt.wantNames)
		}
		if m := tt.s.Images; m.Rows != 28 || m.Cols != 28 || m.Channels != 1 {
			t.Errorf("%s: got images of %dx%dx%d, want 1x28x28", tt.name, m.Channels, m.Rows, m.Cols)
		}
	}
}

func TestFashionClasses(t *testing.T) {
	c := FashionClasses()
	if len(c) != 10 || c[0] != "T-shirt/top" || c[Shirt] != "Shirt" || c[9] != "Ankle boot" {
		t.Errorf("FashionClasses(): got %q, want T-shirt/top ... Shirt at 6 ... Ankle boot", c)
	}
	c[0] = "changed"
	if FashionClasses()[0] != "T-shirt/top" {
		t.Error("modifying the result of FashionClasses changed the next result")
	}
}

// fullFashionInstalled reports whether Debian's dataset-fashion-mnist is present.
func fullFashionInstalled() bool {
	_, err := os.Stat(FashionDir)
	return err == nil && hasIDX(os.DirFS(FashionDir), ".")
}

func TestFashionDefaultSource(t *testing.T) {
	train, test, source, err := FashionPair("")
	if err != nil {
		t.Fatalf("FashionPair(\"\"): %v", err)
	}
	want := fmt.Sprintf("embedded subset of Fashion-MNIST: %d train / %d test", 2*pairTrainPerClass, 2*pairTestPerClass)
	if fullFashionInstalled() {
		want = "full Fashion-MNIST from " + FashionDir + ": 12000 train / 2000 test"
	}
	if source != want {
		t.Errorf("FashionPair(\"\") source: got %q, want %q", source, want)
	}
	if got := fmt.Sprintf("%d train / %d test", train.Len(), test.Len()); !strings.HasSuffix(source, got) {
		t.Errorf("source %q does not match the sets returned (%s)", source, got)
	}
}

func TestFashionFallsBackToEmbedded(t *testing.T) {
	defer func(d string) { fashionDir = d }(fashionDir)
	fashionDir = t.TempDir() // an empty directory: no full set installed
	tests := []struct {
		name       string
		load       func(string) (*Set, *Set, string, error)
		wantSource string
	}{
		{"FashionPair", FashionPair, "embedded subset of Fashion-MNIST: 2000 train / 500 test"},
		{"Fashion10", Fashion10, "embedded subset of Fashion-MNIST: 3000 train / 1000 test"},
	}
	for _, tt := range tests {
		train, test, source, err := tt.load("")
		if err != nil || source != tt.wantSource {
			t.Errorf("%s(\"\"): got %q, %v; want %q, nil", tt.name, source, err, tt.wantSource)
			continue
		}
		if got := fmt.Sprintf("%d train / %d test", train.Len(), test.Len()); !strings.HasSuffix(source, got) {
			t.Errorf("%s: source %q does not match the sets returned (%s)", tt.name, source, got)
		}
	}
}

func TestFashionFromDir(t *testing.T) {
	labels := []byte{6, 0, 3, 6, 6, 9}
	dir := writeIDXDir(t, labels, []byte{0, 0, 6, 1})
	train, test, source, err := FashionPair(dir)
	if err != nil {
		t.Fatalf("FashionPair(%q): %v", dir, err)
	}
	if want := "Fashion-MNIST from " + dir + ": 4 train / 3 test"; source != want {
		t.Errorf("source: got %q, want %q", source, want)
	}
	if want := []byte{1, 0, 1, 1}; !bytes.Equal(train.Labels, want) {
		t.Errorf("train labels: got %v, want %v", train.Labels, want)
	}
	if want := []byte{0, 0, 1}; !bytes.Equal(test.Labels, want) {
		t.Errorf("test labels: got %v, want %v", test.Labels, want)
	}
	_, _, source, err = Fashion10(dir)
	if want := "Fashion-MNIST from " + dir + ": 6 train / 4 test"; err != nil || source != want {
		t.Errorf("Fashion10(%q): got %q, %v; want %q, nil", dir, source, err, want)
	}
	if _, _, _, err := Fashion10(t.TempDir()); err == nil {
		t.Error("Fashion10 of an empty directory: got no error, want one")
	}
}

// TestFullFashion checks the full set and that the embedded subsets are
// exactly what gen.go selects from it. It is skipped when the full set is
// not installed.
func TestFullFashion(t *testing.T) {
	if !fullFashionInstalled() {
		t.Skip("full Fashion-MNIST not installed in " + FashionDir + " (apt install dataset-fashion-mnist)")
	}
	train, test, err := LoadDir(FashionDir, FashionClasses())
	if err != nil {
		t.Fatalf("LoadDir(%s): %v", FashionDir, err)
	}
	if train.Len() != 60000 || test.Len() != 10000 {
		t.Fatalf("full set: got %d train / %d test, want 60000 / 10000", train.Len(), test.Len())
	}
	for c, n := range train.Counts() {
		if n != 6000 {
			t.Errorf("full train: class %d has %d images, want 6000", c, n)
		}
	}
	embedded := func(sub string) (*Set, *Set) {
		t.Helper()
		tr, te, err := ReadDirFS(fashionFS, "fashionmnist/"+sub, FashionClasses())
		if err != nil {
			t.Fatal(err)
		}
		return tr, te
	}
	same := func(name string, got, want *Set) {
		t.Helper()
		if !bytes.Equal(got.Labels, want.Labels) || !bytes.Equal(got.Images.Pixels, want.Images.Pixels) {
			t.Errorf("embedded %s differs from the subset gen.go selects; run go run gen.go", name)
		}
	}
	pt, pe := embedded("pair")
	same("pair train", pt, train.FirstPerClass(pairTrainPerClass, TShirt, Shirt))
	same("pair test", pe, test.FirstPerClass(pairTestPerClass, TShirt, Shirt))
	tt, te := embedded("ten")
	same("ten train", tt, train.FirstPerClass(tenTrainPerClass))
	same("ten test", te, test.FirstPerClass(tenTestPerClass))
}

// BenchmarkFashion10Full loads the full set, to measure its time and memory:
//
//	go test ./nn/data -run X -bench Fashion10Full -benchmem
func BenchmarkFashion10Full(b *testing.B) {
	if !fullFashionInstalled() {
		b.Skip("full Fashion-MNIST not installed in " + FashionDir)
	}
	for b.Loop() {
		if _, _, _, err := Fashion10(FashionDir); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleEmbeddedFashionPair() {
	train, test := EmbeddedFashionPair()
	fmt.Println(train.Len(), test.Len(), train.Classes, train.Counts())

	// Scale a mini-batch of two images into a reusable buffer.
	idx := []int{0, 1}
	x := make([]float64, len(idx)*train.Images.Size())
	train.Images.ScaleInto(x, idx, 0.01, 1)
	y := make([]float64, len(idx))
	train.LabelsInto(y, idx)
	fmt.Println(len(x), y)
	// Output:
	// 2000 500 [T-shirt/top Shirt] [1000 1000]
	// 1568 [0 0]
}
