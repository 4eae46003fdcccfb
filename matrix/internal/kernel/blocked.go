package kernel

import "sync"

// This file holds the register-blocked product, written once for both
// tiles: the 2×3 tile in Go (tile2x3.go) and the 4×8 vector tile (simd.go).
// B is copied into packed panels (type P: for each k, one element of each
// of the panel's columns). A is multiplied a strip of a few rows of op(A)
// at a time (type strip): read where it lies for A·B and A·Bᵀ, so that the
// input batch, the largest left operand of a training step, is never
// copied; copied for Aᵀ·B, whose strip is a few columns of a (one element
// per row), which cache lines a row apart would make slow to read again
// for every panel of B.

// panel is one entry of a packed panel of B: nr columns for the Go tile, vc
// for the vector tile.
type panel interface{ [nr]float64 | [vc]float64 }

// A strip locates up to vr rows of op(A): element (i, k) of the strip is
// A[Off[i] + k·SK]. For C = A·B and A·Bᵀ, A is a and row i of the strip is
// row i0+i of a (Off[i] = (i0+i)·n, SK = 1); for Aᵀ·B, A is a copy of
// columns i0, i0+1, … of a, one entry of h float64s per k (Off[i] = i,
// SK = h). A strip shorter than the tile repeats its first row, whose
// results are not stored.
type strip struct {
	A   []float64
	Off [vr]int
	SK  int
}

// A microKernel sets t[i][j] = Σ_q S[i, idx[q]]·bp[idx[q]][j] for the rows
// and columns of its tile, S being the strip s, each sum accumulated from 0
// in the order of q, each product rounded before it is added. level selects
// among the implementations of one tile (simd.go).
type microKernel[P panel] func(level int, s *strip, idx []int32, bp []P, t *[vr][vc]float64)

// gemm describes one product c (r×m) = op(a)·op(b) with inner dimension n
// and holds its packed panels of B and the lists of k each strip keeps.
type gemm[P panel] struct {
	op      Op
	c, a, b []float64
	r, n, m int
	h       int  // rows per strip: mr for the Go tile, vr for the vector tile
	skip    bool // leave out the k where every row of a strip is zero
	level   int
	tile    microKernel[P]
	wg      sync.WaitGroup

	// bp holds op(b) in panels of len(P) columns: panel p (columns
	// len(P)·p and on) is bp[p*n : (p+1)*n], entry k holding
	// op(b)[k, len(P)·p+c] in element c, with zeros past the last column.
	bp []P
	// all is the list 0, 1, …, n−1 of every k, used when nothing is skipped.
	all []int32
	// Per worker: the k each of its strips keeps (strip s at s·n), how
	// many, the copy of a strip of Aᵀ, the strip and the tile the
	// micro-kernel writes (kept here,
	// since values passed to a function value would escape to the heap on
	// every call; each in its own allocation, since two workers writing one
	// cache line slow down each other).
	aidx   [][]int32
	akept  [][]int
	apack  [][]float64
	strips []*strip
	tiles  []*[vr][vc]float64
}

// freeList keeps gemm values with their buffers, so that a training loop
// calling the blocked kernel allocates nothing after its first step. It is
// never emptied by the garbage collector (unlike sync.Pool), which keeps
// testing.AllocsPerRun at 0.
type freeList[P panel] struct {
	sync.Mutex
	list []*gemm[P]
}

func (f *freeList[P]) get() *gemm[P] {
	f.Lock()
	defer f.Unlock()
	if n := len(f.list); n > 0 {
		g := f.list[n-1]
		f.list = f.list[:n-1]
		return g
	}
	return new(gemm[P])
}

func (f *freeList[P]) put(g *gemm[P]) {
	g.c, g.a, g.b = nil, nil, nil
	var z P
	if cap(g.bp)*len(z) > keepMax {
		g.bp = nil
	}
	f.Lock()
	f.list = append(f.list, g)
	f.Unlock()
}

// blocked sets c = op(a)·op(b) with the given micro-kernel, whose strips
// have h rows, on at most p goroutines (see Blocked).
func blocked[P panel](free *freeList[P], tile microKernel[P], h, level int, op Op, c, a, b []float64, r, n, m, p int, skip bool) {
	g := free.get()
	g.op, g.c, g.a, g.b, g.r, g.n, g.m, g.h = op, c, a, b, r, n, m, h
	g.skip = skip && allFinite(b) // 0·Inf is NaN: see sparse.go
	g.level, g.tile = level, tile
	g.packB()
	if !g.skip {
		if len(g.all) != n {
			g.all = grow(g.all, n)
			for k := range g.all {
				g.all[k] = int32(k)
			}
		}
	}
	p = max(1, min(p, (r+h-1)/h))
	for len(g.aidx) < p {
		g.aidx, g.akept, g.apack = append(g.aidx, nil), append(g.akept, nil), append(g.apack, nil)
		g.strips = append(g.strips, new(strip))
		g.tiles = append(g.tiles, new([vr][vc]float64))
	}
	if p == 1 {
		g.rows(0, 0, r)
		free.put(g)
		return
	}
	workers.once.Do(startWorkers)
	strips := (r + h - 1) / h
	g.wg.Add(p - 1)
	lo := 0
	for w := 0; w < p; w++ {
		hi := min(r, (strips*(w+1)/p)*h)
		if w == p-1 {
			g.rows(w, lo, hi) // the caller takes the last block
		} else {
			workers.tasks <- task{g, w, lo, hi}
		}
		lo = hi
	}
	g.wg.Wait()
	free.put(g)
}

