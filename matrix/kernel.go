package matrix

import (
	"runtime"
	"sync"
)

// This file holds the fast matrix-product kernels behind MulInto,
// MulTransAInto and MulTransBInto. See the package documentation ("Kernels")
// for which one runs when and what they measure.
//
// Every kernel here computes each element of the product as one dot product
// accumulated in the plain order k = 0, 1, 2, … starting from 0, exactly as
// MulNaive does:
//
//	s = 0; s += A[i,0]·B[0,j]; s += A[i,1]·B[1,j]; …
//
// with each product rounded before it is added (float64(x*y): the conversion
// forbids the compiler to fuse the multiply and the add, which Go does on
// arm64 and under GOAMD64=v3 for some expression shapes and not others).
// The kernels differ only in which elements are in flight at the same time
// and in where the operands come from (rows of A and B, or packed copies).
// Float64 loads and stores are exact, so the result is bit-for-bit MulNaive's,
// whatever the kernel, the block sizes, the number of goroutines, the
// GOAMD64 level or the architecture. Nothing here blocks over k, which would
// change the rounding.

// mr×nr is the register tile of the blocked kernel in Go (simdScalar, used
// off amd64; simd.go has the 4×8 vector tile): 2 rows of A against 3
// columns of B, 6 accumulators (see kernel2x3). Larger tiles spill to the
// stack and measured slower: see BenchmarkTile.
const (
	mr = 2
	nr = 3
)

// Thresholds, in multiply-adds (r·n·m for an r×n · n×m product), chosen
// from BenchmarkMulKernels on a 2-core x86-64 machine (AMD EPYC, KVM) shared
// with other jobs, so only roughly.
const (
	// blockedMin is the smallest product handed to the packed, register-
	// blocked kernel, and blockedMinRows the fewest rows: below them the
	// cost of packing B is not repaid. Around 32³ the simple loops and the
	// blocked kernel are within noise of each other; from 64³ the blocked
	// kernel is 1.5–3 times faster.
	blockedMin     = 48 * 1024
	blockedMinRows = 16
	// parallelMin is the smallest product split over goroutines. A
	// hand-off costs microseconds, and on a busy machine the second core
	// may not be free: two goroutines lost at 64³ and won at 128³.
	parallelMin = 1 << 20
	// l2Block bounds the packed block of B kept hot in the L2 cache, in
	// float64s (256 KiB).
	l2Block = 32 * 1024
)

// useBlocked reports whether an r×n · n×m product goes to the blocked kernel.
func useBlocked(r, n, m int) bool {
	return r >= blockedMinRows && r*n*m >= blockedMin
}

// mulIKJ sets dst = a·b with the i-k-j loop: for each row i of A it adds
// A[i,k]·(row k of B) to row i of C, for k = 0, 1, 2, …. The inner loop walks
// B and C contiguously, which makes it several times faster than the i-j-k
// order of MulNaive while each C[i,j] still receives its terms in the order
// k = 0, 1, 2, ….
func mulIKJ(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	ad, bd, cd := a.Data, b.Data, dst.Data
	for i := 0; i < a.Rows; i++ {
		c := cd[i*m : i*m+m]
		clear(c)
		arow := ad[i*n : i*n+n]
		for k, aik := range arow {
			brow := bd[k*m : k*m+m]
			brow = brow[:len(c)]
			for j, bkj := range brow {
				c[j] += float64(aik * bkj)
			}
		}
	}
}

// mulTransAKIJ sets dst = aᵀ·b by walking A and B row by row: row k of both
// adds A[k,i]·(row k of B) to row i of C. Each C[i,j] receives its terms in
// the order k = 0, 1, 2, ….
func mulTransAKIJ(dst, a, b *Matrix) {
	n, m := a.Cols, b.Cols
	ad, bd, cd := a.Data, b.Data, dst.Data
	clear(cd)
	for k := 0; k < a.Rows; k++ {
		arow := ad[k*n : k*n+n]
		brow := bd[k*m : k*m+m]
		for i, aki := range arow {
			c := cd[i*m : i*m+m]
			c = c[:len(brow)]
			for j, bkj := range brow {
				c[j] += float64(aki * bkj)
			}
		}
	}
}

