package main

import (
	"fmt"
	"io"

	"nnscratch/matrix"
	"nnscratch/nn"
	"nnscratch/nn/data"
	"nnscratch/nn/nprand"
)

// product is one row of the kernel table: dst = a·b, or aᵀ·b with trans.
type product struct {
	name  string
	a, b  *matrix.Matrix
	trans bool
}

// flops is the product's floating-point operations: one multiply and one
// add per term, 2·r·n·m.
func (p product) flops() float64 {
	if p.trans {
		return 2 * float64(p.a.Cols) * float64(p.a.Rows) * float64(p.b.Cols)
	}
	return 2 * float64(p.a.Rows) * float64(p.a.Cols) * float64(p.b.Cols)
}

// zeros is the fraction of exact zeros in the left operand.
func (p product) zeros() float64 {
	z := 0
	for _, v := range p.a.Data {
		if v == 0 {
			z++
		}
	}
	return float64(z) / float64(max(1, len(p.a.Data)))
}

// products returns the kernel table's rows: lesson 03's 4×3·3×4, the two
// layers of a 784-100-10 network on a batch of 200 (with random inputs and
// with a real Fashion-MNIST batch, whose backgrounds are exact zeros), the
// weight gradient Xᵀ·δ₁ of that batch, and square products.
func products(cfg config) []product {
	src := nprand.New(1)
	rnd := func(r, c int) *matrix.Matrix {
		m := matrix.New(r, c)
		nn.FillUniform(m, src, -1, 1)
		return m
	}
	train, _ := data.EmbeddedFashion10()
	idx := make([]int, 200)
	for i := range idx {
		idx[i] = i * train.Len() / len(idx) // every class
	}
	x := matrix.New(200, 784)
	train.Images.ScaleInto(x.Data, idx, 0, 1)
	// δ₁ of a ReLU layer is zero wherever the unit was off: about half.
	d1 := rnd(200, 100)
	for i := range d1.Data {
		if src.RandomSample() < 0.5 {
			d1.Data[i] = 0
		}
	}
	ps := []product{
		{name: "4×3·3×4 (lesson 03)", a: rnd(4, 3), b: rnd(3, 4)},
		{name: "200×100·100×10 (H·W₂)", a: rnd(200, 100), b: rnd(100, 10)},
		{name: "200×784·784×100 random", a: rnd(200, 784), b: rnd(784, 100)},
		{name: "200×784·784×100 X·W₁", a: x, b: rnd(784, 100)},
		{name: "784×200ᵀ·200×100 Xᵀ·δ₁", a: x, b: d1, trans: true},
		{name: "256×256·256×256", a: rnd(256, 256), b: rnd(256, 256)},
	}
	if cfg.big {
		ps = append(ps, product{name: "512×512·512×512", a: rnd(512, 512), b: rnd(512, 512)})
	}
	return ps
}

// tableKernels are the kernel table's columns, the reference loop first.
var tableKernels = []matrix.Kernel{
	matrix.KernelNaive, matrix.KernelIKJ, matrix.KernelBlocked,
	matrix.KernelParallel, matrix.KernelSparse, matrix.KernelAuto,
}

// kernelTable prints the GFLOP/s of every kernel on every product, checking
// on the way that each gives the naive loop's result bit for bit.
func kernelTable(w io.Writer, cfg config) error {
	fmt.Fprintf(w, "Matrix products, GFLOP/s (2·r·n·m floating-point operations per product; median of %d timings)\n\n", cfg.reps)
	fmt.Fprintf(w, "%-26s %6s", "product", "zeros")
	for _, k := range tableKernels {
		fmt.Fprintf(w, " %9s", k)
	}
	fmt.Fprintf(w, " %11s\n", "auto÷naive")
	for _, p := range products(cfg) {
		rows, cols := p.a.Rows, p.b.Cols
		if p.trans {
			rows = p.a.Cols
		}
		want := matrix.New(rows, cols)
		mul(matrix.KernelNaive, want, p)
		fmt.Fprintf(w, "%-26s %5.1f%%", p.name, 100*p.zeros())
		var naive, auto float64
		for _, k := range tableKernels {
			dst := matrix.New(rows, cols)
			t := measure(cfg, func() { mul(k, dst, p) })
			if !matrix.Equal(dst, want) {
				return fmt.Errorf("%s: kernel %v differs from the naive loop", p.name, k)
			}
			gflops := p.flops() / t.ns
			fmt.Fprintf(w, " %9.2f", gflops)
			switch k {
			case matrix.KernelNaive:
				naive = gflops
			case matrix.KernelAuto:
				auto = gflops
			}
		}
		fmt.Fprintf(w, " %10.1f×\n", auto/naive)
	}
	fmt.Fprintln(w, "\nzeros: exact zeros in the left operand (X is a real Fashion-MNIST batch scaled to [0, 1]).")
	fmt.Fprintln(w, "Every kernel returned the naive loop's result bit for bit.")
	return nil
}

// mul computes p's product with kernel k into dst.
func mul(k matrix.Kernel, dst *matrix.Matrix, p product) {
	if p.trans {
		matrix.MulTransAKernelInto(k, dst, p.a, p.b)
		return
	}
	matrix.MulKernelInto(k, dst, p.a, p.b)
}
