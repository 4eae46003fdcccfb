package cli

import (
	"errors"
	"flag"
	"fmt"

	"nnscratch/nn/data"
)

// MaxFloats is the most float64 values a lesson allocates for one matrix
// (a weight matrix, a batch, a data set converted to float64): 2²⁶, which
// is 512 MiB. It holds all 60,000 Fashion-MNIST training images as
// float64 (47 million values) with room to spare. CheckFloats refuses a
// size from a flag or a file that needs more, before anything is allocated.
const MaxFloats = 1 << 26

// CheckFloats returns an error, wrapped by BadInput, if a rows×cols matrix
// of float64 would exceed MaxFloats; what names the matrix and where its
// sizes came from, as in "the first weight matrix (-hidden 10000 × 784
// pixels)".
func CheckFloats(what string, rows, cols int) error {
	if rows < 0 || cols < 0 || (cols > 0 && rows > MaxFloats/cols) {
		return BadInput(fmt.Errorf("%s needs %d×%d = %.4g values, more than the %d (512 MiB) a lesson allocates for one matrix",
			what, rows, cols, float64(rows)*float64(cols), MaxFloats))
	}
	return nil
}

// DataLimit is the -max-mb flag of the lessons that read image files: the
// budget, in MiB, of each file (data.Limits.MaxBytes).
type DataLimit struct{ mb int64 }

// AddDataLimit defines -max-mb on fs, default data.DefaultMaxBytes in MiB.
func AddDataLimit(fs *flag.FlagSet) *DataLimit {
	d := &DataLimit{}
	fs.Int64Var(&d.mb, "max-mb", data.DefaultMaxBytes>>20,
		"budget of each data file, in `MiB` after decompression: a file that decodes to more is refused (1 … 65536)")
	return d
}

// Limits returns the budget the flag holds, or an error naming the flag if
// it is not in 1 … 65536 MiB.
func (d *DataLimit) Limits() (data.Limits, error) {
	if d.mb < 1 || d.mb > 1<<16 {
		return data.Limits{}, fmt.Errorf("-max-mb must be in 1 … 65536, got %d", d.mb)
	}
	return data.Limits{MaxBytes: d.mb << 20}, nil
}

// DataError returns err, an error from reading a data set, as bad input,
// with a hint to raise -max-mb when the file was over the budget. nil stays
// nil.
func DataError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, data.ErrBudget) {
		err = fmt.Errorf("%w (-max-mb raises the budget)", err)
	}
	return BadInput(err)
}
