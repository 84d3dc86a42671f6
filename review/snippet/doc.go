// Package snippet runs the reviewer's analyzers on one pasted Go file,
// without the file's module: the driver behind the reviewer page, which
// compiles it to WebAssembly.
//
// The file is parsed with go/parser and type-checked with go/types against
// small hand-written declarations of the packages the checks reason about
// (context, time, sync, net/http, io, errors, fmt, log and
// golang.org/x/sync/errgroup; see [Stubbed]). Any other import is
// tolerated: what it declares has no known type, so the checks cannot tell
// what a call into it does and, preferring silence to a false alarm, say
// nothing about it. Type errors are counted, not shown: the pasted code
// may well be right against the real packages.
//
// Bad input is an answer, not a failure: [Check] reports a file too large
// (over [MaxBytes]), text that is not Go, or a syntax error, in a
// [Result.Problem] a reader can act on, and a check that panics loses only
// its own findings, named in [Result.Failed].
package snippet
