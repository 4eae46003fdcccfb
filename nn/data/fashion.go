package data

import (
	"embed"
	"fmt"
	"os"
	"path"
	"strings"
)

// FashionDir is where Debian's dataset-fashion-mnist package installs the
// full Fashion-MNIST set (the four gzipped IDX files).
const FashionDir = "/usr/share/datasets/fashion-mnist"

// fashionDir is the directory FashionPair and Fashion10 look in when given
// "": FashionDir, except in tests of the fallback to the embedded subset.
var fashionDir = FashionDir

// Fashion-MNIST class numbers used by the two-class subset.
const (
	TShirt byte = 0 // T-shirt/top
	Shirt  byte = 6 // Shirt
)

// fashionClasses are the names of Fashion-MNIST's ten classes, by label.
var fashionClasses = [10]string{
	"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
	"Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
}

// FashionClasses returns the names of Fashion-MNIST's ten classes, indexed by
// label: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal,
// 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot. The slice is new on every call.
func FashionClasses() []string { return append([]string(nil), fashionClasses[:]...) }

// The embedded subsets, in the layout LoadDir reads: fashionmnist/pair holds
// the two-class subset, fashionmnist/ten the ten-class one.
//
//go:embed fashionmnist
var fashionFS embed.FS

// Sizes of the embedded subsets, per class (see gen.go and README.md).
const (
	pairTrainPerClass = 1000 // 2 × 1000 = 2000 training images
	pairTestPerClass  = 250  // 2 × 250 = 500 test images
	tenTrainPerClass  = 300  // 10 × 300 = 3000 training images
	tenTestPerClass   = 100  // 10 × 100 = 1000 test images
)

// FashionPair returns the two-class Fashion-MNIST problem, T-shirt/top
// against Shirt, relabelled 0 (T-shirt/top) and 1 (Shirt), and a sentence
// saying which data was used, for a lesson to print.
//
// If dir is not empty, the four IDX files are read from dir (see LoadDir) and
// filtered. If dir is "", the full set at FashionDir is used when it is
// installed (12,000 train / 2,000 test images, about 11 MB once filtered,
// after a transient 55 MB for the whole set; an error reading it is
// returned, not hidden by a fallback), otherwise the subset embedded
// in this package (2,000 train / 500 test, 2 MB): the first 1,000 training
// and first 250 test images of each of the two classes, in file order.
// Pixels are bytes; scale them per batch with Images.ScaleInto.
//
// A directory whose training or test set holds neither class is an error; so is
// one that LoadDir refuses, such as a file decoding to more than
// DefaultMaxBytes (Limits.FashionPair takes another budget).
func FashionPair(dir string) (train, test *Set, source string, err error) {
	return Limits{}.FashionPair(dir)
}

// FashionPair is the package-level FashionPair reading dir with the budget l.
func (l Limits) FashionPair(dir string) (train, test *Set, source string, err error) {
	return l.fashion(dir, "pair", []byte{TShirt, Shirt})
}

// Fashion10 returns the ten-class Fashion-MNIST problem and a sentence saying
// which data was used, for a lesson to print. dir is treated as in
// FashionPair. The full set has 60,000 train / 10,000 test images (55 MB);
// the embedded subset has 3,000 train / 1,000 test (3 MB): the first 300
// training and first 100 test images of each class, in file order.
func Fashion10(dir string) (train, test *Set, source string, err error) {
	return Limits{}.Fashion10(dir)
}

// Fashion10 is the package-level Fashion10 reading dir with the budget l.
func (l Limits) Fashion10(dir string) (train, test *Set, source string, err error) {
	return l.fashion(dir, "ten", nil)
}

// EmbeddedFashionPair returns the embedded two-class subset (2,000 train /
// 500 test, labels 0 T-shirt/top and 1 Shirt) whatever is installed, for
// runs and golden tests that must give the same output on every machine. It
// panics only if the embedded files are damaged, which the package tests
// rule out.
func EmbeddedFashionPair() (train, test *Set) {
	return mustEmbedded("pair", []byte{TShirt, Shirt})
}

// EmbeddedFashion10 returns the embedded ten-class subset (3,000 train /
// 1,000 test) whatever is installed; see EmbeddedFashionPair.
func EmbeddedFashion10() (train, test *Set) {
	return mustEmbedded("ten", nil)
}

func mustEmbedded(sub string, keep []byte) (train, test *Set) {
	train, test, err := ReadDirFS(fashionFS, path.Join("fashionmnist", sub), FashionClasses())
	if err != nil {
		panic(fmt.Sprintf("data: embedded Fashion-MNIST subset is damaged: %v", err))
	}
	if keep != nil {
		train, test = train.Filter(keep...), test.Filter(keep...)
	}
	return train, test
}

func (l Limits) fashion(dir, sub string, keep []byte) (train, test *Set, source string, err error) {
	var what string
	switch {
	case dir != "":
		what = "Fashion-MNIST from " + dir
		train, test, err = l.LoadDir(dir, FashionClasses())
	case hasIDX(os.DirFS(fashionDir), "."):
		what = "full Fashion-MNIST from " + fashionDir
		train, test, err = l.LoadDir(fashionDir, FashionClasses())
	default:
		what = "embedded subset of Fashion-MNIST"
		train, test = mustEmbedded(sub, nil)
	}
	if err != nil {
		return nil, nil, "", err
	}
	if keep != nil {
		train, test = train.Filter(keep...), test.Filter(keep...)
		for _, s := range []struct {
			set  *Set
			what string
		}{{train, "training"}, {test, "test"}} {
			if s.set.Len() == 0 {
				return nil, nil, "", fmt.Errorf("%s: the %s set holds no images of the classes %s", what, s.what, strings.Join(train.Classes, ", "))
			}
		}
	}
	return train, test, fmt.Sprintf("%s: %d train / %d test", what, train.Len(), test.Len()), nil
}
