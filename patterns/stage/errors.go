package stage

import (
	"errors"
	"fmt"
)

var (
	// ErrTopology is wrapped by every error about how stages are connected:
	// a subscription across pipelines, twice to one producer, or making a
	// cycle; a stage left without producers or consumers at Start.
	ErrTopology = errors.New("stage: invalid topology")
	// ErrStarted: stages cannot be added or subscribed, and a pipeline cannot
	// start, once it has started.
	ErrStarted = errors.New("stage: pipeline already started")
	// ErrStopped: the pipeline stopped before the stage finished its work.
	// A push after the stop returns it; a stage's done event carries it.
	ErrStopped = errors.New("stage: pipeline stopped")
)

// Why a batcher flushed a batch: the Err of a BatchFlushed event, whose
// text (the trace's Detail) is "size", "timeout" or "drain".
var (
	FlushSize    error = flushReason("size")    // the batch reached the batch size
	FlushTimeout error = flushReason("timeout") // the batch timeout passed since its first event
	FlushDrain   error = flushReason("drain")   // the batcher's producers finished
)

type flushReason string

func (r flushReason) Error() string { return string(r) }

// errGoexit is the exit reason of a function that called runtime.Goexit.
var errGoexit = errors.New("stage: function called runtime.Goexit")

// errVetoed: the events of a call came from a subscription cancelled just
// before it, so the function was not called.
var errVetoed = errors.New("stage: not called, the subscription was cancelled")

// errNotCalled: the stage is stopping, so its function was not called.
var errNotCalled = errors.New("stage: not called, the pipeline is stopping")

// Error is the failure of one stage's function that stopped a pipeline: the
// error it returned, or a *task.ExitError when it panicked (wrapping a
// *task.PanicError with the stack) or called runtime.Goexit.
type Error struct {
	Stage int // the stage's ID
	Err   error
}

func (e *Error) Error() string { return fmt.Sprintf("stage %d: %v", e.Stage, e.Err) }

// Unwrap lets errors.Is and errors.As see the stage's own error.
func (e *Error) Unwrap() error { return e.Err }

func topologyError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrTopology}, args...)...)
}
