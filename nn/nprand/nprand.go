// Package nprand is a random source that reproduces numpy's legacy
// RandomState bit for bit, so that a Go program seeded like a Python script
// (np.random.seed(1), RandomState(1), random_state=1 in scikit-learn) draws
// the same weights, the same shuffles and the same noise.
//
// The generator is the Mersenne Twister MT19937 of Matsumoto and Nishimura,
// seeded with its init_genrand recurrence as numpy does for an integer seed.
// The distributions on top follow numpy's legacy algorithms:
//
//   - doubles in [0, 1) from two 32-bit words, 27 + 26 bits:
//     ((a>>5)·2^26 + (b>>6)) / 2^53
//   - normals by Marsaglia's polar method, which makes two values per accepted
//     pair and keeps the second for the next call; its logarithm is correctly
//     rounded, which numpy's C library may miss in the last bit (see
//     StandardNormal)
//   - bounded integers by masked rejection: draw, keep the low bits under the
//     smallest all-ones mask that covers the range, draw again while the
//     value is too large
//   - shuffles by Fisher–Yates from the last element down
//
// A RandomState is not safe for concurrent use; give each goroutine its own.
package nprand

import "math"

// Constants of MT19937 (Matsumoto & Nishimura, 1998).
const (
	stateLen  = 624        // n: words of state
	shift     = 397        // m: offset of the twisted partner word
	matrixA   = 0x9908b0df // a: last row of the twist matrix
	upperMask = 0x80000000 // the top bit of a word
	lowerMask = 0x7fffffff // the low 31 bits of a word
	initMult  = 1812433253 // multiplier of the init_genrand recurrence
	twoPow26  = 67108864.0
	twoPow53  = 9007199254740992.0
	maxUint32 = 0xffffffff
)

// RandomState is numpy's legacy random generator: an MT19937 state plus the
// cached second value of the polar normal method. The zero value is an
// all-zero state that yields only zeros; make one with New.
type RandomState struct {
	mt       [stateLen]uint32
	pos      int     // next word of mt to temper; stateLen means "twist first"
	hasGauss bool    // whether gauss holds an unused normal
	gauss    float64 // the second value of the last polar pair
}

// New returns a RandomState seeded with seed, the state that
// np.random.seed(seed) or np.random.RandomState(seed) gives numpy for an
// integer seed in 0 … 2³²−1. It costs one pass over the 624 state words.
func New(seed uint32) *RandomState {
	r := &RandomState{}
	r.Seed(seed)
	return r
}

// Seed resets r to the state New(seed) returns, dropping any cached normal,
// as np.random.seed(seed) does. The state words follow init_genrand:
//
//	mt[0] = seed
//	mt[i] = 1812433253·(mt[i−1] XOR (mt[i−1] >> 30)) + i   (mod 2³²)
func (r *RandomState) Seed(seed uint32) {
	r.mt[0] = seed
	for i := 1; i < stateLen; i++ {
		prev := r.mt[i-1]
		r.mt[i] = initMult*(prev^(prev>>30)) + uint32(i)
	}
	r.pos = stateLen
	r.hasGauss = false
	r.gauss = 0
}

// twist regenerates all 624 state words at once: word i becomes
//
//	mt[i+397] XOR twistA(upper bit of mt[i] | lower 31 bits of mt[i+1])
//
// with indices mod 624 and twistA(y) = y>>1, XORed with 0x9908b0df when y
// is odd. Words are replaced in place, in order, so the last 227 read
// words that are already new. The index wrap-around is split out of the
// loop bodies.
func (r *RandomState) twist() {
	mt := &r.mt
	i := 0
	for ; i < stateLen-shift; i++ {
		mt[i] = mt[i+shift] ^ twistA(mt[i]&upperMask|mt[i+1]&lowerMask)
	}
	for ; i < stateLen-1; i++ {
		mt[i] = mt[i+shift-stateLen] ^ twistA(mt[i]&upperMask|mt[i+1]&lowerMask)
	}
	mt[i] = mt[shift-1] ^ twistA(mt[i]&upperMask|mt[0]&lowerMask)
	r.pos = 0
}

