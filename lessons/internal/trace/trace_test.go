package trace

import (
	"bytes"
	"testing"

	"nnscratch/matrix"
)

func TestFloat(t *testing.T) {
	// Each want is what numpy 1.24 prints for print(np.float64(x)).
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0.0"}, {0.5, "0.5"}, {-2, "-2.0"}, {123456789, "123456789.0"},
		{1e-4, "0.0001"}, {1e-5, "1e-05"}, {1.5e-7, "1.5e-07"},
		{1e16, "1e+16"}, {0.30000000000000004, "0.30000000000000004"},
	}
	for _, tt := range tests {
		if got := Float(tt.x); got != tt.want {
			t.Errorf("Float(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestTracePrintsFirstNSteps(t *testing.T) {
	var b bytes.Buffer
	tr := New(&b, 1)
	m := matrix.FromRows([][]float64{{0.5, -1}, {2, 0.25}})
	for i := 0; i < 3; i++ {
		tr.Step(i)
		tr.Print("layer_1", m)
		tr.Scalar("error", 0.5)
	}
	want := "--- step 0 ---\nlayer_1 =\n[[ 0.5  -1.  ]\n [ 2.    0.25]]\nerror =\n0.5\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestNilTraceIsSilent(t *testing.T) {
	tr := New(nil, 0)
	if tr != nil {
		t.Fatalf("New(nil, 0) = %v, want nil", tr)
	}
	tr.Step(0)
	tr.Print("x", matrix.Zeros(1, 1))
	tr.Scalar("y", 1)
	if tr.On() {
		t.Error("nil trace is on")
	}
	if n := testing.AllocsPerRun(100, func() { tr.Step(1); tr.Print("x", nil) }); n != 0 {
		t.Errorf("nil trace allocates %v times, want 0", n)
	}
}
