package main

import (
	"math"
	"sort"
	"strconv"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/nprand"
)

// goal is the accuracy the lesson times: outputs within 0.02 of their
// targets on average.
const goal = 0.98

// A task is a truth table: the question's data file lists the inputs in the
// order 0 0, 1 0, 0 1, 1 1, and randint(0, 4) picks a row of it.
type task struct {
	name string
	x, y *matrix.Matrix // 4×2 inputs, 4×1 targets
}

var (
	inputs = [][]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}}
	or     = task{"OR", matrix.FromRows(inputs), matrix.FromRows([][]float64{{0}, {1}, {1}, {1}})}
	xor    = task{"XOR", matrix.FromRows(inputs), matrix.FromRows([][]float64{{0}, {1}, {1}, {0}})}
)

// A setting is one choice of the two hyperparameters the answer tuned.
type setting struct {
	name  string
	scale float64 // the initial weights are randn(out, in)·scale
	rate  float64 // learning rate
}

func (s setting) String() string {
	return s.name + " (weights ×" + strconv.FormatFloat(s.scale, 'g', -1, 64) +
		", rate " + strconv.FormatFloat(s.rate, 'g', -1, 64) + ")"
}

// engine returns the network as nn holds it, a copy: each layer's weights
// transposed into nn's in×out orientation, its biases as a row.
func (n *network) engine() *nn.Network {
	layer := func(w, b *matrix.Matrix) *nn.Layer {
		return nn.NewLayer(matrix.Transpose(w), matrix.FromSlice(1, b.Rows, append([]float64(nil), b.Data...)), nn.Tanh{})
	}
	return nn.NewNetwork(layer(n.w1, n.b1), layer(n.w2, n.b2))
}

// probe returns a network that shares n's weights and biases but has
// forward buffers of its own, so that measuring never disturbs the outputs
// a step leaves behind.
func (n *network) probe() *network {
	p := *n
	p.z1, p.h = matrix.New(n.h.Rows, 1), matrix.New(n.h.Rows, 1)
	p.z2, p.a = matrix.New(1, 1), matrix.New(1, 1)
	return &p
}

// accuracy is 1 − mean over the four patterns of |output − target|, with
// n a probe.
func accuracy(n *network, xs, ys *[4]*matrix.Matrix) float64 {
	s := 0.0
	for i := range xs {
		s += math.Abs(n.forward(xs[i]).Data[0] - ys[i].Data[0])
	}
	return 1 - s/4
}

// columns returns the task's four rows as columns, and their targets.
func (t task) columns() (xs, ys [4]*matrix.Matrix) {
	for i := range xs {
		xs[i] = matrix.FromSlice(2, 1, t.x.Row(i))
		ys[i] = matrix.FromSlice(1, 1, t.y.Row(i))
	}
	return xs, ys
}

// A sample is one line the question's loop prints.
type sample struct {
	step, row int
	output    float64
}

// A history is what one online run leaves behind.
type history struct {
	acc     []float64 // acc[s]: accuracy before step s (s = 0 … steps)
	printed []sample  // the samples of the steps s with s % testfreq == 0
	counts  [4]int    // how often each row was drawn
	net     *network
}

// first returns the first step at which the accuracy reached goal, or −1.
func (tr history) first() int {
	for s, a := range tr.acc {
		if a >= goal {
			return s
		}
	}
	return -1
}

// A loop is a way of writing the training loop around the step.
type loop int

const (
	// questionLoop is the question's: a forward pass on the drawn row only
	// when printing, then backpropagate_error (which runs its own forward
	// pass) and adjust_weights.
	questionLoop loop = iota
	// answerLoop is the answer's first "fix": a forward pass on the drawn
	// row at every step, then the backward pass and the update on the
	// outputs it left.
	answerLoop
	// staleLoop is the bug the answer feared: a forward pass only when
	// printing, and the backward pass on whatever outputs the last forward
	// pass left.
	staleLoop
)

