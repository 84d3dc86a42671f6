package stage

import (
	"sync"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// subscription is one consumer taking the events of one producer: the
// producer's record of the demand it owes, and the consumer's inbox of
// events sent but not yet taken. Both ends only ever add to it under a lock
// and signal the other end's wake channel, so neither ever blocks on it.
type subscription[T any] struct {
	from     *dispatcher[T]
	consumer int           // the consumer's stage ID
	received *atomic.Int64 // the consumer's count of events sent to it
	wake     chan struct{} // the consumer's
	notice   *atomic.Bool  // the consumer's: a subscription was cancelled
	mode     CancelMode    // what the consumer does when this subscription ends

	pending int    // demand the producer still owes; guarded by from.mu
	moved   uint64 // when pending last changed, in from.moves; guarded by from.mu

	mu      sync.Mutex
	inbox   []T  // sent, not yet taken
	closed  bool // the producer has finished: nothing follows inbox
	stopped bool // the consumer has stopped: it takes nothing more
	reason  error

	// cancelled is set, under mu, by a cancel: the consumer hands nothing
	// more from this subscription, even what it already took.
	cancelled atomic.Bool

	// Owned by the consumer's goroutine.
	outstanding int // asked for and not yet handed to the function
	held        []T // taken from the inbox, not yet handed to the function
	taken       []T // the whole slice held comes from, recycled once used up
}

// deliver puts events in the inbox and reports whether the consumer takes
// them. from.mu must be held. The dispatched event is emitted before the
// consumer can see the events, so a trace never shows them handled first.
func (s *subscription[T]) deliver(events []T) bool {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return false
	}
	s.from.b.emit(event.EventsDispatched, s.consumer, s.from.b.id, len(events), nil)
	s.received.Add(int64(len(events)))
	s.inbox = append(s.inbox, events...)
	s.mu.Unlock()
	signal(s.wake)
	return true
}

// close tells the consumer nothing follows what its inbox holds.
func (s *subscription[T]) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	signal(s.wake)
}

// take moves the inbox to held when held is used up, recycling the slice
// held came from (the consumer's function must not keep events). It reports
// whether held has events.
func (s *subscription[T]) take() bool {
	if s.cancelled.Load() {
		return false
	}
	if len(s.held) > 0 {
		return true
	}
	spare := s.taken[:0]
	s.mu.Lock()
	s.taken, s.inbox = s.inbox, spare
	s.mu.Unlock()
	s.held = s.taken
	return len(s.held) > 0
}

// ended reports whether the producer has finished and every event was
// taken and handed on.
func (s *subscription[T]) ended() bool {
	if len(s.held) > 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed && len(s.inbox) == 0
}

// stop refuses further events and returns how many were never handed on.
func (s *subscription[T]) stop() int {
	s.mu.Lock()
	n := len(s.inbox) + len(s.held)
	s.stopped, s.inbox, s.held = true, nil, nil
	s.mu.Unlock()
	return n
}

// signal wakes the goroutine waiting on ch, if it waits; a wake-up already
// pending is enough.
func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
