package plot

import (
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// JPEGQuality is the quality Save uses for .jpg and .jpeg files.
const JPEGQuality = 90

// Save writes img to path as PNG (extension .png) or JPEG at JPEGQuality
// (.jpg or .jpeg), the extension matched without regard to case; any other
// extension is an error naming the path and the allowed extensions. The
// image is encoded into a temporary file in the same directory, which is
// then renamed over path, so path is never left half-written: on any
// failure the temporary file is removed and an existing file at path is
// untouched. The file gets mode 0644.
func Save(path string, img image.Image) (err error) {
	var encode func(*os.File) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		encode = func(f *os.File) error { return png.Encode(f, img) }
	case ".jpg", ".jpeg":
		encode = func(f *os.File) error { return jpeg.Encode(f, img, &jpeg.Options{Quality: JPEGQuality}) }
	default:
		return fmt.Errorf("plot: save %s: unknown image extension %q (want .png, .jpg or .jpeg)", path, filepath.Ext(path))
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("plot: save %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := encode(tmp); err != nil {
		return fmt.Errorf("plot: save %s: encode: %w", path, err)
	}
	// CreateTemp makes the file private (0600); give it the usual mode.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("plot: save %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("plot: save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plot: save %s: %w", path, unwrapPath(err))
	}
	return nil
}

// CheckPath reports, before any drawing, whether Save could write path: its
// extension must be .png, .jpg or .jpeg, its directory must exist, and a
// file must be creatable there (CheckPath creates and removes a temporary
// file, as Save would, so a read-only or special directory such as /proc
// is refused too). The error names the path; a command calls it while
// checking its flags, so a typo is reported at once rather than after a
// long run.
func CheckPath(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png", ".jpg", ".jpeg":
	default:
		return fmt.Errorf("%s: unknown image extension %q (want .png, .jpg or .jpeg)", path, filepath.Ext(path))
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: directory %s does not exist", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in directory %s: %v", path, dir, unwrapPath(err))
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

// unwrapPath returns the cause of a *fs.PathError or *os.LinkError without
// the temporary file's name, which would only confuse the reader of a
// message that names the file being written.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
