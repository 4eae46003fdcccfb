package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"nnscratch/matrix"
)

// Set is a labelled image set: image i of Images has class Labels[i], an
// index into Classes. Its memory cost is that of the pixel bytes (see
// Images) plus one byte per label.
type Set struct {
	Images  *Images
	Labels  []byte   // Labels[i] is the class of image i, in [0, len(Classes))
	Classes []string // Classes[c] is the name of class c
}

// Len returns the number of images in s.
func (s *Set) Len() int { return s.Images.N }

// Counts returns how many images each class has: Counts()[c] is the number of
// images labelled c.
func (s *Set) Counts() []int {
	n := make([]int, len(s.Classes))
	for _, l := range s.Labels {
		n[l]++
	}
	return n
}

// Subset returns a new set holding copies of the images and labels named by
// idx, in that order (an index may repeat). It panics if an index is out of
// range.
func (s *Set) Subset(idx []int) *Set {
	size := s.Images.Size()
	out := &Set{
		Images:  &Images{N: len(idx), Channels: s.Images.Channels, Rows: s.Images.Rows, Cols: s.Images.Cols, Pixels: make([]byte, 0, len(idx)*size)},
		Labels:  make([]byte, len(idx)),
		Classes: append([]string(nil), s.Classes...),
	}
	for k, i := range idx {
		out.Images.Pixels = append(out.Images.Pixels, s.Images.Image(i)...)
		out.Labels[k] = s.Labels[i]
	}
	return out
}

// Filter returns a new set holding copies of the images whose class is in
// keep, in file order, relabelled by their position in keep: class keep[k]
// becomes class k, named Classes[keep[k]]. Filter(3, 5) on CIFAR-10 keeps cats
// and dogs as classes 0 and 1. It panics if keep is empty, repeats a class,
// or names a class s does not have.
func (s *Set) Filter(keep ...byte) *Set {
	relabel, names := s.relabelTable(keep)
	var idx []int
	for i, l := range s.Labels {
		if relabel[l] >= 0 {
			idx = append(idx, i)
		}
	}
	out := s.Subset(idx)
	for k, l := range out.Labels {
		out.Labels[k] = byte(relabel[l])
	}
	out.Classes = names
	return out
}

// relabelTable maps each class of s to its position in keep, or -1.
func (s *Set) relabelTable(keep []byte) ([256]int, []string) {
	if len(keep) == 0 {
		panic("data: Filter with no classes to keep")
	}
	var relabel [256]int
	for i := range relabel {
		relabel[i] = -1
	}
	names := make([]string, len(keep))
	for k, c := range keep {
		if int(c) >= len(s.Classes) {
			panic(fmt.Sprintf("data: Filter class %d, but the set has %d classes", c, len(s.Classes)))
		}
		if relabel[c] >= 0 {
			panic(fmt.Sprintf("data: Filter class %d listed twice", c))
		}
		relabel[c] = k
		names[k] = s.Classes[c]
	}
	return relabel, names
}

// FirstPerClass returns a new set holding the first k images of each listed
// class (of every class if none is listed), in file order, with their labels
// and class names unchanged. A class with fewer than k images contributes all
// it has. This is how the embedded Fashion-MNIST subsets were chosen.
func (s *Set) FirstPerClass(k int, classes ...byte) *Set {
	var quota [256]int
	if len(classes) == 0 {
		for c := range s.Classes {
			quota[c] = k
		}
	}
	for _, c := range classes {
		quota[c] = k
	}
	var idx []int
	for i, l := range s.Labels {
		if quota[l] > 0 {
			quota[l]--
			idx = append(idx, i)
		}
	}
	return s.Subset(idx)
}

// OneHotInto writes the one-hot targets of the images named by idx into dst,
// len(Classes) values per image: row k of dst is on at column Labels[idx[k]]
// and off elsewhere. OneHotInto(dst, idx, 0.01, 0.99) gives the "Make Your Own
// Neural Network" targets. It allocates nothing; it panics with an error
// wrapping matrix.ErrShape if len(dst) != len(idx)*len(Classes).
func (s *Set) OneHotInto(dst []float64, idx []int, off, on float64) {
	c := len(s.Classes)
	if len(dst) != len(idx)*c {
		panic(fmt.Errorf("data: OneHotInto %d labels of %d classes into %d values: %w", len(idx), c, len(dst), matrix.ErrShape))
	}
	for k, i := range idx {
		row := dst[k*c : (k+1)*c]
		for j := range row {
			row[j] = off
		}
		row[s.Labels[i]] = on
	}
}

// LabelsInto writes the labels of the images named by idx into dst as
// numbers: dst[k] = Labels[idx[k]] (0 or 1 for a two-class set, the target of
// a single sigmoid output). It panics with an error wrapping matrix.ErrShape
// if len(dst) != len(idx).
func (s *Set) LabelsInto(dst []float64, idx []int) {
	if len(dst) != len(idx) {
		panic(fmt.Errorf("data: LabelsInto %d labels into %d values: %w", len(idx), len(dst), matrix.ErrShape))
	}
	for k, i := range idx {
		dst[k] = float64(s.Labels[i])
	}
}

