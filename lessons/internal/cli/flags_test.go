package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestRangedFlags checks IntVar and SeedVar: defaults kept, values in range
// stored, values outside it refused by Parse with the flag's name and
// range, and the range and default shown in the usage.
func TestRangedFlags(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		steps int
		seed  uint32
		want  string // fragment of the error, "" for none
	}{
		{nil, 10, 1, ""},
		{[]string{"-steps", "5", "-seed", "4294967295"}, 5, 4294967295, ""},
		{[]string{"-steps", "0x10"}, 16, 1, ""},
		{[]string{"-steps", "0"}, 0, 0, "-steps must be in 1 … 100, got 0"},
		{[]string{"-steps", "x"}, 0, 0, `invalid value "x" for flag -steps: parse error`},
		{[]string{"-seed", "-1"}, 0, 0, "-seed must be in 0 … 4294967295, got -1"},
		{[]string{"-seed", "4294967296"}, 0, 0, "-seed must be in 0 … 4294967295, got 4294967296"},
	} {
		var usage bytes.Buffer
		fs := NewFlagSet("x", "Tests.", &usage)
		steps, seed := 10, uint32(1)
		IntVar(fs, &steps, "steps", 1, 100, "training `steps`")
		SeedVar(fs, &seed, "seed", "np.random.seed value")
		err := Parse(fs, tt.args)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: unexpected error %v", tt.args, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: got error %v, want one containing %q", tt.args, err, tt.want)
		case tt.want == "" && (steps != tt.steps || seed != tt.seed):
			t.Errorf("%q: got steps %d, seed %d; want %d, %d", tt.args, steps, seed, tt.steps, tt.seed)
		}
		if got, want := fs.Lookup("steps").Usage, "training `steps` (1 … 100)"; got != want {
			t.Errorf("usage of -steps: got %q, want %q", got, want)
		}
		if strings.Contains(tt.want, "parse error") && !strings.Contains(usage.String(), "-steps steps\n    \ttraining steps (1 … 100) (default 10)") {
			t.Errorf("%q: the usage printed lacks -steps' range and default:\n%s", tt.args, usage.String())
		}
	}
}

// TestPicture checks Figure and Picture: the default picture on the
// default run and with a neutral flag, none when another flag changes the
// run, the -plot given in any case, and a picture that cannot be written
// refused before the run.
func TestPicture(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string // the picture, or a fragment of the error
		bad  bool
	}{
		{nil, "fig.png", false},
		{[]string{"-trace", "2"}, "fig.png", false},
		{[]string{"-seed", "7"}, "", false},
		{[]string{"-seed", "7", "-plot", "mine.png"}, "mine.png", false},
		{[]string{"-plot", ""}, "", false},
		{[]string{"-plot", filepath.Join(dir, "a.jpg")}, filepath.Join(dir, "a.jpg"), false},
		{[]string{"-plot", "a.gif"}, `-plot: a.gif: unknown image extension ".gif"`, true},
		{[]string{"-plot", filepath.Join(dir, "no", "a.png")}, "does not exist", true},
	} {
		fs := NewFlagSet("x", "Tests.", &bytes.Buffer{})
		fs.String("plot", "fig.png", "")
		fs.Int("seed", 1, "")
		fs.Int("trace", 0, "")
		if err := Parse(fs, tt.args); err != nil {
			t.Fatal(err)
		}
		if fig := Figure(fs, "plot", "trace"); !tt.bad && fig != tt.want {
			t.Errorf("%q: Figure gives %q, want %q", tt.args, fig, tt.want)
		}
		got, err := Picture(fs, "plot", "trace")
		switch {
		case tt.bad && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: got %q, %v; want an error containing %q", tt.args, got, err, tt.want)
		case !tt.bad && (err != nil || got != tt.want):
			t.Errorf("%q: got %q, %v; want %q", tt.args, got, err, tt.want)
		}
	}
}

// TestOneOf checks OneOf's message for one, two and three choices.
func TestOneOf(t *testing.T) {
	for _, tt := range []struct {
		choices []string
		want    string
	}{
		{[]string{"a"}, `-x must be a, got "z"`},
		{[]string{"a", "b"}, `-x must be a or b, got "z"`},
		{[]string{"a", "b", "c"}, `-x must be a, b or c, got "z"`},
	} {
		if err := OneOf("x", "b", tt.choices...); (err == nil) != (len(tt.choices) > 1) {
			t.Errorf("OneOf(x, b, %q) = %v", tt.choices, err)
		}
		if err := OneOf("x", "z", tt.choices...); err == nil || err.Error() != tt.want {
			t.Errorf("OneOf(x, z, %q) = %v, want %s", tt.choices, err, tt.want)
		}
	}
}

// TestIntVarUsage checks that the list of flags names an IntVar's value
// "int" unless its usage names it in backquotes.
func TestIntVarUsage(t *testing.T) {
	var usage bytes.Buffer
	fs := NewFlagSet("x", "Tests.", &usage)
	var a, b int
	IntVar(fs, &a, "a", 0, 9, "a count")
	IntVar(fs, &b, "b", 0, 9, "print every `n` steps")
	fs.Usage()
	for _, want := range []string{"usage: x [flags]\n\nTests.\n\n", "-a int\n    \ta count (an int in 0 … 9)\n", "-b n\n    \tprint every n steps (0 … 9)\n"} {
		if !strings.Contains(usage.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, usage.String())
		}
	}
}

// TestDraw checks that Draw writes nothing for no picture, says where the
// picture went, and passes on the writer's error without the line.
func TestDraw(t *testing.T) {
	var out bytes.Buffer
	called := false
	if err := Draw(&out, "", func() error { called = true; return nil }); err != nil || called || out.Len() > 0 {
		t.Errorf(`Draw(""): error %v, called %v, printed %q; want nothing`, err, called, out.String())
	}
	if err := Draw(&out, "a.png", func() error { return nil }); err != nil || out.String() != "\nwrote a.png\n" {
		t.Errorf(`Draw("a.png"): error %v, printed %q; want "\nwrote a.png\n"`, err, out.String())
	}
	out.Reset()
	fail := errors.New("disk full")
	if err := Draw(&out, "a.png", func() error { return fail }); err != fail || out.Len() > 0 {
		t.Errorf(`Draw failing: error %v, printed %q; want %v and nothing`, err, out.String(), fail)
	}
}
