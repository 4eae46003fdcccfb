package main

import (
	"encoding/binary"
	"math"
	"strconv"
)

// The wire format of a frame: what GET /api/session/{id}/frame and
// POST /api/session/{id}/step answer, and what each event of
// /api/session/{id}/stream carries in base64. It is a few hundred bytes of
// JSON for the numbers and words the page prints, then 4-byte numbers for
// the weights, the loss curves and the points, then one byte per heat-map
// pixel. app.js (decodeFrame) reads it with a DataView, Float32Arrays and
// Uint8Arrays; every number is little-endian.
//
//	offset   size      content
//	0        4         the magic "NNF1"
//	4        4         J, the length of the header (uint32)
//	8        J         the header: a JSON object, padded with spaces so that
//	                   J is a multiple of 4 (the 4-byte numbers start aligned)
//	8+J      4·F       4-byte numbers, in this order:
//	                     the steps of the loss history (H uint32s),
//	                     the train losses (H float32s), the test losses (H float32s);
//	                     for each layer l = 0 … L−1: its weights (Sizes[l]·Sizes[l+1]
//	                       float32s, row-major in×out: the weight from unit i to
//	                       unit j is at i·Sizes[l+1]+j), then its biases (biases[l]
//	                       float32s: Sizes[l+1], or 0 for a network without them);
//	                     the ranges (float32 pairs lo, hi) of the output map,
//	                       of each unit's map, then of each input's map;
//	                     the points' x (P float32s), y (P), label (P)
//	8+J+4·F  bytes:      the output map (G·G, row-major, top row first),
//	                     each unit's map (g·g each, layer by layer, the output last),
//	                     each input's map (g·g each),
//	                     the points' test flags (P; 1 = a test point)
//
// The header's keys: step, epoch; trainLoss and testLoss (null when not
// finite) and lossName (what they measure); diverged (why training
// stopped, or ""); regression; domain (xmin, xmax, ymin, ymax); sizes
// (units per layer, inputs first); biases (the count of each layer's
// biases); grid (G) and unitGrid (g); units (U) and inputs (I), the
// numbers of unit and input maps; inputNames (I labels); history (H) and
// points (P). A map byte b stands for lo + b/255·(hi − lo), where lo and
// hi are the map's smallest and largest finite values; a value that is
// not finite is sent as 0.
const wireMagic = "NNF1"

// appendFrame appends the wire form of f to b and returns the extended
// slice. It allocates only when b has too little capacity, so a session
// that reuses its buffer encodes each frame without allocating.
func appendFrame(b []byte, f *Frame) []byte {
	b = append(b, wireMagic...)
	b = append(b, 0, 0, 0, 0) // J, filled in below
	start := len(b)
	b = append(b, `{"step":`...)
	b = strconv.AppendInt(b, int64(f.Step), 10)
	b = append(b, `,"epoch":`...)
	b = strconv.AppendInt(b, int64(f.Epoch), 10)
	b = append(b, `,"trainLoss":`...)
	b = appendJSONFloat(b, f.TrainLoss)
	b = append(b, `,"testLoss":`...)
	b = appendJSONFloat(b, f.TestLoss)
	b = append(b, `,"lossName":`...)
	b = appendJSONString(b, f.LossName)
	b = append(b, `,"diverged":`...)
	b = appendJSONString(b, f.Diverged)
	b = append(b, `,"regression":`...)
	b = strconv.AppendBool(b, f.Regression)
	b = append(b, `,"domain":[`...)
	for i, v := range f.Domain {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONFloat(b, v)
	}
	b = append(b, `],"sizes":`...)
	b = appendJSONInts(b, len(f.Sizes), func(i int) int { return f.Sizes[i] })
	b = append(b, `,"biases":`...)
	b = appendJSONInts(b, len(f.Biases), func(i int) int { return len(f.Biases[i]) })
	b = append(b, `,"grid":`...)
	b = strconv.AppendInt(b, int64(f.Grid), 10)
	b = append(b, `,"unitGrid":`...)
	b = strconv.AppendInt(b, int64(f.UnitGrid), 10)
	b = append(b, `,"units":`...)
	b = strconv.AppendInt(b, int64(len(f.Units)), 10)
	b = append(b, `,"inputs":`...)
	b = strconv.AppendInt(b, int64(len(f.Inputs)), 10)
	b = append(b, `,"inputNames":[`...)
	for i := range f.Inputs {
		if i > 0 {
			b = append(b, ',')
		}
		name := ""
		if i < len(f.InputNames) {
			name = f.InputNames[i]
		}
		b = appendJSONString(b, name)
	}
	b = append(b, `],"history":`...)
	h := min(len(f.HistorySteps), len(f.TrainHistory), len(f.TestHistory))
	b = strconv.AppendInt(b, int64(h), 10)
	b = append(b, `,"points":`...)
	p := min(len(f.X), len(f.Y), len(f.Label), len(f.Test))
	b = strconv.AppendInt(b, int64(p), 10)
	b = append(b, '}')
	for (len(b)-start)%4 != 0 {
		b = append(b, ' ')
	}
	binary.LittleEndian.PutUint32(b[start-4:], uint32(len(b)-start))

	for _, s := range f.HistorySteps[:h] {
		b = binary.LittleEndian.AppendUint32(b, uint32(s))
	}
	b = appendFloat32s(b, f.TrainHistory[:h])
	b = appendFloat32s(b, f.TestHistory[:h])
	for l := range f.Weights {
		b = appendFloat32s(b, f.Weights[l])
		b = appendFloat32s(b, f.Biases[l])
	}
	b = appendRange(b, f.Output)
	for _, m := range f.Units {
		b = appendRange(b, m)
	}
	for _, m := range f.Inputs {
		b = appendRange(b, m)
	}
	b = appendFloat32s(b, f.X[:p])
	b = appendFloat32s(b, f.Y[:p])
	b = appendFloat32s(b, f.Label[:p])

	b = appendMap(b, f.Output)
	for _, m := range f.Units {
		b = appendMap(b, m)
	}
	for _, m := range f.Inputs {
		b = appendMap(b, m)
	}
	for _, t := range f.Test[:p] {
		if t {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	return b
}

// appendJSONInts appends the JSON array of n ints, the ith being at(i).
func appendJSONInts(b []byte, n int, at func(int) int) []byte {
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(at(i)), 10)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, everything else as it is (UTF-8).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendJSONFloat appends v as a JSON number, or null if v is NaN or
// infinite (which JSON cannot hold).
func appendJSONFloat(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// appendFloat32s appends each value of v as a little-endian float32.
func appendFloat32s(b []byte, v []float64) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(x)))
	}
	return b
}

// mapRange returns the smallest and largest finite values of m, or 0, 0
// if it has none.
func mapRange(m []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}

// appendRange appends the range of map m as two float32s, lo then hi.
func appendRange(b []byte, m []float64) []byte {
	lo, hi := mapRange(m)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(lo)))
	return binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(hi)))
}

// appendMap appends map m as one byte per value: round(255·(v − lo)/(hi − lo))
// over its range, 0 for a value that is not finite or when hi = lo.
func appendMap(b []byte, m []float64) []byte {
	lo, hi := mapRange(m)
	scale := 0.0
	if hi > lo {
		scale = 255 / (hi - lo)
	}
	for _, v := range m {
		q := (v - lo) * scale
		if !(q >= 0) || math.IsInf(v, 0) { // NaN compares false
			q = 0
		}
		b = append(b, byte(math.Min(q+0.5, 255)))
	}
	return b
}
