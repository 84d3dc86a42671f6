package event

// Kinds only supervised tasks (package task) report; the rest of a task's
// life uses the shared kinds in kind_stream.go.
const (
	Refused      Kind = taskKinds + iota // a start was refused: max children reached, or the supervisor stopped
	StillRunning                         // a yield ran out of time; the task goes on
	Late                                 // a reply arrived while the task was being shut down; it is kept
)

var _ = names(map[Kind]string{
	Refused:      "refused",
	StillRunning: "still_running",
	Late:         "late",
})
