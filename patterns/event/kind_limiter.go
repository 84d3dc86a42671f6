package event

// Kinds of the FIFO limiter (package limiter). ID is the caller (see
// limiter.WithCaller); Slot is the slot a Do caller holds, -1 for callers
// that use Acquire and Release directly.
const (
	Acquired Kind = limiterKinds + iota // a slot was free: the caller holds Slot at once
	Queued                              // no slot free: the caller waits; N is its place in the queue, 1 at the head
	Granted                             // a release handed Slot to the waiter at the head of the queue
	Released                            // the holder gave Slot back; Err says why when its function panicked
	GaveUp                              // the caller left without a slot; Err is the context's error, or ErrFull for TryAcquire
)

var _ = names(map[Kind]string{
	Acquired: "acquired",
	Queued:   "queued",
	Granted:  "granted",
	Released: "released",
	GaveUp:   "gave_up",
})
