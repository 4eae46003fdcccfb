package kernel

import "sync"

// This file holds the packed, register-blocked product, written once for
// both tiles: the 2×3 tile in Go (tile2x3.go) and the 4×8 vector tile
// (simd.go). A packed strip of A holds, for each k kept, one element of each
// of its rows (type S); a packed panel of B holds, for each k, one element
// of each of its columns (type P).

// strip is one entry of a packed strip of A: mr rows for the Go tile, vr
// for the vector tile.
type strip interface{ [mr]float64 | [vr]float64 }

// panel is one entry of a packed panel of B: nr columns for the Go tile, vc
// for the vector tile.
type panel interface{ [nr]float64 | [vc]float64 }

// A microKernel sets t[i][j] = Σ_q ap[q][i]·bp[idx[q]][j] for the rows and
// columns of its tile, each sum accumulated from 0 in the order of q, each
// product rounded before it is added. level selects among the
// implementations of one tile (simd.go).
type microKernel[S strip, P panel] func(level int, ap []S, idx []int32, bp []P, t *[vr][vc]float64)

// gemm describes one product c (r×m) = op(a)·op(b) with inner dimension n
// and holds its packed operands.
type gemm[S strip, P panel] struct {
	op      Op
	c, a, b []float64
	r, n, m int
	skip    bool // leave out the k where every row of a strip is zero
	level   int
	tile    microKernel[S, P]
	wg      sync.WaitGroup

	// bp holds op(b) in panels of len(P) columns: panel p (columns
	// len(P)·p and on) is bp[p*n : (p+1)*n], entry k holding
	// op(b)[k, len(P)·p+c] in element c, with zeros past the last column.
	bp []P
	// Per worker: packed strips of A, the k they kept, how many, and the
	// tile the micro-kernel writes (kept here, since a tile passed to a
	// function value would escape to the heap on every call; each in its
	// own allocation, since two workers writing one cache line slow down
	// each other).
	aps   [][]S
	aidx  [][]int32
	akept [][]int
	tiles []*[vr][vc]float64
}

// freeList keeps gemm values with their buffers, so that a training loop
// calling the blocked kernel allocates nothing after its first step. It is
// never emptied by the garbage collector (unlike sync.Pool), which keeps
// testing.AllocsPerRun at 0.
type freeList[S strip, P panel] struct {
	sync.Mutex
	list []*gemm[S, P]
}

func (f *freeList[S, P]) get() *gemm[S, P] {
	f.Lock()
	defer f.Unlock()
	if n := len(f.list); n > 0 {
		g := f.list[n-1]
		f.list = f.list[:n-1]
		return g
	}
	return new(gemm[S, P])
}

func (f *freeList[S, P]) put(g *gemm[S, P]) {
	g.c, g.a, g.b = nil, nil, nil
	var z P
	if cap(g.bp)*len(z) > keepMax {
		g.bp = nil
	}
	f.Lock()
	f.list = append(f.list, g)
	f.Unlock()
}

