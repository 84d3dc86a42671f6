package task

import (
	"context"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// errGoexit is the exit reason of a task that called runtime.Goexit.
var errGoexit = errors.New("task: called runtime.Goexit")

// Task is a running function whose outcome its owner can wait for, with or
// without a time limit (Elixir's %Task{} from async_nolink).
type Task[T any] struct {
	s     *Supervisor
	child *child
	value T     // written before child.done is closed
	err   error // likewise
}

// Async starts fn as a task under s. It never blocks: when s already runs
// MaxChildren tasks it returns [ErrMaxChildren], and [ErrStopped] after
// [Supervisor.Stop]. fn's context is cancelled when the task is shut down.
func Async[T any](s *Supervisor, fn func(context.Context) (T, error)) (*Task[T], error) {
	c, ctx, err := s.start()
	if err != nil {
		return nil, err
	}
	t := &Task[T]{s: s, child: c}
	go t.run(ctx, fn)
	return t, nil
}

// Go starts fn as a task whose outcome nobody awaits (Elixir's
// Task.Supervisor.start_child): the hook still sees it end, and a panic in
// fn is contained like any task's.
func Go(s *Supervisor, fn func(context.Context) error) error {
	_, err := Async(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, fn(ctx) })
	return err
}

func (t *Task[T]) run(ctx context.Context, fn func(context.Context) (T, error)) {
	defer t.s.exited(t.child)
	returned := false
	defer func() {
		if returned {
			return
		}
		var reason error = errGoexit
		if p := recover(); p != nil {
			reason = Recovered(p)
		}
		t.err = &ExitError{Reason: reason}
		t.s.emit(event.Panicked, t.child.id, t.err)
	}()
	t.value, t.err = fn(ctx)
	returned = true
	kind := event.Finished
	if t.err != nil {
		kind = event.Failed
	}
	t.s.emit(kind, t.child.id, t.err)
}

// ID identifies the task in the supervisor's events.
func (t *Task[T]) ID() int { return t.child.id }

// Done is closed when the task has returned.
func (t *Task[T]) Done() <-chan struct{} { return t.child.done }

// Await waits for the task's outcome, or for ctx. When ctx ends first it
// returns ctx.Err() and the task goes on running.
func (t *Task[T]) Await(ctx context.Context) (T, error) {
	select {
	case <-t.child.done:
		return t.value, t.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
