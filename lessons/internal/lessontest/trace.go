package lessontest

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// Run parses args with parse, runs run with the resulting config and
// returns what it printed, failing t on any error: a lesson's command line
// as its tests run it.
func Run[C any](t *testing.T, parse func([]string, io.Writer) (C, error), run func(io.Writer, C) error, args ...string) string {
	t.Helper()
	cfg, err := parse(args, io.Discard)
	if err != nil {
		t.Fatalf("flags %q: %v", args, err)
	}
	var buf bytes.Buffer
	if err := run(&buf, cfg); err != nil {
		t.Fatalf("flags %q: %v", args, err)
	}
	return buf.String()
}

// Excerpt returns the part of out from the first occurrence of from up to,
// not including, the first occurrence of to after it (a README's excerpt of
// a -trace output), failing t if either is missing.
func Excerpt(t *testing.T, out, from, to string) string {
	t.Helper()
	i := strings.Index(out, from)
	if i < 0 {
		t.Fatalf("output lacks %q:\n%s", from, out)
	}
	j := strings.Index(out[i:], to)
	if j < 0 {
		t.Fatalf("output lacks %q after %q:\n%s", to, from, out)
	}
	return out[i : i+j]
}

// KeepsFigure checks that a lesson draws the figure its README shows, def,
// on the default run and with -trace (in a lesson that has it), and draws
// none when -seed changes the run unless -plot names a file: an experiment
// run from inside the lesson's directory never overwrites the README's
// figure. plot reads the picture file from a config.
func KeepsFigure[C any](t *testing.T, parse func([]string, io.Writer) (C, error), plot func(C) string, def string) {
	t.Helper()
	cases := []FlagCase{
		{nil, def},
		{[]string{"-seed", "7"}, ""},
		{[]string{"-seed", "7", "-plot", "mine.png"}, "mine.png"},
	}
	if _, err := parse([]string{"-trace", "1"}, io.Discard); err == nil || !strings.Contains(err.Error(), "not defined: -trace") {
		cases = append(cases, FlagCase{[]string{"-trace", "1"}, def})
	}
	Pictures(t, parse, plot, cases)
}

// Pictures checks, for each case, that parse accepts the arguments and that
// the picture file the config names (read by picture) is Want ("" for
// none): the table behind KeepsFigure, for a lesson whose picture flag or
// experiments are its own.
func Pictures[C any](t *testing.T, parse func([]string, io.Writer) (C, error), picture func(C) string, cases []FlagCase) {
	t.Helper()
	for _, c := range cases {
		cfg, err := parse(c.Args, io.Discard)
		if err != nil {
			t.Errorf("flags %q: %v", c.Args, err)
			continue
		}
		if got := picture(cfg); got != c.Want {
			t.Errorf("flags %q: picture %q, want %q", c.Args, got, c.Want)
		}
	}
}
