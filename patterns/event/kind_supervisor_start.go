package event

// Kinds of a dynamic supervisor's children that have a start step
// (supervisor.Supervisor.StartChildInit). They start past the block's first
// kinds, leaving room for those.
const (
	// ChildReady: the child's start step succeeded and its run began. N is
	// its incarnation.
	ChildReady Kind = supervisorKinds + 24 + iota
	// ChildIgnored: the start step returned supervisor.ErrIgnore; the child
	// is removed (ChildRemoved follows) and, at a first start, StartChildInit
	// returns ErrIgnore.
	ChildIgnored
	// ChildStartFailed: the start step returned an error or panicked; Err is
	// a supervisor.StartError. At a first start the child is removed; at a
	// restart it is restarting, and its restart is tried again (counted
	// against the intensity like any restart).
	ChildStartFailed
)

var _ = names(map[Kind]string{
	ChildReady:       "child_ready",
	ChildIgnored:     "child_ignored",
	ChildStartFailed: "child_start_failed",
})
