package kernel

// This file holds the vector variant of the blocked kernel: the same packed,
// register-blocked product as tile2x3.go, with a tile of vr×vc = 4×8 and a
// micro-kernel that works across the columns of C. For each kept k it
// broadcasts A[i,k] and, for a run of columns j … j+w of one row of C,
// computes
//
//	C[i,j:j+w] = C[i,j:j+w] + A[i,k]·B[k,j:j+w]
//
// with a packed multiply followed by a separate packed add (MULPD, ADDPD
// or VMULPD, VADDPD; never a fused multiply-add). Each lane of a vector
// register is one element of C, and it goes through exactly the scalar
// sequence s = 0; s = s + round(a·b); … in the order k = 0, 1, 2, …, so the
// result is MulNaive's bit for bit. On amd64 the micro-kernel is assembly
// (simd_amd64.s): SSE2, two float64 per register, on every amd64, and AVX,
// four, when CPUID and XGETBV say the processor and the operating system
// support it. Elsewhere tile4x8Go is the micro-kernel, and the 2×3 scalar
// kernel of tile2x3.go, which keeps its sums in registers, is used instead.
//
// Zero-skipping (sparse.go) works as in the 2×3 kernel: a 4-row strip of A is
// packed without the k where all 4 rows are zero, with the list of the k
// kept, and the micro-kernel reads row idx[t] of the B panel for the t-th
// kept k. Without skipping the list is 0, 1, 2, …, so one micro-kernel
// serves both.

// vr×vc is the tile of the vector kernel: 4 rows of A against 8 columns of
// B. With AVX that is 8 accumulators of 4 float64, plus 2 for the row of B,
// 1 broadcast and 1 product: 12 of the 16 YMM registers. With SSE2 the
// micro-kernel computes the tile as two 4×4 halves, 8 XMM accumulators each.
const (
	vr = 4
	vc = 8
)

// The micro-kernels of the blocked product, from simdMax down. Level
// simdScalar is the 2×3 kernel of tile2x3.go; the others use the 4×8 tile.
const (
	simdScalar = iota // kernel2x3, in Go (tile2x3.go)
	simdGo            // tile4x8Go: the 4×8 tile in Go (for testing the packing everywhere)
	simdSSE2          // the 4×8 tile in SSE2 assembly (amd64)
	simdAVX           // the 4×8 tile in AVX assembly (amd64 with AVX)
)

// simdLevel is the micro-kernel the blocked product uses: the fastest one
// this machine has (see simd_amd64.go and simd_other.go).
var simdLevel = bestSIMD()