// The four files of an MNIST-style directory, without the optional ".gz".
const (
	TrainImagesFile = "train-images-idx3-ubyte"
	TrainLabelsFile = "train-labels-idx1-ubyte"
	TestImagesFile  = "t10k-images-idx3-ubyte"
	TestLabelsFile  = "t10k-labels-idx1-ubyte"
)

// LoadDir reads an MNIST-style directory with the default budget; see
// Limits.LoadDir.
func LoadDir(dir string, classes []string) (train, test *Set, err error) {
	return Limits{}.LoadDir(dir, classes)
}

// ReadDirFS reads an MNIST-style directory in the file system fsys, such as
// an embed.FS, with the default budget; see Limits.LoadDir.
func ReadDirFS(fsys fs.FS, dir string, classes []string) (train, test *Set, err error) {
	return Limits{}.ReadDirFS(fsys, dir, classes)
}

// LoadDir reads the four standard MNIST / Fashion-MNIST files from dir
// (TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile, each
// either plain or with ".gz"; the plain file wins if both exist) and returns
// the training and test sets, labelled with the names in classes. Errors name
// the file: a missing file, a bad header, a file over the budget l.MaxBytes
// (wrapping ErrBudget), a length that disagrees with the header, a label
// count that differs from the image count, a label not below len(classes),
// a set with no images, or test images whose size differs from the training
// images'. Memory: one byte per pixel, 55 MB for the full 70,000 images of
// Fashion-MNIST.
func (l Limits) LoadDir(dir string, classes []string) (train, test *Set, err error) {
	return l.loadDirFS(os.DirFS(dir), ".", func(f string) string { return filepath.Join(dir, f) }, classes)
}

// ReadDirFS is LoadDir reading from dir in the file system fsys, such as an
// embed.FS.
func (l Limits) ReadDirFS(fsys fs.FS, dir string, classes []string) (train, test *Set, err error) {
	return l.loadDirFS(fsys, dir, func(f string) string { return path.Join(dir, f) }, classes)
}

func (l Limits) loadDirFS(fsys fs.FS, dir string, display func(string) string, classes []string) (train, test *Set, err error) {
	train, trainName, err := l.loadPair(fsys, dir, display, TrainImagesFile, TrainLabelsFile, classes)
	if err != nil {
		return nil, nil, err
	}
	test, testName, err := l.loadPair(fsys, dir, display, TestImagesFile, TestLabelsFile, classes)
	if err != nil {
		return nil, nil, err
	}
	if a, b := train.Images, test.Images; a.Rows != b.Rows || a.Cols != b.Cols {
		return nil, nil, fmt.Errorf("%s holds images of %dx%d but %s holds %dx%d: training and test images must be the same size",
			testName, b.Rows, b.Cols, trainName, a.Rows, a.Cols)
	}
	return train, test, nil
}

// loadPair reads one images file and its labels file and returns them as a
// set, with the name of the images file.
func (l Limits) loadPair(fsys fs.FS, dir string, display func(string) string, imagesFile, labelsFile string, classes []string) (*Set, string, error) {
	f, name, err := openIDX(fsys, dir, display, imagesFile)
	if err != nil {
		return nil, "", err
	}
	images, err := l.ReadImages(f, name)
	f.Close()
	if err != nil {
		return nil, "", err
	}
	if images.N == 0 {
		return nil, "", fmt.Errorf("%s: holds no images", name)
	}
	f, lname, err := openIDX(fsys, dir, display, labelsFile)
	if err != nil {
		return nil, "", err
	}
	labels, err := l.ReadLabels(f, lname)
	f.Close()
	if err != nil {
		return nil, "", err
	}
	if len(labels) != images.N {
		return nil, "", fmt.Errorf("%s: %d labels, but %s holds %d images", lname, len(labels), name, images.N)
	}
	for i, c := range labels {
		if int(c) >= len(classes) {
			return nil, "", fmt.Errorf("%s: label %d of image %d is not a class (want 0 to %d)", lname, c, i, len(classes)-1)
		}
	}
	return &Set{Images: images, Labels: labels, Classes: append([]string(nil), classes...)}, name, nil
}

// openIDX opens base or base.gz in dir, preferring the plain file.
func openIDX(fsys fs.FS, dir string, display func(string) string, base string) (fs.File, string, error) {
	for _, f := range []string{base, base + ".gz"} {
		file, err := fsys.Open(path.Join(dir, f))
		if err == nil {
			return file, display(f), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("%s: %w", display(f), err)
		}
	}
	return nil, "", fmt.Errorf("%s: neither %s nor %s.gz exists", display(""), base, base)
}

// hasIDX reports whether dir in fsys holds the training images, plain or
// gzipped.
func hasIDX(fsys fs.FS, dir string) bool {
	for _, f := range []string{TrainImagesFile, TrainImagesFile + ".gz"} {
		if _, err := fs.Stat(fsys, path.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}
