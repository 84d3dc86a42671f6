//go:build race

package picture_test

// raceEnabled: the race detector's scheduler runs goroutines in a random
// order, which a build of the site never does.
const raceEnabled = true
