package kernel

// This file holds the blocked kernel with the 2×3 register tile in Go, the
// micro-kernel where there is no assembly (off amd64, or under the purego
// build tag). simd.go has the same kernel with the 4×8 tile.

// mr×nr is the register tile in Go: 2 rows of A against 3 columns of B, 6
// accumulators (see kernel2x3). Larger tiles spill to the stack and measured
// slower: see BenchmarkTile.
const (
	mr = 2
	nr = 3
)

// packB copies op(b) into panels of nr columns: panel p (columns nr·p …
// nr·p+nr−1 of op(b)) is g.bp[p*n : (p+1)*n], entry k holding op(b)[k, nr·p+c]
// in element c, with zeros past the last column.
func (g *gemm) packB() {
	n, m := g.n, g.m
	panels := (m + nr - 1) / nr
	g.bp = grow(g.bp, panels*n)
	bp, bd := g.bp, g.b
	for p := 0; p < panels; p++ {
		panel := bp[p*n : p*n+n]
		j0 := p * nr
		w := min(nr, m-j0)
		if g.op == TransB {
			// op(b)[k, j] = b[j, k]: panel column c is row j0+c of b.
			if w < nr {
				clear(panel)
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
			e := &panel[k]
			if w < nr {
				*e = [nr]float64{}
			}
			copy(e[:], bd[k*m+j0:k*m+j0+w])
		}
	}
}

// packA copies rows i0 and i0+1 of op(a) into ap (ap[t] = (op(a)[i0,k],
// op(a)[i0+1,k]) for the t-th k kept, zeros for a row past the end) and the
// k kept into idx, in increasing order, and returns how many it kept. It
// keeps every k unless skip is set, and then leaves out the k where both
// rows are zero.
func (g *gemm) packA(ap [][mr]float64, idx []int32, i0 int, skip bool) int {
	n, ad := g.n, g.a
	h := min(mr, g.r-i0)
	ap, idx = ap[:n], idx[:n]
	c := 0
	if g.op == TransA {
		// op(a)[i, k] = a[k, i]; a has g.r columns.
		r := g.r
		for k := range idx {
			v0, v1 := ad[k*r+i0], 0.0
			if h == mr {
				v1 = ad[k*r+i0+1]
			}
			// Write always, advance only past a kept k: no branch to
			// mispredict on data whose zeros fall at random.
			ap[c] = [mr]float64{v0, v1}
			idx[c] = int32(k)
			c += keep2(skip, v0, v1)
		}
		return c
	}
	r0 := ad[i0*n : i0*n+n]
	r0 = r0[:len(idx)]
	var r1 []float64 // a missing second row reads as zeros
	if h == mr {
		r1 = ad[(i0+1)*n : (i0+1)*n+n]
	}
	for k, v0 := range r0 {
		v1 := 0.0
		if h == mr {
			v1 = r1[k]
		}
		ap[c] = [mr]float64{v0, v1}
		idx[c] = int32(k)
		c += keep2(skip, v0, v1)
	}
	return c
}

// keep2 returns 1 if skip is false or x or y is not zero, else 0.
func keep2(skip bool, x, y float64) int {
	if !skip || x != 0 || y != 0 {
		return 1
	}
	return 0
}

// rows computes rows [lo, hi) of the product (lo a multiple of mr) with the
// buffers of worker w. It walks B in blocks of panels that fit the L2 cache;
// within a block each 2-row strip of A is packed once and multiplied by every
// panel, so the strip stays in L1. When B takes several blocks and skipping
// makes packing cost a test per k, it packs every strip once for all blocks
// if that fits in prepackMax float64s.
func (g *gemm) rows(w, lo, hi int) {
	n, m := g.n, g.m
	panels := (m + nr - 1) / nr
	block := max(1, l2Block/(nr*max(n, 1)))
	strips := (hi - lo + mr - 1) / mr
	skip := g.skip && g.finite
	prepack := skip && block < panels && strips*n*mr <= prepackMax
	sz := n
	if prepack {
		sz = strips * n
	}
	ap := grow(g.aps[w], sz)
	g.aps[w] = ap
	idx := grow(g.aidx[w], sz)
	g.aidx[w] = idx
	kept := grow(g.akept[w], strips)
	g.akept[w] = kept
	if prepack {
		for s := range kept {
			kept[s] = g.packA(ap[s*n:s*n+n], idx[s*n:s*n+n], lo+s*mr, skip)
		}
	}
	cd := g.c
	for p0 := 0; p0 < panels; p0 += block {
		p1 := min(panels, p0+block)
		for s := range kept {
			i0 := lo + s*mr
			var sap [][mr]float64
			var sidx []int32
			if prepack {
				sap, sidx = ap[s*n:s*n+kept[s]], idx[s*n:s*n+kept[s]]
			} else {
				c := g.packA(ap, idx, i0, skip)
				sap, sidx = ap[:c], idx[:c]
			}
			h := min(mr, hi-i0)
			for p := p0; p < p1; p++ {
				t := kernel2x3(sap, sidx, g.bp[p*n:p*n+n])
				j0 := p * nr
				cw := min(nr, m-j0)
				for c := 0; c < h; c++ {
					copy(cd[(i0+c)*m+j0:(i0+c)*m+j0+cw], t[c][:cw])
				}
			}
		}
	}
}

// kernel2x3 returns the 2×3 tile Σ_t ap[t][i]·bp[idx[t]][j], accumulating
// each of its 6 sums in the order of t (increasing k) in its own register.
// Six accumulators, six products, two elements of A and one of B fill the 15
// XMM registers Go's amd64 ABI leaves free (X15 is kept zero); a 2×4 tile
// already spills an accumulator to the stack in every iteration.
func kernel2x3(ap [][mr]float64, idx []int32, bp [][nr]float64) [mr][nr]float64 {
	var c00, c01, c02, c10, c11, c12 float64
	ap = ap[:len(idx)]
	for t, k := range idx {
		b := &bp[k]
		a0, a1 := ap[t][0], ap[t][1]
		c00 += float64(a0 * b[0])
		c01 += float64(a0 * b[1])
		c02 += float64(a0 * b[2])
		c10 += float64(a1 * b[0])
		c11 += float64(a1 * b[1])
		c12 += float64(a1 * b[2])
	}
	return [mr][nr]float64{{c00, c01, c02}, {c10, c11, c12}}
}
