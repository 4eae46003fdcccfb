package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestREADMEFigures checks the figures README.md states against the data
// and the readers: the sizes of the embedded sets and files, their
// memory, the budget, and what refusing an IDX bomb costs.
func TestREADMEFigures(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(b)), " ")
	says := func(phrase string) {
		t.Helper()
		if !strings.Contains(doc, strings.Join(strings.Fields(phrase), " ")) {
			t.Errorf("README.md does not say %q, which is what the code gives", phrase)
		}
	}
	pairTrain, pairTest := EmbeddedFashionPair()
	tenTrain, tenTest := EmbeddedFashion10()
	says(fmt.Sprintf("T-shirt/top and 6 Shirt: %s train / %s test", thousands(pairTrain.Len()), thousands(pairTest.Len())))
	says(fmt.Sprintf("all ten classes: %s train / %s test", thousands(tenTrain.Len()), thousands(tenTest.Len())))
	says(fmt.Sprintf("the first %s training images labelled 0 (T-shirt/top) and the first %s labelled 6 (Shirt), and the first %d test images of each",
		thousands(pairTrain.Counts()[0]), thousands(pairTrain.Counts()[1]), pairTest.Counts()[0]))
	says(fmt.Sprintf("the first %d training images and the first %d test images of each of the ten classes", tenTrain.Counts()[0], tenTest.Counts()[0]))
	iris := Iris()
	says(fmt.Sprintf("%d flowers, %d measurements in cm", iris.Rows, iris.Cols))
	years := LynxYears()
	says(fmt.Sprintf("%d–%d (%d values)", years[0], years[len(years)-1], len(Lynx())))

	files, err := filepath.Glob("fashionmnist/*/*.gz")
	if err != nil || len(files) != 8 {
		t.Fatalf("fashionmnist/*/*.gz: %d files, %v; want 8", len(files), err)
	}
	var gz int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		gz += st.Size()
	}
	mb := func(n int) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }
	pixels := func(sets ...*Set) int {
		n := 0
		for _, s := range sets {
			n += len(s.Images.Pixels)
		}
		return n
	}
	const fullTrain, fullTest = 60000, 10000 // Fashion-MNIST's sizes
	size := 28 * 28
	says(fmt.Sprintf("gzipped IDX, %.1f MB together", float64(gz)/1e6))
	says(fmt.Sprintf("the embedded pair subset takes %s, the ten-class subset %s, the full Fashion-MNIST %s (%s of training images)",
		mb(pixels(pairTrain, pairTest)), mb(pixels(tenTrain, tenTest)), mb((fullTrain+fullTest)*size), mb(fullTrain*size)))
	says(fmt.Sprintf("at most %d MiB (`DefaultMaxBytes`", DefaultMaxBytes>>20))

	// An IDX file whose header promises 5,000 images of 1000×1000 is
	// refused from its header, before a pixel is read.
	bomb := gzipped(t, append(header([4]byte{0, 0, 8, 3}, 5000, 1000, 1000), make([]byte, 1<<20)...))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadImages(bytes.NewReader(bomb), "bomb.gz")
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("an IDX header promising 5,000 images of 1000×1000 was not refused")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got >= 1e6 {
		t.Errorf("refusing the bomb allocated %d bytes, the README says under 1 MB", got)
	}
	says("5,000 images of 1000×1000 costs under 1 MB of memory to refuse")
}

// thousands formats n with a comma every three digits, as the README does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
