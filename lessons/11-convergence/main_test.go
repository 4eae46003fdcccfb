package main

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnscratch/lessons/internal/golden"
	"nnscratch/lessons/internal/lessontest"
	"nnscratch/nn/data"
)

// defaultOutput is what the default run prints (without the images), run
// once for all the tests that read it.
var defaultOutput = lessontest.Output(parseFlags, run, "-plot", "")

// TestDefault guards the whole default output and the README's quote of it.
func TestDefault(t *testing.T) {
	lessontest.Default(t, "default", defaultOutput(t))
}

// TestREADME checks that the README quotes the three lines after the SSE
// table of the two other runs it shows, the stricter stopping rule and
// full-batch BPTT, and that its text gives their figures.
func TestREADME(t *testing.T) {
	for i, args := range [][]string{
		{"-tol", "1e-6", "-n-no-change", "50"},
		{"-window", "109", "-rate", "0.5", "-maxit", "3000"},
	} {
		out := lessontest.Run(t, parseFlags, run, args...)
		if i == 0 {
			k := lessontest.Find(t, out, `converged at iteration (\d+)`)[1]
			lessontest.Prose(t, "README.md", "`-tol 1e-6 -n-no-change 50` answers "+k, "a stricter rule: still "+k)
		} else {
			sse := lessontest.Find(t, out, `([\d.]+) after all`)[1]
			lessontest.Prose(t, "README.md", "settles (SSE "+sse+")")
		}
		lines := strings.SplitAfter(out, "\n")
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "(each iteration") })
		if i < 0 || i+3 > len(lines) {
			t.Fatalf("%q: output lacks the lines after the SSE table:\n%s", args, out)
		}
		golden.InREADME(t, "README.md", strings.Join(lines[i:i+3], ""))
	}
}

// zeta15 is ζ(3/2) = Σ 1/t^1.5, the limit of Σ η_t/η₀ for p = 1.5.
const zeta15 = 2.612375348685488

// TestREADMEFigures checks the figures the README's text states against
// what the default run prints: the data, the network, where the run
// converged, its errors, and the schedule comparison.
func TestREADMEFigures(t *testing.T) {
	out := string(defaultOutput(t))
	data := lessontest.Find(t, out, `lynx trapped (\d+)–(\d+): \d+ years, \d+ … (\d)(\d+),`)
	n := lessontest.Find(t, out, `(\d+) patterns`)[1]
	net := lessontest.Find(t, out, `5-(\d+)-1: .* \(self-weight ([\d.]+), start ([\d.]+)\).*\n.*rate ([\d.]+), (\d+) iterations`)
	conv := lessontest.Find(t, out, `converged at iteration (\d+): .*\nSSE ([\d.]+) there, ([\d.]+) after all (\d+)`)
	at100 := lessontest.Find(t, out, `\n +100 +([\d.]+)\n`)[1]
	end := lessontest.Find(t, out, `the final weights' SSE is ([\d.]+)`)[1]
	row := func(p string) []string {
		return lessontest.Find(t, out, `invscaling p=`+p+` +(\S+) +\S+ +\S+ +\S+ +(\S+) +(\S+)\n`)
	}
	lessontest.Prose(t, "README.md",
		"lynx trappings ("+data[1]+"–"+data[2]+")",
		"its inputs run up to "+data[3]+","+data[4],
		"`-window "+n+"` is full-batch",
		"summed squared error over the "+n+" patterns",
		"`size = 5` | "+net[1]+" hidden units",
		"λ = "+net[2]+" (`-lambda`), c₁ = "+net[3],
		"rate "+net[4]+" (`-rate`)",
		"| "+net[5]+", as in the question (`-maxit`)",
		"converged at iteration "+conv[1]+" (SSE "+conv[2]+")",
		"("+at100+" at iteration 100)",
		"fell again, to "+conv[3]+" at iteration "+conv[4],
		"scores "+conv[3]+", but the weights it ended with score "+end,
		"end-weight fit in "+conv[4]+" iterations, "+row("0.25")[2],
		"is only "+row("0.5")[1]+", "+row("0.75")[1]+" and "+row("1")[1],
		"its Σ η is "+row("1.5")[1]+" for the whole run",
		fmt.Sprintf("η₀·ζ(1.5) ≈ %.3g", defaultConfig().rate*zeta15),
		fmt.Sprintf("ζ(1.5) ≈ %.3g·η₀", zeta15),
		"SSE "+row("1.5")[2],
		"at iterations "+row("1")[3]+" and "+row("1.5")[3]+" only",
	)
}

