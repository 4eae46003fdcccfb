package main

import (
	"fmt"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
)

// load returns the training and test sets cfg asks for and a sentence
// saying what they are: Fashion-MNIST (cli.LoadFashion), or with -classes
// digits the MNIST files in the -data directory. Its errors are bad input.
func load(cfg config) (train, test *data.Set, source string, err error) {
	if cfg.classes == "fashion" || cfg.data == "embedded" || cfg.data == "full" {
		train, test, source, err = cli.LoadFashion(cfg.data, cfg.limits, data.EmbeddedFashion10, data.Limits.Fashion10)
		if err != nil {
			return nil, nil, "", err
		}
	} else {
		train, test, err = cfg.limits.LoadDir(cfg.data, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
		if err != nil {
			return nil, nil, "", cli.DataError(fmt.Errorf("-data %s: %w", cfg.data, err))
		}
		source = fmt.Sprintf("digits from %s: %d train / %d test", cfg.data, train.Len(), test.Len())
	}
	train, test = first(train, cfg.trainN), first(test, cfg.testN)
	if cfg.trainN > 0 || cfg.testN > 0 {
		source += fmt.Sprintf(", using the first %d / %d", train.Len(), test.Len())
	}
	return train, test, source, nil
}

// checkSizes checks that the run's largest matrices fit the lessons' budget
// (cli.MaxFloats) before any is allocated: the first weight matrix, the
// pictures' pixels, and the training images as float64 for MLPClassifier.
func checkSizes(cfg config, train, test *data.Set) error {
	inputs := train.Images.Size()
	if err := cli.CheckFloats(fmt.Sprintf("the first weight matrix (%d pixels × -hidden %d)", inputs, cfg.hidden), inputs, cfg.hidden); err != nil {
		return err
	}
	if cfg.picture != "" {
		n := min(cfg.wrong, test.Len())
		if err := cli.CheckFloats(fmt.Sprintf("the picture (-wrong %d images of %d pixels)", n, inputs), n, inputs); err != nil {
			return err
		}
	}
	if cfg.mlpIter > 0 {
		for _, s := range []struct {
			set  *data.Set
			what string
		}{{train, "training"}, {test, "test"}} {
			if err := cli.CheckFloats(fmt.Sprintf("MLPClassifier's %s matrix (%d images × %d pixels)", s.what, s.set.Len(), inputs), s.set.Len(), inputs); err != nil {
				return err
			}
		}
	}
	return nil
}

// first returns the first n images of s, or s itself when n is 0 or at
// least its length.
func first(s *data.Set, n int) *data.Set {
	if n == 0 || n >= s.Len() {
		return s
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return s.Subset(idx)
}
