package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"
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
