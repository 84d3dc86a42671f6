// Package task runs functions as supervised tasks, the Go counterpart of
// Elixir's Task.Supervisor.async_nolink.
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
// panics because of a task.
package task
