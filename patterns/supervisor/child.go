package supervisor

import (
	"context"
	"errors"
	"time"

	"github.com/concurrency-patterns/playground/patterns/task"
)

// ID names a child for as long as the supervisor holds it, restarts
// included. Ids are handed out from 0 in start order and never reused.
type ID int

// Restart says when a child that exited is started again (Elixir's :restart).
type Restart uint8

const (
	// Permanent children are always restarted, even after a normal exit.
	Permanent Restart = iota
	// Transient children are restarted only after an abnormal exit: an error
	// or a panic, not nil and not a shutdown.
	Transient
	// Temporary children are never restarted.
	Temporary
)

func (r Restart) String() string {
	switch r {
	case Permanent:
		return "permanent"
	case Transient:
		return "transient"
	case Temporary:
		return "temporary"
	}
	return "unknown"
}

// ChildOption configures one child, as Elixir's child spec does.
type ChildOption func(*spec)

type spec struct {
	restart  Restart
	shutdown time.Duration
	errs     []error
}

func childDefaults() spec { return spec{restart: Permanent, shutdown: 5 * time.Second} }

// WithRestart sets the child's restart policy; the default is [Permanent].
func WithRestart(r Restart) ChildOption {
	return func(s *spec) {
		if r > Temporary {
			invalid(&s.errs, "unknown restart policy %d", r)
		}
		s.restart = r
	}
}

// Shutdown is how long the child may take to return once its context is
// cancelled before it is reported abandoned; 0 gives it no time: unless it
// has returned by the time the supervisor next looks, it is abandoned
// (Elixir's :brutal_kill, except that Go cannot kill: the goroutine is left
// behind, not ended). The default is 5 s.
func Shutdown(d time.Duration) ChildOption {
	return func(s *spec) {
		if d < 0 {
			invalid(&s.errs, "shutdown must not be negative, got %v", d)
		}
		s.shutdown = d
	}
}

// child is the supervisor's record of one child. Only the loop touches it.
type child struct {
	id          ID
	slot        int
	fn          func(context.Context) error
	spec        spec
	incarnation int                     // restarts so far
	cancel      context.CancelCauseFunc // of the running incarnation
	stopping    bool                    // cancelled by the supervisor, not yet returned
	waiters     []chan error            // TerminateChild callers
	init        Init                    // the start step, run before each incarnation; nil for none
	started     chan error              // the caller of a first start waiting for its start step
	starting    bool                    // its start step runs
	startedAt   time.Time               // when the running incarnation started
	restarting  bool                    // waiting out its restart delay: no goroutine runs
	delay       time.Duration           // the last restart delay, 0 for none
}

// errGoexit is the exit of a child that called runtime.Goexit.
var errGoexit = errors.New("supervisor: child called runtime.Goexit")

// runChild is the goroutine of one incarnation of a child. A panic is
// recovered here, in the child's own goroutine, with its stack. The exit is
// handed to the loop, or dropped if the supervisor is gone (the child was
// abandoned and returned late).
func (s *Supervisor) runChild(ctx context.Context, id ID, incarnation int, fn func(context.Context) error) {
	exit := childExited{id: id, incarnation: incarnation}
	returned := false
	defer func() {
		if !returned {
			exit.err, exit.panicked = &task.ExitError{Reason: errGoexit}, true
			if p := recover(); p != nil {
				exit.err = &task.ExitError{Reason: task.Recovered(p)}
			}
		}
		select {
		case s.mailbox <- exit:
		case <-s.done:
		}
	}()
	exit.err = fn(ctx)
	returned = true
}
