package nn

import "math/rand/v2"

// MathRand makes a math/rand/v2 generator a Source and a Shuffler, for
// programs that draw with Go's generators rather than numpy's:
//
//	src := nn.MathRand{rand.New(rand.NewPCG(1, 2))}
//	nn.Glorot{}.Initialize(net, src)
//	cfg.Shuffle = src
//
// Its draws are Go's (Float64, NormFloat64, Shuffle), so a seed gives the
// same weights and order on every machine, but not numpy's; for those use
// *nprand.RandomState.
type MathRand struct{ *rand.Rand }

// RandomSample returns r.Float64(), uniform in [0, 1).
func (r MathRand) RandomSample() float64 { return r.Float64() }

// StandardNormal returns r.NormFloat64(), a N(0, 1) deviate.
func (r MathRand) StandardNormal() float64 { return r.NormFloat64() }

// Shuffle permutes x with the generator's Shuffle.
func (r MathRand) Shuffle(x []int) {
	r.Rand.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
}
