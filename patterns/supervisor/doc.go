// Package supervisor starts goroutines on demand and restarts them when they
// exit, the Go counterpart of Elixir's DynamicSupervisor (strategy
// one_for_one: a child's exit concerns that child alone).
//
//	sup, err := supervisor.Start(ctx, supervisor.MaxChildren(100))
//	if err != nil { … an invalid option … }
//	defer sup.Stop(context.Background())
//	id, err := sup.StartChild(ctx, serveConn, supervisor.WithRestart(supervisor.Transient))
//	if errors.Is(err, supervisor.ErrMaxChildren) { … refuse the work … }
//
// # Children and their exits
//
// A child is a func(ctx context.Context) error, run in a goroutine of its
// own. How it ends decides what happens next:
//
//   - returning nil is a normal exit;
//   - returning an error, panicking or calling runtime.Goexit is an abnormal
//     exit. A panic is recovered in the child's goroutine and becomes a
//     [task.ExitError] wrapping a [task.PanicError] with the stack; it never
//     takes the program down;
//   - returning [ErrShutdown] (Elixir's :shutdown) or a [*ShutdownError]
//     ({:shutdown, term}) is a shutdown exit: the child stopped itself on
//     purpose, and says so;
//   - returning after the supervisor cancelled its context (with nil or the
//     context's error) is a shutdown exit too.
//
// The reasons are kept apart, never flattened into one another: the hook's
// events carry what the child returned, errors.Is and errors.As tell
// ErrShutdown from a *ShutdownError and its Reason, and [ExitOf] names
// the four kinds ([NormalExit], [ShutdownExit], [ShutdownReasonExit],
// [AbnormalExit]).
//
// # Restart policies
//
// Each child has a policy, [Permanent] by default: permanent children are
// restarted after any exit, a shutdown they chose included (as in OTP),
// [Transient] ones only after an abnormal exit, so not after a shutdown,
// [Temporary] ones never. A child stopped by the supervisor is never
// restarted. A restarted child keeps its [ID]; its function is called
// again with a fresh context.
//
// # Start steps
//
// [Supervisor.StartChildInit] starts a child whose [Init] runs first, on
// the child's goroutine, and waits for it, as DynamicSupervisor.start_child
// waits for a child's init: the caller gets the child's id when init
// returned the function to run, [ErrIgnore] when init chose to start
// nothing (:ignore), or a [*StartError] when it failed or panicked
// ({:error, reason}); then no child is left. Unlike OTP's, the supervisor
// does not wait with the caller: it goes on serving others meanwhile, and
// [Supervisor.WhichChildren] shows the child Starting. A restarted child
// runs its start step again and is Restarting meanwhile; a restart whose
// start step fails is tried again, each try counted against the restart
// intensity, and one that returns ErrIgnore removes the child.
//
// # Restart intensity
//
// [MaxRestarts] (default 3 within 5 s, Elixir's max_restarts and
// max_seconds) bounds how often children may be restarted. When a child
// needs a restart and the limit is already reached within the period, the
// supervisor gives up: it stops every child and ends with an
// [*IntensityError], which errors.Is recognises as [ErrMaxIntensity]. A
// child that keeps crashing thus cannot spin forever; the failure goes up to
// whoever owns the supervisor, through [Supervisor.Done] and [Supervisor.Err].
//
// # Restart delay
//
// As in OTP, a restart happens at once by default. Under a lenient
// intensity a child that fails at once is then restarted as fast as the
// loop can go. [RestartBackoff] delays each restart of a child, doubling
// from a first delay up to a max; a child that ran for the max or longer
// starts over from the first. The intensity still counts the restart when
// the exit asks for it, and a child waiting to restart is held (it counts
// against MaxChildren) until it starts or is stopped.
//
// # Bounded children
//
// [MaxChildren] (default: no limit) bounds the children held at once,
// including those being started, restarted or stopped. MaxChildren(0) is
// valid, as in Elixir: it refuses every start. [Supervisor.StartChild] never
// waits for room: beyond the limit it returns [ErrMaxChildren] at once, so
// the caller can shed load or push back. This is the answer to "is spawning
// bounded?".
//
// # Stopping, and what Go cannot do
//
// Stopping the supervisor ([Supervisor.Stop], or ending the context given
// to [Start]) cancels every child's context at once; each has its own
// [Shutdown] time (default 5 s) to return. OTP would then kill the process;
// Go cannot kill a goroutine, so a child still running then is reported
// abandoned (an event, a count, and Stop's error, an [*AbandonedError]
// that names each such child with the shutdown time it had) and left
// behind.
// [Supervisor.TerminateChild] does the same for one child. A stopped
// supervisor leaves nothing running but children reported abandoned.
//
// # Making one
//
// A [Supervisor] is made with [Start], which also starts its goroutine;
// the zero value is not usable, and each method panics on it with a
// message that names Start.
//
// # Observing
//
// [WithHook] reports every step (a child started, ready after its start
// step, ignored, failed to start, exited, crashed, restarted, abandoned;
// the restart window; the supervisor giving up) as
// an [event.Event], from the supervisor's goroutine and in its order.
// [WithClock] times restarts and shutdowns on another clock, such as
// [clock.Virtual]. [Supervisor.WhichChildren] and [Supervisor.CountChildren]
// report the current state.
//
// # Cost and when not to use it
//
// One goroutine runs the supervisor, and each child incarnation is a new
// goroutine; a start or an exit is a round trip through the supervisor's
// mailbox, a few microseconds. For tasks that run once and return a result,
// use package task or errgroup; a supervisor is for workers that should be
// running, and be restarted, for as long as their owner lives. For bounding
// short-lived work under load, a worker pool or a limiter reuses goroutines
// and makes callers wait instead of refusing them.
//
// # Names shared with other packages
//
// This package's [Supervisor] keeps long-lived children alive by policy
// (Elixir's DynamicSupervisor); package task's Supervisor runs one-off
// tasks (Task.Supervisor). [ErrStopped] here means this supervisor has
// stopped; task and stage have sentinels of the same name for their own
// stops, so test with the package the value came from. The [Shutdown]
// child option is a child's grace period once cancelled, the same idea as
// the Shutdown options of task, stream and stage.
package supervisor
