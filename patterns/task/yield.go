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

// Shutdown cancels the task and waits up to d for it to return. Like
// Elixir's Task.shutdown, a reply that arrived before or during the wait is
// returned, never lost: ok is true, with the task's value and error, or its
// exit if it panicked. ok is false when the task left no reply: it stopped
// because it was cancelled (err nil), or it did not return in time and was
// abandoned (err wraps [ErrAbandoned]). A task counts as stopped by its
// cancellation when the supervisor had cancelled it (this Shutdown, an
// earlier one, [Supervisor.Stop], [Supervisor.TerminateChild], or the
// supervisor giving up on restarts) and it returned an error that is
// context.Canceled or [ErrShutdown]; that holds also when it had already
// returned before this call. A task already being shut down (by Stop, or
// another Shutdown) is abandoned at the earlier of the two times. After
// [Task.Ignore] it returns [ErrIgnored] and leaves the task alone.
//
// With [BrutalKill], Shutdown does not wait: it returns the reply if it is
// already there, and otherwise ok false and err nil at once; a reply the
// task makes later is dropped. Go cannot kill the task, so it still has its
// shutdown time ([WithShutdown], else the supervisor's [Shutdown] option) to
// return: only if it is running after that is it reported abandoned. A task
// that honours its cancellation is thus not reported abandoned by a brutal
// kill (unless its own shutdown time is BrutalKill too: then no grace is
// left).
func (t *Task[T]) Shutdown(d time.Duration) (v T, err error, ok bool) {
	if t.ignored.Load() {
		return v, ErrIgnored, false
	}
	if t.done() {
		return t.reply()
	}
	if d == BrutalKill {
		t.s.shutdown(t.child, t.child.shutdown, false)
		return v, nil, false
	}
	return t.shutdown(d)
}

// shutdown is Shutdown with a wait of d, which is the verdict's time too.
func (t *Task[T]) shutdown(d time.Duration) (v T, err error, ok bool) {
	if !t.s.shutdown(t.child, d, true) {
		return v, &ExitError{Reason: ErrAbandoned}, false
	}
	if v, err, ok = t.reply(); ok {
		t.s.emit(event.Late, t.child.id, t.err)
	}
	return v, err, ok
}

// YieldOrShutdown waits up to d for the outcome and shuts the task down if
// there is none (the `Task.yield(t, d) || Task.shutdown(t)` idiom), giving
// it its shutdown time to return. Without a reply, the error is
// an [*ExitError] that errors.Is recognises as [ErrTimeout] (or
// [ErrAbandoned] if the task ignored its cancellation).
//
// If ctx ends before d, the task is shut down the same way, and without a
// reply the error is ctx.Err() (joined with the abandoned exit if the task
// ignored its cancellation): the task did not time out, its caller left.
func (t *Task[T]) YieldOrShutdown(ctx context.Context, d time.Duration) (T, error) {
	v, yerr, ok := t.Yield(ctx, d)
	if ok || errors.Is(yerr, ErrIgnored) {
		return v, yerr
	}
	v, err, ok := t.shutdown(t.child.shutdown)
	switch {
	case ok:
		return v, err
	case yerr != nil && err != nil:
		return v, errors.Join(yerr, err)
	case yerr != nil:
		return v, yerr
	case err != nil:
		return v, err
	}
	t.s.emit(event.TimedOut, t.child.id, ErrTimeout)
	return v, &ExitError{Reason: ErrTimeout}
}

// reply returns the outcome of a task that has returned; ok is false when
// the outcome is only its cancellation by the supervisor.
func (t *Task[T]) reply() (v T, err error, ok bool) {
	t.s.mu.Lock()
	cancelled := t.child.cancelled
	t.s.mu.Unlock()
	if cancelled && (errors.Is(t.err, context.Canceled) || errors.Is(t.err, ErrShutdown)) {
		return v, nil, false // it stopped because it was asked to
	}
	return t.value, t.err, true
}

// poll returns the outcome if the task has returned.
func (t *Task[T]) poll() (v T, err error, ok bool) {
	if !t.done() {
		return v, nil, false
	}
	return t.value, t.err, true
}