// blocked sets c = op(a)·op(b) with the given micro-kernel on at most p
// goroutines (see Blocked).
func blocked[S strip, P panel](free *freeList[S, P], tile microKernel[S, P], level int, op Op, c, a, b []float64, r, n, m, p int, skip bool) {
	g := free.get()
	g.op, g.c, g.a, g.b, g.r, g.n, g.m = op, c, a, b, r, n, m
	g.skip = skip && allFinite(b) // 0·Inf is NaN: see sparse.go
	g.level, g.tile = level, tile
	g.packB()
	var z S
	h := len(z) // rows per strip
	p = max(1, min(p, (r+h-1)/h))
	for len(g.aps) < p {
		g.aps, g.aidx, g.akept = append(g.aps, nil), append(g.aidx, nil), append(g.akept, nil)
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
func (g *gemm[S, P]) done() { g.wg.Done() }

// packB copies op(b) into g.bp.
func (g *gemm[S, P]) packB() {
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

// packA copies rows i0, i0+1, … of op(a) into ap, one entry per k kept
// (zeros for rows past the end), and returns how many it kept. It keeps
// every k unless g.skip is set, and then leaves out the k where all rows of
// the strip are zero and writes the k kept into idx, in increasing order.
func (g *gemm[S, P]) packA(ap []S, idx []int32, i0 int) int {
	var z S
	n, h := g.n, min(len(z), g.r-i0)
	ap, idx = ap[:n], idx[:n]
	if h < len(z) {
		clear(ap)
	}
	if g.op == TransA {
		// op(a)[i, k] = a[k, i]; a has g.r columns.
		for k := range ap {
			col := g.a[k*g.r+i0 : k*g.r+i0+h]
			if h == len(z) {
				ap[k] = S(col)
				continue
			}
			for i, v := range col {
				ap[k][i] = v
			}
		}
	} else {
		for i := 0; i < h; i++ {
			row := g.a[(i0+i)*n : (i0+i)*n+n]
			row = row[:len(ap)]
			for k, v := range row {
				ap[k][i] = v
			}
		}
	}
	if !g.skip {
		return n // every k kept: rows gives the strip the list 0, 1, …, n−1
	}
	// Move the kept entries to the front. Write always, advance only past
	// a kept k: no branch to mispredict on data whose zeros fall at random.
	kept := 0
	for k := range idx {
		e := ap[k]
		ap[kept] = e
		idx[kept] = int32(k)
		kept += nonzero(&e)
	}
	return kept
}

// nonzero returns 1 if some element of e is not zero, else 0.
func nonzero[S strip](e *S) int {
	for i := 0; i < len(*e); i++ {
		if (*e)[i] != 0 {
			return 1
		}
	}
	return 0
}

// rows computes rows [lo, hi) of the product (lo a multiple of the strip
// height) with the buffers of worker w. It walks B in blocks of panels that
// fit the L2 cache; within a block each strip of A is packed once and
// multiplied by every panel, so the strip stays in L1. When B takes several
// blocks and the strips fit in prepackMax float64s, it packs every strip
// once for all blocks.
func (g *gemm[S, P]) rows(w, lo, hi int) {
	var zs S
	var zp P
	h, wp := len(zs), len(zp)
	n, m := g.n, g.m
	panels := (m + wp - 1) / wp
	block := max(1, l2Block/(wp*max(n, 1)))
	strips := (hi - lo + h - 1) / h
	prepack := block < panels && strips*n*h <= prepackMax
	sz := n
	if prepack {
		sz = strips * n
	}
	ap := grow(g.aps[w], sz)
	g.aps[w] = ap
	idx := grow(g.aidx[w], sz)
	g.aidx[w] = idx
	if !g.skip {
		// Every strip keeps every k: one list 0, 1, …, n−1 serves all.
		for k := range idx[:n] {
			idx[k] = int32(k)
		}
	}
	kept := grow(g.akept[w], strips)
	g.akept[w] = kept
	if prepack {
		for s := range kept {
			kept[s] = g.packA(ap[s*n:s*n+n], idx[s*n:s*n+n], lo+s*h)
		}
	}
	t := g.tiles[w]
	for p0 := 0; p0 < panels; p0 += block {
		p1 := min(panels, p0+block)
		for s := range kept {
			i0 := lo + s*h
			var sap []S
			var sidx []int32
			if prepack {
				sap, sidx = ap[s*n:s*n+kept[s]], idx[s*n:s*n+kept[s]]
			} else {
				c := g.packA(ap, idx, i0)
				sap, sidx = ap[:c], idx[:c]
			}
			if !g.skip {
				sidx = idx[:n]
			}
			for p := p0; p < p1; p++ {
				g.tile(g.level, sap, sidx, g.bp[p*n:p*n+n], t)
				j0 := p * wp
				cw := min(wp, m-j0)
				for c := 0; c < min(h, hi-i0); c++ {
					copy(g.c[(i0+c)*m+j0:(i0+c)*m+j0+cw], t[c][:cw])
				}
			}
		}
	}
}