// twistA multiplies y by the twist matrix A of MT19937.
func twistA(y uint32) uint32 {
	return y>>1 ^ -(y&1)&matrixA
}

// Uint32 returns the next raw 32-bit output of MT19937, the word numpy's
// bit generator hands to every distribution (RandomState.tomaxint and
// randint(0, 2**32, dtype=np.uint32) expose it). Every 624th call regenerates
// the state, so the amortised cost is a few nanoseconds.
func (r *RandomState) Uint32() uint32 {
	if r.pos >= stateLen {
		r.twist()
	}
	y := r.mt[r.pos]
	r.pos++
	// Tempering.
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// uint64 joins two 32-bit draws, the first as the high word, as numpy does
// when a bounded integer needs more than 32 bits.
func (r *RandomState) uint64() uint64 {
	hi := uint64(r.Uint32())
	lo := uint64(r.Uint32())
	return hi<<32 | lo
}

// RandomSample returns a float64 in [0, 1) with 53 random bits, the value of
// np.random.random_sample() (also np.random.random() and np.random.rand()).
// It uses two 32-bit draws a and b:
//
//	((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³
func (r *RandomState) RandomSample() float64 {
	a := r.Uint32() >> 5
	b := r.Uint32() >> 6
	return (float64(a)*twoPow26 + float64(b)) / twoPow53
}

// Rand fills dst with RandomSample values in order, as
// np.random.random((rows, cols)) fills an array in C (row-major) order:
// element (i, j) of the numpy array is dst[i*cols+j]. It costs two 32-bit
// draws per element.
func (r *RandomState) Rand(dst []float64) {
	for i := range dst {
		dst[i] = r.RandomSample()
	}
}

// Uniform returns a float64 in [low, high), the value of
// np.random.uniform(low, high):
//
//	low + (high − low)·RandomSample()
//
// The product is rounded before the sum, as numpy's C code does, even on
// machines where Go would fuse the two into one multiply-add.
func (r *RandomState) Uniform(low, high float64) float64 {
	span := high - low
	return low + float64(span*r.RandomSample())
}

// FillUniform fills dst with Uniform(low, high) values in order, as
// np.random.uniform(low, high, (rows, cols)) fills an array in C order.
// scikit-learn's MLP draws its Glorot-initialised weights this way, with
// low = −b and high = b.
func (r *RandomState) FillUniform(dst []float64, low, high float64) {
	span := high - low
	for i := range dst {
		dst[i] = low + float64(span*r.RandomSample())
	}
}

// StandardNormal returns a standard normal deviate, the value of
// np.random.standard_normal() (also np.random.randn() and the legacy gauss
// of np.random.normal). It uses Marsaglia's polar method: draw x₁, x₂
// uniform in (−1, 1) until 0 < r² = x₁² + x₂² < 1, then
//
//	f = sqrt(−2·ln(r²) / r²)
//
// and f·x₂ is returned while f·x₁ is kept for the next call. Seed drops the
// kept value, as numpy does. The logarithm is correctly rounded; numpy uses
// the C library's, so on a platform whose log misrounds (current glibc, in
// about one call in 1,500) numpy's pair differs from this one in the last
// bit. It costs about four RandomSample calls per pair, plus a log that is
// several times dearer than math.Log.
func (r *RandomState) StandardNormal() float64 {
	if r.hasGauss {
		r.hasGauss = false
		g := r.gauss
		r.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*r.RandomSample() - 1
		x2 = 2*r.RandomSample() - 1
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	f := math.Sqrt(-2 * logRounded(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

// Randn fills dst with StandardNormal values in order, as
// np.random.randn(rows, cols) or np.random.standard_normal((rows, cols))
// fills an array in C order. A value cached by an earlier call is used
// first, and a value left over at the end stays cached, as in numpy.
func (r *RandomState) Randn(dst []float64) {
	for i := range dst {
		dst[i] = r.StandardNormal()
	}
}

// Normal returns a normal deviate with mean loc and standard deviation
// scale, the value of np.random.normal(loc, scale):
//
//	loc + scale·StandardNormal()
//
// It panics if scale is negative, where numpy raises ValueError.
func (r *RandomState) Normal(loc, scale float64) float64 {
	if scale < 0 || math.IsNaN(scale) {
		panic("nprand: Normal: scale < 0")
	}
	return loc + float64(scale*r.StandardNormal())
}

// mask returns the smallest value of the form 2ᵏ−1 that is ≥ v.
func mask(v uint64) uint64 {
	v |= v >> 1
	v |= v >> 2
	v |= v >> 4
	v |= v >> 8
	v |= v >> 16
	v |= v >> 32
	return v
}

// bounded returns a uniform integer in [0, rng] by numpy's legacy masked
// rejection sampling, as randint and shuffle draw: no draw when rng is 0;
// otherwise, with mask the smallest 2ᵏ−1 ≥ rng, draw 32-bit words when
// rng < 2³² (64-bit values made of two words, high word first, otherwise),
// keep the bits under mask, and draw again while the value exceeds rng.
// Fewer than two draws are needed on average.
func (r *RandomState) bounded(rng uint64) uint64 {
	if rng == 0 {
		return 0
	}
	m := mask(rng)
	if rng <= maxUint32 {
		for {
			if v := uint64(r.Uint32()) & m; v <= rng {
				return v
			}
		}
	}
	for {
		if v := r.uint64() & m; v <= rng {
			return v
		}
	}
}

// Randint returns a uniform integer in [low, high), the value of
// np.random.randint(low, high) with numpy's default int64 result. It draws
// by masked rejection (see the package comment): with range = high − 1 − low,
// 32-bit words when range < 2³², pairs of words otherwise; on average fewer
// than two tries. It panics if low >= high, where numpy raises ValueError.
func (r *RandomState) Randint(low, high int64) int64 {
	if low >= high {
		panic("nprand: Randint: low >= high")
	}
	rng := uint64(high) - 1 - uint64(low) // high−1−low, exact in uint64 arithmetic
	return int64(uint64(low) + r.bounded(rng))
}

// ShuffleFunc permutes n items in place as np.random.shuffle permutes a
// sequence of length n, calling swap(i, j) to exchange items i and j. It is
// Fisher–Yates from the end: for i = n−1 down to 1, j is uniform in [0, i]
// and items i and j are swapped (j may equal i). It costs n−1 bounded draws.
// It panics if n < 0.
func (r *RandomState) ShuffleFunc(n int, swap func(i, j int)) {
	if n < 0 {
		panic("nprand: ShuffleFunc: n < 0")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.bounded(uint64(i)))
		swap(i, j)
	}
}

// Shuffle permutes x in place, as np.random.shuffle(x) permutes a 1-D array.
func (r *RandomState) Shuffle(x []int) {
	ShuffleSlice(r, x)
}

// ShuffleSlice permutes x in place with r, as np.random.shuffle(x) permutes
// a sequence: the same draws and swaps as ShuffleFunc(len(x), …). Shuffling
// the rows of a matrix stored row-major needs ShuffleFunc with a swap that
// exchanges whole rows; shuffling two slices in step is best done by
// shuffling a Permutation and indexing both with it.
func ShuffleSlice[T any](r *RandomState, x []T) {
	for i := len(x) - 1; i > 0; i-- {
		j := int(r.bounded(uint64(i)))
		x[i], x[j] = x[j], x[i]
	}
}

// Permutation returns a shuffled copy of 0, 1, …, n−1, the value of
// np.random.permutation(n). It panics if n < 0.
func (r *RandomState) Permutation(n int) []int {
	if n < 0 {
		panic("nprand: Permutation: n < 0")
	}
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(p)
	return p
}
