package event

// Kinds of the dynamic supervisor (package supervisor). Every one is
// reported from the supervisor's own goroutine, so a trace holds them in the
// order the supervisor decided. For a child, ID is the child's id (kept
// across restarts) and Slot its lane: the lowest lane free when it was first
// started, kept until it is removed.
const (
	// ChildStarted: a child's goroutine began, at its first start or a
	// restart. N is its incarnation: 0 at the first start, k after k restarts.
	ChildStarted Kind = supervisorKinds + iota
	// ChildExited: the child returned nil, a normal exit. N is its incarnation.
	ChildExited
	// ChildCrashed: the child returned an error or panicked, an abnormal exit.
	// Err is the error, or a task.ExitError wrapping a task.PanicError.
	ChildCrashed
	// ChildShutdown: a shutdown exit: the child returned after the
	// supervisor cancelled it (Err is task.ErrShutdown), or stopped itself
	// with a shutdown reason (Err is what it returned: supervisor.ErrShutdown
	// or a *supervisor.ShutdownError).
	ChildShutdown
	// ChildStopping: the supervisor cancelled the child's context; the child
	// has its shutdown time to return. Err is task.ErrShutdown.
	ChildStopping
	// ChildAbandoned: a cancelled child did not return within its shutdown
	// time; its goroutine may still run. Err is task.ErrAbandoned.
	ChildAbandoned
	// ChildRemoved: the supervisor no longer holds the child and its slot is
	// free. N is how many children it still holds.
	ChildRemoved
	// ChildRestarted: the supervisor restarts a child that exited; a
	// ChildStarted follows. N is the restarts in the intensity window,
	// this one included.
	ChildRestarted
	// ChildRefused: a start was refused because max children are held. ID
	// and Slot are -1; N is the limit; Err is supervisor.ErrMaxChildren.
	ChildRefused
	// RestartWindow: the number of restarts within the intensity window
	// changed, up by a restart or down as one aged out. N is the new number.
	RestartWindow
	// SupervisorGaveUp: a child needed one restart more than the intensity
	// allows. ID and Slot are that child's, N the restarts counted with it;
	// Err is the reason (errors.Is supervisor.ErrMaxIntensity). Stopping
	// follows.
	SupervisorGaveUp
	// SupervisorStopping: the supervisor began stopping; every child it holds
	// is cancelled at once. N is how many; Err is the reason.
	SupervisorStopping
	// SupervisorStopped: every child returned or was abandoned. N is how
	// many were abandoned while stopping; Err is the reason.
	SupervisorStopped
)

var _ = names(map[Kind]string{
	ChildStarted:       "child_started",
	ChildExited:        "child_exited",
	ChildCrashed:       "child_crashed",
	ChildShutdown:      "child_shutdown",
	ChildStopping:      "child_stopping",
	ChildAbandoned:     "child_abandoned",
	ChildRemoved:       "child_removed",
	ChildRestarted:     "child_restarted",
	ChildRefused:       "child_refused",
	RestartWindow:      "restart_window",
	SupervisorGaveUp:   "supervisor_gave_up",
	SupervisorStopping: "supervisor_stopping",
	SupervisorStopped:  "supervisor_stopped",
})
