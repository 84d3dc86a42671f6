package task

import (
	"context"
	"errors"
	"sync/atomic"
)

// errGoexit is the exit reason of a task that called runtime.Goexit.
var errGoexit = errors.New("task: called runtime.Goexit")

// Task is a running function whose outcome its owner can wait for, with or
// without a time limit (Elixir's %Task{} from async_nolink).
type Task[T any] struct {
	s       *Supervisor
	child   *child
	value   T     // written before child.done is closed
	err     error // likewise
	ignored atomic.Bool
}

// Async starts fn as a task under s. It never blocks: when s already runs
// MaxChildren tasks it returns [ErrMaxChildren], and [ErrStopped] after
// [Supervisor.Stop]. fn's context is cancelled when the task is shut down.
// [WithShutdown] sets this task's own shutdown time; an async task is
// always [Temporary], as Elixir's async_nolink requires, so another
// [WithRestart] is an error wrapping [ErrInvalidOption].
func Async[T any](s *Supervisor, fn func(context.Context) (T, error), opts ...ChildOption) (*Task[T], error) {
	spec, err := asyncSpec(opts)
	if err != nil {
		return nil, err
	}
	c, ctx, err := s.start(spec)
	if err != nil {
		return nil, err
	}
	t := &Task[T]{s: s, child: c}
	go run(s, c, ctx, fn, func(v T, err error) { t.value, t.err = v, err })
	return t, nil
}

// Go starts fn as a task whose outcome nobody awaits (Elixir's
// Task.Supervisor.start_child): the hook still sees it end, and a panic in
// fn is contained like any task's. [StartChild] is the same with options,
// and returns the task's id.
func Go(s *Supervisor, fn func(context.Context) error) error {
	_, err := StartChild(s, fn)
	return err
}

// ID identifies the task in the supervisor's events.
func (t *Task[T]) ID() int { return t.child.id }

// Done is closed when the task has returned.
func (t *Task[T]) Done() <-chan struct{} { return t.child.done }

// Await waits for the task's outcome (Elixir's Task.await). The wait is
// bounded by the supervisor's [AwaitTimeout], 5 s unless set otherwise, and
// by ctx: when the timeout runs out first, Await returns an [*ExitError]
// wrapping [ErrTimeout]; when ctx ends first, ctx.Err(). Either way the task goes on running: it can be awaited
// again, yielded or shut down. A reply that comes just as the time runs out
// wins. After [Task.Ignore], Await returns [ErrIgnored].
func (t *Task[T]) Await(ctx context.Context) (T, error) { return t.await(ctx) }
