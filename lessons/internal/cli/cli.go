// Package cli holds what every lesson's command line shares: the main
// function that turns a lesson's parse and run functions into the project's
// exit codes, the flag set and the flags lessons take (ranged integers,
// numpy seeds, lists of numbers, word choices, the picture file), the
// budgets that keep a flag or a file from making a lesson allocate more
// than it says, and the pool that runs a sweep's independent runs on all
// cores.
//
// The exit codes are the same for every lesson: 0 after a run that
// finished (or -h), 2 for a usage error or bad input (a flag's value, or a
// file or data set the lesson cannot use: run returns such errors wrapped
// by BadInput), and 1 for a failure during the run (a file that cannot be
// written, training that diverged).
//
// A lesson's main is one line:
//
//	func main() { cli.Main("alpha-sweep", parseFlags, run) }
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Main parses os.Args[1:] with parse and, if that succeeds, calls run with
// standard output. It exits with status 0 after -h, 2 after a usage error
// (printed once, as "name: message" on standard error, below the usage
// that Parse prints for a flag it cannot parse) or when run fails with an
// error wrapped by BadInput, and 1 when run fails otherwise.
func Main[C any](name string, parse func(args []string, stderr io.Writer) (C, error), run func(w io.Writer, cfg C) error) {
	os.Exit(Run(name, os.Args[1:], os.Stdout, os.Stderr, parse, run))
}

// Run is Main without the exit: it returns the exit status instead, so tests
// can check it.
func Run[C any](name string, args []string, stdout, stderr io.Writer, parse func([]string, io.Writer) (C, error), run func(io.Writer, C) error) int {
	cfg, err := parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 2
	}
	if err := run(stdout, cfg); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		if IsBadInput(err) {
			return 2
		}
		return 1
	}
	return 0
}

// BadInput marks err as the user's input being wrong rather than the run
// failing: a file that is missing or malformed, a data set the lesson cannot
// use. Run exits with status 2 for it, as for a bad flag. The message is
// err's; BadInput(nil) is nil.
func BadInput(err error) error {
	if err == nil {
		return nil
	}
	return &badInput{err}
}

// IsBadInput reports whether err, or an error it wraps, came from BadInput.
func IsBadInput(err error) bool {
	var b *badInput
	return errors.As(err, &b)
}

type badInput struct{ err error }

func (e *badInput) Error() string { return e.err.Error() }
func (e *badInput) Unwrap() error { return e.err }

// Finite checks that every float64 flag of fs holds a finite number, so a
// lesson need not repeat the check for each: "-tol must be a finite number,
// got +Inf".
func Finite(fs *flag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if !ok || err != nil {
			return
		}
		if v, ok := g.Get().(float64); ok && (math.IsInf(v, 0) || math.IsNaN(v)) {
			err = fmt.Errorf("-%s must be a finite number, got %v", f.Name, v)
		}
	})
	return err
}

// Floats parses a comma-separated list of finite numbers such as
// "0.001, 0.01,0.1". An empty list or a bad item is an error naming the item.
func Floats(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("%q is not a number", f)
		}
		out = append(out, v)
	}
	return out, nil
}

// PositiveFloats is Floats for lists whose items must all be > 0, such as
// learning rates.
func PositiveFloats(s string) ([]float64, error) {
	vs, err := Floats(s)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if !(v > 0) {
			return nil, fmt.Errorf("%v is not a positive number", v)
		}
	}
	return vs, nil
}

// Ints parses a comma-separated list of integers, each at least min, such
// as hidden-layer sizes "8,2".
func Ints(s string, min int) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		v, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", f)
		}
		if v < min {
			return nil, fmt.Errorf("%d is below the minimum %d", v, min)
		}
		out = append(out, v)
	}
	return out, nil
}

// Seed checks that v, the value of flag name, is a seed numpy accepts
// (0 … 2³²−1) and returns it as a uint32.
func Seed(name string, v int64) (uint32, error) {
	if v < 0 || v > math.MaxUint32 {
		return 0, fmt.Errorf("-%s must be in 0 … 4294967295, got %d", name, v)
	}
	return uint32(v), nil
}

// Parse parses args with fs and rejects positional arguments, which no
// lesson takes: the common opening of every lesson's parseFlags. It also
// checks the flags IntVar and SeedVar defined against their ranges. For -h it
// prints the usage and returns flag.ErrHelp. For an unknown flag or a bad
// value it prints the usage and returns the flag package's error without
// printing it, so that Run prints it once, named after the lesson.
func Parse(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the flag package would print the error and the usage
	err := fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		usage(fs)
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	fs.Visit(func(f *flag.Flag) {
		if r, ok := f.Value.(*intRange); ok && err == nil {
			err = r.check(f.Name)
		}
	})
	return err
}

// usage prints fs's usage to its output, as the flag package does.
func usage(fs *flag.FlagSet) {
	if fs.Usage != nil {
		fs.Usage()
		return
	}
	fmt.Fprintf(fs.Output(), "Usage of %s:\n", fs.Name())
	fs.PrintDefaults()
}

// FilePrefix returns prefix, the start of output file names such as
// prefix+"-fit.png", unchanged, or prefix/def if prefix names an existing
// directory or ends with a path separator: "-plot /tmp" then writes
// /tmp/def-fit.png, not /tmp-fit.png in the root directory.
func FilePrefix(prefix, def string) string {
	if fi, err := os.Stat(prefix); (err == nil && fi.IsDir()) || strings.HasSuffix(prefix, string(filepath.Separator)) {
		return filepath.Join(prefix, def)
	}
	return prefix
}
