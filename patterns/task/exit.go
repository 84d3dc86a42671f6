package task

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// Reasons an [ExitError] carries. Test them with errors.Is.
var (
	// ErrTimeout: the task ran past its timeout.
	ErrTimeout = errors.New("task: timeout")
	// ErrShutdown: the task was cancelled because its owner stopped it.
	ErrShutdown = errors.New("task: shutdown")
	// ErrAbandoned: the task was cancelled and did not return within its
	// shutdown time. Go cannot kill a goroutine, so it may still be running.
	ErrAbandoned = errors.New("task: abandoned after shutdown timeout")
)

// ExitError is the outcome of a task that did not return normally, like
// Elixir's {:exit, reason}.
type ExitError struct {
	// Reason is ErrTimeout, ErrShutdown, ErrAbandoned or a *PanicError.
	Reason error
	// Input is the input that caused the exit, when the caller asked for it
	// (Elixir's zip_input_on_exit); nil otherwise.
	Input any
}

func (e *ExitError) Error() string { return "exit: " + e.Reason.Error() }

// Unwrap lets errors.Is and errors.As see the reason.
func (e *ExitError) Unwrap() error { return e.Reason }

// PanicError is the reason of a task that panicked.
type PanicError struct {
	Value any    // what was passed to panic
	Stack []byte // the panicking goroutine's stack
}

func (p *PanicError) Error() string { return fmt.Sprintf("panic: %v", p.Value) }

// Unwrap returns the panic value when it is an error, so errors.Is can see
// through a panic(err).
func (p *PanicError) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

// Recovered turns a value returned by recover into a *PanicError with the
// current stack. Call it from the deferred function that recovered.
func Recovered(v any) *PanicError { return &PanicError{Value: v, Stack: debug.Stack()} }
