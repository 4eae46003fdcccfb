package nn

import (
	"nnscratch/matrix/portable"
)

// A Schedule gives the learning rate η. Train asks Rate before every
// update, calls EpochEnd after every epoch with t, the number of samples
// seen so far, and calls Stalled when the loss has not improved by more
// than TrainConfig.Tol for TrainConfig.NoChange epochs; Stalled reports
// whether training should stop. A schedule with state belongs to one
// training run.
type Schedule interface {
	Rate() float64
	EpochEnd(t int)
	Stalled() (stop bool)
}

// Constant is a fixed learning rate: nn.Constant(0.5). It stops training
// when the loss stalls.
type Constant float64

// Rate returns η.
func (c Constant) Rate() float64 { return float64(c) }

// EpochEnd does nothing.
func (Constant) EpochEnd(int) {}

// Stalled returns true: stop.
func (Constant) Stalled() bool { return true }

// InvScaling decays the rate as scikit-learn's "invscaling" does, with t
// the number of samples seen. Train updates it once per epoch, as
// scikit-learn does; a hand-written loop may call EpochEnd after every
// update instead (lesson 11 does), for a rate that decays sample by sample:
//
//	η_t = η₀ / (t+1)^p
//
// For 1/2 < p ≤ 1 the rates satisfy the Robbins–Monro conditions
// Σ η_t = ∞ and Σ η_t² < ∞ under which stochastic gradient descent
// converges. scikit-learn's default p is 0.5. It stops training when the
// loss stalls.
type InvScaling struct {
	Eta0, Power float64

	t    int
	seen bool
}

// Rate returns η₀/(t+1)^p for the t of the last EpochEnd (η₀ before the
// first).
func (s *InvScaling) Rate() float64 {
	if !s.seen {
		return s.Eta0
	}
	return s.Eta0 / portable.Pow(float64(s.t+1), s.Power)
}

// EpochEnd records t.
func (s *InvScaling) EpochEnd(t int) { s.t, s.seen = t, true }

// Stalled returns true: stop.
func (s *InvScaling) Stalled() bool { return true }

// Adaptive is scikit-learn's "adaptive" schedule: the rate stays at Eta0
// while the loss keeps improving and is divided by 5 each time it stalls;
// training stops once a stall finds it at or below 1e−6.
type Adaptive struct {
	Eta0 float64

	eta     float64
	started bool
}

// Rate returns the current rate.
func (s *Adaptive) Rate() float64 {
	if !s.started {
		s.eta, s.started = s.Eta0, true
	}
	return s.eta
}

// EpochEnd does nothing.
func (s *Adaptive) EpochEnd(int) {}

// Stalled divides the rate by 5 and returns false, or returns true if the
// rate is already at or below 1e−6.
func (s *Adaptive) Stalled() bool {
	eta := s.Rate()
	if eta <= 1e-6 {
		return true
	}
	s.eta = eta / 5
	return false
}
