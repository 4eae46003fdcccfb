package mlp

import (
	"fmt"
	"math"
	"sort"

	"nnscratch/nn/nprand"
)

// validationSplit draws the held-out set of early stopping as scikit-learn's
// train_test_split(test_size=fraction, random_state=rng) does: ⌈fraction·n⌉
// test rows, by StratifiedShuffleSplit when class (the class index of every
// row) is given and by ShuffleSplit otherwise. It returns the training and
// validation row indices in the order scikit-learn uses them.
func validationSplit(n int, fraction float64, class []int, rng *nprand.RandomState) (train, test []int, err error) {
	nTest := int(math.Ceil(fraction * float64(n)))
	nTrain := n - nTest
	if nTrain <= 0 {
		return nil, nil, fmt.Errorf("mlp: with n_samples=%d and validation_fraction=%v the training set would be empty", n, fraction)
	}
	if class == nil {
		perm := rng.Permutation(n)
		return perm[nTest:], perm[:nTest], nil
	}
	return stratifiedSplit(class, nTrain, nTest, rng)
}

// stratifiedSplit is StratifiedShuffleSplit's first split: every class
// gives its share of the nTrain and nTest rows (approximateMode), drawn by a
// permutation of the class's rows; both lists are then permuted.
func stratifiedSplit(class []int, nTrain, nTest int, rng *nprand.RandomState) (train, test []int, err error) {
	k := 0
	for _, c := range class {
		k = max(k, c+1)
	}
	counts := make([]int, k)
	members := make([][]int, k)
	for i, c := range class {
		counts[c]++
		members[c] = append(members[c], i)
	}
	for _, c := range counts {
		if c < 2 {
			return nil, nil, fmt.Errorf("mlp: early stopping: the least populated class in y has only %d member, which is too few; the minimum number of groups for any class cannot be less than 2", c)
		}
	}
	if nTrain < k || nTest < k {
		return nil, nil, fmt.Errorf("mlp: early stopping: train size %d and validation size %d must each be at least the number of classes %d", nTrain, nTest, k)
	}
	nI := approximateMode(counts, nTrain, rng)
	rest := make([]int, k)
	for i := range counts {
		rest[i] = counts[i] - nI[i]
	}
	tI := approximateMode(rest, nTest, rng)
	for i := range counts {
		perm := rng.Permutation(counts[i])
		for j, p := range perm {
			switch {
			case j < nI[i]:
				train = append(train, members[i][p])
			case j < nI[i]+tI[i]:
				test = append(test, members[i][p])
			}
		}
	}
	rng.Shuffle(train)
	rng.Shuffle(test)
	return train, test, nil
}

// approximateMode splits draws among classes in proportion to counts, as
// scikit-learn's _approximate_mode does: each class gets ⌊count/total·draws⌋,
// and the draws left over go to the classes with the largest fractional
// parts, ties broken by a random choice (a permutation of the tied classes).
func approximateMode(counts []int, draws int, rng *nprand.RandomState) []int {
	total := 0
	for _, c := range counts {
		total += c
	}
	out := make([]int, len(counts))
	rem := make([]float64, len(counts))
	floorSum := 0.0
	for i, c := range counts {
		// float64 rounds the product as numpy does: arm64 would fuse it into
		// cont − f below.
		cont := float64(float64(c) / float64(total) * float64(draws))
		f := math.Floor(cont)
		out[i], rem[i] = int(f), cont-f
		floorSum += f
	}
	need := int(float64(draws) - floorSum)
	if need <= 0 {
		return out
	}
	values := append([]float64(nil), rem...)
	sort.Sort(sort.Reverse(sort.Float64Slice(values)))
	for vi, v := range values {
		if vi > 0 && v == values[vi-1] {
			continue
		}
		var inds []int
		for i, r := range rem {
			if r == v {
				inds = append(inds, i)
			}
		}
		add := min(len(inds), need)
		perm := rng.Permutation(len(inds))
		for _, p := range perm[:add] {
			out[inds[p]]++
		}
		need -= add
		if need == 0 {
			break
		}
	}
	return out
}

// Fold is one split of a cross-validation: the rows to train on and the rows
// to score, each in increasing order.
type Fold struct {
	Train, Test []int
}

// KFold returns scikit-learn's KFold(k) splits of n rows without shuffling:
// consecutive test blocks, the first n mod k of them one row longer. It
// returns an error unless 2 ≤ k ≤ n.
func KFold(n, k int) ([]Fold, error) {
	if k < 2 || k > n {
		return nil, fmt.Errorf("mlp: cannot make %d folds of %d samples; want 2 ≤ folds ≤ samples", k, n)
	}
	test := make([]int, n)
	start := 0
	for f := 0; f < k; f++ {
		size := n / k
		if f < n%k {
			size++
		}
		for i := start; i < start+size; i++ {
			test[i] = f
		}
		start += size
	}
	return foldsOf(test, k), nil
}

// StratifiedKFold returns scikit-learn's StratifiedKFold(k) splits without
// shuffling for the class labels y: the classes, taken in order of first
// appearance, are dealt round-robin over the folds in sorted order, and each
// class's rows go to the folds in blocks, in row order. It returns an error
// when every class has fewer than k members (scikit-learn only warns when
// some do).
func StratifiedKFold[L comparable](y []L, k int) ([]Fold, error) {
	if k < 2 || k > len(y) {
		return nil, fmt.Errorf("mlp: cannot make %d folds of %d samples; want 2 ≤ folds ≤ samples", k, len(y))
	}
	code := make(map[L]int)
	enc := make([]int, len(y))
	var counts []int
	for i, v := range y {
		c, ok := code[v]
		if !ok {
			c = len(counts)
			code[v] = c
			counts = append(counts, 0)
		}
		enc[i] = c
		counts[c]++
	}
	small := 0
	for _, c := range counts {
		if c < k {
			small++
		}
	}
	if small == len(counts) {
		return nil, fmt.Errorf("mlp: n_splits=%d cannot be greater than the number of members in each class", k)
	}
	// The sorted codes dealt round-robin: fold f gets positions f, f+k, ….
	alloc := make([][]int, k)
	pos := 0
	for c, cnt := range counts {
		for j := 0; j < cnt; j++ {
			if alloc[pos%k] == nil {
				alloc[pos%k] = make([]int, len(counts))
			}
			alloc[pos%k][c]++
			pos++
		}
	}
	test := make([]int, len(y))
	for c := range counts {
		var folds []int
		for f := 0; f < k; f++ {
			if alloc[f] != nil {
				for j := 0; j < alloc[f][c]; j++ {
					folds = append(folds, f)
				}
			}
		}
		j := 0
		for i, e := range enc {
			if e == c {
				test[i] = folds[j]
				j++
			}
		}
	}
	return foldsOf(test, k), nil
}

func foldsOf(test []int, k int) []Fold {
	folds := make([]Fold, k)
	for f := range folds {
		for i, t := range test {
			if t == f {
				folds[f].Test = append(folds[f].Test, i)
			} else {
				folds[f].Train = append(folds[f].Train, i)
			}
		}
	}
	return folds
}
