package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"

	"nnscratch/nn/plot"
)

// NewFlagSet returns the flag set of the lesson called name: it returns
// errors instead of exiting, and prints its usage to stderr. It is the first
// line of every lesson's parseFlags.
func NewFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// IntVar defines an int flag called name, stored in *p (whose value is the
// default), that accepts only lo … hi; the usage gains " (lo … hi)". A value
// outside the range is a usage error that names the flag and the range:
//
//	invalid value "0" for flag -steps: must be in 1 … 10000000
func IntVar(fs *flag.FlagSet, p *int, name string, lo, hi int, usage string) {
	fs.Var(&intRange{p, lo, hi}, name, fmt.Sprintf("%s (%d … %d)", usage, lo, hi))
}

// SeedVar defines a flag called name, stored in *p (whose value is the
// default), for a seed numpy accepts: 0 … 2³²−1, which the usage says.
func SeedVar(fs *flag.FlagSet, p *uint32, name, usage string) {
	fs.Var((*seed)(p), name, usage+" (0 … 2³²−1)")
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

// intRange is the flag.Value of IntVar.
type intRange struct {
	p      *int
	lo, hi int
}

func (v *intRange) String() string {
	if v == nil || v.p == nil {
		return "0"
	}
	return strconv.Itoa(*v.p)
}

func (v *intRange) Set(s string) error {
	n, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil {
		return fmt.Errorf("%q is not an integer", s)
	}
	if n < int64(v.lo) || n > int64(v.hi) {
		return fmt.Errorf("must be in %d … %d", v.lo, v.hi)
	}
	*v.p = int(n)
	return nil
}

func (v *intRange) Get() any { return *v.p }

// seed is the flag.Value of SeedVar.
type seed uint32

func (s *seed) String() string {
	if s == nil {
		return "0"
	}
	return strconv.FormatUint(uint64(*s), 10)
}

func (s *seed) Set(v string) error {
	n, err := strconv.ParseInt(v, 0, 64)
	if err != nil || n < 0 || n > math.MaxUint32 {
		return fmt.Errorf("must be in 0 … 4294967295")
	}
	*s = seed(n)
	return nil
}

func (s *seed) Get() any { return uint32(*s) }
