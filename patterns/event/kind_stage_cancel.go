package event

// More kinds of the demand-driven stages (package stage): cancelled
// subscriptions, and the children of a consumer supervisor. They start past
// the block's first kinds, leaving room for those.
const (
	// SubscriptionCancelled: consumer ID let go of its subscription to
	// producer Slot, cancelled (stage's Cancel, GenStage.cancel/2) or left
	// as the consumer ended; nothing was sent on it since the cancel. N is
	// how many events it had received and not handed on, now discarded; Err
	// is the reason, nil for a normal one.
	SubscriptionCancelled Kind = stageKinds + 16 + iota
	// EventChildStarted: consumer supervisor ID started a child for one
	// event of producer Slot; N is its children now running, this one
	// included.
	EventChildStarted
	// EventChildExited: a child of consumer supervisor ID returned, for
	// good or to be restarted; Err is nil for a normal exit, else the error
	// or a task.ExitError for a panic. N is its children still running.
	EventChildExited
	// EventChildRestarted: a child of consumer supervisor ID is run again
	// for its event, by its restart policy; N is the restarts within the
	// intensity period, this one included.
	EventChildRestarted
)

var _ = names(map[Kind]string{
	SubscriptionCancelled: "subscription_cancelled",
	EventChildStarted:     "event_child_started",
	EventChildExited:      "event_child_exited",
	EventChildRestarted:   "event_child_restarted",
})
