package main

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// A Setting is the whole configuration of a playground run: with the same
// Setting (and so the same seed) a session computes the same numbers on
// every machine. Each field is one query parameter, named in brackets;
// ParseSetting reads them and Query writes them.
type Setting struct {
	Data     string    // [data] circle, xor, gauss, spiral, curve (regression); and, xor3, iris10 (lessons 01, 03, 04); iris2 (150 flowers, virginica = 1)
	Noise    int       // [noise] percent, 0–50: how far noise moves the generated points
	Train    int       // [train] percent of the points trained on, 10–90; the rest are the test set
	Points   int       // [points] number of generated points
	Features []string  // [x] inputs, a subset of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, in that order
	Hidden   []int     // [hidden] units per hidden layer, e.g. "4,2"; "" for none
	Act      string    // [act] hidden activation: relu, tanh, sigmoid, linear
	Reg      string    // [reg] none, l1, l2
	RegRate  float64   // [regrate] the penalty's coefficient α
	Rate     float64   // [rate] learning rate η
	Batch    int       // [batch] samples per update; 0 = all the training set
	Opt      string    // [opt] gd, momentum, nesterov, adam
	Loss     string    // [loss] squared, logloss
	Seed     uint32    // [seed] seed of numpy's generator for data, split, weights and order
	Lesson   string    // [lesson] "", 01, 03, 04, 05: a command-line lesson's run
	IrisX    [2]string // [irisx] the two Iris columns of iris2, e.g. "petal_length,petal_width"
	Scale    string    // [scale] Iris inputs: standard (mean 0, sd 1) or raw (cm)
}

// The values a Setting's fields may take.
var (
	dataNames   = []string{"circle", "xor", "gauss", "spiral", "curve", "and", "xor3", "iris10", "iris2"}
	actNames    = []string{"relu", "tanh", "sigmoid", "linear"}
	regNames    = []string{"none", "l1", "l2"}
	optNames    = []string{"gd", "momentum", "nesterov", "adam"}
	lossNames   = []string{"squared", "logloss"}
	lessonNames = []string{"", "01", "03", "04", "05"}
	irisNames   = []string{"sepal_length", "sepal_width", "petal_length", "petal_width"}
	scaleNames  = []string{"standard", "raw"}
)

// Ranges of the numeric fields that Limits does not set.
const (
	minRate, maxRate = 1e-6, 1000
	maxRegRate       = 10
	minPoints        = 10
)

// lessonData are the data sets that are a lesson's own rows: all of them
// are trained on, and noise, train and points do not apply.
var lessonData = []string{"and", "xor3", "iris10"}

// DefaultSetting returns the playground's starting point: the circle, 500
// points without noise, half of them trained on, inputs x1 and x2, hidden
// layers of 4 and 2 tanh units, no penalty, gradient descent at η = 0.03
// on batches of 10 with the squared error, seed 1.
func DefaultSetting() Setting {
	return Setting{
		Data: "circle", Noise: 0, Train: 50, Points: 500,
		Features: []string{"x1", "x2"}, Hidden: []int{4, 2}, Act: "tanh",
		Reg: "none", Rate: 0.03, Batch: 10, Opt: "gd", Loss: "squared", Seed: 1,
		IrisX: [2]string{"petal_length", "petal_width"}, Scale: "standard",
	}
}

// ParseSetting reads a Setting from query parameters, checked against
// DefaultLimits; see Limits.ParseSetting.
func ParseSetting(q url.Values) (Setting, error) { return DefaultLimits().ParseSetting(q) }

