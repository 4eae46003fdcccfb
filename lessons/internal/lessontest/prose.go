package lessontest

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// Prose fails t unless the file readme (normally the lesson's "README.md")
// states each phrase in its text, with any run of spaces and line
// breaks in either taken as one space. Tests build the phrases from what
// the code prints, so a figure the README's text states is the figure
// the lesson gives today:
//
//	m := lessontest.Find(t, out, `converged at iteration (\d+)`)
//	lessontest.Prose(t, "README.md", "converged at iteration "+m[1])
func Prose(t testing.TB, readme string, phrases ...string) {
	t.Helper()
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	doc := oneLine(string(b))
	for _, p := range phrases {
		if !strings.Contains(doc, oneLine(p)) {
			t.Errorf("%s does not say %q, which is what the code gives", readme, p)
		}
	}
}

// oneLine replaces every run of white space in s by one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Find returns the submatches of the first match of the regular expression
// expr in out (m[0] the whole match, m[1] the first group, …) and fails t
// if there is none.
func Find(t testing.TB, out, expr string) []string {
	t.Helper()
	m := regexp.MustCompile(expr).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output has no match for %q:\n%s", expr, out)
	}
	return m
}
