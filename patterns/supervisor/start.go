package supervisor

import (
	"context"
	"errors"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Init is a child with a start step, what a child's start function and its
// init callback are in OTP. It runs on the child's goroutine with the
// child's context, before anything else the child does, and returns the
// function the child then runs; or [ErrIgnore], to start nothing; or an
// error, for a start that failed. State it sets up is the run function's to
// keep, as a closure:
//
//	func(ctx context.Context) (func(context.Context) error, error) {
//		ln, err := net.Listen("tcp", addr)
//		if err != nil {
//			return nil, err // {:error, reason}
//		}
//		return func(ctx context.Context) error { return serve(ctx, ln) }, nil
//	}
type Init func(ctx context.Context) (run func(context.Context) error, err error)

// ErrIgnore is what an [Init] returns to start nothing (Elixir's :ignore),
// and what [Supervisor.StartChildInit] then returns: not a failure, but no
// child either. Test it with errors.Is.
var ErrIgnore = errors.New("supervisor: child start ignored")

// errNilRun is the start error of an Init that returned no error and no
// function to run.
var errNilRun = errors.New("supervisor: start step returned a nil run function")

// StartError is a start step that failed: it returned an error, which Err
// holds, or panicked (Err is then a *task.ExitError). errors.Is/As see Err.
type StartError struct {
	Child ID
	Err   error
}

func (e *StartError) Error() string {
	return fmt.Sprintf("supervisor: child %d failed to start: %v", e.Child, e.Err)
}

// Unwrap returns Err.
func (e *StartError) Unwrap() error { return e.Err }

// StartChildInit starts a child with a start step and waits for that step
// (Elixir's DynamicSupervisor.start_child, which returns {:ok, pid},
// :ignore or {:error, reason}). It returns the child's id once init has
// returned a run function, which then runs; (-1, [ErrIgnore]) if init
// returned ErrIgnore; and (-1, a [*StartError]) if init failed or
// panicked. In both of those cases nothing is left running. A refused
// start returns as [Supervisor.StartChild] does: [ErrMaxChildren],
// [ErrStopped], or an error wrapping [ErrInvalidOption].
//
// A start step in progress holds its place against [MaxChildren], and
// [Supervisor.WhichChildren] shows it Starting. When the child is
// restarted, init runs again first, and the child is Restarting meanwhile:
// if it returns ErrIgnore the child is removed; if it fails, the restart
// is tried again, counted against the restart intensity like any restart,
// so a start that keeps failing ends in the supervisor giving up.
//
// If ctx ends while init runs, the child is terminated (its context is
// cancelled, with its shutdown time to return) and StartChildInit returns
// ctx.Err().
func (s *Supervisor) StartChildInit(ctx context.Context, init Init, opts ...ChildOption) (ID, error) {
	sp := childDefaults()
	for _, opt := range opts {
		opt(&sp)
	}
	if init == nil {
		invalid(&sp.errs, "nil start function")
	}
	if err := errors.Join(sp.errs...); err != nil {
		return -1, err
	}
	reply, started := make(chan startReply, 1), make(chan error, 1)
	if err := s.send(ctx, startChild{init: init, started: started, spec: sp, reply: reply}); err != nil {
		return -1, err
	}
	r := <-reply // the loop answers at once
	if r.err != nil {
		return -1, r.err
	}
	select {
	case err := <-started:
		if err != nil {
			return -1, err
		}
		return r.id, nil
	case <-ctx.Done():
		_ = s.send(context.Background(), terminateChild{id: r.id, reply: make(chan error, 1)})
		return -1, ctx.Err()
	}
}

// childStartDone is a child's goroutine reporting how its start step went.
type childStartDone struct {
	id          ID
	incarnation int
	err         error // nil: the run function is running now
}

func (childStartDone) isMessage() {}

// launch starts the goroutine of the child's current incarnation: its
// start step first, if it has one.
func (l *loop) launch(ctx context.Context, c *child) {
	if c.init == nil {
		go l.s.runChild(ctx, c.id, c.incarnation, c.fn)
		return
	}
	c.starting = true
	go l.s.runInit(ctx, c.id, c.incarnation, c.init)
}

// runInit is the goroutine of an incarnation with a start step: the step,
// then, if it succeeded and the supervisor heard of it, the run function.
func (s *Supervisor) runInit(ctx context.Context, id ID, incarnation int, init Init) {
	if run, ok := s.startStep(ctx, id, incarnation, init); ok {
		s.runChild(ctx, id, incarnation, run)
	}
}

// startStep runs init and reports the outcome to the loop, from a deferred
// call so that a panic or runtime.Goexit is reported too.
func (s *Supervisor) startStep(ctx context.Context, id ID, incarnation int, init Init) (run func(context.Context) error, ok bool) {
	m := childStartDone{id: id, incarnation: incarnation}
	returned := false
	defer func() {
		if !returned {
			m.err = &task.ExitError{Reason: errGoexit}
			if p := recover(); p != nil {
				m.err = &task.ExitError{Reason: task.Recovered(p)}
			}
		}
		select {
		case s.mailbox <- m:
			ok = m.err == nil
		case <-s.done: // gone: the child was abandoned; run nothing
		}
	}()
	run, m.err = init(ctx)
	if m.err == nil && run == nil {
		m.err = errNilRun
	}
	returned = true
	return run, false // ok is set by the deferred report
}

// startDone handles the outcome of a start step.
func (l *loop) startDone(m childStartDone) {
	c := l.children[m.id]
	if c == nil || c.incarnation != m.incarnation {
		return // abandoned meanwhile
	}
	c.starting = false
	switch {
	case m.err == nil:
		l.emit(event.ChildReady, c.id, c.slot, c.incarnation, nil)
		c.answerStart(l.startCut(c))
	case errors.Is(m.err, ErrIgnore):
		l.emit(event.ChildIgnored, c.id, c.slot, c.incarnation, nil)
		l.removeAnswering(c, ErrIgnore)
	default:
		err := &StartError{Child: c.id, Err: m.err}
		l.emit(event.ChildStartFailed, c.id, c.slot, c.incarnation, err)
		var answer error = err
		if l.stopping {
			answer = ErrStopped
		}
		if c.started != nil || c.stopping {
			l.removeAnswering(c, answer) // a first start that failed, or one cut short
			return
		}
		l.restart(c, err) // a restart that failed is tried again
	}
}

// removeAnswering removes c, then tells the caller of its first start, if
// one waits, answer: the removal is in the trace by the time it hears.
func (l *loop) removeAnswering(c *child, answer error) {
	started := c.started
	c.started = nil
	l.remove(c, nil)
	if started != nil {
		started <- answer
	}
}

// startCut is what the caller of a first start hears when its start step
// succeeded: nil, unless the child was cancelled meanwhile (the supervisor
// is stopping, or the child was terminated).
func (l *loop) startCut(c *child) error {
	switch {
	case l.stopping:
		return ErrStopped
	case c.stopping:
		return &StartError{Child: c.id, Err: ErrShutdown}
	}
	return nil
}

// dropStart answers the caller of a first start whose child is removed
// before its start step reported: abandoned after its shutdown time.
func (l *loop) dropStart(c *child, reason error) {
	if l.stopping {
		reason = ErrStopped
	} else {
		reason = &StartError{Child: c.id, Err: reason}
	}
	c.answerStart(reason)
}

// answerStart tells the caller of a first start how it went, and reports
// whether there was one.
func (c *child) answerStart(err error) bool {
	if c.started == nil {
		return false
	}
	c.started <- err
	c.started = nil
	return true
}

// restartPending reports whether the child is being restarted: its
// restart's start step is running.
func (c *child) restartPending() bool { return c.starting && c.incarnation > 0 }
