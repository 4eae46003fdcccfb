package main

import "testing"

// BenchmarkFused times one learning rate's 60,000 steps of the fused loop
// (fused.go), the unit of work the -fused sweep runs seven of.
func BenchmarkFused(b *testing.B) {
	cfg := defaultConfig()
	for range b.N {
		trainFused(cfg, 10)
	}
}

// BenchmarkStep times the same 60,000 steps of the book code (step.go),
// the default run.
func BenchmarkStep(b *testing.B) {
	cfg := defaultConfig()
	for range b.N {
		train(cfg, 10, nil)
	}
}
