package trace

import (
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Ring keeps the last N events a program observed, in a fixed amount of
// memory, for a program that records all the time and writes a trace only
// when asked (on a signal, after an incident). It is safe for concurrent
// use.
type Ring struct {
	mu      sync.Mutex
	origin  time.Time
	records []event.Record // a circle: next is where the next event goes
	next    int
	full    bool
	dropped int
}

// NewRing keeps the last n events (at least one); times count from now.
func NewRing(n int) *Ring {
	return &Ring{origin: time.Now(), records: make([]event.Record, max(n, 1))}
}

// Hook returns the hook to pass to a pattern's WithHook option.
func (r *Ring) Hook() event.Hook { return r.observe }

func (r *Ring) observe(e event.Event) {
	rec := event.RecordOf(e, r.origin)
	r.mu.Lock()
	if r.full {
		r.dropped++
	}
	r.records[r.next] = rec
	r.next++
	if r.next == len(r.records) {
		r.next, r.full = 0, true
	}
	r.mu.Unlock()
}

// Records returns the events kept, oldest first, and how many older ones
// were overwritten.
func (r *Ring) Records() (kept []event.Record, dropped int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.full {
		return append([]event.Record(nil), r.records[:r.next]...), 0
	}
	kept = append(append(make([]event.Record, 0, len(r.records)), r.records[r.next:]...), r.records[:r.next]...)
	return kept, r.dropped
}
