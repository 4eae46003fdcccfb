//go:build ignore

// Gen writes the Fashion-MNIST subsets embedded in package data from the full
// set, so that they can be checked and regenerated:
//
//	cd nn/data && go run gen.go -src /usr/share/datasets/fashion-mnist
//
// fashionmnist/pair holds the first 1,000 training and first 250 test images
// of classes 0 (T-shirt/top) and 6 (Shirt); fashionmnist/ten holds the first
// 300 training and first 100 test images of every class. "First" is in the
// order of the original files, and the chosen images keep that order and
// their original labels. Each file is written to a temporary file in the same
// directory and renamed into place.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"nnscratch/nn/data"
)

func main() {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	src := fs.String("src", data.FashionDir, "directory holding the full Fashion-MNIST IDX files")
	out := fs.String("out", "fashionmnist", "directory to write the subsets under")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	train, test, err := data.LoadDir(src, data.FashionClasses())
	if err != nil {
		return err
	}
	subsets := []struct {
		dir         string
		train, test *data.Set
	}{
		{"pair", train.FirstPerClass(1000, data.TShirt, data.Shirt), test.FirstPerClass(250, data.TShirt, data.Shirt)},
		{"ten", train.FirstPerClass(300), test.FirstPerClass(100)},
	}
	for _, s := range subsets {
		dir := filepath.Join(out, s.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := writeSet(dir, data.TrainImagesFile, data.TrainLabelsFile, s.train); err != nil {
			return err
		}
		if err := writeSet(dir, data.TestImagesFile, data.TestLabelsFile, s.test); err != nil {
			return err
		}
		fmt.Printf("%s: %d train %v, %d test %v\n", dir, s.train.Len(), s.train.Counts(), s.test.Len(), s.test.Counts())
	}
	return nil
}

func writeSet(dir, imagesFile, labelsFile string, s *data.Set) error {
	err := writeGz(filepath.Join(dir, imagesFile+".gz"), func(z *gzip.Writer) error {
		return data.WriteImagesIDX(z, s.Images)
	})
	if err != nil {
		return err
	}
	return writeGz(filepath.Join(dir, labelsFile+".gz"), func(z *gzip.Writer) error {
		return data.WriteLabelsIDX(z, s.Labels)
	})
}

// writeGz writes a gzip stream to a temporary file beside path and renames
// it to path once it is complete.
func writeGz(path string, write func(*gzip.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // no-op after a successful rename
	z, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if err := write(z); err != nil {
		f.Close()
		return err
	}
	if err := z.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
