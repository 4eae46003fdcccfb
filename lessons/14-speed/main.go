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
package main

import (
	"errors"
	"flag"
	"fmt"
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
	data     string        // Fashion-MNIST directory, or "embedded"
	limits   data.Limits   // the budget of each file read for -data
	epochs   int           // epochs of the Fashion-MNIST run
	batch    int           // mini-batch size of the Fashion-MNIST run
	seed     uint32        // seed of the weights and the shuffling
	progress io.Writer     // where the Fashion-MNIST run reports each epoch (nil: nowhere)
}

func defaultConfig() config {
	return config{
		cell: 10 * time.Millisecond, reps: 3,
		steps: 60000, data: data.FashionDir, epochs: 10, batch: 200, seed: 1,
	}
}

func main() { cli.Main("speed", parseFlags, run) }

// parseFlags turns the command line into a config, checking every value.
// The -fashion run reports its progress on stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	cfg.progress = stderr
	fs := flag.NewFlagSet("speed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&cfg.cell, "cell", cfg.cell, "least time spent on each timing")
	fs.IntVar(&cfg.reps, "reps", cfg.reps, "timings per figure; the median is printed")
	fs.BoolVar(&cfg.big, "big", cfg.big, "add the 512×512·512×512 product (the naive loop takes seconds)")
	fs.BoolVar(&cfg.sweep, "sweep", cfg.sweep, "run lesson 03's whole alpha sweep with the step as one fused loop, and time it")
	fs.IntVar(&cfg.steps, "steps", cfg.steps, "steps per learning rate of the -sweep run")
	fs.BoolVar(&cfg.fashion, "fashion", cfg.fashion, "train 784-100-10 (relu, softmax, Adam) on Fashion-MNIST and time each epoch")
	fs.StringVar(&cfg.data, "data", cfg.data, "Fashion-MNIST `directory` for -fashion (\"embedded\": the built-in 3,000-image subset)")
	fs.IntVar(&cfg.epochs, "epochs", cfg.epochs, "epochs of the -fashion run")
	fs.IntVar(&cfg.batch, "batch", cfg.batch, "mini-batch size of the -fashion run")
	seed := fs.Int64("seed", int64(cfg.seed), "seed of the -fashion run's weights and shuffling (0 … 2³²−1)")
	limit := cli.AddDataLimit(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: speed [flags]\n\nTimes matrix kernels and training steps; with -fashion, trains on Fashion-MNIST.\n\n")
		fs.PrintDefaults()
	}
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.seed, err = cli.Seed("seed", *seed); err != nil {
		return cfg, err
	}
	if cfg.limits, err = limit.Limits(); err != nil {
		return cfg, err
	}
	switch {
	case cfg.cell <= 0 || cfg.cell > time.Minute:
		return cfg, fmt.Errorf("-cell must be in (0, 1m], got %v", cfg.cell)
	case cfg.reps < 1 || cfg.reps > 101:
		return cfg, fmt.Errorf("-reps must be in 1 … 101, got %d", cfg.reps)
	case cfg.steps < 1 || cfg.steps > 10_000_000:
		return cfg, fmt.Errorf("-steps must be in 1 … 10000000, got %d", cfg.steps)
	case cfg.sweep && cfg.fashion:
		return cfg, errors.New("-sweep and -fashion are different runs: give one")
	case cfg.data == "":
		return cfg, errors.New("-data must name a directory or \"embedded\"")
	case cfg.epochs < 1 || cfg.epochs > 1000:
		return cfg, fmt.Errorf("-epochs must be in 1 … 1000, got %d", cfg.epochs)
	case cfg.batch < 1 || cfg.batch > 60000:
		return cfg, fmt.Errorf("-batch must be in 1 … 60000, got %d", cfg.batch)
	}
	return cfg, nil
}

// run prints the kernel table and the training-step timings; with
// cfg.sweep it runs lesson 03's sweep with the fused step, and with
// cfg.fashion it trains on Fashion-MNIST and prints the time of each epoch.
func run(w io.Writer, cfg config) error {
	switch {
	case cfg.sweep:
		return runSweep(w, cfg)
	case cfg.fashion:
		return runFashion(w, cfg)
	}
	if err := kernelTable(w, cfg); err != nil {
		return err
	}
	stepTable(w, cfg)
	return nil
}
