package main

import (
	"fmt"
	"io"
	"strings"
)

// printFigures writes one line per figure: name, computed value, published
// value and whether they agree.
func printFigures(w io.Writer, figs []figure) {
	for _, f := range figs {
		mark := ""
		if f.published != "" {
			mark = "differs"
			if agrees(f.got, f.published) {
				mark = "agrees"
			}
		}
		line(w, "  %-30s %-14.9f %-14s %s", f.name, f.got, f.published, mark)
	}
}

// agreeing names the orders whose value agrees with the published literal.
func agreeing(published string, textbookValue, updatedValue float64) string {
	var names []string
	if agrees(textbookValue, published) {
		names = append(names, "textbook")
	}
	if agrees(updatedValue, published) {
		names = append(names, "updated")
	}
	if names == nil {
		return "neither"
	}
	return strings.Join(names, ", ")
}

// line writes one formatted line to w without trailing spaces.
func line(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf(format, args...), " "))
}

// isPowerOf10 reports whether k is 0 or 1, 10, 100, ….
func isPowerOf10(k int) bool {
	for k >= 10 && k%10 == 0 {
		k /= 10
	}
	return k <= 1
}
