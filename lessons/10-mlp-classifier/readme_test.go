package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
	"nnscratch/lessons/internal/golden"
)

// TestREADMEExamples runs the commands of the README's console blocks and
// checks that each prints what the README shows after it. A command is a
// line "$ go run ./lessons/10-mlp-classifier ARGS" (run in this package,
// paths under lessons/10-mlp-classifier/ made relative to it, every other
// relative path put in a temporary directory) or "$ cat FILE"; its output
// is the lines up to the next command or the end of the block, with the
// temporary directory and the package's paths written as from the
// repository root.
func TestREADMEExamples(t *testing.T) {
	golden.RequireExp(t)
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prefix, pkg = "lessons/10-mlp-classifier/", "$ go run ./lessons/10-mlp-classifier"
	dir := t.TempDir()
	local := func(arg string) string {
		switch {
		case strings.HasPrefix(arg, prefix):
			return strings.TrimPrefix(arg, prefix)
		case strings.HasSuffix(arg, ".csv") || strings.HasSuffix(arg, ".model"):
			return filepath.Join(dir, arg)
		}
		return arg
	}
	blocks := 0
	for _, block := range strings.Split(string(b), "```console\n")[1:] {
		block = block[:strings.Index(block, "```")]
		blocks++
		var cmd string
		var want []string
		check := func() {
			if cmd == "" {
				return
			}
			got := runREADME(t, cmd, pkg, local)
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, "testdata/", prefix+"testdata/")
			if w := strings.Join(want, ""); got != w {
				t.Errorf("%s\nprints\n%s\nthe README shows\n%s", cmd, got, w)
			}
		}
		for _, line := range strings.SplitAfter(block, "\n") {
			if strings.HasPrefix(line, "$ ") {
				check()
				cmd, want = strings.TrimSpace(line), nil
				continue
			}
			want = append(want, line)
		}
		check()
	}
	if blocks < 7 {
		t.Errorf("the README has %d console blocks, want the 7 examples of its own-data section", blocks)
	}
}

// runREADME runs one README command and returns what it printed: standard
// output, then standard error.
func runREADME(t *testing.T, cmd, pkg string, local func(string) string) string {
	t.Helper()
	if name, ok := strings.CutPrefix(cmd, "$ cat "); ok {
		b, err := os.ReadFile(local(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	rest, ok := strings.CutPrefix(cmd, pkg)
	if !ok {
		t.Fatalf("README command %q is neither %q nor cat", cmd, pkg)
	}
	args := shellWords(rest)
	for i, a := range args {
		args[i] = local(a)
	}
	var stdout, stderr bytes.Buffer
	cli.Run("mlp-classifier", args, &stdout, &stderr, func(args []string, _ io.Writer) (config, error) {
		return parseFlags(args, io.Discard)
	}, run)
	return stdout.String() + stderr.String()
}

// shellWords splits s at spaces as a shell does, keeping what double
// quotes enclose together ("()" is one word, ()).
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	in, started := false, false
	for _, r := range s {
		switch {
		case r == '"':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}
