// Package review lists the reviewer's analyzers, one per question of the
// playground's review checklist:
//
//   - supervised tasks: does every task that can fail have an owner?
//     ([unowned.Analyzer])
//   - bounded spawning: is the number of goroutines started in a loop or a
//     request handler bounded? ([unbounded.Analyzer])
//   - backpressure: can a producer outrun its consumers without being held
//     back? ([nobackpressure.Analyzer])
//   - timeouts: does every wait have a deadline? ([nodeadline.Analyzer])
//
// Each finding names its question, says why in one sentence and links to
// the pattern page whose demo shows the same problem, set up like the
// code that was flagged. The checks prefer silence to a false alarm: when
// the code could be right for a reason they cannot see, they say nothing,
// and they leave test code, generated code and init functions alone.
//
// The analyzers read only a pass's files and type information, so any
// driver can run them: cmd/review (standalone or as go vet's -vettool),
// gopls, or a page that type-checks pasted code.
package review
