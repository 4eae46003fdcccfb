package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"nnscratch/lessons/internal/trace"
	"nnscratch/matrix"
)

// figure is one number of the worked example: a name, the value computed
// here and the value published (empty when the post gives none).
type figure struct {
	name      string
	got       float64
	published string
}

// agrees reports whether got rounds to the published literal: it may differ
// by at most half a unit in the literal's last decimal place.
func agrees(got float64, published string) bool {
	want, err := strconv.ParseFloat(published, 64)
	if err != nil {
		return false
	}
	decimals := 0
	if _, frac, ok := strings.Cut(published, "."); ok {
		decimals = len(frac)
	}
	return math.Abs(got-want) <= 0.5*math.Pow(10, -float64(decimals))+1e-15
}

// workedFirstStep returns the figures of the post's forward pass and of its
// first update, computed with the given order.
func workedFirstStep(o order) (forward, update []figure) {
	n := workedNet()
	in, out := n.forward(input)
	net := matrix.Mul(n.weights[0], in[0])
	forward = []figure{
		{"net_h1", net.Data[0], "0.3775"},
		{"out_h1", in[1].Data[0], "0.593269992"},
		{"out_h2", in[1].Data[1], "0.596884378"},
		{"out_o1", out.Data[0], "0.75136507"},
		{"out_o2", out.Data[1], "0.772928465"},
		{"E_total = Σ ½(target − out)²", loss(out, target), "0.298371109"},
	}
	w1, w2 := n.weights[0].Clone(), n.weights[1].Clone()
	n.step(input, target, workedRate, fixedRule, o)
	v1, v2 := n.weights[0], n.weights[1]
	update = []figure{
		{"∂E/∂w5 = δ_o1·out_h1", (w2.At(0, 0) - v2.At(0, 0)) / workedRate, "0.082167041"},
		{"w5", v2.At(0, 0), "0.35891648"},
		{"w6", v2.At(0, 1), "0.408666186"},
		{"w7", v2.At(1, 0), "0.511301270"},
		{"w8", v2.At(1, 1), "0.561370121"},
		{"∂E/∂w1 = δ_h1·i1", (w1.At(0, 0) - v1.At(0, 0)) / workedRate, "0.000438568"},
		{"w1", v1.At(0, 0), "0.149780716"},
		{"w2", v1.At(0, 1), "0.19956143"},
		{"w3", v1.At(1, 0), "0.24975114"},
		{"w4", v1.At(1, 1), "0.29950229"},
	}
	return forward, update
}

// summary is what training the worked example's network records: the error
// after 1, steps−1 and steps updates, and the outputs after steps updates.
type summary struct {
	e1, eBeforeLast, eLast float64
	out                    [2]float64
}

// trainWorked trains a fresh worked-example network for steps ≥ 2 updates,
// printing the first steps to tr (nil: none). Cost: one forward and one
// backward pass per step.
func trainWorked(steps int, rate float64, o order, tr *trace.Trace) summary {
	var t summary
	n := workedNet()
	n.tr = tr
	for k := 1; k <= steps; k++ {
		tr.Step(k - 1)
		out := n.step(input, target, rate, fixedRule, o) // the forward pass after k−1 updates
		if k == 2 {
			t.e1 = loss(out, target)
		}
		if k == steps {
			t.eBeforeLast = loss(out, target)
		}
	}
	_, out := n.forward(input)
	t.eLast, t.out = loss(out, target), [2]float64{out.Data[0], out.Data[1]}
	return t
}

// runWorked prints the worked example: forward pass, first update (in the
// order cfg.order), and the training summary under both orders; it writes
// the trace of both trainings' first cfg.trace steps to traces.
func runWorked(w, traces io.Writer, cfg config) error {
	steps, rate := workedSteps, workedRate
	if cfg.mode != "all" { // with -mode all, -steps and -rate belong to the question's network
		steps, rate = cmp.Or(cfg.steps, workedSteps), cmp.Or(cfg.rate, workedRate)
	}
	fmt.Fprintln(w, `Worked example (Mazur, "A Step by Step Backpropagation Example"): biases b1 = 0.35, b2 = 0.60, not updated`)
	forward, update := workedFirstStep(cfg.order)
	line(w, "%-32s %-14s %s", "forward pass", "computed", "published")
	printFigures(w, forward)
	fmt.Fprintf(w, "after one update, rate %v, hidden deltas from the %s output weights (%s order)\n",
		workedRate, map[order]string{textbook: "old", updated: "new"}[cfg.order], cfg.order)
	printFigures(w, update)

	line(w, "%-32s %-15s %-15s %s", fmt.Sprintf("training, rate %v", rate), "textbook order", "updated order", "published")
	var tb, up summary
	for _, o := range []order{textbook, updated} {
		tr := trace.New(traces, cfg.trace)
		if tr != nil {
			fmt.Fprintf(traces, "worked example, %s order:\n", o)
		}
		if o == textbook {
			tb = trainWorked(steps, rate, o, tr)
		} else {
			up = trainWorked(steps, rate, o, tr)
		}
	}
	pub := rate == workedRate && steps == workedSteps
	rows := []struct {
		name      string
		a, b      float64
		published string
	}{
		{"E after 1 update", tb.e1, up.e1, "0.291027924"},
		{fmt.Sprintf("E after %d updates", steps-1), tb.eBeforeLast, up.eBeforeLast, "0.0000351085"},
		{fmt.Sprintf("E after %d updates", steps), tb.eLast, up.eLast, ""},
		{fmt.Sprintf("out_o1 after %d updates", steps), tb.out[0], up.out[0], "0.015912196"},
		{fmt.Sprintf("out_o2 after %d updates", steps), tb.out[1], up.out[1], "0.984065734"},
	}
	for _, r := range rows {
		p, match := "", ""
		if pub && r.published != "" {
			p, match = r.published, "agrees with: "+agreeing(r.published, r.a, r.b)
		}
		line(w, "  %-30s %-15.12f %-15.12f %-14s %s", r.name, r.a, r.b, p, match)
	}
	return nil
}