// packBVec copies op(b) into panels of vc columns: panel p (columns vc·p …
// vc·p+vc−1) is g.bv[p*n : (p+1)*n], entry k holding op(b)[k, vc·p+c] in
// element c, with zeros past the last column.
func (g *gemm) packBVec() {
	n, m := g.n, g.m
	panels := (m + vc - 1) / vc
	g.bv = grow(g.bv, panels*n)
	bv, bd := g.bv, g.b
	for p := 0; p < panels; p++ {
		panel := bv[p*n : p*n+n]
		j0 := p * vc
		w := min(vc, m-j0)
		if g.op == TransB {
			// op(b)[k, j] = b[j, k]: panel column c is row j0+c of b.
			if w < vc {
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
			if w < vc {
				*e = [vc]float64{}
			}
			copy(e[:], bd[k*m+j0:k*m+j0+w])
		}
	}
}

// packAVec copies rows i0 … i0+3 of op(a) into ap (ap[t][c] = op(a)[i0+c, k]
// for the t-th k kept, zeros for rows past the end) and the k kept into idx,
// in increasing order, and returns how many it kept. It keeps every k unless
// skip is set, and then leaves out the k where all four rows are zero.
func (g *gemm) packAVec(ap [][vr]float64, idx []int32, i0 int, skip bool) int {
	n, ad := g.n, g.a
	h := min(vr, g.r-i0)
	ap, idx = ap[:n], idx[:n]
	c := 0
	if g.op == TransA {
		// op(a)[i, k] = a[k, i]; a has g.r columns.
		r := g.r
		for k := range idx {
			e := [vr]float64{}
			copy(e[:], ad[k*r+i0:k*r+i0+h])
			// Write always, advance only past a kept k: no branch to
			// mispredict on data whose zeros fall at random.
			ap[c] = e
			idx[c] = int32(k)
			c += keep4(skip, &e)
		}
		return c
	}
	var rows [vr][]float64 // rows past the end stay nil and read as zeros
	for i := 0; i < h; i++ {
		rows[i] = ad[(i0+i)*n : (i0+i)*n+n]
	}
	if h == vr {
		r0, r1, r2, r3 := rows[0][:n], rows[1][:n], rows[2][:n], rows[3][:n]
		for k := range idx {
			e := [vr]float64{r0[k], r1[k], r2[k], r3[k]}
			ap[c] = e
			idx[c] = int32(k)
			c += keep4(skip, &e)
		}
		return c
	}
	for k := range idx {
		var e [vr]float64
		for i := 0; i < h; i++ {
			e[i] = rows[i][k]
		}
		ap[c] = e
		idx[c] = int32(k)
		c += keep4(skip, &e)
	}
	return c
}

// keep4 returns 1 if skip is false or any of e is not zero, else 0.
func keep4(skip bool, e *[vr]float64) int {
	if !skip || e[0] != 0 || e[1] != 0 || e[2] != 0 || e[3] != 0 {
		return 1
	}
	return 0
}

// rowsVec is rows with the 4×8 tile: it computes rows [lo, hi) of the
// product (lo a multiple of vr) with the buffers of worker w.
func (g *gemm) rowsVec(w, lo, hi int) {
	n, m := g.n, g.m
	panels := (m + vc - 1) / vc
	block := max(1, l2Block/(vc*max(n, 1)))
	strips := (hi - lo + vr - 1) / vr
	skip := g.skip && g.finite
	// As in rows: pack every strip once when B takes several blocks.
	prepack := block < panels && strips*n*vr <= prepackMax
	sz := n
	if prepack {
		sz = strips * n
	}
	ap := grow(g.avs[w], sz)
	g.avs[w] = ap
	idx := grow(g.aidx[w], sz)
	g.aidx[w] = idx
	kept := grow(g.akept[w], strips)
	g.akept[w] = kept
	if prepack {
		for s := range kept {
			kept[s] = g.packAVec(ap[s*n:s*n+n], idx[s*n:s*n+n], lo+s*vr, skip)
		}
	}
	cd := g.c
	var t [vr][vc]float64
	for p0 := 0; p0 < panels; p0 += block {
		p1 := min(panels, p0+block)
		for s := range kept {
			i0 := lo + s*vr
			var sap [][vr]float64
			var sidx []int32
			if prepack {
				sap, sidx = ap[s*n:s*n+kept[s]], idx[s*n:s*n+kept[s]]
			} else {
				c := g.packAVec(ap, idx, i0, skip)
				sap, sidx = ap[:c], idx[:c]
			}
			h := min(vr, hi-i0)
			for p := p0; p < p1; p++ {
				tile4x8(g.level, sap, sidx, g.bv[p*n:p*n+n], &t)
				j0 := p * vc
				cw := min(vc, m-j0)
				for c := 0; c < h; c++ {
					copy(cd[(i0+c)*m+j0:(i0+c)*m+j0+cw], t[c][:cw])
				}
			}
		}
	}
}

// tile4x8Go sets t to the 4×8 tile Σ_t ap[t][i]·bp[idx[t]][j], each sum
// accumulated from 0 in the order of t, each product rounded before it is
// added: the micro-kernel of simd_amd64.s in Go, one element at a time.
func tile4x8Go(ap [][vr]float64, idx []int32, bp [][vc]float64, t *[vr][vc]float64) {
	ap = ap[:len(idx)]
	for i := range vr {
		for j := range vc {
			// One dot product per element, in a local as in MulNaive: a
			// NaN result then carries the same payload as MulNaive's.
			s := 0.0
			for q, k := range idx {
				s += float64(ap[q][i] * bp[k][j])
			}
			t[i][j] = s
		}
	}
}
