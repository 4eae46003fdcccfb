package main

import (
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

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

// newNetwork draws the question's starting network from rng: for each layer
// np.random.randn(out, in)·scale, then np.random.randn(out) for the biases,
// tanh on every layer. numpy's W is out×in; nn's is in×out, so the draws
// are transposed into place.
func newNetwork(sizes []int, scale float64, rng *nprand.RandomState) *nn.Network {
	var layers []*nn.Layer
	for l := 1; l < len(sizes); l++ {
		in, out := sizes[l-1], sizes[l]
		draws := make([]float64, out*in)
		rng.Randn(draws)
		w := matrix.New(in, out)
		for r := range out {
			for c := range in {
				w.Data[c*out+r] = draws[r*in+c] * scale
			}
		}
		b := matrix.New(1, out)
		rng.Randn(b.Data)
		layers = append(layers, nn.NewLayer(w, b, nn.Tanh{}))
	}
	return nn.NewNetwork(layers...)
}

// accuracy is 1 − mean over the four patterns of |output − target|.
func accuracy(net *nn.Network, t task) float64 {
	out := net.Forward(t.x)
	s := 0.0
	for i, v := range out.Data {
		s += math.Abs(v - t.y.Data[i])
	}
	return 1 - s/float64(len(out.Data))
}

// A sample is one line the question's loop prints.
type sample struct {
	step, row int
	output    float64
}

// A trace is what one online run leaves behind.
type trace struct {
	acc     []float64 // acc[s]: accuracy before step s (s = 0 … steps)
	printed []sample  // the samples of the steps s with s % testfreq == 0
	counts  [4]int    // how often each row was drawn
	net     *nn.Network
}

// first returns the first step at which the accuracy reached goal, or −1.
func (tr trace) first() int {
	for s, a := range tr.acc {
		if a >= goal {
			return s
		}
	}
	return -1
}

// online runs the question's training loop: np.random.seed(seed), the
// starting network, then steps times a row i = randint(0, 4), a printed
// forward pass when the step is a multiple of testfreq, and one update on
// row i (nn's Step: forward pass, δ = (a − y)·(1 − a²) back through the
// layers, W −= rate·∂E/∂W). With extraForward it also runs a forward pass
// on row i every step, as the answer's first "fix" did. Cost: about
// steps·(H + 1)·10 multiply-adds for H hidden units.
func online(t task, s setting, hidden int, seed uint32, steps, testfreq int, extraForward bool) trace {
	rng := nprand.New(seed)
	net := newNetwork([]int{2, hidden, 1}, s.scale, rng)
	var xs, ys [4]*matrix.Matrix
	for i := range xs {
		xs[i] = matrix.FromSlice(1, 2, t.x.Row(i))
		ys[i] = matrix.FromSlice(1, 1, t.y.Row(i))
	}
	tr := trace{acc: make([]float64, 0, steps+1), net: net}
	for step := 0; ; step++ {
		tr.acc = append(tr.acc, accuracy(net, t))
		if step == steps {
			break
		}
		i := int(rng.Randint(0, 4))
		tr.counts[i]++
		if step%testfreq == 0 {
			tr.printed = append(tr.printed, sample{step, i, net.Forward(xs[i]).Data[0]})
		} else if extraForward {
			net.Forward(xs[i])
		}
		net.Step(xs[i], ys[i], nn.HalfSSE{}, 0, nn.GD{}, s.rate)
	}
	return tr
}

// epochs trains the same starting network (same seed, same draws) the usual
// way: n real epochs, each a shuffled pass over all four rows, one update
// per row (nn.Train with batch size 1). It returns the accuracy after each
// epoch.
func epochs(t task, s setting, hidden int, seed uint32, n int) ([]float64, error) {
	rng := nprand.New(seed)
	net := newNetwork([]int{2, hidden, 1}, s.scale, rng)
	var acc []float64
	_, err := net.Train(t.x, t.y, nn.TrainConfig{
		Loss: nn.HalfSSE{}, Schedule: nn.Constant(s.rate), MaxEpochs: n,
		BatchSize: 1, Shuffle: rng,
		Callback: func(e nn.Epoch) error {
			acc = append(acc, accuracy(e.Net, t))
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
	type job struct{ k, seed int }
	out := make([]tally, len(tasks)*len(settings))
	for k := range out {
		out[k] = tally{t: tasks[k/len(settings)], s: settings[k%len(settings)],
			firsts: make([]int, seeds), lastErr: make([]float64, seeds)}
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				tl := &out[j.k]
				tr := online(tl.t, tl.s, hidden, uint32(j.seed), long, long+1, false)
				tl.firsts[j.seed-1] = tr.first()
				tl.lastErr[j.seed-1] = 1 - tr.acc[long]
			}
		}()
	}
	for k := range out {
		for seed := 1; seed <= seeds; seed++ {
			jobs <- job{k, seed}
		}
	}
	close(jobs)
	wg.Wait()
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

// numpyArray formats a one-element float array as numpy before 1.14 printed
// it with suppress=True, as the question's output shows: eight decimals,
// trailing zeros dropped, a space where a minus sign would go.
// numpyArray(0.72563824) is "[ 0.72563824]", numpyArray(-0.004097) "[-0.004097]".
func numpyArray(v float64) string {
	s := strconv.FormatFloat(v, 'f', 8, 64)
	s = strings.TrimRight(s, "0")
	if !strings.HasPrefix(s, "-") {
		s = " " + s
	}
	return "[" + s + "]"
}

// intArray formats an array of whole numbers as numpy prints an int array: [0 1].
func intArray(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'f', 0, 64)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