// mulTransBDot sets dst = a·bᵀ as one dot product of rows per element.
func mulTransBDot(dst, a, b *Matrix) {
	n, m := a.Cols, b.Rows
	ad, bd, cd := a.Data, b.Data, dst.Data
	for i := 0; i < a.Rows; i++ {
		arow := ad[i*n : i*n+n]
		c := cd[i*m : i*m+m]
		for j := range c {
			brow := bd[j*n : j*n+n]
			brow = brow[:len(arow)]
			sum := 0.0
			for k, v := range arow {
				sum += float64(v * brow[k])
			}
			c[j] = sum
		}
	}
}

// The operand layouts a product can read. The blocked kernel packs both
// operands, so one micro-kernel serves all three products.
const (
	opMul    = iota // dst = a·b
	opTransA        // dst = aᵀ·b
	opTransB        // dst = a·bᵀ
)

// gemm describes one product dst (r×m) = op(a)·op(b) with inner dimension n,
// and holds the packed copy of B: panel p (columns nr·p … nr·p+nr−1 of
// op(b)) is bp[p*n : (p+1)*n], entry k holding op(b)[k, nr·p+c] in element c,
// with zeros past the last column.
type gemm struct {
	op      int
	dst     *Matrix
	a, b    *Matrix
	r, n, m int
	bp      [][nr]float64
	wg      sync.WaitGroup
	aps     [][][mr]float64 // one A-strip buffer per worker

	// skip asks rows to leave out the k where both rows of an A strip are
	// zero (sparse.go); it is honoured only if packB found B finite.
	skip   bool
	finite bool
	aidx   [][]int32 // one buffer of kept k per worker
	akept  [][]int   // per worker, the k kept by each strip

	// level is the micro-kernel (simd.go); from simdGo up the product
	// uses the 4×8 tile, with B packed in bv and A strips in avs.
	level int
	bv    [][vc]float64
	avs   [][][vr]float64 // one A-strip buffer per worker
}

// gemmFree is a free list of gemm values with their buffers, so that a
// training loop calling the blocked kernel allocates nothing after its first
// step. It is never emptied by the garbage collector (unlike sync.Pool),
// which keeps testing.AllocsPerRun at 0.
var gemmFree struct {
	sync.Mutex
	list []*gemm
}

func getGemm() *gemm {
	gemmFree.Lock()
	defer gemmFree.Unlock()
	if n := len(gemmFree.list); n > 0 {
		g := gemmFree.list[n-1]
		gemmFree.list = gemmFree.list[:n-1]
		return g
	}
	return new(gemm)
}

// keepMax is the largest packed buffer, in float64s (32 MiB), that putGemm
// keeps for the next product.
const keepMax = 4 << 20

func putGemm(g *gemm) {
	g.dst, g.a, g.b = nil, nil, nil
	if cap(g.bp) > keepMax {
		g.bp = nil
	}
	if cap(g.bv)*vc > keepMax {
		g.bv = nil
	}
	g.skip = false
	gemmFree.Lock()
	gemmFree.list = append(gemmFree.list, g)
	gemmFree.Unlock()
}

// grow returns s resized to n, reusing its storage when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// workers is the pool of goroutines that run row blocks of large products.
// They are started once, on first use, and live for the program's lifetime;
// sending them a task allocates nothing.
var workers struct {
	once  sync.Once
	tasks chan task
}

// task asks a worker to compute rows [lo, hi) of g using A-strip buffer w.
type task struct {
	g      *gemm
	w      int
	lo, hi int
}

func startWorkers() {
	workers.tasks = make(chan task, 64)
	for i := 0; i < runtime.NumCPU(); i++ {
		go func() {
			for t := range workers.tasks {
				t.g.run(t.w, t.lo, t.hi)
				t.g.wg.Done()
			}
		}()
	}
}

// mulBlocked computes dst = op(a)·op(b) with the packed 2×3 register-blocked
// kernel, splitting the rows of dst over goroutines when the product has at
// least parallelMin multiply-adds and GOMAXPROCS > 1. The row blocks are a
// fixed function of the shape and the worker count, and each element is
// computed by the same operations in any case, so the result does not depend
// on scheduling. (Cutting the rows into more blocks than goroutines, taken
// from a shared counter so that a goroutine whose core is busy takes fewer,
// measured no faster on a loaded machine.)
func mulBlocked(op int, dst, a, b *Matrix, r, n, m int) {
	p := 1
	if r*n*m >= parallelMin {
		p = procs()
	}
	mulBlockedP(op, dst, a, b, r, n, m, p)
}

