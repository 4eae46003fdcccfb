package main

import (
	"fmt"
	"image/png"
	"io"
	"strings"

	"nnscratch/nn/plot"
)

// LossCurvePNG writes the session's loss history, training and test, as a
// PNG line chart (nn/plot) against the step, on a logarithmic axis when
// every loss is positive. It returns the encoder's or the writer's error.
// Cost: one 800×500 picture, a few milliseconds.
func (s *Session) LossCurvePNG(w io.Writer) error {
	steps := make([]float64, len(s.hist.steps))
	for i, n := range s.hist.steps {
		steps[i] = float64(n)
	}
	chart := plot.LineChart{
		Title:  fmt.Sprintf("%s, seed %d: %s", s.about(), s.set.Seed, s.lossName),
		XLabel: "step", YLabel: s.lossName, LogY: positive(s.hist.train),
		Series: []plot.Series{{Name: "training set", X: steps, Y: s.hist.train}},
	}
	if s.xTest.Rows > 0 {
		chart.LogY = chart.LogY && positive(s.hist.test)
		chart.Series = append(chart.Series, plot.Series{Name: "test set", X: steps, Y: s.hist.test})
	}
	return png.Encode(w, chart.Render())
}

// about names the run in a few words: the lesson, or the data and network.
func (s *Session) about() string {
	if s.set.Lesson != "" {
		return "lesson " + s.set.Lesson
	}
	sizes := strings.Trim(strings.ReplaceAll(fmt.Sprint(s.net.Sizes()), " ", "-"), "[]")
	return fmt.Sprintf("%s, %s network", s.set.Data, sizes)
}

// positive reports whether every value of v is above 0.
func positive(v []float64) bool {
	for _, x := range v {
		if !(x > 0) {
			return false
		}
	}
	return true
}
