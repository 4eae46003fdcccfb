package data

import (
	"fmt"

	"nnscratch/matrix"
)

// Samples presents a Set to a training loop batch by batch: Gather scales
// the chosen images' bytes into the rows of an input batch and writes their
// targets, so the set itself stays one byte per pixel. It satisfies
// nn.Samples, for nn.Network.TrainSamples:
//
//	train, _ := data.EmbeddedFashion10()
//	res, err := net.TrainSamples(train.OneHotSamples(0, 1, 0, 1), cfg)
type Samples struct {
	Set     *Set
	Lo, Hi  float64 // pixel 0 becomes Lo, pixel 255 becomes Hi
	Off, On float64 // one-hot target values (OneHot only)
	OneHot  bool    // targets one-hot over the classes, else the label itself in one column
}

// OneHotSamples returns s as samples with pixels scaled onto [lo, hi] and
// one-hot targets of off and on, one column per class: the targets of a
// softmax or one-sigmoid-per-class output.
func (s *Set) OneHotSamples(lo, hi, off, on float64) *Samples {
	return &Samples{Set: s, Lo: lo, Hi: hi, Off: off, On: on, OneHot: true}
}

// LabelSamples returns s as samples with pixels scaled onto [lo, hi] and
// the class number as the single target column: the targets of a
// two-class set with one sigmoid output.
func (s *Set) LabelSamples(lo, hi float64) *Samples {
	return &Samples{Set: s, Lo: lo, Hi: hi}
}

// Len returns the number of images.
func (p *Samples) Len() int { return p.Set.Len() }

// Dims returns the pixels per image and the target columns.
func (p *Samples) Dims() (in, out int) {
	if p.OneHot {
		return p.Set.Images.Size(), len(p.Set.Classes)
	}
	return p.Set.Images.Size(), 1
}

// Gather writes images idx[0], idx[1], … as the rows of x, scaled, and
// their targets as the rows of y. It allocates nothing and panics with an
// error wrapping matrix.ErrShape if x or y does not have len(idx) rows of
// the widths Dims gives.
func (p *Samples) Gather(x, y *matrix.Matrix, idx []int) {
	if x.Rows != len(idx) || y.Rows != len(idx) {
		panic(fmt.Errorf("data: Samples.Gather of %d images into %dx%d and %dx%d: %w", len(idx), x.Rows, x.Cols, y.Rows, y.Cols, matrix.ErrShape))
	}
	p.Set.Images.ScaleInto(x.Data[:len(idx)*x.Cols], idx, p.Lo, p.Hi)
	if p.OneHot {
		p.Set.OneHotInto(y.Data[:len(idx)*y.Cols], idx, p.Off, p.On)
		return
	}
	p.Set.LabelsInto(y.Data[:len(idx)*y.Cols], idx)
}