// mulBlockedP is mulBlocked on at most p goroutines.
func mulBlockedP(op int, dst, a, b *Matrix, r, n, m, p int) {
	mulBlockedSkipP(op, dst, a, b, r, n, m, p, false)
}

// mulBlockedSkipP is mulBlockedP, leaving out the zero terms of A as
// sparse.go describes when skip is set.
func mulBlockedSkipP(op int, dst, a, b *Matrix, r, n, m, p int, skip bool) {
	mulBlockedLevel(simdLevel, op, dst, a, b, r, n, m, p, skip)
}

// mulBlockedLevel is mulBlockedSkipP with the micro-kernel of the given
// level (simd.go): the 2×3 tile in Go for simdScalar, else the 4×8 tile.
func mulBlockedLevel(level, op int, dst, a, b *Matrix, r, n, m, p int, skip bool) {
	g := getGemm()
	g.op, g.dst, g.a, g.b, g.r, g.n, g.m = op, dst, a, b, r, n, m
	g.skip = skip
	g.level = level
	h := mr // rows per strip
	if level == simdScalar {
		g.packB()
	} else {
		h = vr
		g.packBVec()
	}
	p = max(1, min(p, (r+h-1)/h))
	if len(g.aps) < p {
		g.aps = append(g.aps, make([][][mr]float64, p-len(g.aps))...)
		g.avs = append(g.avs, make([][][vr]float64, p-len(g.avs))...)
		g.aidx = append(g.aidx, make([][]int32, p-len(g.aidx))...)
		g.akept = append(g.akept, make([][]int, p-len(g.akept))...)
	}
	if p <= 1 {
		g.run(0, 0, r)
		putGemm(g)
		return
	}
	workers.once.Do(startWorkers)
	strips := (r + h - 1) / h
	g.wg.Add(p - 1)
	lo := 0
	for w := 0; w < p; w++ {
		hi := min(r, (strips*(w+1)/p)*h)
		if w == p-1 {
			g.run(w, lo, hi) // the caller takes the last block
		} else {
			workers.tasks <- task{g, w, lo, hi}
		}
		lo = hi
	}
	g.wg.Wait()
	putGemm(g)
}

// run computes rows [lo, hi) of the product with the buffers of worker w,
// with the tile of g.level.
func (g *gemm) run(w, lo, hi int) {
	if g.level == simdScalar {
		g.rows(w, lo, hi)
	} else {
		g.rowsVec(w, lo, hi)
	}
}

// packB copies op(b) into panels of nr columns (see gemm).
func (g *gemm) packB() {
	if g.skip {
		g.finite = allFinite(g.b.Data)
	}
	n, m := g.n, g.m
	panels := (m + nr - 1) / nr
	g.bp = grow(g.bp, panels*n)
	bp, bd := g.bp, g.b.Data
	for p := 0; p < panels; p++ {
		panel := bp[p*n : p*n+n]
		j0 := p * nr
		w := min(nr, m-j0)
		if g.op == opTransB && w == nr {
			// op(b)[k, j] = b[j, k]: panel column c is row j0+c of b.
			r0 := bd[j0*n : j0*n+n]
			r1 := bd[(j0+1)*n : (j0+1)*n+n]
			r2 := bd[(j0+2)*n : (j0+2)*n+n]
			r0, r1, r2 = r0[:len(panel)], r1[:len(panel)], r2[:len(panel)]
			for k, v := range r0 {
				panel[k] = [nr]float64{v, r1[k], r2[k]}
			}
			continue
		}
		if g.op == opTransB {
			// The last, partial panel.
			for k := range panel {
				panel[k] = [nr]float64{}
			}
			for c := 0; c < w; c++ {
				row := bd[(j0+c)*n : (j0+c)*n+n]
				row = row[:len(panel)]
				for k, v := range row {
					panel[k][c] = v
				}
			}
			continue
		}
		for k := range panel {
			row := bd[k*m+j0 : k*m+j0+w]
			e := &panel[k]
			*e = [nr]float64{}
			copy(e[:], row)
		}
	}
}

