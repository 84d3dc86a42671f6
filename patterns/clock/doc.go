// Package clock is the source of time for every pattern in this module.
//
// Patterns never call the time package directly: they take a [Clock] from an
// option, [Real] by default. A [Virtual] clock lets a whole scenario run in
// milliseconds of real time while every event still carries an exact virtual
// timestamp, which is what the playground records and replays.
//
// # Advancing a virtual clock
//
// A virtual clock only moves when its owner calls [Virtual.Step], and a step
// is only meaningful when the program is quiescent: every goroutine that could
// still create or stop a timer is blocked. Two places give that guarantee:
//
//   - in tests, [testing/synctest.Wait] before each step;
//   - in js/wasm, a step called from JavaScript: the Go runtime hands control
//     back to JavaScript only once no goroutine is runnable.
//
// Timers of a virtual clock fire in deadline order; timers due at the same
// instant fire in the order they were set, so a run is repeatable.
package clock
