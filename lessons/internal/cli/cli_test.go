package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nnscratch/nn/data"
)

func TestFloats(t *testing.T) {
	tests := []struct {
		in      string
		want    []float64
		wantErr string
	}{
		{"0.001,0.01, 1e3", []float64{0.001, 0.01, 1000}, ""},
		{"-1", []float64{-1}, ""},
		{"1,,2", nil, `"" is not a number`},
		{"x", nil, `"x" is not a number`},
		{"inf", nil, `"inf" is not a number`},
		{"NaN", nil, `"NaN" is not a number`},
	}
	for _, tt := range tests {
		got, err := Floats(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Floats(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Floats(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := PositiveFloats("0.5,0"); err == nil || err.Error() != "0 is not a positive number" {
		t.Errorf("PositiveFloats(\"0.5,0\") error = %v, want \"0 is not a positive number\"", err)
	}
}

func TestInts(t *testing.T) {
	if got, err := Ints("8, 2", 1); err != nil || !reflect.DeepEqual(got, []int{8, 2}) {
		t.Errorf("Ints(\"8, 2\") = %v, %v; want [8 2]", got, err)
	}
	if _, err := Ints("8,0", 1); err == nil || err.Error() != "0 is below the minimum 1" {
		t.Errorf("Ints(\"8,0\") error = %v, want \"0 is below the minimum 1\"", err)
	}
	if _, err := Ints("8,a", 1); err == nil || err.Error() != `"a" is not an integer` {
		t.Errorf("Ints(\"8,a\") error = %v, want %q", err, `"a" is not an integer`)
	}
}

func TestSeed(t *testing.T) {
	if got, err := Seed("seed", 4294967295); err != nil || got != 4294967295 {
		t.Errorf("Seed(2³²−1) = %v, %v", got, err)
	}
	for _, v := range []int64{-1, 4294967296} {
		if _, err := Seed("seed", v); err == nil || !strings.Contains(err.Error(), "-seed must be in 0 … 4294967295") {
			t.Errorf("Seed(%d) error = %v, want a range error naming -seed", v, err)
		}
	}
}

func TestRunExitCodes(t *testing.T) {
	parse := func(args []string, stderr io.Writer) (string, error) {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(stderr)
		fail := fs.Bool("fail", false, "make run fail")
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() > 0 {
			return "", errors.New("unexpected argument")
		}
		if *fail {
			return "fail", nil
		}
		return "ok", nil
	}
	run := func(w io.Writer, cfg string) error {
		if cfg == "fail" {
			return errors.New("training diverged")
		}
		_, err := io.WriteString(w, "done\n")
		return err
	}
	tests := []struct {
		args        []string
		code        int
		out, errOut string
	}{
		{nil, 0, "done\n", ""},
		{[]string{"-h"}, 0, "", "Usage"},
		{[]string{"extra"}, 2, "", "lesson: unexpected argument\n"},
		{[]string{"-nope"}, 2, "", "flag provided but not defined: -nope"},
		{[]string{"-fail"}, 1, "", "lesson: training diverged\n"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := Run("lesson", tt.args, &out, &errOut, parse, run)
		if code != tt.code || out.String() != tt.out || !strings.Contains(errOut.String(), tt.errOut) {
			t.Errorf("Run(%q) = %d, stdout %q, stderr %q; want %d, %q, stderr containing %q",
				tt.args, code, out.String(), errOut.String(), tt.code, tt.out, tt.errOut)
		}
	}
}

func TestParse(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Int("n", 1, "")
	if err := Parse(fs, []string{"-n", "2"}); err != nil {
		t.Errorf("Parse(-n 2) = %v, want nil", err)
	}
	if err := Parse(fs, []string{"-n", "2", "extra"}); err == nil || err.Error() != `unexpected argument "extra"` {
		t.Errorf("Parse(-n 2 extra) = %v, want unexpected argument", err)
	}
}

// TestUsageErrorOnce checks that a bad flag's error is printed once, after
// the usage, and that -h prints the usage alone.
func TestUsageErrorOnce(t *testing.T) {
	parse := func(args []string, stderr io.Writer) (int, error) {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(stderr)
		n := fs.Int("n", 1, "the `count`")
		return *n, Parse(fs, args)
	}
	run := func(io.Writer, int) error { return nil }
	tests := []struct {
		args []string
		code int
		msg  string // printed exactly once
	}{
		{[]string{"-nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"-n", "ten"}, 2, `invalid value "ten" for flag -n`},
		{[]string{"-h"}, 0, "Usage of x:"},
	}
	for _, tt := range tests {
		var errOut bytes.Buffer
		code := Run("lesson", tt.args, io.Discard, &errOut, parse, run)
		got := errOut.String()
		if code != tt.code || strings.Count(got, tt.msg) != 1 || strings.Count(got, "-n count") != 1 {
			t.Errorf("Run(%q) = %d, stderr %q; want %d, %q once and the usage once", tt.args, code, got, tt.code, tt.msg)
		}
	}
}

func TestBadInputExitsTwo(t *testing.T) {
	parse := func(args []string, _ io.Writer) (string, error) { return strings.Join(args, " "), nil }
	run := func(_ io.Writer, cfg string) error {
		switch cfg {
		case "missing":
			return BadInput(fmt.Errorf("-data x: %w", errors.New("x: no such directory")))
		case "wrapped":
			return fmt.Errorf("loading: %w", BadInput(errors.New("x.csv:3: bad field")))
		case "write":
			return errors.New("save out.png: disk full")
		}
		return nil
	}
	tests := []struct {
		arg  string
		code int
		want string
	}{
		{"missing", 2, "lesson: -data x: x: no such directory\n"},
		{"wrapped", 2, "lesson: loading: x.csv:3: bad field\n"},
		{"write", 1, "lesson: save out.png: disk full\n"},
		{"fine", 0, ""},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if code := Run("lesson", []string{tt.arg}, &out, &errOut, parse, run); code != tt.code || errOut.String() != tt.want {
			t.Errorf("%s: got exit %d and %q, want %d and %q", tt.arg, code, errOut.String(), tt.code, tt.want)
		}
	}
	if BadInput(nil) != nil {
		t.Error("BadInput(nil) is not nil")
	}
}

func TestFinite(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-tol", "1e-4", "-n", "3"}, ""},
		{[]string{"-tol", "Inf"}, "-tol must be a finite number, got +Inf"},
		{[]string{"-alpha", "-inf"}, "-alpha must be a finite number, got -Inf"},
		{[]string{"-alpha", "NaN"}, "-alpha must be a finite number, got NaN"},
	} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.Float64("alpha", 1, "")
		fs.Float64("tol", 1, "")
		fs.Int("n", 1, "")
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		err := Finite(fs)
		if (err == nil) != (tt.want == "") || (err != nil && err.Error() != tt.want) {
			t.Errorf("Finite(%q) = %v, want %q", tt.args, err, tt.want)
		}
	}
}

func TestCheckFloats(t *testing.T) {
	if err := CheckFloats("x", 60000, 784); err != nil {
		t.Errorf("60000×784: %v, want nil", err)
	}
	err := CheckFloats("the batch (-batch 60000 × 1000000 pixels)", 60000, 1000000)
	want := "the batch (-batch 60000 × 1000000 pixels) needs 60000×1000000 = 6e+10 values, more than the 67108864 (512 MiB) a lesson allocates for one matrix"
	if err == nil || err.Error() != want || !IsBadInput(err) {
		t.Errorf("got %v, want bad input %q", err, want)
	}
	if err := CheckFloats("x", math.MaxInt, 2); err == nil {
		t.Error("MaxInt×2: got nil, want an error")
	}
}

func TestDataLimit(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want int64
		err  string
	}{
		{nil, data.DefaultMaxBytes, ""},
		{[]string{"-max-mb", "1024"}, 1 << 30, ""},
		{[]string{"-max-mb", "0"}, 0, "-max-mb must be in 1 … 65536, got 0"},
		{[]string{"-max-mb", "65537"}, 0, "-max-mb must be in 1 … 65536, got 65537"},
	} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		d := AddDataLimit(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		l, err := d.Limits()
		if l.MaxBytes != tt.want || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("%q: got %d, %v; want %d, %q", tt.args, l.MaxBytes, err, tt.want, tt.err)
		}
	}
	_, err := data.Limits{MaxBytes: 10}.ReadLabels(strings.NewReader("\x00\x00\x08\x01\x00\x00\x00\x20"), "l.idx")
	got := DataError(err)
	if want := "l.idx: header says 32 labels: more than the budget of 10 bytes (-max-mb raises the budget)"; got == nil || got.Error() != want || !IsBadInput(got) {
		t.Errorf("DataError = %v, want bad input %q", got, want)
	}
}

func TestFilePrefix(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ in, want string }{
		{filepath.Join(dir, "c"), filepath.Join(dir, "c")},
		{dir, filepath.Join(dir, "convergence")},
		{"nodir/", filepath.Join("nodir", "convergence")},
	} {
		if got := FilePrefix(tt.in, "convergence"); got != tt.want {
			t.Errorf("FilePrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
