package lessontest

import (
	"fmt"
	"io"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/nn/data"
)

// TestHostileDirs runs a lesson that loads -data with nn/data on the
// Hostile directories: Small loads, and Refused's cases hold.
func TestHostileDirs(t *testing.T) {
	parse := func(args []string, stderr io.Writer) (string, error) {
		fs := cli.NewFlagSet("x", "Tests.", stderr)
		dir := fs.String("data", "", "")
		return *dir, cli.Parse(fs, args)
	}
	run := func(w io.Writer, dir string) error {
		train, test, _, err := data.Limits{}.Fashion10(dir)
		if err != nil {
			return cli.DataError(err)
		}
		_, err = fmt.Fprintf(w, "%d/%d images\n", train.Len(), test.Len())
		return err
	}
	h := HostileDirs(t, 0, 3, 9)
	Runs(t, parse, run, append(h.Refused("-data"), RunCase{Args: []string{"-data", h.Small}, Code: 0, Want: "40/10 images"}))
}
