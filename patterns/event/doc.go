// Package event is the one observer hook every pattern reports through, and
// the recorder that turns those reports into a trace.
//
// A pattern takes a [Hook] from an option; nil is the default and costs a
// nil check per step, nothing more (the clock is not even read). The
// playground passes a [Recorder]'s hook, so what it animates is what the real
// code did. A program can report steps of its own through the same hook with
// kinds it names itself ([NameKind]).
package event
