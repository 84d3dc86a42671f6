package task

import (
	"context"
	"errors"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Yield waits up to d for the task's outcome (Elixir's Task.yield). ok is
// false when the task is still running; Yield may then be called again. If
// ctx ends first, Yield returns ctx.Err() with ok false.
//
// A d of 0 is a poll, as Task.yield(task, 0) is: the outcome if the task
// has returned, else ok false at once. After [Task.Ignore] it returns
// [ErrIgnored].
func (t *Task[T]) Yield(ctx context.Context, d time.Duration) (v T, err error, ok bool) {
	if t.ignored.Load() {
		return v, ErrIgnored, false
	}
	if v, err, ok = t.poll(); ok {
		return v, err, true
	}
	expired, stop := t.s.expiry(d)
	defer stop()
	select {
	case <-t.child.done:
		return t.value, t.err, true
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err(), false
	case <-expired:
	}
	if v, err, ok = t.poll(); ok { // the reply is there as the timer fires: it wins
		return v, err, true
	}
	t.s.emit(event.StillRunning, t.child.id, nil)
	return v, nil, false
}

// Shutdown cancels the task and waits up to d for it to return ([BrutalKill]
// waits not at all). Like Elixir's Task.shutdown, a reply that arrived before
// or during the wait is returned, never lost: ok is true, with the task's
// value and error, or its exit if it panicked. ok is false when the task
// left no reply: it stopped because it was cancelled (err nil), or it did
// not return in time and was abandoned (err wraps [ErrAbandoned]).
// After [Task.Ignore] it returns [ErrIgnored] and leaves the task alone.
func (t *Task[T]) Shutdown(d time.Duration) (v T, err error, ok bool) {
	if t.ignored.Load() {
		return v, ErrIgnored, false
	}
	if v, err, ok = t.poll(); ok {
		return v, err, true
	}
	if !t.s.shutdown(t.child, d) {
		return v, &ExitError{Reason: ErrAbandoned}, false
	}
	if errors.Is(t.err, context.Canceled) || errors.Is(t.err, ErrShutdown) {
		return v, nil, false // it stopped because we asked it to
	}
	t.s.emit(event.Late, t.child.id, t.err)
	return t.value, t.err, true
}

// YieldOrShutdown waits up to d for the outcome and shuts the task down if
// there is none (the `Task.yield(t, d) || Task.shutdown(t)` idiom), giving
// it its shutdown time to return. Without a reply, the error is
// an [*ExitError] that errors.Is recognises as [ErrTimeout] (or
// [ErrAbandoned] if the task ignored its cancellation).
func (t *Task[T]) YieldOrShutdown(ctx context.Context, d time.Duration) (T, error) {
	if v, err, ok := t.Yield(ctx, d); ok || errors.Is(err, ErrIgnored) {
		return v, err
	}
	v, err, ok := t.Shutdown(t.child.shutdown)
	switch {
	case ok:
		return v, err
	case err != nil:
		return v, err
	}
	t.s.emit(event.TimedOut, t.child.id, ErrTimeout)
	return v, &ExitError{Reason: ErrTimeout}
}

// poll returns the outcome if the task has returned.
func (t *Task[T]) poll() (v T, err error, ok bool) {
	select {
	case <-t.child.done:
		return t.value, t.err, true
	default:
		return v, nil, false
	}
}
