package data

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// DefaultMaxBytes is the budget of the package-level readers: the most bytes
// one file may decode to (after decompression), 256 MiB. It is five times
// the 47 MB of the Fashion-MNIST or MNIST training images and more than the
// 150 MB of all five CIFAR-10 training batches.
const DefaultMaxBytes = 256 << 20

// ErrBudget is wrapped by every error that refuses a file for decoding to
// more bytes than the reader's budget (Limits.MaxBytes), so a command can
// tell its user how to raise the budget.
var ErrBudget = errors.New("data: over the size budget")

// Limits is the budget of a reader: what a file may make it allocate. Its
// methods are the package's readers with that budget; the package-level
// functions use the zero Limits, which means DefaultMaxBytes.
//
// The budget is checked before allocating: an IDX header that promises more
// than MaxBytes of pixels or labels is refused as soon as it is read, a
// CIFAR-10 or CSV file is refused as soon as MaxBytes of it has been
// decoded, so a small gzip "bomb" costs a few kilobytes, not gigabytes.
type Limits struct {
	// MaxBytes is the most bytes one file may decode to: pixels and labels
	// for IDX and CIFAR-10 files, text for CSV files (whose numbers then
	// take at most 4·MaxBytes as float64). 0 means DefaultMaxBytes.
	MaxBytes int64
}

// max returns the budget in bytes.
func (l Limits) max() int64 {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

// budgetError says that file name needs what (a phrase such as "header
// says 5000 images of 1000x1000, 5000000000 bytes"), more than the budget
// of l; the error wraps ErrBudget.
func (l Limits) budgetError(name, what string) error {
	return &overBudget{fmt.Sprintf("%s: %s: more than the budget of %s", name, what, mib(l.max()))}
}

// overBudget is the error of a file over its reader's budget.
type overBudget struct{ msg string }

func (e *overBudget) Error() string        { return e.msg }
func (e *overBudget) Is(target error) bool { return target == ErrBudget }

// mib formats a byte count as "256 MiB" when it is a whole number of MiB,
// else as bytes.
func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// errGzipTruncated replaces io.ErrUnexpectedEOF from a gzip stream: the
// compressed data ended before its end marker, which a reader reports as
// such rather than as a record that is too short.
var errGzipTruncated = errors.New("the gzip stream ends early (the .gz file is truncated)")

// gunzip is a gzip.Reader whose early end is reported as errGzipTruncated.
type gunzip struct{ zr *gzip.Reader }

func (g gunzip) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err == io.ErrUnexpectedEOF {
		err = errGzipTruncated
	}
	return n, err
}

// budgetReader passes through at most max bytes of r and then fails with
// ErrBudget, counting what it has passed in n.
type budgetReader struct {
	r   io.Reader
	n   int64
	max int64
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.n >= b.max {
		// One byte more tells a file of exactly max bytes from a longer one.
		var one [1]byte
		if _, err := io.ReadFull(b.r, one[:]); err != nil {
			return 0, err
		}
		return 0, ErrBudget
	}
	if int64(len(p)) > b.max-b.n {
		p = p[:b.max-b.n]
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// quote returns s quoted for an error message, cut to its first 40 bytes
// with its length added if it is longer, so that a 10 MB field does not
// become a 10 MB message.
func quote(s string) string {
	if c, ok := cut(s); !ok {
		return fmt.Sprintf("%q… (%d bytes)", c, len(s))
	}
	return fmt.Sprintf("%q", s)
}

// cut returns s, or its first 40 bytes (ending at a character boundary)
// and false if it is longer.
func cut(s string) (string, bool) {
	const keep = 40
	if len(s) <= keep {
		return s, true
	}
	n := keep
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], false
}