// done marks a task given to a worker as finished.
func (g *gemm[P]) done() { g.wg.Done() }

// packB copies op(b) into g.bp.
func (g *gemm[P]) packB() {
	var z P
	w := len(z)
	n, m := g.n, g.m
	panels := (m + w - 1) / w
	g.bp = grow(g.bp, panels*n)
	for p := 0; p < panels; p++ {
		pan := g.bp[p*n : p*n+n]
		j0 := p * w
		cw := min(w, m-j0)
		if g.op == TransB {
			// op(b)[k, j] = b[j, k]: panel column c is row j0+c of b.
			if cw < w {
				clear(pan)
			}
			for c := 0; c < cw; c++ {
				row := g.b[(j0+c)*n : (j0+c)*n+n]
				row = row[:len(pan)]
				for k, v := range row {
					pan[k][c] = v
				}
			}
			continue
		}
		for k := range pan {
			row := g.b[k*m+j0 : k*m+j0+cw]
			if cw == w {
				pan[k] = P(row) // a whole panel row: one copy
				continue
			}
			e := z
			for c, v := range row {
				e[c] = v
			}
			pan[k] = e
		}
	}
}

// locate sets s to the strip of op(a) that starts at row i0, copying it
// into the buffer of worker w for Aᵀ·B.
func (g *gemm[P]) locate(w int, s *strip, i0 int) {
	h := min(g.h, g.r-i0)
	if g.op != TransA {
		s.A, s.SK = g.a, 1
		for i := range s.Off {
			row := i0 // past the end: repeat the first row
			if i < h {
				row += i
			}
			s.Off[i] = row * g.n
		}
		return
	}
	// op(a)[i0+i, k] = a[k, i0+i]; a has g.r columns.
	n, r, sk := g.n, g.r, g.h
	buf := grow(g.apack[w], n*sk)
	g.apack[w] = buf
	if h == vr && sk == vr { // a whole strip of the vector tile: one copy per k
		for k := range n {
			*(*[vr]float64)(buf[k*vr:]) = [vr]float64(g.a[k*r+i0:])
		}
	} else {
		for k := range n {
			for i, v := range g.a[k*r+i0 : k*r+i0+h] {
				buf[k*sk+i] = v
			}
		}
	}
	s.A, s.SK = buf, sk
	for i := range s.Off {
		s.Off[i] = 0 // past the end: repeat the first row
		if i < h {
			s.Off[i] = i
		}
	}
}

// rows computes rows [lo, hi) of the product (lo a multiple of the strip
// height) with the buffers of worker w. It walks B in blocks of panels that
// fit the L2 cache and multiplies each strip of A by every panel of a
// block. With g.skip it lists, for each strip, the k where some row of the
// strip is not zero (sparse.go): once for all blocks when the lists of all
// strips fit in listMax int32s, else again in every block.
func (g *gemm[P]) rows(w, lo, hi int) {
	var zp P
	h, wp := g.h, len(zp)
	n, m := g.n, g.m
	panels := (m + wp - 1) / wp
	block := max(1, l2Block/(wp*max(n, 1)))
	strips := (hi - lo + h - 1) / h
	s, t := g.strips[w], g.tiles[w]
	kept := grow(g.akept[w], strips)
	g.akept[w] = kept
	once := strips*n <= listMax
	var idx []int32
	if g.skip {
		idx = grow(g.aidx[w], n)
		if once {
			idx = grow(g.aidx[w], strips*n)
			for q := range kept {
				g.locate(w, s, lo+q*h)
				kept[q] = g.nonzeroK(s, min(h, hi-lo-q*h), idx[q*n:q*n+n])
			}
		}
		g.aidx[w] = idx
	}
	for p0 := 0; p0 < panels; p0 += block {
		p1 := min(panels, p0+block)
		for q := range kept {
			i0 := lo + q*h
			g.locate(w, s, i0)
			sidx := g.all
			switch {
			case g.skip && once:
				sidx = idx[q*n : q*n+kept[q]]
			case g.skip:
				sidx = idx[:g.nonzeroK(s, min(h, hi-i0), idx)]
			}
			for p := p0; p < p1; p++ {
				g.tile(g.level, s, sidx, g.bp[p*n:p*n+n], t)
				j0 := p * wp
				cw := min(wp, m-j0)
				for c := 0; c < min(h, hi-i0); c++ {
					copy(g.c[(i0+c)*m+j0:(i0+c)*m+j0+cw], t[c][:cw])
				}
			}
		}
	}
}
