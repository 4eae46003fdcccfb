// Package lessontest holds the checks every lesson's tests repeat: the
// default run against its golden file and the README's quote of it
// (Output, Default), a table of command lines accepted or refused with the
// right message (Flags, Runs), a picture the lesson wrote (Plot, Image) or
// leaves alone (KeepsFigure, Pictures), and a trace against what the source
// program prints under numpy (Run, After, Excerpt, Numpy, Same).
package lessontest

import (
	"bytes"
	"errors"
	"flag"
	"image"
	_ "image/jpeg" // lessons write JPEG as well as PNG
	_ "image/png"
	"io"
	"os"
	"strings"
	"testing"

	"nnscratch/lessons/internal/cli"
)

// FlagCase is one command line for Flags: the arguments, and a fragment of
// the error they must cause ("" if they must be accepted).
type FlagCase struct {
	Args []string
	Want string
}

// Flags runs parse on each case's arguments and checks the outcome: no
// error where Want is empty, otherwise an error whose message contains Want.
// It also checks what every lesson's command line does (cli.Parse): -h asks
// for help (flag.ErrHelp), and an unknown flag or an argument is refused.
func Flags[C any](t *testing.T, parse func(args []string, stderr io.Writer) (C, error), cases []FlagCase) {
	t.Helper()
	if _, err := parse([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("flags [-h]: got %v, want flag.ErrHelp", err)
	}
	cases = append(cases,
		FlagCase{Args: []string{"-nope"}, Want: "flag provided but not defined: -nope"},
		FlagCase{Args: []string{"extra"}, Want: `unexpected argument "extra"`})
	for _, c := range cases {
		_, err := parse(c.Args, &bytes.Buffer{})
		switch {
		case c.Want == "" && err != nil:
			t.Errorf("flags %q: unexpected error %v", c.Args, err)
		case c.Want != "" && err == nil:
			t.Errorf("flags %q: no error, want one containing %q", c.Args, c.Want)
		case c.Want != "" && !strings.Contains(err.Error(), c.Want):
			t.Errorf("flags %q: error %q, want it to contain %q", c.Args, err, c.Want)
		}
	}
}

// Image decodes the PNG or JPEG file at path, fails t unless it is at least
// minW×minH pixels, and returns it.
func Image(t *testing.T, path string, minW, minH int) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, format, err := image.Decode(f)
	if err != nil {
		t.Fatalf("%s is not a PNG or JPEG image: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() < minW || b.Dy() < minH {
		t.Errorf("%s (%s) is %dx%d, want at least %dx%d", path, format, b.Dx(), b.Dy(), minW, minH)
	}
	return img
}

// RunCase is one command line for Runs: the arguments, the exit status
// they must give, and a fragment of what they must print (on standard error
// for a failure, on standard output otherwise).
type RunCase struct {
	Args []string
	Code int
	Want string
}

// Runs runs each case through cli.Run with parse and run, as the lesson's
// main would, and checks the exit status and the message. A failure must
// print exactly one line on standard error; what parse is given as its
// stderr (the usage, progress lines) is kept apart.
func Runs[C any](t *testing.T, parse func(args []string, stderr io.Writer) (C, error), run func(w io.Writer, cfg C) error, cases []RunCase) {
	t.Helper()
	for _, c := range cases {
		var stdout, stderr, aside bytes.Buffer
		code := cli.Run("lesson", c.Args, &stdout, &stderr, func(args []string, _ io.Writer) (C, error) {
			return parse(args, &aside)
		}, run)
		got := stdout.String()
		if code != 0 {
			got = stderr.String()
			if n := strings.Count(got, "\n"); n != 1 {
				t.Errorf("%q: exit %d printed %d lines on stderr, want one:\n%s", c.Args, code, n, got)
			}
		}
		if code != c.Code || !strings.Contains(got, c.Want) {
			t.Errorf("%q: got exit %d and\n%s\nwant exit %d and a message containing %q", c.Args, code, got, c.Code, c.Want)
		}
	}
}
