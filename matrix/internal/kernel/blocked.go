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

// A strip locates up to vr rows of op(A), each n float64s in a row:
// element (i, k) of the strip is A[Off[i] + k]. For C = A·B and A·Bᵀ, A is
// a and row i of the strip is row i0+i of a (Off[i] = (i0+i)·n); for Aᵀ·B,
// A is packT's copy of columns i0, i0+1, … of a, each made a row. A strip
// shorter than the tile repeats its first row, whose results are not
// stored.
type strip struct {
	A   []float64
	Off [vr]int
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
	split   // the hand-off of row blocks to the workers (parallel.go)

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
	g.run(g, r, h, p)
	free.put(g)
}

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

// locate sets s to strip q of the chunk of strips starting at row c0: in
// place in a for A·B and A·Bᵀ, else in the copy packT made.
func (g *gemm[P]) locate(w int, s *strip, c0, q int) {
	i0 := c0 + q*g.h
	h := min(g.h, g.r-i0)
	if g.op != TransA {
		s.A = g.a
		for i := range s.Off {
			row := i0 // past the end: repeat the first row
			if i < h {
				row += i
			}
			s.Off[i] = row * g.n
		}
		return
	}
	s.A = g.apack[w]
	for i := range s.Off {
		s.Off[i] = q * g.h * g.n // past the end: repeat the first row
		if i < h {
			s.Off[i] += i * g.n
		}
	}
}

// packT copies the strips of op(a) = aᵀ for rows [lo, hi) into the buffer
// of worker w, strip q at q·h·n, its row i (column lo+q·h+i of a) at i·n
// past that. It goes strip by strip, writing the h rows of a strip in
// order; it reads each cache line of a twice, for two neighbouring strips
// of the vector tile, the second time from the L1 cache.
func (g *gemm[P]) packT(w, lo, hi int) {
	n, r, h := g.n, g.r, g.h
	strips := (hi - lo + h - 1) / h
	buf := grow(g.apack[w], strips*h*n)
	g.apack[w] = buf
	for q := range strips {
		i0 := lo + q*h
		rows := buf[q*h*n : (q+1)*h*n]
		if i0+h <= hi && h == vr { // a whole strip of the vector tile
			r0, r1, r2, r3 := rows[:n], rows[n:2*n], rows[2*n:3*n], rows[3*n:4*n]
			r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
			for k := range r0 {
				e := g.a[k*r+i0:][:vr:vr]
				r0[k], r1[k], r2[k], r3[k] = e[0], e[1], e[2], e[3]
			}
			continue
		}
		for i := range min(h, hi-i0) {
			row := rows[i*n : (i+1)*n]
			for k := range row {
				row[k] = g.a[k*r+i0+i]
			}
		}
	}
}

// rows computes rows [lo, hi) of the product (lo a multiple of the strip
// height) with the buffers of worker w. It takes the strips in chunks of
// at most chunkMax elements of op(a) (l2Block for Aᵀ, whose strips it
// copies); for each chunk it copies the strips
// of Aᵀ (packT), lists the k each strip keeps if g.skip (sparse.go), and
// then walks B in blocks of panels that fit the L2 cache, multiplying each
// strip of the chunk by every panel of a block.
func (g *gemm[P]) rows(w, lo, hi int) {
	var zp P
	h, wp := g.h, len(zp)
	n, m := g.n, g.m
	panels := (m + wp - 1) / wp
	block := max(1, l2Block/(wp*max(n, 1)))
	per := max(1, chunkMax/(max(n, 1)*h)) // strips per chunk
	if g.op == TransA {
		// The copies of a chunk are read again for every panel: keep them
		// in the L2 cache with the block of B.
		per = max(1, l2Block/(max(n, 1)*h))
	}
	s, t := g.strips[w], g.tiles[w]
	for c0 := lo; c0 < hi; c0 += per * h {
		c1 := min(hi, c0+per*h)
		strips := (c1 - c0 + h - 1) / h
		if g.op == TransA {
			g.packT(w, c0, c1)
		}
		kept := grow(g.akept[w], strips)
		g.akept[w] = kept
		var idx []int32
		if g.skip {
			idx = grow(g.aidx[w], strips*n)
			g.aidx[w] = idx
			for q := range kept {
				g.locate(w, s, c0, q)
				kept[q] = g.nonzeroK(s, min(h, c1-c0-q*h), idx[q*n:q*n+n])
			}
		}
		for p0 := 0; p0 < panels; p0 += block {
			p1 := min(panels, p0+block)
			for q := range kept {
				g.locate(w, s, c0, q)
				sidx := g.all
				if g.skip {
					sidx = idx[q*n : q*n+kept[q]]
				}
				for p := p0; p < p1; p++ {
					g.tile(g.level, s, sidx, g.bp[p*n:p*n+n], t)
					g.store(t, c0+q*h, min(h, c1-c0-q*h), p*wp)
				}
			}
		}
	}
}

// store copies the first h rows of the tile t into c at row i0, column j0.
func (g *gemm[P]) store(t *[vr][vc]float64, i0, h, j0 int) {
	m := g.m
	cw := min(m-j0, len(*new(P)))
	for i := range h {
		o := (i0+i)*m + j0
		if cw == vc {
			*(*[vc]float64)(g.c[o:]) = t[i] // a whole row of the vector tile
			continue
		}
		for j, v := range t[i][:cw] {
			g.c[o+j] = v
		}
	}
}
