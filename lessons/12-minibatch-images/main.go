// Minibatch-images trains the homework's network — one hidden ReLU layer, a
// sigmoid output, cross-entropy with an L2 penalty — by mini-batch SGD with
// momentum to tell Fashion-MNIST's T-shirts/tops from its shirts, printing
// the train and test objective and error rate after every epoch, and with
// -tune it runs the homework's parameter sweeps.
//
//	go run ./lessons/12-minibatch-images                 # embedded subset, seconds
//	go run ./lessons/12-minibatch-images -data full      # 12,000 / 2,000 images
//	go run ./lessons/12-minibatch-images -data full -tune lr
//
// For a batch X (one image per row, pixels in [0, 1]) with labels y:
//
//	z1 = X·W1 + b1,  h = ReLU(z1),  z2 = h·W2 + b2,  p = σ(z2)
//	E  = −(1/n) Σ [y·ln p + (1−y)·ln(1−p)] + (λ/2)(‖W1‖² + ‖W2‖²)
//	δ2 = (p − y)/n,  δ1 = δ2·W2ᵀ ⊙ ReLU′(z1),  ReLU′(0) = ½
//	∇W2 = hᵀ·δ2 + λW2,  ∇W1 = Xᵀ·δ1 + λW1,  ∇b = Σ_rows δ
//	v ← μ·v − η·∇,  W ← W + v
package main

import (
	"fmt"
	"io"
	"path/filepath"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
)

// config holds the lesson's settings, one per flag.
type config struct {
	data   string      // "embedded", "full", or a directory of IDX files
	limits data.Limits // the budget of each file read for -data
	h      hyper       // the network and its training
	out    string      // directory for the charts; "" writes none
	tune   string      // "" (one run) or the parameter to sweep
	values []float64   // the sweep's values; nil means the default list

	progress io.Writer // where progress lines go (os.Stderr); nil for none
}

func defaultConfig() config {
	return config{
		data: "embedded", out: ".",
		h: hyper{hidden: 50, lr: 0.01, momentum: 0.7, batch: 50, l2: 1e-4,
			relu0: 0.5, epochs: 20, seed: 1},
	}
}

func main() { cli.Main("minibatch-images", parseFlags, run) }

// run trains once (printing a row per epoch and drawing the objective and
// error-rate charts) or, with cfg.tune, runs a sweep.
func run(w io.Writer, cfg config) error {
	train, test, source, err := cli.LoadFashion(cfg.data, cfg.limits, data.EmbeddedFashionPair, data.Limits.FashionPair)
	if err != nil {
		return err
	}
	if err := checkSizes(cfg, train.Images.Size()); err != nil {
		return err
	}
	fmt.Fprintf(w, "data: %s (T-shirt/top = 0, Shirt = 1; pixels scaled to [0, 1] per batch)\n", source)
	if cfg.tune != "" {
		return runSweep(w, cfg, train, test)
	}
	h := cfg.h
	fmt.Fprintf(w, "network: %d-%d-1, ReLU hidden layer with ReLU'(0) = %g, sigmoid output, Glorot-uniform start (seed %d)\n",
		train.Images.Size(), h.hidden, h.relu0, h.seed)
	fmt.Fprintf(w, "objective: mean cross-entropy + (λ/2)(‖W1‖² + ‖W2‖²), λ = %g\n", h.l2)
	fmt.Fprintf(w, "training: %d epochs of mini-batch SGD, batch %d, η = %g, momentum μ = %g, a fresh permutation each epoch\n\n",
		h.epochs, h.batch, h.lr, h.momentum)

	prog := newProgress(cfg.progress, h.epochs)
	r := trainRun(h, train, test, prog)
	printEpochs(w, r)
	last := r.final()
	if last.diverged {
		return fmt.Errorf("the objective is no longer finite after epoch %d: η = %g is too large", last.epoch, h.lr)
	}
	fmt.Fprintf(w, "\ntest accuracy after %d epochs: %.2f%%\n", last.epoch, 100*(1-last.testErr))
	if cfg.progress != nil {
		fmt.Fprintf(cfg.progress, "trained %d epochs in %.1f s (%.2f s per epoch, evaluation excluded)\n",
			last.epoch, r.seconds, r.seconds/float64(max(last.epoch, 1)))
	}
	if cfg.out == "" {
		return nil
	}
	objPath, errPath := filepath.Join(cfg.out, "objective.png"), filepath.Join(cfg.out, "error-rate.png")
	if err := writeRunCharts(r, objPath, errPath); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s and %s\n", objPath, errPath)
	return nil
}
