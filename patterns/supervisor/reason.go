package supervisor

import (
	"context"
	"errors"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/task"
)

// ErrShutdown is the bare shutdown reason (Elixir's :shutdown): a child
// that returns it stops itself with a shutdown exit, which a [Transient]
// child is not restarted after. It is task.ErrShutdown, the reason the
// supervisor cancels a child with, so errors.Is sees one through the other.
var ErrShutdown = task.ErrShutdown

// ShutdownError is a shutdown reason that says why (Elixir's
// {:shutdown, term}): a child returns &ShutdownError{Reason: …} to stop
// itself with a shutdown exit that keeps its cause. errors.Is(err,
// ErrShutdown) holds for it, and errors.Is/As also see Reason when it is
// an error.
type ShutdownError struct {
	Reason any
}

func (e *ShutdownError) Error() string { return fmt.Sprintf("shutdown: %v", e.Reason) }

// Unwrap returns ErrShutdown and, when Reason is an error, Reason.
func (e *ShutdownError) Unwrap() []error {
	if err, ok := e.Reason.(error); ok {
		return []error{ErrShutdown, err}
	}
	return []error{ErrShutdown}
}

// Exit is how a child's incarnation ended, in OTP's terms. The four are
// kept apart: an exit reason is never flattened into another.
type Exit uint8

const (
	// NormalExit: the child returned nil (Elixir's :normal).
	NormalExit Exit = iota
	// ShutdownExit: the child returned ErrShutdown, or returned nil or its
	// context's error after the supervisor cancelled it (:shutdown).
	ShutdownExit
	// ShutdownReasonExit: the child returned a *ShutdownError
	// ({:shutdown, term}).
	ShutdownReasonExit
	// AbnormalExit: any other error, a panic or runtime.Goexit. Only this
	// one restarts a Transient child.
	AbnormalExit
)

func (x Exit) String() string {
	switch x {
	case NormalExit:
		return "normal"
	case ShutdownExit:
		return "shutdown"
	case ShutdownReasonExit:
		return "shutdown with a reason"
	case AbnormalExit:
		return "abnormal"
	}
	return "unknown"
}

// ExitOf classifies what a child returned, err, as [Supervisor] does.
// cancelled says whether the supervisor had cancelled the child: then nil
// and the context's own error are a shutdown, not a normal or abnormal
// exit. A panic arrives as a *task.ExitError and is abnormal.
func ExitOf(err error, cancelled bool) Exit {
	var reason *ShutdownError
	switch {
	case errors.As(err, new(*task.ExitError)):
		return AbnormalExit // a panic, even panic(ErrShutdown), is abnormal
	case errors.As(err, &reason):
		return ShutdownReasonExit
	case errors.Is(err, ErrShutdown):
		return ShutdownExit
	case cancelled && (err == nil || errors.Is(err, context.Canceled)):
		return ShutdownExit
	case err == nil:
		return NormalExit
	}
	return AbnormalExit
}
