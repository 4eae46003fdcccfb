package mlp

import "math"

// optimizer turns gradients into parameter updates. params and grads are
// the flattened coefficient matrices followed by the intercept vectors.
type optimizer interface {
	update(params, grads [][]float64)
	iterationEnds(t int)   // called after every epoch with the samples seen
	triggerStopping() bool // progress stalled: stop (true) or carry on
}

// sgd is stochastic gradient descent with (Nesterov's) momentum μ:
//
//	v ← μ·v − η·∇E
//	w ← w + v               (classical momentum)
//	w ← w + μ·v − η·∇E      (Nesterov's momentum)
type sgd struct {
	lr, lr0, momentum, powerT float64
	nesterov                  bool
	schedule                  Schedule
	vel                       [][]float64
}

func newSGD(p *Params, params [][]float64) *sgd {
	return &sgd{lr: p.LearningRateInit, lr0: p.LearningRateInit, momentum: p.Momentum,
		powerT: p.PowerT, nesterov: p.NesterovsMomentum, schedule: p.LearningRate,
		vel: zerosLike(params)}
}

func (o *sgd) update(params, grads [][]float64) {
	for i, w := range params {
		v, g := o.vel[i], grads[i]
		for k := range w {
			v[k] = float64(o.momentum*v[k]) - float64(o.lr*g[k])
			if o.nesterov {
				w[k] += float64(o.momentum*v[k]) - float64(o.lr*g[k])
			} else {
				w[k] += v[k]
			}
		}
	}
}

// iterationEnds applies the InvScaling schedule η = η₀ / (t+1)^power_t.
func (o *sgd) iterationEnds(t int) {
	if o.schedule == InvScaling {
		o.lr = o.lr0 / math.Pow(float64(t+1), o.powerT)
	}
}

// triggerStopping divides η by 5 under the Adaptive schedule, and stops
// once η ≤ 10⁻⁶ or under the other schedules.
func (o *sgd) triggerStopping() bool {
	if o.schedule != Adaptive || o.lr <= 1e-6 {
		return true
	}
	o.lr /= 5
	return false
}

// adam is Kingma and Ba's optimiser: with g = ∇E at step t,
//
//	m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²
//	η_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ)
//	w ← w − η_t·m/(√v + ε)
type adam struct {
	lr0, lr, b1, b2, eps float64
	t                    int
	m, v                 [][]float64
}

func newAdam(p *Params, params [][]float64) *adam {
	return &adam{lr0: p.LearningRateInit, lr: p.LearningRateInit, b1: p.Beta1, b2: p.Beta2,
		eps: p.Epsilon, m: zerosLike(params), v: zerosLike(params)}
}

func (o *adam) update(params, grads [][]float64) {
	o.t++
	t := float64(o.t)
	o.lr = o.lr0 * math.Sqrt(1-math.Pow(o.b2, t)) / (1 - math.Pow(o.b1, t))
	for i, w := range params {
		m, v, g := o.m[i], o.v[i], grads[i]
		for k := range w {
			m[k] = float64(o.b1*m[k]) + float64((1-o.b1)*g[k])
			v[k] = float64(o.b2*v[k]) + float64((1-o.b2)*float64(g[k]*g[k]))
			w[k] += float64(-o.lr*m[k]) / (math.Sqrt(v[k]) + o.eps)
		}
	}
}

func (o *adam) iterationEnds(int)     {}
func (o *adam) triggerStopping() bool { return true }

func zerosLike(params [][]float64) [][]float64 {
	z := make([][]float64, len(params))
	for i, p := range params {
		z[i] = make([]float64, len(p))
	}
	return z
}
