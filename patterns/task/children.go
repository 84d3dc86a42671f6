package task

import (
	"context"
	"errors"
	"slices"
	"time"
)

// ErrNotFound: [Supervisor.TerminateChild] was given an id the supervisor
// does not run (Elixir's {:error, :not_found}).
var ErrNotFound = errors.New("task: no such task")

// Restart says whether a task started with [StartChild] runs again after
// it returns (the :restart option of Elixir's Task.Supervisor.start_child).
type Restart uint8

const (
	// Temporary tasks are never restarted: the default, as in Elixir.
	Temporary Restart = iota
	// Transient tasks are restarted after an abnormal exit only: an error
	// of their own or a panic, not nil and not an error wrapping
	// [ErrShutdown].
	Transient
	// Permanent tasks are restarted after any exit of their own.
	Permanent
)

func (r Restart) String() string {
	switch r {
	case Temporary:
		return "temporary"
	case Transient:
		return "transient"
	case Permanent:
		return "permanent"
	}
	return "unknown"
}

// ChildOption configures one task, as the options of Elixir's
// Task.Supervisor.start_child and async_nolink do.
type ChildOption func(*childSpec)

type childSpec struct {
	restart  Restart
	shutdown time.Duration
	own      bool                    // shutdown was given
	cancel   context.CancelCauseFunc // Enroll: how the supervisor stops the work
	errs     []error
}

// WithRestart sets the task's restart policy; the default is [Temporary].
// Only [StartChild] takes another.
func WithRestart(r Restart) ChildOption {
	return func(s *childSpec) {
		if r > Permanent {
			s.errs = append(s.errs, invalid("unknown restart policy %d", r))
		}
		s.restart = r
	}
}

// WithShutdown is this task's shutdown time (Elixir's :shutdown option to
// start_child and async_nolink), in place of the supervisor's [Shutdown]:
// how long Stop, TerminateChild and YieldOrShutdown let it take to return
// once cancelled. [BrutalKill] waits not at all.
func WithShutdown(d time.Duration) ChildOption {
	return func(s *childSpec) {
		if d < 0 {
			s.errs = append(s.errs, invalid("shutdown must not be negative, got %v", d))
		}
		s.shutdown, s.own = d, true
	}
}

func specOf(opts []ChildOption) (childSpec, error) {
	var spec childSpec
	for _, opt := range opts {
		opt(&spec)
	}
	return spec, errors.Join(spec.errs...)
}

// asyncSpec is the spec of an async task, which is always temporary.
func asyncSpec(opts []ChildOption) (childSpec, error) {
	spec, err := specOf(opts)
	if err == nil && spec.restart != Temporary {
		err = invalid("an async task is temporary, got restart %v (use StartChild)", spec.restart)
	}
	return spec, err
}

// newChild makes the record of a task about to start. s.mu must be held.
func (s *Supervisor) newChild(spec childSpec) (*child, context.Context) {
	ctx, cancel := context.WithCancelCause(context.Background())
	c := &child{id: s.nextID, cancel: cancel, done: make(chan struct{}), gone: make(chan struct{}), shutdown: s.cfg.shutdown}
	if spec.own {
		c.shutdown = spec.shutdown
	}
	switch {
	case spec.cancel != nil:
		cancel(nil) // nothing runs on ctx: the work has a context of its own
		c.cancel = spec.cancel
	case spec.restart != Temporary:
		c.life = &life{restart: spec.restart, current: cancel}
		c.cancel = c.life.stop
	}
	return c, ctx
}

// StartChild starts fn as a task whose outcome nobody awaits (Elixir's
// Task.Supervisor.start_child) and returns its id, which
// [Supervisor.Children] lists and [Supervisor.TerminateChild] takes. Like
// [Async] it never blocks, and returns [ErrMaxChildren] or [ErrStopped]
// when the supervisor refuses it.
//
// By default the task is [Temporary]. A [Transient] or [Permanent] one is
// started again, with the same id and a fresh context, when fn returns as
// its policy says (see [Restart]), as often as [MaxRestarts] allows; it is
// never restarted once the supervisor has cancelled it. A panic in fn is
// recovered and counts as an abnormal exit, reported through the hook.
func StartChild(s *Supervisor, fn func(context.Context) error, opts ...ChildOption) (int, error) {
	spec, err := specOf(opts)
	if fn == nil {
		err = errors.Join(err, invalid("nil task function"))
	}
	if err != nil {
		return -1, err
	}
	c, ctx, err := s.start(spec)
	if err != nil {
		return -1, err
	}
	body := func(ctx context.Context) (struct{}, error) { return struct{}{}, fn(ctx) }
	go run(s, c, ctx, body, func(struct{}, error) {})
	return c.id, nil
}

// Children lists the ids of the tasks the supervisor runs, in start order
// (Elixir's Task.Supervisor.children). Tasks it cancelled that have not
// returned yet are listed; abandoned ones are not.
func (s *Supervisor) Children() []int {
	s.lock()
	ids := make([]int, 0, len(s.running))
	for id := range s.running {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	slices.Sort(ids)
	return ids
}

// TerminateChild stops one task (Elixir's Task.Supervisor.terminate_child):
// its context is cancelled and it has its shutdown time to return. A task
// with a restart policy is not restarted. It returns nil once the task has
// returned, an [*ExitError] wrapping [ErrAbandoned] if it did not return in
// time, and [ErrNotFound] for an id the supervisor does not run. An
// awaited task's owner still gets its outcome.
func (s *Supervisor) TerminateChild(id int) error {
	s.lock()
	c := s.running[id]
	s.mu.Unlock()
	if c == nil {
		return ErrNotFound
	}
	if !s.shutdown(c, c.shutdown, true) {
		return &ExitError{Reason: ErrAbandoned}
	}
	return nil
}
