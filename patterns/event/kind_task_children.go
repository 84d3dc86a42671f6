package event

// More kinds of supervised tasks (package task): ignoring a task, and the
// restarts of tasks started with a restart policy. They start past the
// block's first kinds, leaving room for those.
const (
	// Ignored: the task's owner let go of it (task.Task.Ignore); the task
	// runs on and its outcome goes to no one.
	Ignored Kind = taskKinds + 16 + iota
	// Restarted: a task that returned is started again by its restart
	// policy, keeping its ID; N is the restarts within the intensity period,
	// this one included.
	Restarted
	// IntensityReached: a task needed one restart more than the intensity
	// allows, so the task supervisor stopped itself: it cancels every task
	// and refuses new ones. N is the restarts counted with the refused one;
	// Err wraps task.ErrMaxIntensity.
	IntensityReached
)

var _ = names(map[Kind]string{
	Ignored:          "ignored",
	Restarted:        "restarted",
	IntensityReached: "intensity_reached",
})
