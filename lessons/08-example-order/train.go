package main

import (
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// iris returns the 150 Iris samples in file order (50 setosa, then 50
// versicolor, then 50 virginica), each of the four columns standardised to
// mean 0 and standard deviation 1, the one-hot targets and the class names.
func iris() (x, y *matrix.Matrix, classes []string) {
	t := data.Iris()
	classes, labels := t.Classes()
	x = new(nn.StandardScaler).FitTransform(matrix.FromSlice(t.Rows, t.Cols, t.X))
	y = matrix.New(t.Rows, len(classes))
	for i, c := range labels {
		y.Set(i, c, 1)
	}
	return x, y, classes
}

// epochStats is the network measured on all 150 samples after one epoch.
type epochStats struct {
	accuracy float64 // fraction classified correctly
	loss     float64 // mean cross-entropy
}

// history is one training run: the per-epoch measurements and the trained
// network.
type history struct {
	epochs []epochStats
	net    *nn.Network
}

// newNet returns the 4-hidden-3 network, tanh hidden units and a softmax
// output, with scikit-learn's Glorot initialisation drawn from
// np.random.seed(seed). Every order starts from these same weights.
func newNet(cfg config) *nn.Network {
	net := nn.New([]int{4, cfg.hidden, 3}, true, nn.Tanh{}, nn.Softmax{})
	nn.Glorot{}.Initialize(net, nprand.New(cfg.seed))
	return net
}

// measure returns the accuracy and mean cross-entropy of net on (x, y).
func measure(net *nn.Network, x, y *matrix.Matrix) epochStats {
	a := net.Forward(x)
	return epochStats{accuracy: 1 - nn.ErrorRate(a, y), loss: nn.CrossEntropy{}.Value(a, y)}
}

// train runs online gradient descent, one sample per update, for cfg.epochs
// epochs: in file order (sorted by class) or, with shuffle set, in an order
// drawn afresh before every epoch from np.random.seed(cfg.seed).
func train(cfg config, x, y *matrix.Matrix, shuffle bool) (history, error) {
	h := history{net: newNet(cfg)}
	tc := nn.TrainConfig{
		Loss:      nn.CrossEntropy{},
		Schedule:  nn.Constant(cfg.rate),
		MaxEpochs: cfg.epochs,
		BatchSize: 1,
		Callback: func(e nn.Epoch) error {
			h.epochs = append(h.epochs, measure(e.Net, x, y))
			return nil
		},
	}
	if shuffle {
		tc.Shuffle = nprand.New(cfg.seed)
	}
	_, err := h.net.Train(x, y, tc)
	return h, err
}

// predictedCounts returns how many of the samples net assigns to each class.
func predictedCounts(net *nn.Network, x *matrix.Matrix) []int {
	a := net.Forward(x)
	counts := make([]int, a.Cols)
	for i := range a.Rows {
		counts[nn.Argmax(a.Row(i))]++
	}
	return counts
}

// confusion returns m[true][predicted] counts of net on (x, y).
func confusion(net *nn.Network, x, y *matrix.Matrix) [][]int {
	a := net.Forward(x)
	m := make([][]int, y.Cols)
	for i := range m {
		m[i] = make([]int, y.Cols)
	}
	for i := range a.Rows {
		m[nn.Argmax(y.Row(i))][nn.Argmax(a.Row(i))]++
	}
	return m
}

// blockReplay runs one more pass in sorted order over a copy of net and
// returns the predicted-class counts on all samples after each block of
// same-class samples: what the network believes right after seeing only
// setosa, then only versicolor, then only virginica.
func blockReplay(cfg config, net *nn.Network, x, y *matrix.Matrix) [][]int {
	net = net.Clone()
	var out [][]int
	xi, yi := matrix.New(1, x.Cols), matrix.New(1, y.Cols)
	opt := nn.GD{}
	for i := range x.Rows {
		copy(xi.Data, x.Row(i))
		copy(yi.Data, y.Row(i))
		net.Step(xi, yi, nn.CrossEntropy{}, 0, opt, cfg.rate)
		if i == x.Rows-1 || nn.Argmax(y.Row(i+1)) != nn.Argmax(y.Row(i)) {
			out = append(out, predictedCounts(net, x))
		}
	}
	return out
}

// seedRates are the learning rates of the closing comparison.
var seedRates = []float64{0.01, 0.03, 0.1, 0.3}

// seedRow is the comparison of the two orders at one rate over seeds
// 1 … cfg.seeds: the mean final accuracy of each, in percent, and in how many seeds the
// shuffled network ends more accurate, as accurate, or less.
type seedRow struct {
	rate                 float64
	sorted, shuffled     float64 // mean final accuracy (%)
	ahead, level, behind int
}

// compareSeeds trains both orders for seeds 1 … cfg.seeds at each of
// seedRates and returns a row per rate.
func compareSeeds(cfg config, x, y *matrix.Matrix) ([]seedRow, error) {
	var rows []seedRow
	for _, rate := range seedRates {
		c := cfg
		c.rate = rate
		var sum [2]float64
		row := seedRow{rate: rate}
		for s := 1; s <= cfg.seeds; s++ {
			c.seed = uint32(s)
			var acc [2]float64
			for k, shuffle := range []bool{false, true} {
				h, err := train(c, x, y, shuffle)
				if err != nil {
					return nil, err
				}
				acc[k] = h.epochs[len(h.epochs)-1].accuracy
				sum[k] += acc[k]
			}
			switch {
			case acc[1] > acc[0]:
				row.ahead++
			case acc[1] == acc[0]:
				row.level++
			default:
				row.behind++
			}
		}
		n := float64(cfg.seeds)
		row.sorted, row.shuffled = 100*sum[0]/n, 100*sum[1]/n
		rows = append(rows, row)
	}
	return rows, nil
}