// ParseSetting reads a Setting from query parameters: a missing key keeps
// DefaultSetting's value (or the lesson preset's), and keys that do not
// apply to the chosen data or lesson are reset to their defaults, so that
// equal runs have equal Settings. It returns an error naming the field and
// its allowed values or range for an unknown or repeated key, a value out
// of range, NaN or infinite, too many layers or units, and a key that the
// chosen lesson fixes given another value than the lesson's.
func (lim Limits) ParseSetting(q url.Values) (Setting, error) {
	for k, v := range q {
		if !slices.Contains(settingKeys, k) {
			return Setting{}, fmt.Errorf("%.40q: unknown field (want one of %s)", k, strings.Join(settingKeys, ", "))
		}
		if len(v) != 1 {
			return Setting{}, fmt.Errorf("%s: given %d times, want once", k, len(v))
		}
	}
	s := DefaultSetting()
	if q.Has("lesson") {
		if err := choice("lesson", q.Get("lesson"), &s.Lesson, lessonNames); err != nil {
			return Setting{}, err
		}
	}
	p := presets[s.Lesson]
	if p != nil {
		p.defaults(&s)
	}
	for _, k := range settingKeys {
		if q.Has(k) && k != "lesson" {
			if err := s.set(lim, k, q.Get(k)); err != nil {
				return Setting{}, err
			}
		}
	}
	if s.Data == "curve" && !q.Has("x") {
		s.Features = []string{"x1"} // the curve has one input
	}
	if p != nil {
		want := s
		p.fix(&want)
		got, fixed := s.values(), want.values()
		for _, k := range p.keys {
			if q.Has(k) && got.Get(k) != fixed.Get(k) {
				return Setting{}, fmt.Errorf("%s: lesson %s fixes it to %q; leave %s out or choose no lesson", k, s.Lesson, fixed.Get(k), k)
			}
		}
		s = want
	}
	s.normalise()
	return s, s.check(lim)
}

// settingKeys are the query keys, in the order ParseSetting reads them.
var settingKeys = []string{"lesson", "data", "noise", "train", "points", "x", "hidden", "act",
	"reg", "regrate", "rate", "batch", "opt", "loss", "seed", "irisx", "scale"}

// set parses the value v of key k into s.
func (s *Setting) set(lim Limits, k, v string) error {
	switch k {
	case "data":
		return choice(k, v, &s.Data, dataNames)
	case "noise":
		return intField(k, v, &s.Noise, 0, 50)
	case "train":
		return intField(k, v, &s.Train, 10, 90)
	case "points":
		return intField(k, v, &s.Points, minPoints, lim.MaxPoints)
	case "x":
		return s.parseFeatures(v)
	case "hidden":
		return s.parseHidden(lim, v)
	case "act":
		return choice(k, v, &s.Act, actNames)
	case "reg":
		return choice(k, v, &s.Reg, regNames)
	case "regrate":
		return floatField(k, v, &s.RegRate, 0, maxRegRate)
	case "rate":
		return floatField(k, v, &s.Rate, minRate, maxRate)
	case "batch":
		return intField(k, v, &s.Batch, 0, lim.MaxPoints)
	case "opt":
		return choice(k, v, &s.Opt, optNames)
	case "loss":
		return choice(k, v, &s.Loss, lossNames)
	case "seed":
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return fmt.Errorf("seed: %.40q is not a whole number in 0 … %d", v, uint32(math.MaxUint32))
		}
		s.Seed = uint32(n)
	case "irisx":
		a, b, ok := strings.Cut(v, ",")
		if !ok || a == b || !slices.Contains(irisNames, a) || !slices.Contains(irisNames, b) {
			return fmt.Errorf("irisx: %.60q is not two different columns of %s, comma-separated", v, strings.Join(irisNames, ", "))
		}
		s.IrisX = [2]string{a, b}
	case "scale":
		return choice(k, v, &s.Scale, scaleNames)
	}
	return nil
}

// normalise resets the fields that do not apply to the chosen data to
// their defaults.
func (s *Setting) normalise() {
	d := DefaultSetting()
	if slices.Contains(lessonData, s.Data) || s.Data == "iris2" {
		s.Noise, s.Points = d.Noise, d.Points
	}
	if slices.Contains(lessonData, s.Data) {
		s.Train = d.Train
	}
	if s.Data != "iris2" {
		s.IrisX = d.IrisX
	}
	if !strings.HasPrefix(s.Data, "iris") {
		s.Scale = d.Scale
	}
	if s.Reg == "none" {
		s.RegRate = 0
	}
}

