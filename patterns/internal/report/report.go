// Package report hands a pattern's steps to its hook, stamped with the
// pattern's clock. Every pattern reports through it, so that a pattern
// without a hook pays a branch per step and nothing more: the check
// inlines, and building and stamping the event stays out of line.
package report

import (
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

// Emit reports one step, if anyone listens.
func (r *To) Emit(k event.Kind, id, slot, n int, err error) {
	if event.Enabled && r.hook != nil {
		r.send(k, id, slot, n, err)
	}
}

func (r *To) send(k event.Kind, id, slot, n int, err error) {
	r.hook(event.Event{Time: r.clock.Now(), Kind: k, ID: id, Slot: slot, N: n, Err: err})
}
