package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/nn/data"
)

func TestCheckData(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ which, want string }{
		{"embedded", ""},
		{"full", ""},
		{dir, ""},
		{"", `-data must be embedded, full or a directory, got ""`},
		{file, `-data must be embedded, full or a directory, got "` + file + `"`},
		{filepath.Join(dir, "nope"), `-data must be embedded, full or a directory, got "` + filepath.Join(dir, "nope") + `"`},
	} {
		err := CheckData(tt.which)
		if got := errString(err); got != tt.want {
			t.Errorf("CheckData(%q) = %q, want %q", tt.which, got, tt.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestLoadFashion checks which reader each -data value calls, the embedded
// sentence, and that a read error names -data as given and is bad input
// with the -max-mb hint when over the budget.
func TestLoadFashion(t *testing.T) {
	train, test := data.EmbeddedFashionPair()
	var gotDir string
	var gotLim data.Limits
	read := func(l data.Limits, dir string) (*data.Set, *data.Set, string, error) {
		gotDir, gotLim = dir, l
		return train, test, "read " + dir, nil
	}
	lim := data.Limits{MaxBytes: 5 << 20}
	for _, tt := range []struct{ which, dir, source string }{
		{"embedded", "", "embedded subset of Fashion-MNIST: 2000 train / 500 test"},
		{"full", data.FashionDir, "read " + data.FashionDir},
		{"/some/dir", "/some/dir", "read /some/dir"},
	} {
		gotDir, gotLim = "", data.Limits{}
		tr, te, source, err := LoadFashion(tt.which, lim, data.EmbeddedFashionPair, read)
		if err != nil || tr.Len() != train.Len() || te.Len() != test.Len() || source != tt.source || gotDir != tt.dir {
			t.Errorf("LoadFashion(%q): got %q, read(%q), %v; want %q, read(%q)", tt.which, source, gotDir, err, tt.source, tt.dir)
		}
		if tt.dir != "" && gotLim != lim {
			t.Errorf("LoadFashion(%q): read with %+v, want %+v", tt.which, gotLim, lim)
		}
	}

	dir := t.TempDir()
	_, _, _, err := LoadFashion(dir, data.Limits{}, data.EmbeddedFashion10, data.Limits.Fashion10)
	if err == nil || !IsBadInput(err) || !strings.HasPrefix(err.Error(), "-data "+dir+": ") || !strings.Contains(err.Error(), data.TrainImagesFile) {
		t.Errorf("LoadFashion(empty dir): got %v, want bad input naming -data %s and %s", err, dir, data.TrainImagesFile)
	}
	over := func(data.Limits, string) (*data.Set, *data.Set, string, error) {
		return nil, nil, "", errors.Join(data.ErrBudget)
	}
	_, _, _, err = LoadFashion("full", lim, data.EmbeddedFashion10, over)
	if err == nil || !IsBadInput(err) || !strings.HasPrefix(err.Error(), "-data full: ") || !strings.HasSuffix(err.Error(), "(-max-mb raises the budget)") {
		t.Errorf("LoadFashion(over budget): got %v, want bad input naming -data full and -max-mb", err)
	}
}
