package stream

import (
	"context"
	"errors"
	"iter"
)

// Result is the outcome of one input's task.
type Result[Out any] struct {
	Index int   // the input's position in the source, from 0
	Value Out   // the task's value when Err is nil
	Err   error // the task's own error, or a *task.ExitError
}

// Stream is a configured bounded map. It holds no running state: Run may be
// called any number of times, also concurrently.
type Stream[In, Out any] struct {
	fn  func(context.Context, In) (Out, error)
	cfg config
}

// New returns a stream that applies fn to each input. It reports every
// invalid option, each wrapping [ErrInvalidOption], and refuses a nil fn.
func New[In, Out any](fn func(context.Context, In) (Out, error), opts ...Option) (*Stream[In, Out], error) {
	cfg := defaults()
	for _, opt := range opts {
		opt(&cfg)
	}
	if fn == nil {
		cfg.invalid("nil function")
	}
	if cfg.windowSet && !cfg.ordered {
		cfg.invalid("an ordered window does not apply to an unordered stream")
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	return &Stream[In, Out]{fn: fn, cfg: cfg}, nil
}

// Run starts the stream over inputs. Nothing happens until the returned
// iterator is ranged over; each range runs the stream anew.
//
// The iterator yields (result, nil) for each input, then ends. It yields
// (zero, err) once and ends early when the stream stops: a *task.ExitError
// wrapping task.ErrTimeout for a timeout under OnTimeout(Exit), or ctx.Err()
// (wrapping context.Cause(ctx) too, when the context was given a cause of
// its own), the same error whether ctx ended before the run or during it.
// When the iterator ends, for whatever reason, every task has returned or
// been reported abandoned.
//
// Run panics on a Stream that was not made with [New].
func (s *Stream[In, Out]) Run(ctx context.Context, inputs iter.Seq[In]) iter.Seq2[Result[Out], error] {
	if s == nil || s.fn == nil {
		panic("stream: Run on a zero Stream; make one with stream.New")
	}
	return func(yield func(Result[Out], error) bool) {
		c := newCoordinator(s, ctx)
		defer c.halt()
		c.run(inputs, yield)
	}
}
