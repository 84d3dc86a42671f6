// Package task runs functions as supervised tasks, the Go counterpart of
// Elixir's Task.Supervisor: [Async] is async_nolink, [StartChild] is
// start_child, [Task.Await], [Task.Yield], [Task.Shutdown] and
// [Task.Ignore] are Task.await, Task.yield, Task.shutdown and Task.ignore,
// [AwaitMany] and [YieldMany] are Task.await_many and Task.yield_many,
// [Completed] is Task.completed, and [Task.YieldOrShutdown] is the
// `Task.yield(t, ms) || Task.shutdown(t)` idiom in one call.
//
// # Outcomes
//
// A task ends with a value and an error. The error is either the task's own
// (the function returned it) or an [*ExitError]: the task did not return
// normally because it panicked, timed out, or was shut down. Use errors.As
// to tell them apart:
//
//	var exit *task.ExitError
//	if errors.As(err, &exit) { … the task exited … }
//
// # Panics
//
// A task's panic is recovered in the task's own goroutine and becomes its
// exit, carrying the panic value and stack ([*PanicError]). The caller never
// panics because of a task. Contrast a bare `go f()`: if f panics, the whole
// program dies.
//
// # Killing, the Go way
//
// Go cannot kill a goroutine. Where OTP kills, a task's context is
// cancelled, the task gets its shutdown time to return, and a task still
// running after that is abandoned: reported through the hook, counted by
// [Supervisor.Abandoned], and given an exit wrapping [ErrAbandoned]. It is
// never silently leaked, and never counted twice, even when [Supervisor.Stop]
// and [Task.Shutdown] give up on it at the same time.
//
// A brutal kill ([BrutalKill]) does not wait, and the task's reply, if it
// makes one later, is dropped. Since Go cannot kill, "abandoned" keeps its
// meaning: the task is reported abandoned only if it is still running the
// supervisor's shutdown time after the kill. A task that honours its
// cancellation in that time is not.
//
// # Time limits
//
// One rule holds across the library: a call that waits has the OTP
// default time limit, which an option changes or lifts, and its context;
// whichever ends first ends the wait. [Task.Await] and [AwaitMany] thus
// stop waiting after the supervisor's [AwaitTimeout], 5 s by default as
// Elixir's Task.await (pool.Checkout does the same with poolboy's 5 s), and
// return an exit wrapping [ErrTimeout]; [NoAwaitTimeout] waits for the
// context alone. The task is not stopped: Elixir's caller would exit, and its
// unlinked task would run on. [YieldMany] waits 5 s unless [Within] says
// otherwise. A zero wait is a poll, as Task.yield(task, 0) is: Yield(ctx,
// 0) and Within(0) report what has returned, on any clock.
//
// Wherever a reply and a time limit fall due together, the reply wins.
//
// # Fan-out, fan-in
//
// [AwaitMany] waits for every task and returns their values in order; the
// first task to fail, by an exit or by an error of its own, ends the wait
// with that error (Elixir has no error returns: its caller exits on a
// task's exit). [YieldMany] returns an [Outcome] for each task instead,
// errors included, and stops waiting at a [Limit] of outcomes or when its
// time runs out; then [OnTimeout] says what becomes of the rest: left
// running (the default, Elixir's :nothing), ignored, shut down, or killed.
//
// # Managing the supervisor
//
// [Supervisor.Children] lists the running tasks' ids and
// [Supervisor.TerminateChild] stops one. Tasks started with [StartChild]
// take a restart policy ([WithRestart]: [Temporary] by default, as in
// Elixir, or [Transient] or [Permanent]); a restarted task keeps its id.
// [MaxRestarts] (3 within 5 s, Elixir's default) bounds the restarts: one
// more and the supervisor stops itself, cancelling every task, and
// [Supervisor.Err] says why. Each task may have its own shutdown time
// ([WithShutdown]), which Stop, TerminateChild and YieldOrShutdown give it.
// [MaxChildren](0) is allowed, as in Elixir: every start is refused.
//
// Work that runs on goroutines of its own can still be counted among a
// supervisor's children with [Supervisor.Enroll]: package stream does so
// for each of its tasks when given a supervisor, as Elixir's
// Task.Supervisor.async_stream_nolink does.
//
// # Ownership
//
// The [Supervisor] owns every task goroutine: [Supervisor.Stop] cancels them
// all and returns once each has returned or been abandoned. A [Task] handle
// belongs to the code that started it; as in Elixir, only that owner should
// yield, await or shut it down (this is documented, not enforced).
//
// # Making one
//
// A [Supervisor] is made with [NewSupervisor]; the zero value is not usable,
// and each of its methods, and [Async] or [Go] given one, panics with a
// message that names the constructor. A [Task] comes only from [Async].
//
// # Cost and when not to use it
//
// A task is a goroutine, a context and a small struct: about a microsecond.
// For many small items, prefer package stream, which reuses its workers.
//
// # Names shared with other packages
//
// [Supervisor] here supervises tasks: calls that run once and report one
// outcome, as Elixir's Task.Supervisor does. The long-lived children that a
// restart policy keeps alive belong to package supervisor, whose
// Supervisor is Elixir's DynamicSupervisor. [ErrStopped] is this
// package's own sentinel ("task: supervisor stopped"); supervisor and stage
// each have one for their own kind of stop, so compare with the package
// the value came from. The [Shutdown] option sets how long a task may take
// to end once cancelled; the [Task.Shutdown] method is the act of stopping
// one task, as Task.shutdown/2 is in Elixir. stream, stage and supervisor
// each have a Shutdown option with the same meaning for what they run.
package task
