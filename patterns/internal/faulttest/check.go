package faulttest

import (
	"errors"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Escaped runs f and returns what it panicked with, nil if nothing.
func Escaped(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

// Untold goes through a trace in which the hook panicked on every event of
// kind, and returns how many there were and those not followed at once by
// a hook_panicked event that names them.
func Untold(events []event.Event, kind event.Kind) (panics int, untold []event.Event) {
	for i, e := range events {
		if e.Kind != kind {
			continue
		}
		panics++
		var hp *event.HookPanic
		if i+1 == len(events) || events[i+1].Kind != event.HookPanicked ||
			!errors.As(events[i+1].Err, &hp) || hp.Event != e {
			untold = append(untold, e)
		}
	}
	return panics, untold
}

// Findings collects the first few broken invariants a model of a trace
// finds, each with the event that broke it.
type Findings []string

// Expect records what, with e, unless ok.
func (f *Findings) Expect(ok bool, e event.Event, what string) {
	if !ok && len(*f) < 5 {
		*f = append(*f, what+": "+e.String())
	}
}
