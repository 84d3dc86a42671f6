package task

import (
	"context"
	"errors"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// ErrIgnored is what [Task.Await], [Task.Yield], [Task.Shutdown] and
// [Task.Ignore] return for a task its owner has ignored.
var ErrIgnored = errors.New("task: the task was ignored by its owner")

// defaultAwait is Elixir's default for Task.await and Task.await_many.
const defaultAwait = 5 * time.Second

// more holds the options this file and restart.go add to config; zero
// means the default.
type more struct {
	await       time.Duration // 0: defaultAwait; negative: no limit
	maxRestarts int
	period      time.Duration // 0: MaxRestarts was not given
}

// AwaitTimeout bounds [Task.Await] and [AwaitMany] (Elixir's default
// timeout of Task.await, 5000 ms); d must be positive. Their context bounds
// them too: whichever ends first wins. Use [NoAwaitTimeout] to wait for the
// context alone. The default is 5 s. A zero d is refused: Task.await(t, 0)
// is a poll that fails unless the task is done, and as a supervisor-wide
// default it would make every Await one; [Task.Yield] with 0 is the poll.
//
// The rule is the library's: a call that waits has the OTP default time
// limit (5 s here, as for pool.Checkout), which an option changes or lifts,
// and its context; the earlier of the two ends the wait.
func AwaitTimeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.invalid("await timeout must be positive, got %v (use NoAwaitTimeout for no limit)", d)
		}
		c.await = d
	}
}

// NoAwaitTimeout lets Await and AwaitMany wait until the task returns or
// their context ends (Elixir's :infinity).
func NoAwaitTimeout() Option { return func(c *config) { c.await = -1 } }

// awaitLimit is how long an await may wait, and whether there is a limit
// besides its context.
func (s *Supervisor) awaitLimit() (time.Duration, bool) {
	switch {
	case s.cfg.await < 0:
		return 0, false
	case s.cfg.await == 0:
		return defaultAwait, true
	}
	return s.cfg.await, true
}

// expiry returns a channel closed d from now on the supervisor's clock, and
// a func that stops the timer; for d <= 0 the channel is closed already, so
// a zero wait is a poll on any clock. It is a callback rather than a
// channel timer: on a virtual clock, callbacks due at the same instant as a
// channel timer fire after it, so a task that finishes exactly at d
// delivers first.
func (s *Supervisor) expiry(d time.Duration) (<-chan struct{}, func() bool) {
	expired := make(chan struct{})
	if d <= 0 {
		close(expired)
		return expired, func() bool { return false }
	}
	timer := s.cfg.clock.AfterFunc(d, func() { close(expired) })
	return expired, timer.Stop
}

func (t *Task[T]) await(ctx context.Context) (v T, err error) {
	if t.ignored.Load() {
		return v, ErrIgnored
	}
	if v, err, ok := t.poll(); ok {
		return v, err
	}
	var expired <-chan struct{}
	if d, ok := t.s.awaitLimit(); ok {
		ch, stop := t.s.expiry(d)
		defer stop()
		expired = ch
	}
	select {
	case <-t.child.done:
		return t.value, t.err
	case <-ctx.Done():
		return v, ctx.Err()
	case <-expired:
	}
	if v, err, ok := t.poll(); ok { // the reply is there as time runs out: it wins
		return v, err
	}
	t.s.emit(event.StillRunning, t.child.id, ErrTimeout)
	return v, &ExitError{Reason: ErrTimeout}
}

// Ignore lets go of the task (Elixir's Task.ignore): it runs on under its
// supervisor, which still cancels it on [Supervisor.Stop], but its owner
// no longer waits for it. If the task has returned, Ignore returns its
// outcome with ok true, as Yield would; otherwise ok is false. From then on
// Await, Yield, Shutdown and Ignore itself return [ErrIgnored]. Use
// [StartChild] instead when no one wants a task's outcome from the start.
func (t *Task[T]) Ignore() (v T, err error, ok bool) {
	if t.ignored.Swap(true) {
		return v, ErrIgnored, false
	}
	if v, err, ok = t.poll(); ok {
		return v, err, true
	}
	t.s.emit(event.Ignored, t.child.id, nil)
	return v, nil, false
}

// completedBy is the supervisor of tasks made by [Completed]: it never runs
// anything, and its defaults are what such a task's methods see.
var completedBy, _ = NewSupervisor()

// Completed returns a task that has already returned v with no error
// (Elixir's Task.completed): Await and Yield give v at once. It runs
// nothing and belongs to no supervisor of its own, so its ID is -1. Use it
// where some values are at hand and others must be computed, to await them
// all alike with [AwaitMany] or [YieldMany].
func Completed[T any](v T) *Task[T] {
	done := make(chan struct{})
	close(done)
	return &Task[T]{s: completedBy, child: &child{id: -1, done: done}, value: v}
}
