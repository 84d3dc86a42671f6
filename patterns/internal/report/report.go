// Package report hands a pattern's steps to its hook, stamped with the
// pattern's clock. Every pattern reports through it, so that a pattern
// without a hook pays a branch per step and nothing more: the check
// inlines, and building and stamping the event stays out of line.
//
// It is also where a hook's panic stops. The pattern called the hook, often
// holding its lock, on a goroutine that may be its own or a clock's; a
// panic that got out would leave the lock held or end the program. So the
// panic is recovered here, once, and the same hook is told of it with an
// [event.HookPanicked] event (see package event).
package report

import (
	"runtime/debug"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// To reports to a hook. The zero value reports nothing.
type To struct {
	hook  event.Hook
	clock clock.Clock
}

// New reports to h, stamping events with clk; a nil h reports nothing.
func New(h event.Hook, clk clock.Clock) To { return To{hook: h, clock: clk} }

// On reports whether anyone listens.
func (r *To) On() bool { return event.Enabled && r.hook != nil }

// Emit reports one step, if anyone listens. It never panics, whatever the
// hook does.
func (r *To) Emit(k event.Kind, id, slot, n int, err error) {
	if event.Enabled && r.hook != nil {
		r.send(k, id, slot, n, err)
	}
}

// send hands the event to the hook and, if the hook panics, hands it the
// news. A hook that panics on that as well has shown it cannot take a
// report; nobody else listens, so the second panic goes no further.
func (r *To) send(k event.Kind, id, slot, n int, err error) {
	e := event.Event{Time: r.clock.Now(), Kind: k, ID: id, Slot: slot, N: n, Err: err}
	if p := deliver(r.hook, e); p != nil {
		deliver(r.hook, event.Event{Time: e.Time, Kind: event.HookPanicked, ID: id, Slot: slot, Err: p})
	}
}

// deliver calls h with e and returns what h panicked with, if it did.
func deliver(h event.Hook, e event.Event) (p *event.HookPanic) {
	defer func() {
		if v := recover(); v != nil {
			p = &event.HookPanic{Event: e, Value: v, Stack: debug.Stack()}
		}
	}()
	h(e)
	return nil
}
