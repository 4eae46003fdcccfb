package data

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// CIFAR-10 binary layout: each record is one label byte followed by a 32×32
// image as 1024 red, then 1024 green, then 1024 blue bytes, each plane row by
// row.
const (
	cifarSide   = 32
	cifarPixels = 3 * cifarSide * cifarSide
	cifarRecord = 1 + cifarPixels
)

var cifarClasses = [10]string{
	"airplane", "automobile", "bird", "cat", "deer",
	"dog", "frog", "horse", "ship", "truck",
}

// CIFAR10Classes returns the names of CIFAR-10's ten classes, indexed by
// label: 0 airplane, 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog,
// 7 horse, 8 ship, 9 truck. The slice is new on every call.
func CIFAR10Classes() []string { return append([]string(nil), cifarClasses[:]...) }

// ReadCIFAR10 reads a CIFAR-10 batch with the default budget; see
// Limits.ReadCIFAR10.
func ReadCIFAR10(r io.Reader, name string, keep ...byte) (*Set, error) {
	return Limits{}.ReadCIFAR10(r, name, keep...)
}

// ReadCIFAR10 reads a CIFAR-10 binary batch (data_batch_N.bin or
// test_batch.bin: records of 1 label byte and 3,072 pixel bytes, gzipped or
// not) from r. name is used in error messages only.
//
// If keep lists classes, only their records are kept and class keep[k] is
// relabelled k (ReadCIFAR10(r, name, 3, 5) gives cats 0 and dogs 1);
// otherwise all ten classes are kept. The images have Channels 3, Rows and
// Cols 32, channel-major as in the file. Only kept records are stored, one
// byte per pixel: 3 KB per image, 31 MB for a whole batch of 10,000.
//
// A record cut short is an error naming the file and the record (counted
// from 1), as is a gzip stream that ends early, a label above 9, a file with
// no records, and a file that decodes to more than l.MaxBytes (the error
// wraps ErrBudget; reading stops there). It panics if keep repeats a class
// or names one above 9.
func (l Limits) ReadCIFAR10(r io.Reader, name string, keep ...byte) (*Set, error) {
	all := &Set{Classes: CIFAR10Classes()}
	if len(keep) == 0 {
		keep = []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	}
	relabel, names := all.relabelTable(keep)
	unzipped, err := maybeGunzip(r, name)
	if err != nil {
		return nil, err
	}
	src := &budgetReader{r: unzipped, max: l.max()}
	out := &Set{
		Images:  &Images{Channels: 3, Rows: cifarSide, Cols: cifarSide},
		Classes: names,
	}
	var rec [cifarRecord]byte
	for n := 1; ; n++ {
		got, err := io.ReadFull(src, rec[:])
		switch {
		case err == io.EOF && n == 1:
			return nil, fmt.Errorf("%s: no CIFAR-10 records (empty file)", name)
		case err == io.EOF:
			return out, nil
		case errors.Is(err, ErrBudget):
			return nil, l.budgetError(name, fmt.Sprintf("decodes to more than %d CIFAR-10 records", n-1))
		case err == io.ErrUnexpectedEOF:
			return nil, fmt.Errorf("%s: record %d is truncated: %d of %d bytes", name, n, got, cifarRecord)
		case err != nil:
			return nil, fmt.Errorf("%s: record %d: %w", name, n, err)
		}
		label := rec[0]
		if label >= 10 {
			return nil, fmt.Errorf("%s: record %d: label %d is not a CIFAR-10 class (want 0 to 9)", name, n, label)
		}
		if relabel[label] < 0 {
			continue
		}
		out.Labels = append(out.Labels, byte(relabel[label]))
		out.Images.Pixels = append(out.Images.Pixels, rec[1:]...)
		out.Images.N++
	}
}

// LoadCIFAR10 reads CIFAR-10 batch files with the default budget; see
// Limits.LoadCIFAR10.
func LoadCIFAR10(paths []string, keep ...byte) (*Set, error) {
	return Limits{}.LoadCIFAR10(paths, keep...)
}

// LoadCIFAR10 reads the CIFAR-10 batch files at paths, in order, keeping the
// classes in keep as ReadCIFAR10 does, and returns them as one set. Each file
// may decode to at most l.MaxBytes, and so may the kept images of all of
// them together (the error wraps ErrBudget). Memory is that of the kept
// images, plus a transient copy while the sets are joined.
func (l Limits) LoadCIFAR10(paths []string, keep ...byte) (*Set, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("data: LoadCIFAR10: no files given")
	}
	var sets []*Set
	total := 0
	for _, p := range paths {
		s, err := l.loadCIFARFile(p, keep)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
		total += s.Len()
		if need := int64(total) * cifarPixels; need > l.max() {
			return nil, l.budgetError(p, fmt.Sprintf("with the files before it, %d images to keep, %d bytes of pixels", total, need))
		}
	}
	if len(sets) == 1 {
		return sets[0], nil
	}
	out := &Set{
		Images:  &Images{N: total, Channels: 3, Rows: cifarSide, Cols: cifarSide, Pixels: make([]byte, 0, total*cifarPixels)},
		Labels:  make([]byte, 0, total),
		Classes: sets[0].Classes,
	}
	for _, s := range sets {
		out.Images.Pixels = append(out.Images.Pixels, s.Images.Pixels...)
		out.Labels = append(out.Labels, s.Labels...)
	}
	return out, nil
}

func (l Limits) loadCIFARFile(path string, keep []byte) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.ReadCIFAR10(f, path, keep...)
}
