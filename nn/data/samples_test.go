package data

import (
	"errors"
	"testing"

	"nnscratch/matrix"
)

func TestSamples(t *testing.T) {
	train, _ := EmbeddedFashion10()
	idx := []int{3, 0, 2999}
	n := train.Images.Size()

	oh := train.OneHotSamples(0.01, 1, 0.01, 0.99)
	if in, out := oh.Dims(); in != n || out != 10 || oh.Len() != train.Len() {
		t.Fatalf("OneHotSamples: Dims %d, %d and Len %d; want %d, 10 and %d", in, out, oh.Len(), n, train.Len())
	}
	x, y := matrix.New(3, n), matrix.New(3, 10)
	oh.Gather(x, y, idx)
	wantX, wantY := make([]float64, 3*n), make([]float64, 30)
	train.Images.ScaleInto(wantX, idx, 0.01, 1)
	train.OneHotInto(wantY, idx, 0.01, 0.99)
	if !matrix.Equal(x, matrix.FromSlice(3, n, wantX)) || !matrix.Equal(y, matrix.FromSlice(3, 10, wantY)) {
		t.Errorf("OneHotSamples.Gather differs from ScaleInto and OneHotInto")
	}

	lb := train.LabelSamples(0, 1)
	y1 := matrix.New(3, 1)
	lb.Gather(x, y1, idx)
	for k, i := range idx {
		if got, want := y1.At(k, 0), float64(train.Labels[i]); got != want {
			t.Errorf("LabelSamples target of image %d = %v, want its label %v", i, got, want)
		}
	}
	if allocs := testing.AllocsPerRun(10, func() { oh.Gather(x, y, idx) }); allocs != 0 {
		t.Errorf("Gather allocates %v times, want 0", allocs)
	}
	defer func() {
		if err, ok := recover().(error); !ok || !errors.Is(err, matrix.ErrShape) {
			t.Errorf("Gather into a batch of the wrong size: panic %v, want one wrapping ErrShape", err)
		}
	}()
	oh.Gather(matrix.New(2, n), y, idx)
}
