package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"nnscratch/nn/plot"
)

// NewFlagSet returns the flag set of the lesson called name: it returns
// errors instead of exiting, and prints its usage to stderr, as
//
//	usage: name [flags]
//
//	summary
//
// followed by the flags. It is the first line of every lesson's parseFlags.
func NewFlagSet(name, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: %s [flags]\n\n%s\n\n", name, summary)
		fs.PrintDefaults()
	}
	return fs
}

// IntVar defines an int flag called name, stored in *p (whose value is the
// default), that accepts only lo … hi; the usage gains " (lo … hi)", or
// " (an int in lo … hi)" when it names no value in backquotes (the flag
// package's way to name the value in the list of flags). Parse refuses a
// value outside the range with an error that names the flag:
//
//	-steps must be in 1 … 10000000, got 0
func IntVar(fs *flag.FlagSet, p *int, name string, lo, hi int, usage string) {
	format := "%s (%d … %d)"
	if !strings.Contains(usage, "`") {
		format = "%s (an `int` in %d … %d)"
	}
	fs.Var(&intRange{p: p, lo: int64(lo), hi: int64(hi)}, name, fmt.Sprintf(format, usage, lo, hi))
}

// SeedVar defines a flag called name, stored in *p (whose value is the
// default), for a seed numpy accepts: 0 … 2³²−1, which the usage says.
// Parse refuses another value as Seed does.
func SeedVar(fs *flag.FlagSet, p *uint32, name, usage string) {
	fs.Var(&intRange{seed: p, lo: 0, hi: math.MaxUint32}, name, usage+" (0 … 2³²−1)")
}

// OneOf checks that v, the value of the flag called name, is one of
// choices: "-scale must be raw, standard or both, got "unit"".
func OneOf(name, v string, choices ...string) error {
	if slices.Contains(choices, v) {
		return nil
	}
	list := choices[len(choices)-1]
	if n := len(choices); n > 1 {
		list = strings.Join(choices[:n-1], ", ") + " or " + list
	}
	return fmt.Errorf("-%s must be %s, got %q", name, list, v)
}

// Figure returns the picture file a run writes, given the flag set after
// parsing and the name of its picture flag (such as "plot"), whose default
// is the figure the lesson's README shows. A run that another flag changes
// draws another picture, so unless the picture flag was given it draws none
// (""): an experiment run from inside a lesson's directory never overwrites
// the README's figure. Flags named in neutral, such as "trace", do not
// change the picture.
func Figure(fs *flag.FlagSet, name string, neutral ...string) string {
	explicit, changed := false, false
	fs.Visit(func(f *flag.Flag) {
		switch {
		case f.Name == name:
			explicit = true
		case !slices.Contains(neutral, f.Name):
			changed = true
		}
	})
	if changed && !explicit {
		return ""
	}
	return fs.Lookup(name).Value.String()
}

// Picture returns the picture file a run writes, as Figure does, after
// checking that it can be written (a .png, .jpg or .jpeg file in a
// directory that exists), before any training: "-plot: x.gif: unknown
// image extension".
func Picture(fs *flag.FlagSet, name string, neutral ...string) (string, error) {
	path := Figure(fs, name, neutral...)
	if path != "" {
		if err := plot.CheckPath(path); err != nil {
			return "", fmt.Errorf("-%s: %v", name, err)
		}
	}
	return path, nil
}

// Draw ends a run that draws a picture: unless path is "" (no picture),
// it calls write, which writes the picture to path, and then says where the
// picture went ("\nwrote path\n" on w).
func Draw(w io.Writer, path string, write func() error) error {
	if path == "" {
		return nil
	}
	if err := write(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nwrote %s\n", path)
	return err
}

// intRange is the flag.Value of IntVar and SeedVar: it holds what was
// given, and Parse checks the range (ranged.check) once parsing is done, so
// a value out of range gives the lesson's message, not the flag package's.
type intRange struct {
	p      *int    // IntVar's variable, or
	seed   *uint32 // SeedVar's
	given  int64
	lo, hi int64
}

func (v *intRange) String() string {
	switch {
	case v == nil:
		return "0"
	case v.seed != nil:
		return strconv.FormatUint(uint64(*v.seed), 10)
	case v.p != nil:
		return strconv.Itoa(*v.p)
	}
	return "0"
}

func (v *intRange) Set(s string) error {
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return errors.New("parse error") // as the flag package says for its own ints
	}
	v.given = n
	if n >= v.lo && n <= v.hi {
		if v.seed != nil {
			*v.seed = uint32(n)
		} else {
			*v.p = int(n)
		}
	}
	return nil
}

func (v *intRange) Get() any {
	if v.seed != nil {
		return *v.seed
	}
	return *v.p
}

// check returns the error for a value out of range, or nil.
func (v *intRange) check(name string) error {
	if v.given < v.lo || v.given > v.hi {
		return fmt.Errorf("-%s must be in %d … %d, got %d", name, v.lo, v.hi, v.given)
	}
	return nil
}
