package mlp

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The parsers below read a parameter as a command line or a config file
// spells it in scikit-learn's terms, and refuse what scikit-learn's
// parameter validation refuses with its words ("The 'batch_size' parameter
// of MLPClassifier must be …"); est names the estimator for the message.

// ParseBatchSize reads batch_size: "auto" (0 in Params) or an integer of
// at least 1. "0" is refused as scikit-learn refuses batch_size=0.
func ParseBatchSize(est, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "auto" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, invalid(est, "batch_size", "a str among {'auto'} or an int in the range [1, inf)", s, err == nil)
	}
	return n, nil
}

// ParseRandomState reads random_state: "None" or "none" (nil in Params,
// a fresh seed on every fit) or a seed in 0 … 4294967295. "-1" is refused
// as scikit-learn refuses random_state=-1.
func ParseRandomState(est, s string) (*uint32, error) {
	s = strings.TrimSpace(s)
	if s == "None" || s == "none" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > math.MaxUint32 {
		return nil, invalid(est, "random_state", "an int in the range [0, 4294967295], an instance of 'numpy.random.mtrand.RandomState' or None", s, err == nil)
	}
	return Seed(uint32(n)), nil
}

// ParseNIterNoChange reads n_iter_no_change: an integer of at least 1, or
// "inf" (NIterNoChangeInf).
func ParseNIterNoChange(est, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "inf" {
		return NIterNoChangeInf, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, invalid(est, "n_iter_no_change", "an int in the range [1, inf) or a float among {inf}", s, err == nil)
	}
	return n, nil
}

// ParseHiddenLayerSizes reads hidden_layer_sizes as a comma-separated list
// such as "10,5" or Python's "(10, 5)"; "" and "()" mean no hidden layer
// (an empty, non-nil slice). A size below 1 is refused with scikit-learn's
// message; a size that is not an integer names the item.
func ParseHiddenLayerSizes(s string) ([]int, error) {
	s = strings.Trim(strings.TrimSpace(s), "()[]")
	sizes := []int{}
	if strings.TrimSpace(s) == "" {
		return sizes, nil
	}
	for _, f := range strings.Split(strings.TrimSuffix(s, ","), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("mlp: hidden_layer_sizes: %q is not an integer", strings.TrimSpace(f))
		}
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		if n < 1 {
			return nil, fmt.Errorf("mlp: hidden_layer_sizes must be > 0, got %s.", pyList(sizes))
		}
	}
	return sizes, nil
}

// invalid is scikit-learn's InvalidParameterError text; number says
// whether s is a number (printed bare) or not (printed quoted).
func invalid(est, name, want, s string, number bool) error {
	got := s
	if !number {
		got = quote(s)
	}
	return fmt.Errorf("mlp: The '%s' parameter of %s must be %s. Got %s instead.", name, est, want, got)
}
