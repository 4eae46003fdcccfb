package cli

import (
	"fmt"
	"os"

	"nnscratch/nn/data"
)

// CheckData returns an error naming -data unless which is "embedded",
// "full" or an existing directory: the three values the -data flag of the
// Fashion-MNIST lessons takes. It costs one os.Stat.
func CheckData(which string) error {
	if which == "embedded" || which == "full" {
		return nil
	}
	if fi, err := os.Stat(which); err == nil && fi.IsDir() {
		return nil
	}
	return fmt.Errorf("-data must be embedded, full or a directory, got %q", which)
}

// LoadFashion returns the Fashion-MNIST training and test sets that a
// lesson's -data flag names, and a sentence saying which they are:
//
//	embedded   embedded(), the subset built into nn/data
//	full       read(lim, data.FashionDir), Debian's dataset-fashion-mnist
//	a dir      read(lim, dir), IDX files read within the budget lim
//
// embedded and read say which classes: data.EmbeddedFashion10 with
// data.Limits.Fashion10 for all ten, data.EmbeddedFashionPair with
// data.Limits.FashionPair for T-shirts/tops against shirts. A read error
// names -data as given and is bad input (DataError): the lesson exits 2.
func LoadFashion(which string, lim data.Limits, embedded func() (train, test *data.Set),
	read func(l data.Limits, dir string) (train, test *data.Set, source string, err error)) (train, test *data.Set, source string, err error) {
	switch which {
	case "embedded":
		train, test = embedded()
		return train, test, fmt.Sprintf("embedded subset of Fashion-MNIST: %d train / %d test", train.Len(), test.Len()), nil
	case "full":
		train, test, source, err = read(lim, data.FashionDir)
	default:
		train, test, source, err = read(lim, which)
	}
	if err != nil {
		return nil, nil, "", DataError(fmt.Errorf("-data %s: %w", which, err))
	}
	return train, test, source, nil
}
