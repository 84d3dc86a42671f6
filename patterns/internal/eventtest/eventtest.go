// Package eventtest records what a pattern reports through its hook, for
// the patterns' own tests.
package eventtest

import (
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Log records events; Hook may be called from several goroutines.
type Log struct {
	mu     sync.Mutex
	events []event.Event
}

// Hook records e.
func (l *Log) Hook(e event.Event) {
	l.mu.Lock()
	l.events = append(l.events, e)
	l.mu.Unlock()
}

// All returns a copy of the events recorded so far.
func (l *Log) All() []event.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]event.Event(nil), l.events...)
}

// Steps renders the events as "kind id slot", with "-" for a negative id
// or slot, for compact comparison.
func (l *Log) Steps() []string {
	var out []string
	for _, e := range l.All() {
		out = append(out, e.Kind.String()+" "+number(e.ID)+" "+number(e.Slot))
	}
	return out
}

func number(n int) string {
	if n < 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// CountingClock is a clock that counts how often it is read.
type CountingClock struct {
	clock.Clock
	Reads atomic.Int32
}

// Now reads the clock and counts the read.
func (c *CountingClock) Now() time.Time { c.Reads.Add(1); return c.Clock.Now() }