// packA copies rows i0, i0+1 of op(a) into ap: ap[k] = (op(a)[i0,k],
// op(a)[i0+1,k]), with zeros for a row past the end.
func (g *gemm) packA(ap [][mr]float64, i0 int) {
	n, ad := g.n, g.a.Data
	h := min(mr, g.r-i0)
	if g.op == opTransA {
		// op(a)[i, k] = a[k, i]; a has g.r columns.
		r := g.r
		for k := range ap {
			src := ad[k*r+i0 : k*r+i0+h]
			e := &ap[k]
			*e = [mr]float64{}
			copy(e[:], src)
		}
		return
	}
	r0 := ad[i0*n : i0*n+n]
	r0 = r0[:len(ap)]
	if h < mr {
		for k, v := range r0 {
			ap[k] = [mr]float64{v, 0}
		}
		return
	}
	r1 := ad[(i0+1)*n : (i0+1)*n+n]
	r1 = r1[:len(ap)]
	for k, v := range r0 {
		ap[k] = [mr]float64{v, r1[k]}
	}
}

// rows computes rows [lo, hi) of the product (lo a multiple of mr) with
// A-strip buffer w. It walks B in blocks of panels that fit the L2 cache;
// within a block each 2-row strip of A is packed once and multiplied by every
// panel, so the strip stays in L1.
func (g *gemm) rows(w, lo, hi int) {
	n, m := g.n, g.m
	panels := (m + nr - 1) / nr
	block := max(1, l2Block/(nr*max(n, 1)))
	strips := (hi - lo + mr - 1) / mr
	// With skipping, packing a strip costs a test per k; when B takes
	// several blocks, pack every strip once for all of them if that fits
	// in prepackMax float64s (each strip needs n of them and n indices).
	skip := g.skip && g.finite
	prepack := skip && block < panels && strips*n*mr <= prepackMax
	sz := n
	if prepack {
		sz = strips * n
	}
	ap := grow(g.aps[w], sz)
	g.aps[w] = ap
	var idx []int32
	if skip {
		idx = grow(g.aidx[w], sz)
		g.aidx[w] = idx
	}
	kept := grow(g.akept[w], strips)
	g.akept[w] = kept
	if prepack {
		for s := range kept {
			kept[s] = g.packASkip(ap[s*n:s*n+n], idx[s*n:s*n+n], lo+s*mr)
		}
	}
	cd := g.dst.Data
	for p0 := 0; p0 < panels; p0 += block {
		p1 := min(panels, p0+block)
		for s := range kept {
			i0 := lo + s*mr
			sap, sidx := ap[:n], idx
			switch {
			case prepack:
				sap, sidx = ap[s*n:s*n+kept[s]], idx[s*n:s*n+kept[s]]
			case skip:
				c := g.packASkip(ap, idx, i0)
				sap, sidx = ap[:c], idx[:c]
			default:
				g.packA(ap, i0)
			}
			h := min(mr, hi-i0)
			for p := p0; p < p1; p++ {
				var t [mr][nr]float64
				if skip {
					t = kernel2x3Skip(sap, sidx, g.bp[p*n:p*n+n])
				} else {
					t = kernel2x3(sap, g.bp[p*n:p*n+n])
				}
				j0 := p * nr
				cw := min(nr, m-j0)
				for c := 0; c < h; c++ {
					copy(cd[(i0+c)*m+j0:(i0+c)*m+j0+cw], t[c][:cw])
				}
			}
		}
	}
}

// prepackMax bounds, in float64s (8 MiB), the packed strips rows keeps to
// pack each strip of A only once.
const prepackMax = 1 << 20

// kernel2x3 returns the 2×3 tile Σ_k ap[k][i]·bp[k][j], accumulating each of
// its 6 sums in the order k = 0, 1, 2, … in its own register. Six
// accumulators, six products, two elements of A and one of B fill the 15
// XMM registers Go's amd64 ABI leaves free (X15 is kept zero); a 2×4 tile
// already spills an accumulator to the stack in every iteration.
func kernel2x3(ap [][mr]float64, bp [][nr]float64) [mr][nr]float64 {
	var c00, c01, c02, c10, c11, c12 float64
	ap = ap[:len(bp)]
	for k := range bp {
		b := &bp[k]
		a0, a1 := ap[k][0], ap[k][1]
		c00 += float64(a0 * b[0])
		c01 += float64(a0 * b[1])
		c02 += float64(a0 * b[2])
		c10 += float64(a1 * b[0])
		c11 += float64(a1 * b[1])
		c12 += float64(a1 * b[2])
	}
	return [mr][nr]float64{{c00, c01, c02}, {c10, c11, c12}}
}
