package supervisor

import (
	"context"
	"errors"
	"sync"
)

// Supervisor starts children on demand and restarts them by their policy.
// Make one with [Start]; the zero value is not usable, and each method
// panics on it with a message that says so. Its methods are safe for
// concurrent use.
//
// The caller of Start owns the supervisor: it runs until [Supervisor.Stop]
// is called, the context given to Start ends, or it gives up after too many
// restarts. Either way it stops every child before [Supervisor.Done] closes.
type Supervisor struct {
	mailbox  chan message  // requests and child exits, read by the loop alone
	stop     chan struct{} // closed by Stop
	stopOnce sync.Once
	done     chan struct{} // closed when the loop has ended

	// Written by the loop before done is closed.
	err          error // why it stopped
	abandonedErr error // the children abandoned while it stopped, if any
}

// Start starts a supervisor with no children. It reports every invalid
// option, each wrapping [ErrInvalidOption], and returns ctx.Err() if ctx is
// already done.
//
// Ending ctx stops the supervisor, like Stop, with context.Cause(ctx) as the
// reason. Children get contexts that carry ctx's values but are cancelled
// only by the supervisor, so that it decides the order of a shutdown.
func Start(ctx context.Context, opts ...Option) (*Supervisor, error) {
	cfg := defaults()
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := &Supervisor{
		mailbox: make(chan message),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	l := newLoop(s, &cfg, context.WithoutCancel(ctx))
	go l.run(ctx)
	return s, nil
}

// StartChild starts fn as a new child (Elixir's start_child) and returns its
// id. fn gets a context the supervisor cancels when it stops the child;
// returning nil is a normal exit, returning an error or panicking an
// abnormal one.
//
// StartChild never waits for room: with [MaxChildren] children held it
// returns [ErrMaxChildren] at once. It returns [ErrStopped] once the
// supervisor is stopping, an error wrapping [ErrInvalidOption] for a nil fn
// or a bad option, and ctx.Err() if ctx ends before the supervisor takes
// the request, in which case nothing was started.
func (s *Supervisor) StartChild(ctx context.Context, fn func(context.Context) error, opts ...ChildOption) (ID, error) {
	s.check()
	sp := childDefaults()
	for _, opt := range opts {
		opt(&sp)
	}
	if fn == nil {
		invalid(&sp.errs, "nil child function")
	}
	if err := errors.Join(sp.errs...); err != nil {
		return -1, err
	}
	reply := make(chan startReply, 1)
	if err := s.send(ctx, startChild{fn: fn, spec: sp, reply: reply}); err != nil {
		return -1, err
	}
	r := <-reply // the loop answers at once
	return r.id, r.err
}

// TerminateChild stops a child and removes it without restarting it,
// whatever its policy (Elixir's terminate_child): its context is cancelled
// and it has its shutdown time to return. It returns nil once the child has
// returned, or a [task.ExitError] wrapping [task.ErrAbandoned] if it did
// not return in time. It returns [ErrNotFound] for an id the supervisor
// does not hold, and [ErrStopped] once the supervisor has stopped.
//
// If ctx ends first, TerminateChild returns ctx.Err(), but a termination
// already under way goes on: a cancelled child is never restarted.
func (s *Supervisor) TerminateChild(ctx context.Context, id ID) error {
	reply := make(chan error, 1)
	if err := s.send(ctx, terminateChild{id: id, reply: reply}); err != nil {
		return err
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stop stops the supervisor: every child's context is cancelled at once and
// each has its own shutdown time to return. Stop begins this even if ctx is
// already done; ctx bounds only the wait. It returns nil once every child
// has returned, an [*AbandonedError] (errors.Is [task.ErrAbandoned]) that
// names the children abandoned while the supervisor stopped and the
// shutdown time each had, or ctx.Err().
//
// Stop may be called any number of times, also after the supervisor stopped
// on its own; [Supervisor.Err] then still tells the first reason. A child
// that calls Stop is one of the children being stopped: unless ctx says
// otherwise, it waits out its own shutdown time and is abandoned.
func (s *Supervisor) Stop(ctx context.Context) error {
	s.check()
	s.stopOnce.Do(func() { close(s.stop) })
	if !s.stopped() {
		select {
		case <-s.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return s.abandonedErr
}

// Wait blocks until the supervisor has stopped and returns the reason, as
// [Supervisor.Err] does, or ctx.Err() if ctx ends first.
func (s *Supervisor) Wait(ctx context.Context) error {
	s.check()
	if s.stopped() {
		return s.err
	}
	select {
	case <-s.done:
		return s.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Done is closed once the supervisor has stopped and every child has
// returned or been abandoned.
func (s *Supervisor) Done() <-chan struct{} {
	s.check()
	return s.done
}

// Err returns nil while the supervisor runs. After Done is closed it tells
// why it stopped: [ErrStopped] after Stop, context.Cause of the context
// given to Start, or an [*IntensityError] (errors.Is [ErrMaxIntensity]).
func (s *Supervisor) Err() error {
	s.check()
	if !s.stopped() {
		return nil
	}
	return s.err
}

func (s *Supervisor) stopped() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// check refuses a Supervisor that Start did not make, which would block
// or crash later.
func (s *Supervisor) check() {
	if s == nil {
		panic("supervisor: nil Supervisor; make one with supervisor.Start")
	}
	if s.done == nil {
		panic("supervisor: zero Supervisor; make one with supervisor.Start")
	}
}

// send hands m to the loop, unless ctx ends or the supervisor has stopped
// first.
func (s *Supervisor) send(ctx context.Context, m message) error {
	s.check()
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case s.mailbox <- m:
		return nil
	case <-s.done:
		return ErrStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}
