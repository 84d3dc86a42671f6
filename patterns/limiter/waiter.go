package limiter

import "github.com/concurrency-patterns/playground/patterns/internal/fifo"

// waiter is a caller blocked in Acquire. Its fields are guarded by the
// limiter's mutex; ready is closed when the caller is granted a slot.
type waiter struct {
	id      int
	anon    bool // an Acquire caller; a Do caller is given a slot number
	slot    int
	granted bool
	ready   chan struct{}

	links fifo.Links[waiter]
}

func (w *waiter) Links() *fifo.Links[waiter] { return &w.links }
