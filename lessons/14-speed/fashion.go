package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// runFashion trains scikit-learn's MLPClassifier(hidden_layer_sizes=(100,),
// activation="relu", solver="adam", batch_size=200, alpha=1e-4,
// learning_rate_init=0.001) for cfg.epochs epochs with nn.Network: Glorot
// initialisation, ReLU, softmax with cross-entropy, Adam, the L2 penalty
// α/(2n)·Σ‖W‖² per batch of n, and the samples shuffled before every epoch
// as scikit-learn shuffles them (0, 1, …, N−1, shuffled in place by the
// generator that drew the weights), so that with the same seed as
// random_state the run takes scikit-learn's batches in scikit-learn's order
// from scikit-learn's starting weights. Pixels
// stay bytes; each batch is scaled into one of two reused buffers (by a
// loader, while the batch before it trains), so memory stays near the 55
// MB of the images. It prints each epoch's loss and time, and
// the test accuracy at the end.
func runFashion(w io.Writer, cfg config) error {
	train, test, source, err := cli.LoadFashion(cfg.data, cfg.limits, data.EmbeddedFashion10, data.Limits.Fashion10)
	if err != nil {
		return err
	}
	in, out := train.Images.Size(), len(train.Classes)
	N := train.Len()
	bs := min(cfg.batch, N)
	if err := cli.CheckFloats(fmt.Sprintf("a mini-batch (%d images × %d pixels)", bs, in), bs, in); err != nil {
		return err
	}
	if err := cli.CheckFloats(fmt.Sprintf("the first weight matrix (%d pixels × 100)", in), in, 100); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s\n", source)
	fmt.Fprintf(w, "%d-100-%d, relu + softmax, Adam (η 0.001), L2 α 1e-4, batch %d, %d epochs, seed %d\n\n",
		in, out, cfg.batch, cfg.epochs, cfg.seed)
	if cfg.progress != nil {
		fmt.Fprintf(cfg.progress, "speed: training on %d cores (GOMAXPROCS %d)\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	}

	src := nprand.New(cfg.seed)
	net := nn.New([]int{in, 100, out}, true, nn.ReLU{}, nn.Softmax{})
	nn.Glorot{}.Initialize(net, src)
	opt := &nn.Adam{}
	loss := nn.CrossEntropy{}
	const alpha, eta = 1e-4, 0.001

	// scikit-learn's order: 0, 1, …, N−1, shuffled in place before every
	// epoch by the generator that drew the weights.
	order := make([]int, N)
	for i := range order {
		order[i] = i
	}
	batches := newLoader(train, bs, in, out) // scales batch b+1 while b trains
	defer batches.stop()
	var fit time.Duration
	for epoch := 1; epoch <= cfg.epochs; epoch++ {
		start := time.Now()
		src.Shuffle(order)
		total := 0.0
		batches.ask(order[:bs])
		for lo := 0; lo < N; lo += bs {
			xb, yb := batches.take()
			if next := lo + bs; next < N {
				batches.ask(order[next:min(N, next+bs)])
			}
			// The product rounded before the sum (float64), so that arm64
			// cannot fuse them into one multiply-add and print another loss.
			total += float64(net.Step(xb, yb, loss, alpha, opt, eta) * float64(xb.Rows))
		}
		el := time.Since(start)
		fit += el
		fmt.Fprintf(w, "epoch %2d  loss %.4f  %6.2f s\n", epoch, total/float64(N), el.Seconds())
		if cfg.progress != nil {
			fmt.Fprintf(cfg.progress, "speed: epoch %d/%d, loss %.4f, %.2f s\n", epoch, cfg.epochs, total/float64(N), el.Seconds())
		}
	}
	acc := accuracy(net, test, batches.xbuf[0], bs)
	fmt.Fprintf(w, "\nfit %.2f s, %.3f s/epoch, test accuracy %.4f\n", fit.Seconds(), fit.Seconds()/float64(cfg.epochs), acc)
	return nil
}

// accuracy returns the fraction of test images whose most probable class
// is their label, evaluated in batches of bs with the buffer xbuf.
func accuracy(net *nn.Network, test *data.Set, xbuf []float64, bs int) float64 {
	N := test.Len()
	idx := make([]int, 0, bs)
	right := 0
	for lo := 0; lo < N; lo += bs {
		idx = idx[:0]
		for i := lo; i < min(N, lo+bs); i++ {
			idx = append(idx, i)
		}
		in := test.Images.Size()
		x := matrix.Matrix{Rows: len(idx), Cols: in, Data: xbuf[:len(idx)*in]}
		test.Images.ScaleInto(x.Data, idx, 0, 1)
		out := net.Forward(&x)
		for k, i := range idx {
			row := out.Row(k)
			best := 0
			for j, v := range row {
				if v > row[best] {
					best = j
				}
			}
			if best == int(test.Labels[i]) {
				right++
			}
		}
	}
	return float64(right) / float64(N)
}
