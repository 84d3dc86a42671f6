package supervisor

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/concurrency-patterns/playground/patterns/task"
)

// Errors the supervisor returns. Test them with errors.Is.
var (
	// ErrInvalidOption is wrapped by every error about a bad option or a nil
	// child function.
	ErrInvalidOption = errors.New("supervisor: invalid option")
	// ErrMaxChildren: the supervisor already holds its maximum of children
	// (Elixir's {:error, :max_children}).
	ErrMaxChildren = errors.New("supervisor: max children reached")
	// ErrNotFound: no child has that id, or it is no longer held.
	ErrNotFound = errors.New("supervisor: no such child")
	// ErrStopped: the supervisor is stopping or has stopped. It is also the
	// reason [Supervisor.Err] gives after [Supervisor.Stop].
	ErrStopped = errors.New("supervisor: stopped")
	// ErrMaxIntensity: a child needed more restarts within the period than
	// the intensity allows, so the supervisor stopped itself.
	ErrMaxIntensity = errors.New("supervisor: reached max restart intensity")
)

// IntensityError is why a supervisor gave up: the restart of Child would
// have been one too many. errors.Is(err, ErrMaxIntensity) holds, and
// errors.Is/As also see Exit, the child's exit that asked for the restart.
type IntensityError struct {
	Restarts int           // restarts within the period, the refused one included
	Period   time.Duration // the intensity period (Elixir's max_seconds)
	Child    ID
	Exit     error // nil when the child (permanent) exited normally
}

func (e *IntensityError) Error() string {
	why := "a normal exit"
	if e.Exit != nil {
		why = e.Exit.Error()
	}
	// Restarts counts the refused one, which never happened: say it as
	// the restart that was refused, so no reader counts it as done.
	return fmt.Sprintf("%v: restart %d within %v refused, for child %d after %s",
		ErrMaxIntensity, e.Restarts, e.Period, e.Child, why)
}

// Unwrap returns ErrMaxIntensity and, when there is one, the child's exit.
func (e *IntensityError) Unwrap() []error {
	if e.Exit == nil {
		return []error{ErrMaxIntensity}
	}
	return []error{ErrMaxIntensity, e.Exit}
}

// AbandonedError is [Supervisor.Stop]'s error when children outlived their
// shutdown time while the supervisor stopped: Go cannot kill them, so
// their goroutines were left behind. errors.Is(err, task.ErrAbandoned)
// holds.
type AbandonedError struct {
	Children []AbandonedChild // in the order they were abandoned
}

// AbandonedChild is one child left behind, and the shutdown time it had.
type AbandonedChild struct {
	ID       ID
	Shutdown time.Duration
}

func (e *AbandonedError) Error() string {
	var b strings.Builder
	if len(e.Children) == 1 {
		b.WriteString("supervisor: 1 child abandoned when its shutdown time ran out (")
	} else {
		fmt.Fprintf(&b, "supervisor: %d children abandoned when their shutdown time ran out (", len(e.Children))
	}
	for i, c := range e.Children {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "child %d after %v", c.ID, c.Shutdown)
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns task.ErrAbandoned.
func (e *AbandonedError) Unwrap() error { return task.ErrAbandoned }
