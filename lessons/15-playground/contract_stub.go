package main

// This file stands in for pg-core's engine until its branch is merged; it
// follows PLAYGROUND.md's names and is deleted at the first merge.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
)

type Setting struct {
	Rate float64
	Seed uint32
}

type Limits struct{ MaxSteps int }

func DefaultLimits() Limits       { return Limits{MaxSteps: 1000} }
func DefaultSetting() Setting     { return Setting{Rate: 0.03, Seed: 1} }
func (s Setting) Command() string { return "go run ./lessons/15-playground" }
func (s Setting) Query() url.Values {
	return url.Values{"rate": {strconv.FormatFloat(s.Rate, 'g', -1, 64)}, "seed": {fmt.Sprint(s.Seed)}}
}

func ParseSetting(q url.Values) (Setting, error) {
	s := DefaultSetting()
	for k, v := range q {
		switch k {
		case "rate":
			r, err := strconv.ParseFloat(v[0], 64)
			if err != nil || !(r > 0 && r <= 10) {
				return s, fmt.Errorf("rate must be in (0, 10], got %q", v[0])
			}
			s.Rate = r
		case "seed":
			n, err := strconv.ParseUint(v[0], 10, 32)
			if err != nil {
				return s, fmt.Errorf("seed must be in 0 … 4294967295, got %q", v[0])
			}
			s.Seed = uint32(n)
		default:
			return s, fmt.Errorf("unknown setting %q", k)
		}
	}
	return s, nil
}

type Frame struct {
	Step, Epoch         int
	TrainLoss, TestLoss float64
	TrainHistory        []float64
	TestHistory         []float64
	Grid, Grid2         int
	Output              []float64
	Units               [][]float64
	Weights, Biases     [][]float64
	Sizes               []int
	X, Y, Label         []float64
	Test                []bool
	Domain              [4]float64
	Regression          bool
}

type Session struct {
	set  Setting
	step int
	w    [2]float64
}

func NewSession(s Setting, lim Limits) (*Session, error) {
	return &Session{set: s, w: [2]float64{0.1, -0.1}}, nil
}
func (s *Session) Setting() Setting               { return s.set }
func (s *Session) Inspect() string                { return fmt.Sprintf("step %d\nW = %v\n", s.step, s.w) }
func (s *Session) LossCurvePNG(w io.Writer) error { return errors.New("no png in the stub") }

func (s *Session) Step(n int) error {
	for range n {
		s.step++
		s.w[0] += s.set.Rate * 0.01
		s.w[1] += s.set.Rate * 0.02
	}
	if s.set.Rate > 5 {
		return fmt.Errorf("step %d: loss is NaN", s.step)
	}
	return nil
}

func (s *Session) Snapshot(f *Frame) {
	const g, g2 = 50, 20
	f.Step, f.Epoch = s.step, s.step/10
	f.TrainLoss = 1 / (1 + 0.01*float64(s.step))
	f.TestLoss = f.TrainLoss * 1.1
	f.TrainHistory = append(f.TrainHistory[:0], 1, f.TrainLoss)
	f.TestHistory = append(f.TestHistory[:0], 1.1, f.TestLoss)
	f.Grid, f.Grid2 = g, g2
	f.Sizes = []int{2, 3, 1}
	f.Domain = [4]float64{-6, 6, -6, 6}
	if f.Output == nil {
		f.Output = make([]float64, g*g)
		f.Units = [][]float64{make([]float64, g2*g2), make([]float64, g2*g2), make([]float64, g2*g2), make([]float64, g2*g2)}
		f.Weights = [][]float64{{1, -1, 0.5, 0.2, -2, 1}, {1, -1, 0.3}}
		f.Biases = [][]float64{{0, 0, 0}, {0}}
		f.X, f.Y, f.Label, f.Test = []float64{1, -2, 3}, []float64{2, -1, -3}, []float64{1, 0, 1}, []bool{false, true, false}
	}
	for i := range g {
		for j := range g {
			x := -6 + 12*float64(j)/g
			y := 6 - 12*float64(i)/g
			f.Output[i*g+j] = 1 / (1 + math.Exp(-(s.w[0]*x + s.w[1]*y)))
		}
	}
	for u := range f.Units {
		for k := range f.Units[u] {
			f.Units[u][k] = math.Sin(float64(k+u+s.step) / 30)
		}
	}
}

const divergentSetting = "rate=6"
