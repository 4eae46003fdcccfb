package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// problem is one data set the optimisers race on.
type problem struct {
	name string
	x, y *matrix.Matrix
}

// problems returns the four races: the question's Iris pair and XOR, each
// with raw and with standardised inputs (mean 0, sd 1 per column).
func problems() []problem {
	ix, iy := data.EpochsQuestionIris()
	xx := matrix.FromRows([][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}})
	xy := matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})
	std := func(x *matrix.Matrix) *matrix.Matrix { return new(nn.StandardScaler).FitTransform(x) }
	return []problem{
		{"Iris, raw inputs", ix, iy},
		{"Iris, standardised inputs", std(ix), iy},
		{"XOR, raw inputs", xx, xy},
		{"XOR, standardised inputs", std(xx), xy},
	}
}

// optimiser is one update rule with the learning rates swept for it.
type optimiser struct {
	name  string
	rates []float64
	make  func() nn.Optimizer // a fresh optimiser (with zero state) per run
}

// run1 is the outcome of training one network with one optimiser and rate.
type run1 struct {
	iters     int           // updates before the error fell below the goal; -1 if it never did
	diverged  bool          // the error became NaN or infinite
	sensitive bool          // nudging the starting weights by one ulp changes iters
	wall      time.Duration // time spent in Train
	curve     []float64     // Σ(a − y)² before each update
}

// reached reports whether the run met the goal.
func (r run1) reached() bool { return r.iters >= 0 }

// newNet returns the 2-3-1 sigmoid network with biases, filled as the
// question's script fills it: np.random.seed(seed), then weights_1,
// weights_2, bias_1, bias_2 each 2·random − 1.
func newNet(seed uint32) *nn.Network {
	net := nn.New([]int{2, 3, 1}, true, nn.Sigmoid{}, nn.Sigmoid{})
	nn.NumpyUniform{}.Initialize(net, nprand.New(seed))
	return net
}

// train runs one optimiser at one rate on p until Σ(a − y)² < cfg.goal or
// cfg.maxIter updates. The loss descended is ½Σ(a − y)², whose gradient is the
// question's layer_2_error·σ′; the goal is checked on Σ(a − y)² = 2·½Σ, as the
// question's calculateError prints it.
// With nudge set, every first-layer weight starts one ulp higher.
func train(cfg config, p problem, o optimiser, rate float64, keepCurve, nudge bool) run1 {
	net := newNet(cfg.seed)
	if nudge {
		for i, v := range net.Layers[0].W.Data {
			net.Layers[0].W.Data[i] = math.Nextafter(v, math.Inf(1))
		}
	}
	start := time.Now()
	res, err := net.Train(p.x, p.y, nn.TrainConfig{
		Loss:      nn.HalfSSE{},
		Schedule:  nn.Constant(rate),
		Optimizer: o.make(),
		MaxEpochs: cfg.maxIter + 1,
		Goal:      cfg.goal / 2,
		History:   keepCurve,
	})
	r := run1{iters: -1, wall: time.Since(start)}
	var div *nn.DivergedError
	switch {
	case errors.As(err, &div):
		r.diverged = true
	case err != nil:
		panic(err) // shapes are fixed above: a failure here is a bug
	case res.Reason == nn.StopGoal:
		r.iters = res.Epochs - 1
	}
	for _, h := range res.History {
		r.curve = append(r.curve, 2*h)
	}
	return r
}

// trial trains one optimiser at one rate on p twice, from the seeded weights
// and from the same weights nudged by one ulp, and reports the first run,
// marked sensitive if the two disagree on the iteration count. A sensitive
// run is chaotic: its count depends on the last bit of every rounding, so
// numpy, or Go on another processor, can print another count.
func trial(cfg config, p problem, o optimiser, rate float64) run1 {
	r := train(cfg, p, o, rate, false, false)
	r.sensitive = train(cfg, p, o, rate, false, true).iters != r.iters
	return r
}

// sweep trains every (problem, optimiser, rate) triple; out[p][o][k] is
// problem p, optimiser o, rate k. The runs are independent and run on all
// cores; each result is what a serial run gives.
func sweep(cfg config, ps []problem, opts []optimiser) [][][]run1 {
	type job struct{ p, o, k int }
	out := make([][][]run1, len(ps))
	var jobs []job
	for p := range ps {
		out[p] = make([][]run1, len(opts))
		for o := range opts {
			out[p][o] = make([]run1, len(opts[o].rates))
			for k := range opts[o].rates {
				jobs = append(jobs, job{p, o, k})
			}
		}
	}
	cli.Parallel(len(jobs), func(i int) {
		j := jobs[i]
		out[j.p][j.o][j.k] = trial(cfg, ps[j.p], opts[j.o], opts[j.o].rates[j.k])
	})
	return out
}

// traceRules prints, for each rule at its first rate on Iris with raw
// inputs, every quantity of its first cfg.trace steps (see traced).
func traceRules(w io.Writer, cfg config) {
	p := problems()[0]
	for _, o := range optimisers(cfg) {
		fmt.Fprintf(w, "== trace: %s, η=%g, %s ==\n", o.name, o.rates[0], p.name)
		net := newNet(cfg.seed)
		_, err := net.Train(p.x, p.y, nn.TrainConfig{
			Loss: nn.HalfSSE{}, Schedule: nn.Constant(o.rates[0]), MaxEpochs: cfg.trace,
			Optimizer: &traced{rule: o.make(), net: net, x: p.x, t: trace.New(w, cfg.trace)},
		})
		if err != nil {
			fmt.Fprintf(w, "stopped: %v\n", err)
		}
		fmt.Fprintln(w)
	}
}

// best is an optimiser's best learning rate on one problem.
type best struct {
	rate      float64
	iters     int           // -1 if no rate reached the goal
	sensitive bool          // the count is chaotic (see trial)
	wall      time.Duration // the fastest of cfg.reps timed runs (cfg.time only)
}

// bests holds the best rate of each optimiser on one problem, and the
// question's own setting, gradient descent at η = 0.5, as the baseline.
type bests struct {
	opt      []best
	baseline best
}

// bestRates picks each optimiser's rate with the fewest iterations (the
// smaller rate on a tie). With cfg.time it then times each pick, and the
// baseline, cfg.reps times one after another and keeps the fastest.
func bestRates(cfg config, p problem, opts []optimiser, res [][]run1) bests {
	var b bests
	for o := range opts {
		pick := best{iters: -1}
		for k, r := range res[o] {
			if r.reached() && (pick.iters < 0 || r.iters < pick.iters) {
				pick = best{rate: opts[o].rates[k], iters: r.iters, sensitive: r.sensitive}
			}
		}
		b.opt = append(b.opt, pick)
	}
	b.baseline = best{rate: questionRate, iters: -1}
	found := false
	for k, r := range opts[0].rates {
		if r == questionRate {
			b.baseline.iters, b.baseline.sensitive, found = res[0][k].iters, res[0][k].sensitive, true
		}
	}
	if !found {
		r := trial(cfg, p, opts[0], questionRate)
		b.baseline.iters, b.baseline.sensitive = r.iters, r.sensitive
	}
	if cfg.time {
		timeIt := func(o optimiser, x *best) {
			if x.iters < 0 {
				return
			}
			for range cfg.reps {
				if d := train(cfg, p, o, x.rate, false, false).wall; x.wall == 0 || d < x.wall {
					x.wall = d
				}
			}
		}
		for o := range opts {
			timeIt(opts[o], &b.opt[o])
		}
		timeIt(opts[0], &b.baseline)
	}
	return b
}
