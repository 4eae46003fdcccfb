package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// parseFeatures reads the comma-separated input names of [x] and keeps
// them in the canonical order of inputFeatures.
func (s *Setting) parseFeatures(v string) error {
	if strings.Count(v, ",") >= len(inputFeatures) {
		return fmt.Errorf("x: more than %d inputs", len(inputFeatures))
	}
	parts := strings.Split(v, ",")
	for i, n := range parts {
		if findFeature(n) == nil {
			return fmt.Errorf("x: %.40q is not an input (want a subset of %s)", n, strings.Join(featureNames(), ","))
		}
		if slices.Contains(parts[:i], n) {
			return fmt.Errorf("x: %s is named twice", n)
		}
	}
	s.Features = nil
	for _, f := range inputFeatures {
		if slices.Contains(parts, f.name) {
			s.Features = append(s.Features, f.name)
		}
	}
	return nil
}

// parseHidden reads the comma-separated layer sizes of [hidden].
func (s *Setting) parseHidden(lim Limits, v string) error {
	if v == "" {
		s.Hidden = nil
		return nil
	}
	if n := strings.Count(v, ",") + 1; n > lim.MaxLayers {
		return fmt.Errorf("hidden: %d layers, want at most %d", n, lim.MaxLayers)
	}
	var h []int
	for _, f := range strings.Split(v, ",") {
		var n int
		if err := intField("hidden", f, &n, 1, lim.MaxUnits); err != nil {
			return err
		}
		h = append(h, n)
	}
	s.Hidden = h
	return nil
}

// choice sets *dst to v if v is one of options.
func choice(k, v string, dst *string, options []string) error {
	if !slices.Contains(options, v) {
		return fmt.Errorf("%s: %.40q is not one of %s", k, v, strings.Join(quoteEmpty(options), ", "))
	}
	*dst = v
	return nil
}

// quoteEmpty returns options with "" written as `""`, for messages.
func quoteEmpty(options []string) []string {
	out := slices.Clone(options)
	for i, o := range out {
		if o == "" {
			out[i] = `""`
		}
	}
	return out
}

// intField sets *dst to the whole number v if it is in lo … hi.
func intField(k, v string, dst *int, lo, hi int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return fmt.Errorf("%s: %.40q is not a whole number in %d … %d", k, v, lo, hi)
	}
	*dst = n
	return nil
}

// floatField sets *dst to the number v if it is finite and in lo … hi.
func floatField(k, v string, dst *float64, lo, hi float64) error {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || x < lo || x > hi {
		return fmt.Errorf("%s: %.40q is not a number in %g … %g", k, v, lo, hi)
	}
	*dst = x
	return nil
}
