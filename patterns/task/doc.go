// Package task runs functions as supervised tasks, the Go counterpart of
// Elixir's Task.Supervisor: [Async] is async_nolink, [Task.Yield] and
// [Task.Shutdown] are Task.yield and Task.shutdown, and
// [Task.YieldOrShutdown] is the `Task.yield(t, ms) || Task.shutdown(t)`
// idiom in one call.
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
