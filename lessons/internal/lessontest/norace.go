//go:build !race

package lessontest

// RaceEnabled reports whether the tests were built with -race. The race
// detector allocates on its own account, so a test that counts allocations
// skips that one assertion when it is true.
const RaceEnabled = false
