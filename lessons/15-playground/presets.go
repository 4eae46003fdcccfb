package main

import "slices"

// A preset is a command-line lesson's run: choosing it fixes the data, the
// network, the initial weights and the update rule to the lesson's, so the
// session computes the numbers the lesson prints. The learning rate and
// the seed stay free (and, where the lesson offers the choice, the loss
// and the input scaling).
type preset struct {
	lesson  string
	command string   // the lesson's directory under lessons/
	keys    []string // the query keys the lesson fixes
	fixed   Setting  // their values (and the defaults of the free fields)
	about   string   // the lesson's network and rule, for the page
}

// presets are the lessons a Setting may name, by [lesson].
var presets = map[string]*preset{
	"01": {
		lesson: "01", command: "01-delta-rule",
		keys:  []string{"data", "x", "hidden", "act", "reg", "regrate", "batch", "opt"},
		fixed: Setting{Data: "and", Act: "sigmoid", Rate: 0.021, Loss: "logloss", Seed: 1},
		about: "one sigmoid neuron on AND, bias input 1 with w₀ = −2, w₁ = w₂ = 0, batch delta rule (logloss: without σ′; squared: with σ′)",
	},
	"03": {
		lesson: "03", command: "03-alpha-sweep",
		keys:  []string{"data", "x", "hidden", "act", "reg", "regrate", "batch", "opt", "loss"},
		fixed: Setting{Data: "xor3", Hidden: []int{4}, Act: "sigmoid", Rate: 10, Loss: "squared", Seed: 1},
		about: "the notebook's 3-4-1 sigmoid network on XOR with a constant third input, no biases, full-batch ½·SSE gradient descent",
	},
	"04": {
		lesson: "04", command: "04-bias",
		keys:  []string{"data", "x", "hidden", "act", "reg", "regrate", "batch", "opt", "loss"},
		fixed: Setting{Data: "iris10", Hidden: []int{3}, Act: "sigmoid", Rate: 0.5, Loss: "squared", Seed: 1, Scale: "raw"},
		about: "the forum question's 2-3-1 sigmoid network with biases on ten Iris flowers, full-batch ½·SSE gradient descent",
	},
	"05": {
		lesson: "05", command: "05-log-loss",
		keys:  []string{"data", "x", "hidden", "act", "reg", "regrate", "batch", "opt"},
		fixed: Setting{Data: "iris10", Hidden: []int{3}, Act: "sigmoid", Rate: 0.05, Loss: "logloss", Seed: 1, Scale: "raw"},
		about: "lesson 04's network trained on the summed log-loss (δ = a − y) or ½·SSE",
	},
}

// defaults sets the lesson and the defaults of its free fields in s.
func (p *preset) defaults(s *Setting) {
	s.Lesson, s.Rate, s.Loss, s.Seed = p.lesson, p.fixed.Rate, p.fixed.Loss, p.fixed.Seed
	if p.fixed.Scale != "" {
		s.Scale = p.fixed.Scale
	}
	p.fix(s)
}

// fix sets the fields the lesson fixes: its data and network, inputs x1
// and x2 (the lesson's bias input is added by the session), no penalty,
// full-batch plain gradient descent, and the loss where the lesson has one.
func (p *preset) fix(s *Setting) {
	s.Data, s.Features, s.Hidden, s.Act = p.fixed.Data, []string{"x1", "x2"}, slices.Clone(p.fixed.Hidden), p.fixed.Act
	s.Reg, s.RegRate, s.Batch, s.Opt = "none", 0, 0, "gd"
	if slices.Contains(p.keys, "loss") {
		s.Loss = p.fixed.Loss
	}
}
