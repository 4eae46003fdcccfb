package data

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The hostile corpus: files that are malformed, lie about their size, or
// are built to exhaust memory, each with the one-line error it must give.
// Small files live in testdata/hostile; large ones are generated here, so
// that the whole corpus is read on every go test in well under a second.

// TestHostileCSV reads every CSV file of testdata/hostile and the generated
// large ones. want is a fragment of the error, or "" if the file is a valid
// table (one class and an identifier for a target are valid tables: a
// classifier refuses them, see lesson 10).
func TestHostileCSV(t *testing.T) {
	var wide strings.Builder
	wide.WriteString("c0")
	for j := 1; j < 100000; j++ {
		fmt.Fprintf(&wide, ",c%d", j)
	}
	wide.WriteString("\n" + strings.Repeat("1,", 99999) + "x\n" + strings.Repeat("2,", 99999) + "y\n")
	tests := []struct {
		file string
		text string // the file's content if it is generated, else read from testdata/hostile
		want string
	}{
		{file: "empty.csv", want: "empty.csv: empty file, want a header row"},
		{file: "header-only.csv", want: "header-only.csv: no data rows after the header"},
		{file: "ragged.csv", want: "ragged.csv:3: 2 fields, want 3 as in the header"},
		{file: "bom.csv"},
		{file: "crlf.csv"},
		{file: "nul.csv", want: `nul.csv:3: column "b": "4\x00" is not a number`},
		{file: "unterminated-quote.csv", want: `unterminated-quote.csv:4: extraneous or missing " in quoted-field`},
		{file: "duplicate-column.csv", want: `duplicate-column.csv:1: column "a" appears twice`},
		{file: "infinite.csv", want: `infinite.csv:2: column "b": "inf" is not a number`},
		{file: "one-class.csv"},
		{file: "id-target.csv"},
		{file: "wide.csv", text: wide.String()},
		{file: "long-field.csv", text: "a,class\n" + strings.Repeat("9", 10<<20) + "z,x\n",
			want: `long-field.csv:2: column "a": "9999999999999999999999999999999999999999"… (10485761 bytes) is not a number`},
		{file: "long-name.csv", text: "a," + strings.Repeat("n", 10<<20) + "\n1,x\n",
			want: "no target column \"nope\" (columns: a, nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…)"},
	}
	for _, tt := range tests {
		var b []byte
		if tt.text != "" {
			b = []byte(tt.text)
		} else {
			var err error
			if b, err = os.ReadFile(filepath.Join("testdata", "hostile", tt.file)); err != nil {
				t.Fatal(err)
			}
		}
		target := ""
		if tt.file == "long-name.csv" {
			target = "nope"
		}
		tab, err := ReadCSV(bytes.NewReader(b), tt.file, target)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: got error %v, want a table", tt.file, err)
		case tt.want == "" && (tab.Rows < 1 || len(tab.X) != tab.Rows*tab.Cols || tab.Header[0] != strings.TrimPrefix(tab.Header[0], "\uFEFF")):
			t.Errorf("%s: got %d rows of %d columns in %d values, header %q", tt.file, tab.Rows, tab.Cols, len(tab.X), tab.Header)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got error %v, want one containing %q", tt.file, err, tt.want)
		case err != nil && (len(err.Error()) > 300 || strings.Contains(err.Error(), "\n")):
			t.Errorf("%s: error of %d bytes is not one short line: %.300q", tt.file, len(err.Error()), err)
		}
	}
}

// TestCSVBudget checks that a CSV file longer than the budget is refused
// once the budget has been read, with an error wrapping ErrBudget.
func TestCSVBudget(t *testing.T) {
	text := "a,class\n" + strings.Repeat("1,x\n", 1000)
	_, err := Limits{MaxBytes: 1000}.ReadCSV(strings.NewReader(text), "big.csv", "")
	if want := "big.csv: more than 1000 bytes of text: more than the budget of 1000 bytes"; err == nil || err.Error() != want || !errors.Is(err, ErrBudget) {
		t.Errorf("got error %v, want %q wrapping ErrBudget", err, want)
	}
	if _, err := (Limits{MaxBytes: int64(len(text))}).ReadCSV(strings.NewReader(text), "big.csv", ""); err != nil {
		t.Errorf("a file of exactly the budget: got error %v, want none", err)
	}
}

