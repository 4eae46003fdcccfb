package nn

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Save writes m to the file path (see WriteTo for what it refuses), so
// that path holds either its old contents or the whole model, never part
// of one, even if the program is killed or the machine stops:
//
//   - the model is written to a temporary file named .NAME.tmp-DIGITS in
//     the same directory, synced to disk, then renamed over path;
//   - a path that already exists keeps its permission bits (a 0600 file
//     stays 0600); a new file gets 0644;
//   - a path that is a symbolic link is written through: the file it
//     points to is replaced and the link kept; a link to nothing is refused;
//   - a temporary file left by an earlier Save of the same path that was
//     killed (.NAME.tmp-DIGITS, untouched for over a minute) is removed.
//     Such files are always safe to delete when no Save is running.
//
// The replaced file's owner is not kept: the new file belongs to the user
// who saves.
func (m *Model) Save(path string) error {
	if err := m.check(); err != nil {
		return fmt.Errorf("nn: save %s: %w", path, err)
	}
	target, mode, err := saveTarget(path)
	if err != nil {
		return fmt.Errorf("nn: save %s: %w", path, err)
	}
	err = writeAtomic(target, mode, func(w io.Writer) error {
		_, err := m.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("nn: save %s: %w", path, err)
	}
	return nil
}

// saveTarget returns the file Save replaces for path (path itself, or the
// file a symbolic link points to) and the mode the new file gets.
func saveTarget(path string) (string, fs.FileMode, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, 0o644, nil
	}
	if err != nil {
		return "", 0, err
	}
	target := path
	if fi.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", 0, fmt.Errorf("a symbolic link to a file that cannot be reached: %w", err)
		}
		if fi, err = os.Stat(target); err != nil {
			return "", 0, err
		}
	}
	if !fi.Mode().IsRegular() {
		return "", 0, fmt.Errorf("%s is not a regular file (%v)", target, fi.Mode().Type())
	}
	return target, fi.Mode().Perm(), nil
}

// staleTemp is how long a temporary file of Save's must lie untouched
// before a later Save of the same path takes it for a killed one's.
const staleTemp = time.Minute

// writeAtomic writes a new file with the given mode through write, into a
// temporary file beside target that is synced and renamed over target.
// On failure the temporary file is removed and target is untouched.
func writeAtomic(target string, mode fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Dir(target), filepath.Base(target)
	prefix := "." + base + ".tmp-"
	removeStaleTemps(dir, prefix)
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // not the temporary file's name, which means nothing to the user
		}
		return fmt.Errorf("cannot create a file in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), target); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return fmt.Errorf("replacing %s: %w", target, err)
	}
	// Sync the directory so the rename itself survives a crash; not every
	// system can, and the file is complete either way.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// removeStaleTemps removes the files in dir named prefix+digits that have
// not been modified for staleTemp: the leftovers of a killed Save.
func removeStaleTemps(dir, prefix string) {
	names, _ := filepath.Glob(filepath.Join(globEscape(dir), globEscape(prefix)+"*"))
	for _, name := range names {
		rest := strings.TrimPrefix(filepath.Base(name), prefix)
		if rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleTemp {
			os.Remove(name)
		}
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// The limits Load applies unless told otherwise. A 784-100-10 network
// (79,510 parameters) takes about 1.6 MB.
const (
	DefaultMaxBytes  = 64 << 20 // 64 MiB of file
	DefaultMaxParams = 1 << 22  // 4,194,304 numbers: 32 MiB as float64
)

// Limits bounds what Load and ReadModel accept, so that a hostile or
// corrupt file cannot make them allocate without bound: MaxBytes bounds
// the file's length and MaxParams the numbers it holds (weights, biases
// and scaler values together). Every size a file declares is checked
// against them before anything is allocated for it, and the error names
// the limit. A zero field means the default (DefaultMaxBytes,
// DefaultMaxParams). Besides the 8 bytes of each number, loading holds
// twice the meta (at most MaxMetaBytes) and buffers of about 64 KiB, the
// longest token or run of blanks a model file may have, whatever the
// file's length: a 100 MB file peaks at about 120 MB of memory, most of it
// garbage left by the decoder.
type Limits struct {
	MaxBytes  int64
	MaxParams int
}

func (lim Limits) orDefault() Limits {
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = DefaultMaxBytes
	}
	if lim.MaxParams <= 0 {
		lim.MaxParams = DefaultMaxParams
	}
	return lim
}

// Load reads the model file path within the default Limits. See
// Limits.Load.
func Load(path string) (*Model, error) { return Limits{}.Load(path) }

// ReadModel reads a model from r within the default Limits; name names r
// in errors. See Limits.Load.
func ReadModel(r io.Reader, name string) (*Model, error) { return Limits{}.ReadModel(r, name) }

// Load reads the model file path, written by Save in this version or the
// one before. Its errors begin with the path and, where it applies, the
// line, and say what is wrong in the file's own terms:
//
//	model.json:7: layer 2: weights row 3 has 9 values, want 10
//
// It refuses what no saved model contains: a file longer than
// lim.MaxBytes or declaring more than lim.MaxParams numbers (checked
// before reading them), unknown or repeated fields, a NaN, infinite or
// out-of-range number, layers whose shapes do not chain, an activation
// parameter out of range, a scaler or class list that does not fit the
// network, data after the closing brace.
func (lim Limits) Load(path string) (*Model, error) {
	lim = lim.orDefault()
	f, err := os.Open(path)
	if err != nil {
		return nil, err // "open model.json: no such file or directory"
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s: a directory, not a model file", path)
	} else if err == nil && fi.Mode().IsRegular() {
		if size = fi.Size(); size > lim.MaxBytes {
			return nil, fmt.Errorf("%s: %d bytes, %w", path, size, tooLarge(lim.MaxBytes))
		}
	}
	return lim.read(f, size, path)
}

// ReadModel reads a model from r as Load reads a file, naming r as name in
// its errors.
func (lim Limits) ReadModel(r io.Reader, name string) (*Model, error) {
	return lim.orDefault().read(r, -1, name)
}

// read reads a model of size bytes (-1 if unknown) from r.
func (lim Limits) read(r io.Reader, size int64, name string) (*Model, error) {
	src := &lineReader{r: r, max: lim.MaxBytes, recording: -1}
	mr := newModelReader(src, size, lim)
	m, err := mr.model()
	if err != nil {
		return nil, src.locate(name, err)
	}
	return m, nil
}

// tooLarge is the error of a file longer than max bytes.
func tooLarge(max int64) error {
	mib := ""
	if max%(1<<20) == 0 {
		mib = fmt.Sprintf(" (%d MiB)", max>>20)
	}
	return fmt.Errorf("more than the limit of %d bytes%s; nn.Limits.MaxBytes raises it", max, mib)
}
