package main

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// parse parses the query q, failing the test on a malformed query.
func parse(t testing.TB, q string) (Setting, error) {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return ParseSetting(v)
}

// TestSettingRoundTrip checks that Query and ParseSetting round-trip, on
// the test settings and on a thousand random valid ones.
func TestSettingRoundTrip(t *testing.T) {
	queries := append([]string{}, sessionQueries...)
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(v []string) string { return v[r.IntN(len(v))] }
	for range 1000 {
		q := url.Values{}
		q.Set("data", pick(dataNames))
		q.Set("noise", strconv.Itoa(r.IntN(51)))
		q.Set("train", strconv.Itoa(10+r.IntN(81)))
		q.Set("points", strconv.Itoa(10+r.IntN(1991)))
		var fs []string
		for _, f := range []string{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"} {
			if r.IntN(2) == 0 && (q.Get("data") != "curve" || !strings.Contains(f, "x2")) {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			fs = []string{"x1"}
		}
		r.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		q.Set("x", strings.Join(fs, ","))
		var h []string
		for range r.IntN(7) {
			h = append(h, strconv.Itoa(1+r.IntN(8)))
		}
		q.Set("hidden", strings.Join(h, ","))
		q.Set("act", pick(actNames))
		q.Set("reg", pick(regNames))
		q.Set("regrate", strconv.FormatFloat(r.Float64()*10, 'g', -1, 64))
		q.Set("rate", strconv.FormatFloat(1e-6+r.Float64(), 'g', -1, 64))
		q.Set("batch", strconv.Itoa(r.IntN(2001)))
		q.Set("opt", pick(optNames))
		if q.Get("data") != "curve" {
			q.Set("loss", pick(lossNames))
		}
		q.Set("seed", strconv.FormatUint(uint64(r.Uint32()), 10))
		q.Set("irisx", "sepal_width,petal_width")
		q.Set("scale", pick(scaleNames))
		if l := pick(lessonNames); l != "" {
			q = url.Values{"lesson": {l}, "rate": {"0.25"}, "seed": {"9"}}
		}
		queries = append(queries, q.Encode())
	}
	for _, q := range queries {
		s, err := parse(t, q)
		if err != nil {
			t.Errorf("%q: %v", q, err)
			continue
		}
		again, err := ParseSetting(s.Query())
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Errorf("%q: ParseSetting(Query()) = %+v, %v; want %+v", q, again, err, s)
		}
	}
}

// TestDefaultSetting checks that the default setting is the empty query's.
func TestDefaultSetting(t *testing.T) {
	s, err := ParseSetting(nil)
	if err != nil || !reflect.DeepEqual(s, DefaultSetting()) {
		t.Errorf("ParseSetting(nil) = %+v, %v; want DefaultSetting() %+v", s, err, DefaultSetting())
	}
	if _, err := NewSession(DefaultSetting(), DefaultLimits()); err != nil {
		t.Errorf("NewSession(DefaultSetting()): %v", err)
	}
}

