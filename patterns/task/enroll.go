package task

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Lease is a place among a supervisor's children held by work that runs on
// a goroutine the supervisor did not start: see [Supervisor.Enroll].
type Lease struct {
	s    *Supervisor
	c    *child
	once sync.Once
}

// Enroll counts work that runs on a goroutine of the caller's, such as a
// task of package stream, as one of the supervisor's children (what
// Elixir's Task.Supervisor.async_stream does for each element): it counts
// against [MaxChildren], is listed by [Supervisor.Children], and is
// cancelled by [Supervisor.Stop] and [Supervisor.TerminateChild] through
// cancel, which must not block; Stop then gives it shutdown to return. Like
// a start, it never blocks and is refused with [ErrMaxChildren] or
// [ErrStopped]. The caller must end the lease, once the work has returned
// or has been given up on.
func (s *Supervisor) Enroll(cancel context.CancelCauseFunc, shutdown time.Duration) (*Lease, error) {
	if cancel == nil {
		return nil, invalid("nil cancel func")
	}
	if shutdown < 0 {
		return nil, invalid("shutdown must not be negative, got %v", shutdown)
	}
	c, _, err := s.start(childSpec{cancel: cancel, shutdown: shutdown, own: true})
	if err != nil {
		return nil, err
	}
	return &Lease{s: s, c: c}, nil
}

// ID is the child's id, as Children lists it.
func (l *Lease) ID() int { return l.c.id }

// Done ends the lease: the work returned with err (nil, its own error, or
// an [*ExitError]), which the supervisor's hook reports. Later calls, and
// calls after Abandon, do nothing.
func (l *Lease) Done(err error) {
	l.once.Do(func() {
		kind := event.Finished
		switch {
		case errors.As(err, new(*PanicError)):
			kind = event.Panicked
		case err != nil:
			kind = event.Failed
		}
		l.s.emit(kind, l.c.id, err)
		l.s.exited(l.c)
	})
}

// Abandon ends the lease of work that was cancelled and did not return in
// its shutdown time: the supervisor counts it abandoned, as it would a task
// of its own, and it no longer counts against MaxChildren.
func (l *Lease) Abandon() {
	l.once.Do(func() { l.s.abandon(l.c) })
}