// gzipped returns b compressed, as fast as gzip can.
func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// TestHostileIDXAndCIFAR reads corrupted, lying and bomb files with a
// budget of 1 MiB, so that a bomb of a few MiB stands for one of gigabytes.
func TestHostileIDXAndCIFAR(t *testing.T) {
	img := [4]byte{0, 0, 8, 3}
	lim := Limits{MaxBytes: 1 << 20}
	valid := idxImageBytes(t, testImages(3, 4, 4), false)
	noisy := header(img, 1, 100, 100) // pixels gzip cannot shrink much
	for i, x := 0, uint32(1); i < 10000; i++ {
		x = x*1664525 + 1013904223
		noisy = append(noisy, byte(x>>24))
	}
	noisyGz := gzipped(t, noisy)
	zeros := make([]byte, 3<<20)
	cifar := cifarBytes([]byte{1, 2, 3})
	manyRecords := bytes.Repeat(cifar, 400) // 3.5 MiB
	tests := []struct {
		name string
		read func(b []byte) error
		file []byte
		want string
	}{
		{"idx gzip truncated in header", images(lim), gzipped(t, valid)[:30], "x.gz: reading header: the gzip stream ends early (the .gz file is truncated)"},
		{"idx gzip truncated in pixels", images(lim), noisyGz[:len(noisyGz)/2], "x.gz: reading pixels: the gzip stream ends early (the .gz file is truncated)"},
		{"idx gzip header only", images(lim), gzipped(t, valid)[:5], "x.gz: the gzip stream ends early"},
		{"idx gzip corrupt", images(lim), corrupt(gzipped(t, valid)), "x.gz: reading pixels: "},
		{"idx lying header", images(lim), append(header(img, 1000, 10, 10), 1, 2, 3),
			"header says 1000 images of 10x10 (100000 bytes of pixels) but file holds 3 bytes of pixels"},
		{"idx bomb header", images(lim), gzipped(t, append(header(img, 5000, 1000, 1000), zeros...)),
			"x.gz: header says 5000 images of 1000x1000, 5e+09 bytes of pixels: more than the budget of 1 MiB"},
		{"idx bomb after pixels", images(lim), gzipped(t, append(header(img, 1, 10, 10), zeros...)),
			"x.gz: header says 1 images of 10x10 (100 bytes of pixels) but file holds more than 1048576 bytes of pixels"},
		{"labels bomb", labels(lim), gzipped(t, append(header([4]byte{0, 0, 8, 1}, 1<<21), zeros...)),
			"x.gz: header says 2097152 labels: more than the budget of 1 MiB"},
		{"cifar gzip truncated", cifarReader(lim), gzipped(t, cifar)[:60], "x.gz: record 4: the gzip stream ends early (the .gz file is truncated)"},
		{"cifar bomb", cifarReader(lim), gzipped(t, manyRecords), "x.gz: decodes to more than 341 CIFAR-10 records: more than the budget of 1 MiB"},
	}
	for _, tt := range tests {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := tt.read(tt.file)
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
		if strings.Contains(tt.want, "budget") && !errors.Is(err, ErrBudget) {
			t.Errorf("%s: error %v does not wrap ErrBudget", tt.name, err)
		}
		// The budget, about twice over for buffers that grow by doubling,
		// and gzip's own state.
		if got := after.TotalAlloc - before.TotalAlloc; got > 4<<20 {
			t.Errorf("%s: allocated %d bytes with a budget of 1 MiB", tt.name, got)
		}
	}
}

func images(l Limits) func([]byte) error {
	return func(b []byte) error { _, err := l.ReadImages(bytes.NewReader(b), "x.gz"); return err }
}

func labels(l Limits) func([]byte) error {
	return func(b []byte) error { _, err := l.ReadLabels(bytes.NewReader(b), "x.gz"); return err }
}

func cifarReader(l Limits) func([]byte) error {
	return func(b []byte) error { _, err := l.ReadCIFAR10(bytes.NewReader(b), "x.gz", 1, 2); return err }
}

// corrupt flips a byte in the middle of the compressed data.
func corrupt(b []byte) []byte {
	b = append([]byte(nil), b...)
	b[len(b)/2] ^= 0xff
	return b
}

// TestHostileDirs checks LoadDir and FashionPair on directories of valid
// files that do not make a data set: mismatched image sizes, an empty set,
// none of the wanted classes.
func TestHostileDirs(t *testing.T) {
	write := func(train, test *Images, trainLabels, testLabels []byte) string {
		dir := t.TempDir()
		writeFile(t, dir, TrainImagesFile+".gz", idxImageBytes(t, train, true))
		writeFile(t, dir, TrainLabelsFile+".gz", idxLabelBytes(t, trainLabels, true))
		writeFile(t, dir, TestImagesFile+".gz", idxImageBytes(t, test, true))
		writeFile(t, dir, TestLabelsFile+".gz", idxLabelBytes(t, testLabels, true))
		return dir
	}
	mixed := write(testImages(2, 28, 28), testImages(2, 10, 10), []byte{0, 6}, []byte{0, 6})
	noTrain := write(testImages(0, 28, 28), testImages(2, 28, 28), nil, []byte{0, 6})
	noTest := write(testImages(2, 28, 28), testImages(0, 28, 28), []byte{0, 6}, nil)
	others := write(testImages(2, 5, 5), testImages(2, 5, 5), []byte{0, 6}, []byte{1, 2})
	tests := []struct {
		name string
		load func(dir string) error
		dir  string
		want string
	}{
		{"mixed sizes", loadDir, mixed, filepath.Join(mixed, TestImagesFile+".gz") + " holds images of 10x10 but " +
			filepath.Join(mixed, TrainImagesFile+".gz") + " holds 28x28: training and test images must be the same size"},
		{"no training images", loadDir, noTrain, filepath.Join(noTrain, TrainImagesFile+".gz") + ": holds no images"},
		{"no test images", loadDir, noTest, filepath.Join(noTest, TestImagesFile+".gz") + ": holds no images"},
		{"none of the classes", pair, others, "Fashion-MNIST from " + others + ": the test set holds no images of the classes T-shirt/top, Shirt"},
	}
	for _, tt := range tests {
		if err := tt.load(tt.dir); err == nil || err.Error() != tt.want {
			t.Errorf("%s: got error %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := loadDir(others); err != nil {
		t.Errorf("LoadDir of a valid 5x5 directory: %v", err)
	}
}

func loadDir(dir string) error { _, _, err := LoadDir(dir, FashionClasses()); return err }

func pair(dir string) error { _, _, _, err := FashionPair(dir); return err }
