package main

import (
	"fmt"
	"io"
	"math"

	"nnscratch/lessons/internal/cli"
)

// maxEpochs bounds -epochs so that a typo cannot start an hour-long run, and
// maxTrace bounds -trace.
const (
	maxEpochs = 10_000_000
	maxTrace  = 100
)

// parseFlags parses and validates the command line. An invalid value gives an
// error that names its flag; -h gives flag.ErrHelp after printing the usage.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := cli.NewFlagSet("delta-rule", "Teaches one sigmoid neuron AND with the delta rule, with and without the sigmoid's derivative.", stderr)
	epochs := fs.String("epochs", "10000,35000", "comma-separated, increasing epoch counts at which to print the outputs")
	rate := fs.Float64("rate", 0.021, "learning rate η (> 0)")
	bias := fs.Float64("bias-init", -2, "starting bias weight w₀")
	which := fs.String("variant", "both", "update to train: both, cross-entropy or squared-error")
	pow := fs.String("pow", "java", "how e^-z is computed: java (Math.E^-z correctly rounded, as Java's Math.pow), go (math.Pow(math.E, -z)) or exp (math.Exp(-z))")
	cli.IntVar(fs, &cfg.trace, "trace", 0, maxTrace, "print every quantity of each variant's first `n` epochs in numpy's format")
	if err := cli.Parse(fs, args); err != nil {
		return config{}, err
	}
	cfg.rate, cfg.biasInit, cfg.pow = *rate, *bias, *pow
	var err error
	if cfg.epochs, err = cli.Ints(*epochs, 1); err != nil {
		return config{}, fmt.Errorf("-epochs: %v", err)
	}
	for i, n := range cfg.epochs {
		if n > maxEpochs {
			return config{}, fmt.Errorf("-epochs: %d is above the maximum %d", n, maxEpochs)
		}
		if i > 0 && n <= cfg.epochs[i-1] {
			return config{}, fmt.Errorf("-epochs: %d is not greater than the item before it, %d", n, cfg.epochs[i-1])
		}
	}
	if !(cfg.rate > 0) || math.IsInf(cfg.rate, 0) {
		return config{}, fmt.Errorf("-rate must be a positive finite number, got %v", cfg.rate)
	}
	if math.IsNaN(cfg.biasInit) || math.Abs(cfg.biasInit) > 700 {
		return config{}, fmt.Errorf("-bias-init must be in -700 … 700, got %v", cfg.biasInit)
	}
	if err := cli.OneOf("variant", *which, "both", crossEntropy.name, squaredError.name); err != nil {
		return config{}, err
	}
	for _, v := range []variant{crossEntropy, squaredError} {
		if *which == "both" || *which == v.name {
			cfg.variants = append(cfg.variants, v)
		}
	}
	if err := cli.OneOf("pow", cfg.pow, "java", "go", "exp"); err != nil {
		return config{}, err
	}
	return cfg, nil
}
