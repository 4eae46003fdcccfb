package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandProgram compiles and runs the Go program Command writes for a
// few settings (between them every data source, the penalties, momentum
// and Adam, mini and full batches) and checks that it prints, digit for
// digit, the losses the session reports after the same steps.
func TestCommandProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs Go programs")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mod := fmt.Sprintf("module playgroundcommand\n\ngo 1.26\n\nrequire nnscratch v0.0.0\n\nreplace nnscratch => %s\n", root)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	queries := []string{
		"",
		"data=iris2&irisx=sepal_width,petal_length&x=x1,x2,sinx1,x1x2&hidden=5&opt=adam&reg=l1&regrate=0.01&batch=7",
		"data=curve&noise=30&x=x1,x1sq&act=relu&opt=nesterov&reg=l2&regrate=0.1&batch=0&rate=0.01",
		"data=xor3&hidden=3&act=sigmoid&opt=momentum&loss=logloss&rate=0.5",
	}
	for i, q := range queries {
		s := newTestSession(t, q)
		prog := filepath.Join(dir, fmt.Sprintf("p%d", i), "main.go")
		os.MkdirAll(filepath.Dir(prog), 0o755)
		if err := os.WriteFile(prog, []byte(s.Setting().Command()), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(goTool, "run", "./"+filepath.Base(filepath.Dir(prog)))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: the program fails: %v\n%s\n--- program ---\n%s", q, err, out, s.Setting().Command())
		}
		var want strings.Builder
		for k := 0; k <= 1000; k += 100 {
			if k > 0 {
				step(t, s, 100)
			}
			train, test := s.losses()
			if s.xTest.Rows > 0 {
				fmt.Fprintf(&want, "step %d: training loss %.17g, test loss %.17g\n", k, train, test)
			} else {
				fmt.Fprintf(&want, "step %d: training loss %.17g\n", k, train)
			}
		}
		if string(out) != want.String() {
			t.Errorf("%q: the program prints\n%s\nthe session\n%s", q, out, want.String())
		}
	}
}

// TestCommandLessons checks the command lines of the lesson presets.
func TestCommandLessons(t *testing.T) {
	for q, want := range map[string]string{
		"lesson=01&loss=squared":        "go run ./lessons/01-delta-rule -variant squared-error -rate 0.021 -pow exp",
		"lesson=03&rate=10":             "go run ./lessons/03-alpha-sweep -alphas 10 -seed 1",
		"lesson=04&seed=7":              "go run ./lessons/04-bias -variant fixed -scale raw -alpha 0.5 -seed 7",
		"lesson=05&scale=standard":      "go run ./lessons/05-log-loss -loss log -scale standard -alphas 0.05 -seed 1",
		"lesson=05&loss=squared&rate=1": "go run ./lessons/05-log-loss -loss sse -scale raw -alphas 1 -seed 1",
	} {
		if got := newTestSession(t, q).Setting().Command(); got != want {
			t.Errorf("%q: Command() = %q, want %q", q, got, want)
		}
	}
}
