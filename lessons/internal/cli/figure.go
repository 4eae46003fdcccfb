package cli

import (
	"flag"
	"slices"
)

// Figure returns the picture file a run writes, given the flag set after
// parsing and the name of its picture flag (such as "plot"), whose default
// is the figure the lesson's README shows. A run that another flag changes
// draws another picture, so unless the picture flag was given it draws none
// (""): an experiment run from inside a lesson's directory never overwrites
// the README's figure. Flags named in neutral, such as "trace", do not
// change the picture.
func Figure(fs *flag.FlagSet, name string, neutral ...string) string {
	explicit, changed := false, false
	fs.Visit(func(f *flag.Flag) {
		switch {
		case f.Name == name:
			explicit = true
		case !slices.Contains(neutral, f.Name):
			changed = true
		}
	})
	if changed && !explicit {
		return ""
	}
	return fs.Lookup(name).Value.String()
}
