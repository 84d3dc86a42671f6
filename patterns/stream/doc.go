// Package stream maps a function over a sequence of inputs with bounded
// concurrency, the Go counterpart of Elixir's
// Task.Supervisor.async_stream_nolink.
//
// A [Stream] is built once with [New] and its options, then run over inputs
// with [Stream.Run], which returns an iterator of results:
//
//	s, err := stream.New(fetch, stream.MaxConcurrency(10), stream.Unordered())
//	if err != nil { … an invalid option … }
//	for r, err := range s.Run(ctx, urls) {
//		if err != nil { … the stream stopped: a timeout with OnTimeout(Exit), or ctx … }
//		… r.Index, r.Value, r.Err …
//	}
//
// # Semantics (the defaults are Elixir's)
//
//   - Lazy: an input is taken from the source only when a slot is free, and
//     at most [MaxConcurrency] tasks run at once (default GOMAXPROCS). Under
//     js/wasm, as in a browser, GOMAXPROCS is always 1, so there the default
//     runs one task at a time: set MaxConcurrency when tasks mostly wait.
//   - Ordered by default: results come in input order. A slot frees as soon
//     as its task finishes; a result that finished early waits in a buffer
//     until those before it have been emitted. As in Elixir the buffer has
//     no bound, so one stuck item lets the others pull on through the
//     source; [OrderedWindow] bounds it. [Unordered] emits results as they
//     complete.
//   - Each task has a [Timeout] (default 5 s) counted from its start. If the
//     task's reply and the timeout coincide, the reply wins. With
//     OnTimeout([Exit]) (the default) the first timeout ends the whole
//     stream with an error; with OnTimeout([KillTask]) that item's result is
//     a timeout exit and the stream goes on.
//   - A task's panic is recovered in the task's goroutine and becomes that
//     item's result, a [task.ExitError] wrapping a [task.PanicError]. The
//     caller never panics because of a task.
//   - Stopping early (break, or an error yielded by the stream) cancels every
//     running task and waits up to [Shutdown] (default 5 s) for each; a task
//     still running then is reported abandoned (Go cannot kill a goroutine).
//     Run returns only when every task has returned or been abandoned.
//   - A cancelled ctx ends the stream with ctx.Err(), which also wraps
//     context.Cause(ctx) when there is one: errors.Is(err,
//     context.Canceled) holds whether ctx ended before the run or during it.
//
// A [Stream] is made with [New]; the zero value is not usable, and Run on
// it panics with a message that says so.
//
// # Under a task supervisor
//
// By default a stream's tasks belong to the stream alone, as with Elixir's
// Task.async_stream. [WithSupervisor] makes each one a child of a
// task.Supervisor, as Task.Supervisor.async_stream_nolink does: it counts
// against the supervisor's MaxChildren, and the supervisor's Stop and
// TerminateChild stop it, giving its item an exit result that wraps
// task.ErrShutdown. A task the supervisor refuses stops the whole stream,
// as Elixir's raises: the running tasks are cancelled and the iterator's
// error wraps task.ErrMaxChildren (or task.ErrStopped). Keep MaxConcurrency
// within MaxChildren, less what else the supervisor runs.
//
// # Zero values in options
//
// Timeout(0) is refused, unlike Elixir's timeout: 0, which times every
// task out before it can reply: in Go a zero duration is far more often a
// setting left out than a wish, so the error points to [NoTimeout] for no
// limit. MaxConcurrency(0) is refused too; Elixir requires a positive
// max_concurrency as well.
//
// # Cost and when not to use it
//
// A bound is a limit, not an allocation: MaxConcurrency(1_000_000) costs
// memory only for the slots a run uses. A worker retired by a KillTask
// timeout is let go as soon as its task returns or is abandoned, so a long
// run of timeouts holds only the tasks still out.
//
// Workers are reused across tasks and each keeps one lazy timer, so a task
// costs a clock read and a few steps under one mutex, not a goroutine. The
// consumer takes every finished result in one step, and a worker that
// finishes takes the next job in the same step, so with several slots the
// stream keeps pace with a hand-written set of workers even though it reads
// no input ahead. With one slot, laziness has a price: the next task starts
// only after the consumer has taken the last result, so each task waits for
// two goroutine switches. For a handful of long tasks, errgroup with
// SetLimit is simpler; use this when you want per-task timeouts, panic
// isolation, ordered results, or to watch the stream through an
// [event.Hook].
//
// The source is read on the consumer's goroutine: while it blocks waiting for
// its next input, finished results wait too.
//
// # Names shared with other packages
//
// The [Shutdown] option is how long a cancelled task may take to end before
// it is abandoned, the same idea as the Shutdown options of task, stage and
// supervisor (and the shutdown option of Elixir's async_stream).
package stream