// online runs the question's training loop: np.random.seed(seed), the
// starting network, then steps times a row i = randint(0, 4), a printed
// forward pass when the step is a multiple of testfreq, and one update on
// row i, written as l says. It prints the first steps to tr. Cost: about
// steps·(H + 1)·50 multiply-adds for H hidden units, the accuracy included.
func online(t task, s setting, hidden int, seed uint32, steps, testfreq int, l loop, tr *trace.Trace) history {
	rng := nprand.New(seed)
	net := newNetwork(hidden, s.scale, rng)
	xs, ys := t.columns()
	probe := net.probe()
	h := history{acc: make([]float64, 0, steps+1), net: net}
	for step := 0; ; step++ {
		h.acc = append(h.acc, accuracy(probe, &xs, &ys))
		if step == steps {
			break
		}
		i := int(rng.Randint(0, 4))
		h.counts[i]++
		tr.Step(step)
		if step == 0 {
			net.printStart(tr)
		}
		if step%testfreq == 0 || l == answerLoop {
			out := net.forward(xs[i]).Data[0]
			if step%testfreq == 0 {
				h.printed = append(h.printed, sample{step, i, out})
			}
		}
		if l == questionLoop {
			net.backpropagate(xs[i], ys[i], s.rate)
		} else {
			net.backward(xs[i], ys[i], s.rate)
		}
		net.print(tr, xs[i], ys[i], s.rate)
	}
	return h
}

// epochs trains the same starting network (same seed, same draws) the usual
// way: n real epochs, each a shuffled pass over all four rows, one update
// per row (nn.Train with batch size 1). It returns the accuracy after each
// epoch.
func epochs(t task, s setting, hidden int, seed uint32, n int) ([]float64, error) {
	rng := nprand.New(seed)
	net := newNetwork(hidden, s.scale, rng).engine()
	var acc []float64
	_, err := net.Train(t.x, t.y, nn.TrainConfig{
		Loss: nn.HalfSSE{}, Schedule: nn.Constant(s.rate), MaxEpochs: n,
		BatchSize: 1, Shuffle: rng,
		Callback: func(e nn.Epoch) error {
			out := e.Net.Forward(t.x)
			s := 0.0
			for i, v := range out.Data {
				s += math.Abs(v - t.y.Data[i])
			}
			acc = append(acc, 1-s/float64(len(out.Data)))
			return nil
		},
	})
	return acc, err
}

// A tally summarises one task and setting over many seeds.
type tally struct {
	t             task
	s             setting
	by            []int     // seeds that reached goal within each of marks
	medianFirst   int       // median first step reaching goal; −1 if most never did
	medianLastErr float64   // median of the mean |error| after the last step
	firsts        []int     // per seed, −1 for never
	lastErr       []float64 // per seed
}

// sweep runs every task and setting for the seeds 1 … seeds, long steps
// each, on all cores; marks are the step counts to tally.
func sweep(tasks []task, settings []setting, hidden, seeds, long int, marks []int) []tally {
	out := make([]tally, len(tasks)*len(settings))
	for k := range out {
		out[k] = tally{t: tasks[k/len(settings)], s: settings[k%len(settings)],
			firsts: make([]int, seeds), lastErr: make([]float64, seeds)}
	}
	cli.Parallel(len(out)*seeds, func(i int) {
		tl, seed := &out[i/seeds], i%seeds+1
		tr := online(tl.t, tl.s, hidden, uint32(seed), long, long+1, questionLoop, nil)
		tl.firsts[seed-1] = tr.first()
		tl.lastErr[seed-1] = 1 - tr.acc[long]
	})
	for k := range out {
		tl := &out[k]
		for _, m := range marks {
			n := 0
			for _, f := range tl.firsts {
				if f >= 0 && f <= m {
					n++
				}
			}
			tl.by = append(tl.by, n)
		}
		never := math.MaxInt
		f := append([]int(nil), tl.firsts...)
		for i := range f {
			if f[i] < 0 {
				f[i] = never
			}
		}
		sort.Ints(f)
		if tl.medianFirst = f[(len(f)-1)/2]; tl.medianFirst == never {
			tl.medianFirst = -1
		}
		e := append([]float64(nil), tl.lastErr...)
		sort.Float64s(e)
		tl.medianLastErr = e[(len(e)-1)/2]
	}
	return out
}
