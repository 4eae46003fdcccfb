// Speed asks "why is my network slow?" and answers with measurements: the
// GFLOP/s of each matrix-product kernel in package matrix (the textbook
// loop, the i-k-j loop, the packed register-blocked kernel, the same on every
// core, and the kernel that skips the zeros of image backgrounds), the cost
// of allocating every intermediate matrix in a training step, and the
// per-call overhead that makes a tiny network slow in numpy and fast in a
// compiled loop.
//
//	go run ./lessons/14-speed
//	go run ./lessons/14-speed -big                 # adds 512×512·512×512
//	go run ./lessons/14-speed -sweep               # lesson 03's sweep, step fused into one loop
//	go run ./lessons/14-speed -fashion             # 784-100-10 on all of Fashion-MNIST
//	./lessons/14-speed/bench.sh                    # the README's side-by-side table
//
// Every number it prints is a time or a rate and changes from run to run;
// the results of the products and of training do not: every kernel returns
// the reference loop's result bit for bit.
//
// The default run is kernels.go's table and steps.go's, each figure timed
// by measure.go; -sweep runs sweep.go and -fashion fashion.go (with loader.go).
package main

import (
	"io"
	"time"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
)

// config holds the lesson's settings, one per flag.
type config struct {
	cell     time.Duration // least time spent timing one measurement
	reps     int           // measurements per figure; the median is printed
	big      bool          // add the 512³ product to the kernel table
	sweep    bool          // run lesson 03's sweep with the fused step instead
	steps    int           // steps per learning rate of the sweep
	fashion  bool          // train 784-100-10 on Fashion-MNIST instead
	data     string        // "embedded", "full" or a directory of Fashion-MNIST IDX files
	limits   data.Limits   // the budget of each file read for -data
	epochs   int           // epochs of the Fashion-MNIST run
	batch    int           // mini-batch size of the Fashion-MNIST run
	seed     uint32        // seed of the weights and the shuffling
	progress io.Writer     // where the Fashion-MNIST run reports each epoch (nil: nowhere)
}

func defaultConfig() config {
	return config{
		cell: 10 * time.Millisecond, reps: 3,
		steps: 60000, data: "full", epochs: 10, batch: 200, seed: 1,
	}
}

func main() { cli.Main("speed", parseFlags, run) }

// run prints the kernel table and the training-step timings; with
// cfg.sweep it runs lesson 03's sweep with the fused step, and with
// cfg.fashion it trains on Fashion-MNIST and prints the time of each epoch.
func run(w io.Writer, cfg config) error {
	switch {
	case cfg.sweep:
		printSweep(w, cfg, sweep(cfg))
		return nil
	case cfg.fashion:
		return runFashion(w, cfg)
	}
	if err := kernelTable(w, cfg); err != nil {
		return err
	}
	stepTable(w, cfg)
	return nil
}
