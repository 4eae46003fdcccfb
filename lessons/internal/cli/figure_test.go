package cli

import (
	"flag"
	"io"
	"testing"
)

func TestFigure(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "fig.png"},
		{[]string{"-trace", "2"}, "fig.png"},
		{[]string{"-seed", "7"}, ""},
		{[]string{"-seed", "7", "-plot", "mine.png"}, "mine.png"},
		{[]string{"-plot", ""}, ""},
	} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("plot", "fig.png", "")
		fs.Int("seed", 1, "")
		fs.Int("trace", 0, "")
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if got := Figure(fs, "plot", "trace"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.args, got, tt.want)
		}
	}
}