// lynxPatterns returns the default patterns of the embedded lynx series.
func lynxPatterns(t *testing.T, lags int) *patterns {
	t.Helper()
	p, err := makePatterns(data.Lynx(), data.LynxYears(), lags)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestConvergedRule checks the rule on hand-made histories.
func TestConvergedRule(t *testing.T) {
	tests := []struct {
		name   string
		h      []float64
		tol    float64
		n      int
		want   int
		wantOK bool
	}{
		{"plateau after 3", []float64{10, 5, 2, 1.99995, 1.9999, 1.99985}, 1e-3, 3, 3, true},
		{"n not reached", []float64{10, 5, 2, 1.99995, 1.9999}, 1e-3, 3, 0, false},
		{"a big step resets the run", []float64{10, 9.9999, 9.9998, 5, 4.9999, 4.9998, 4.9997}, 1e-3, 3, 4, true},
		{"an increase is no improvement", []float64{3, 2, 2.5, 2.6, 2.7}, 0.1, 3, 2, true},
		{"tol 0: increases count", []float64{4, 3, 3.5, 3.6}, 0, 2, 2, true},
		{"tol 0: ties improve by 0, which is not less than 0", []float64{4, 3, 3, 3}, 0, 2, 0, false},
		{"n = 1", []float64{4, 3, 2.95}, 0.1, 1, 2, true},
		{"too short", []float64{1}, 0.1, 1, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := converged(tc.h, tc.tol, tc.n)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("converged(%v, %g, %d): got %d, %v; want %d, %v", tc.h, tc.tol, tc.n, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

// TestConvergedFromHistory recomputes the reported iteration from the
// default run's loss history by brute force: every one of the n improvements
// after it is below tol, and no earlier iteration has that property.
func TestConvergedFromHistory(t *testing.T) {
	cfg := defaultConfig()
	p := lynxPatterns(t, cfg.lags)
	res, err := train(newNet(cfg), p, cfg.maxit, cfg.window, newSchedule("constant", cfg.rate, 0), contextStart, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := res.History
	for _, tol := range []float64{1e-3, 1e-4, 1e-5, 1e-6} {
		quiet := func(k int) bool { // iterations k+1 … k+n all improved by less than tol
			if k+cfg.noChange > len(h) {
				return false
			}
			for j := k + 1; j <= k+cfg.noChange; j++ {
				if h[j-2]-h[j-1] >= tol {
					return false
				}
			}
			return true
		}
		want, wantOK := 0, false
		for k := 1; k <= len(h); k++ {
			if quiet(k) {
				want, wantOK = k, true
				break
			}
		}
		got, ok := converged(h, tol, cfg.noChange)
		if got != want || ok != wantOK {
			t.Errorf("tol %g: got iteration %d (%v), brute force says %d (%v)", tol, got, ok, want, wantOK)
		}
	}
}

// TestScalingRoundTrip checks the min-max scaling and the lagged rows:
// scaled values lie in [0, 1] with the extremes at 0 and 1, unscaling gives
// back the series, and row r's inputs are the lags years before its target.
func TestScalingRoundTrip(t *testing.T) {
	values, years := data.Lynx(), data.LynxYears()
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	for _, lags := range []int{1, 5, 12} {
		p := lynxPatterns(t, lags)
		if got, want := p.x.Rows, len(values)-lags; got != want {
			t.Fatalf("lags %d: got %d patterns, want %d", lags, got, want)
		}
		back := p.unscale(p.y.Data)
		for r, v := range back {
			if math.Abs(v-values[r+lags]) > 1e-9*values[r+lags] {
				t.Errorf("lags %d, row %d: unscaled target %.12g, want %g", lags, r, v, values[r+lags])
			}
			if p.years[r] != years[r+lags] {
				t.Errorf("lags %d, row %d: year %d, want %d", lags, r, p.years[r], years[r+lags])
			}
			for k := 1; k <= lags; k++ {
				want := (values[r+lags-k] - lo) / (hi - lo)
				if got := p.x.Data[r*lags+k-1]; math.Abs(got-want) > 1e-15 {
					t.Errorf("lags %d, row %d, lag %d: got %g, want x_%d scaled = %g", lags, r, k, got, years[r+lags-k], want)
				}
			}
		}
		slo, shi := math.Inf(1), math.Inf(-1)
		for _, v := range append(append([]float64(nil), p.x.Data...), p.y.Data...) {
			slo, shi = min(slo, v), max(shi, v)
		}
		if slo < 0 || shi > 1 {
			t.Errorf("lags %d: scaled values span [%g, %g], want inside [0, 1]", lags, slo, shi)
		}
	}
	if _, err := makePatterns(values, years, len(values)-1); err == nil || !strings.Contains(err.Error(), "-lags") {
		t.Errorf("lags %d: got error %v, want one naming -lags", len(values)-1, err)
	}
}

// TestInvScalingRates checks the rates train uses against the formula
// η_t = η₀/(t+1)^p, t the patterns seen before each update, through their
// sums, for online and windowed updates, and the Robbins–Monro facts: for
// p > 1 the sum stays below η₀·ζ(p); for p = 1 it grows like η₀·ln(t).
func TestInvScalingRates(t *testing.T) {
	p := lynxPatterns(t, 5)
	n := p.x.Rows
	for _, tc := range []struct {
		power  float64
		window int
	}{{0.5, 1}, {0.75, 1}, {1, 1}, {1.5, 1}, {1, 10}, {0.5, 200}} {
		cfg := defaultConfig()
		const maxit = 3
		res, err := train(newNet(cfg), p, maxit, tc.window, newSchedule("invscaling", cfg.rate, tc.power), contextStart, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantSum, wantSq, seen, updates, last := 0.0, 0.0, 0, 0, 0.0
		for range maxit {
			for lo := 0; lo < n; lo += tc.window {
				eta := cfg.rate / math.Pow(float64(seen+1), tc.power)
				wantSum += eta
				wantSq += eta * eta
				last = eta
				updates++
				seen += min(tc.window, n-lo)
			}
		}
		if res.Updates != updates {
			t.Errorf("p %g, window %d: got %d updates, want %d", tc.power, tc.window, res.Updates, updates)
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"Σ η", res.SumRate, wantSum}, {"Σ η²", res.SumSq, wantSq}, {"last η", res.Rate, last}} {
			if math.Abs(c.got-c.want) > 1e-12*c.want {
				t.Errorf("p %g, window %d: %s got %.15g, want %.15g", tc.power, tc.window, c.what, c.got, c.want)
			}
		}
		if tc.window == 1 && tc.power == 1.5 {
			if bound := cfg.rate * zeta15; !(res.SumRate < bound) {
				t.Errorf("p 1.5: got Σ η = %g, want below η₀·ζ(1.5) = %g", res.SumRate, bound)
			}
		}
		if tc.window == 1 && tc.power == 1 {
			u := float64(res.Updates)
			if want := cfg.rate * (math.Log(u) + 0.5772156649015329); math.Abs(res.SumRate-want) > cfg.rate/u {
				t.Errorf("p 1: got Σ η = %.9g over %g updates, want η₀·(ln t + γ) = %.9g", res.SumRate, u, want)
			}
		}
	}
}

// TestConstantRateDoesNotSettle checks the fact the lesson
// draws from the schedule comparison: with the constant rate the final
// weights fit the series much worse than the pass that trained them
// suggests (the weights keep chasing each pattern), while a decaying rate
// ends where its last pass measured.
func TestConstantRateDoesNotSettle(t *testing.T) {
	cfg := defaultConfig()
	p := lynxPatterns(t, cfg.lags)
	for _, tc := range []struct {
		kind   string
		power  float64
		settle bool
	}{{"constant", 0, false}, {"invscaling", 0.25, true}, {"invscaling", 0.5, true}} {
		net := newNet(cfg)
		res, err := train(net, p, cfg.maxit, 1, newSchedule(tc.kind, cfg.rate, tc.power), contextStart, nil)
		if err != nil {
			t.Fatal(err)
		}
		pass, end := res.History[len(res.History)-1], fixedSSE(net, p)
		gap := math.Abs(end-pass) / pass
		if settled := gap < 0.05; settled != tc.settle {
			t.Errorf("%s p=%g: last pass SSE %.4f, final weights' SSE %.4f (gap %.0f%%); settled = %v, want %v",
				tc.kind, tc.power, pass, end, 100*gap, settled, tc.settle)
		}
	}
}

// TestFlags checks that bad values are refused with a message naming the flag.
func TestFlags(t *testing.T) {
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: []string{"-hidden", "0"}, Want: "-hidden"},
		{Args: []string{"-lags", "0"}, Want: "-lags"},
		{Args: []string{"-rate", "-1"}, Want: "-rate"},
		{Args: []string{"-rate", "NaN"}, Want: "-rate"},
		{Args: []string{"-maxit", "1"}, Want: "-maxit"},
		{Args: []string{"-tol", "-1e-4"}, Want: "-tol"},
		{Args: []string{"-n-no-change", "0"}, Want: "-n-no-change"},
		{Args: []string{"-window", "0"}, Want: "-window"},
		{Args: []string{"-lambda", "1"}, Want: "-lambda"},
		{Args: []string{"-schedule", "adaptive"}, Want: "-schedule"},
		{Args: []string{"-power-t", "0"}, Want: "-power-t"},
		{Args: []string{"-trace", "-1"}, Want: "-trace must be in 0 … 1000, got -1"},
		{Args: []string{"-powers", "0.5,x"}, Want: "-powers"},
		{Args: []string{"-seed", "-3"}, Want: "-seed"},
		{Args: []string{"-hidden", "five"}, Want: "-hidden"},
		{Args: []string{"-plot", "/nonexistent/c"}, Want: "-plot: "},
	})
	cfg, err := parseFlags([]string{"-schedule", "invscaling", "-power-t", "0.75", "-powers", ""}, &bytes.Buffer{})
	if err != nil || cfg.schedule != "invscaling" || cfg.powerT != 0.75 || len(cfg.powers) != 0 {
		t.Errorf("got %+v, %v; want invscaling, p 0.75, no comparison powers", cfg, err)
	}
}

// TestPlots checks that run writes both images as PNG files, under a
// prefix or into a directory.
func TestPlots(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ plot, prefix string }{
		{filepath.Join(dir, "c"), filepath.Join(dir, "c")},
		{dir, filepath.Join(dir, "convergence")},
	} {
		out := lessontest.Run(t, parseFlags, run, "-maxit", "20", "-powers", "1", "-plot", c.plot)
		for _, suffix := range []string{"-fit.png", "-schedules.png"} {
			lessontest.Image(t, c.prefix+suffix, 400, 300)
		}
		if want := "wrote " + c.prefix + "-fit.png and " + c.prefix + "-schedules.png"; !strings.Contains(out, want) {
			t.Errorf("-plot %s: got output without %q:\n%s", c.plot, want, out)
		}
	}
}

// TestKeepsFigure checks that only the default run (or one with -trace)
// writes the README's figures.
func TestKeepsFigure(t *testing.T) {
	lessontest.KeepsFigure(t, parseFlags, func(c config) string { return c.plot }, "convergence")
}

// traceArgs is the README's -trace example: one update, and nothing else
// that takes time.
var traceArgs = []string{"-trace", "1", "-maxit", "2", "-powers", ""}

// TestTrace guards the -trace output of the README's example and checks
// that the README quotes its excerpt, from the output to the deltas.
func TestTrace(t *testing.T) {
	out := lessontest.Run(t, parseFlags, run, traceArgs...)
	golden.Check(t, "trace", []byte(out))
	golden.InREADME(t, "README.md", lessontest.Excerpt(t, out, "y_hat =", "eta ="))
}