// check reports a combination of values that cannot be run.
func (s Setting) check(lim Limits) error {
	if s.Data == "curve" {
		if s.Loss == "logloss" {
			return fmt.Errorf("loss: logloss needs targets 0 and 1; data curve is a regression, use squared")
		}
		for _, f := range s.Features {
			if strings.Contains(f, "x2") {
				return fmt.Errorf("x: data curve has one input, x1; %s is not available (use x1, x1sq, sinx1)", f)
			}
		}
	}
	if len(s.Features) == 0 {
		return fmt.Errorf("x: no inputs; choose at least one of %s", strings.Join(featureNames(), ","))
	}
	if len(s.Hidden) > lim.MaxLayers {
		return fmt.Errorf("hidden: %d layers, want at most %d", len(s.Hidden), lim.MaxLayers)
	}
	for _, n := range s.Hidden {
		if n < 1 || n > lim.MaxUnits {
			return fmt.Errorf("hidden: %d units, want 1 … %d", n, lim.MaxUnits)
		}
	}
	if generated := !slices.Contains(lessonData, s.Data) && s.Data != "iris2"; generated && (s.Points < minPoints || s.Points > lim.MaxPoints) {
		return fmt.Errorf("points: %d is not in %d … %d", s.Points, minPoints, lim.MaxPoints)
	}
	if s.Batch < 0 || s.Batch > lim.MaxPoints {
		return fmt.Errorf("batch: %d is not in 0 … %d", s.Batch, lim.MaxPoints)
	}
	return nil
}

// Query returns the Setting as canonical query parameters: every key that
// applies to the chosen data and lesson, none that does not. For a Setting
// that ParseSetting returned, ParseSetting(s.Query()) returns s again.
func (s Setting) Query() url.Values {
	q := s.values()
	drop := func(keys ...string) {
		for _, k := range keys {
			q.Del(k)
		}
	}
	if p := presets[s.Lesson]; p != nil {
		drop(p.keys...)
	} else {
		q.Del("lesson")
	}
	if slices.Contains(lessonData, s.Data) {
		drop("noise", "train", "points")
	}
	if s.Data == "iris2" {
		drop("noise", "points")
	} else {
		drop("irisx")
	}
	if !strings.HasPrefix(s.Data, "iris") {
		drop("scale")
	}
	if s.Reg == "none" {
		drop("regrate")
	}
	return q
}

// values returns every field as query parameters, whether it applies or not.
func (s Setting) values() url.Values {
	hidden := make([]string, len(s.Hidden))
	for i, n := range s.Hidden {
		hidden[i] = strconv.Itoa(n)
	}
	return url.Values{
		"lesson": {s.Lesson}, "data": {s.Data}, "noise": {strconv.Itoa(s.Noise)},
		"train": {strconv.Itoa(s.Train)}, "points": {strconv.Itoa(s.Points)},
		"x": {strings.Join(s.Features, ",")}, "hidden": {strings.Join(hidden, ",")},
		"act": {s.Act}, "reg": {s.Reg}, "regrate": {formatFloat(s.RegRate)},
		"rate": {formatFloat(s.Rate)}, "batch": {strconv.Itoa(s.Batch)}, "opt": {s.Opt},
		"loss": {s.Loss}, "seed": {strconv.FormatUint(uint64(s.Seed), 10)},
		"irisx": {s.IrisX[0] + "," + s.IrisX[1]}, "scale": {s.Scale},
	}
}

// formatFloat writes x with the fewest digits that read back as x.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Equal reports whether s and t are the same setting.
func (s Setting) Equal(t Setting) bool { return reflect.DeepEqual(s.values(), t.values()) }