// TestSettingRefuses checks that every bad value is refused with a message
// that names the field and what it may be.
func TestSettingRefuses(t *testing.T) {
	tests := []struct{ q, want string }{
		{"colour=red", `"colour": unknown field (want one of lesson, data`},
		{"rate=1&rate=2", "rate: given 2 times, want once"},
		{"rate=NaN", `rate: "NaN" is not a number in 1e-06 … 1000`},
		{"rate=Inf", `rate: "Inf" is not a number in 1e-06 … 1000`},
		{"rate=-Inf", `rate: "-Inf" is not a number`},
		{"rate=0", `rate: "0" is not a number in 1e-06 … 1000`},
		{"rate=1e9", `rate: "1e9" is not a number`},
		{"rate=", `rate: "" is not a number`},
		{"regrate=-1", `regrate: "-1" is not a number in 0 … 10`},
		{"regrate=nan", `regrate: "nan" is not a number`},
		{"noise=51", `noise: "51" is not a whole number in 0 … 50`},
		{"noise=1.5", `noise: "1.5" is not a whole number in 0 … 50`},
		{"train=5", `train: "5" is not a whole number in 10 … 90`},
		{"points=5", `points: "5" is not a whole number in 10 … 2000`},
		{"points=99999999999999999999999", `points: "99999999999999999999999" is not a whole number in 10 … 2000`},
		{"batch=-1", `batch: "-1" is not a whole number in 0 … 2000`},
		{"hidden=1,1,1,1,1,1,1", "hidden: 7 layers, want at most 6"},
		{"hidden=" + strings.Repeat("1,", 1e6) + "1", "hidden: 1000001 layers, want at most 6"},
		{"hidden=9", `hidden: "9" is not a whole number in 1 … 8`},
		{"hidden=0", `hidden: "0" is not a whole number in 1 … 8`},
		{"hidden=4,,2", `hidden: "" is not a whole number in 1 … 8`},
		{"hidden=a", `hidden: "a" is not a whole number`},
		{"x=x3", `x: "x3" is not an input (want a subset of x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2)`},
		{"x=x1,x1", "x: x1 is named twice"},
		{"x=", `x: "" is not an input`},
		{"x=" + strings.Repeat("x1,", 100), "x: more than 7 inputs"},
		{"act=softmax", `act: "softmax" is not one of relu, tanh, sigmoid, linear`},
		{"reg=l3", `reg: "l3" is not one of none, l1, l2`},
		{"opt=sgd", `opt: "sgd" is not one of gd, momentum, nesterov, adam`},
		{"loss=hinge", `loss: "hinge" is not one of squared, logloss`},
		{"data=moons", `data: "moons" is not one of circle, xor`},
		{"seed=-1", `seed: "-1" is not a whole number in 0 … 4294967295`},
		{"seed=4294967296", `seed: "4294967296" is not a whole number in 0 … 4294967295`},
		{"lesson=02", `lesson: "02" is not one of "", 01, 03, 04, 05`},
		{"data=iris2&irisx=petal_length,petal_length", "irisx: \"petal_length,petal_length\" is not two different columns of sepal_length"},
		{"data=iris2&irisx=petal_length", "irisx: \"petal_length\" is not two different columns"},
		{"scale=log", `scale: "log" is not one of standard, raw`},
		{"data=curve&loss=logloss", "loss: logloss needs targets 0 and 1; data curve is a regression, use squared"},
		{"data=curve&x=x1,x2", "x: data curve has one input, x1; x2 is not available"},
		{"lesson=03&hidden=8", `hidden: lesson 03 fixes it to "4"; leave hidden out or choose no lesson`},
		{"lesson=03&loss=logloss", `loss: lesson 03 fixes it to "squared"`},
		{"lesson=01&data=circle", `data: lesson 01 fixes it to "and"`},
		{"lesson=04&opt=adam", `opt: lesson 04 fixes it to "gd"`},
	}
	for _, tt := range tests {
		_, err := parse(t, tt.q)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			q := tt.q
			if len(q) > 60 {
				q = q[:60] + "…"
			}
			t.Errorf("%q: got error %v, want one containing %q", q, err, tt.want)
		}
	}
}

// TestPresetKeysAgree checks that a lesson accepts its fixed keys when
// they carry the lesson's own values, and drops them from Query.
func TestPresetKeysAgree(t *testing.T) {
	s, err := parse(t, "lesson=03&data=xor3&hidden=4&act=sigmoid&loss=squared&opt=gd&batch=0&rate=1")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Query().Encode(); got != "lesson=03&rate=1&seed=1" {
		t.Errorf("Query() = %q, want lesson=03&rate=1&seed=1", got)
	}
}

// TestNewSessionRefuses checks that NewSession holds a Setting built by
// hand to ParseSetting's rules, and refuses unworkable limits, before
// allocating anything large.
func TestNewSessionRefuses(t *testing.T) {
	huge := DefaultSetting()
	huge.Points = 1 << 40
	deep := DefaultSetting()
	deep.Hidden = make([]int, 1000)
	stray := DefaultSetting()
	stray.IrisX = [2]string{"sepal_length", "sepal_width"} // iris2 only
	badLim := DefaultLimits()
	badLim.Grid = 1 << 20
	for _, tc := range []struct {
		s    Setting
		lim  Limits
		want string
	}{
		{Setting{}, DefaultLimits(), "data: \"\" is not one of"},
		{huge, DefaultLimits(), "points: \"1099511627776\" is not a whole number in 10 … 2000"},
		{deep, DefaultLimits(), "hidden: 1000 layers, want at most 6"},
		{stray, DefaultLimits(), "setting: not in canonical form"},
		{DefaultSetting(), badLim, "limits: Grid is 1048576, want 2 … 400"},
	} {
		if _, err := NewSession(tc.s, tc.lim); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewSession: got error %v, want one containing %q", err, tc.want)
		}
	}
}

// FuzzParseSetting checks that any query is either refused or gives a
// Setting that round-trips through Query.
func FuzzParseSetting(f *testing.F) {
	for _, q := range sessionQueries {
		f.Add(q)
	}
	f.Add("rate=NaN&hidden=9,9")
	f.Fuzz(func(t *testing.T, q string) {
		v, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		s, err := ParseSetting(v)
		if err != nil {
			return
		}
		again, err := ParseSetting(s.Query())
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Errorf("%q: ParseSetting(Query()) = %+v, %v; want %+v", q, again, err, s)
		}
	})
}
