package pool

import "github.com/concurrency-patterns/playground/patterns/internal/fifo"

// waiter is a caller blocked in Checkout. Its fields are guarded by the
// pool's mutex. It is settled once: handed a worker, handed a lane to
// create one in, or failed (err); ready is then closed, except when the
// caller settled it itself.
type waiter[W any] struct {
	id      int
	ready   chan struct{}
	settled bool
	worker  *Worker[W]
	lane    int // the lane to create a worker in, when worker is nil
	err     error

	links fifo.Links[waiter[W]]
}

func (w *waiter[W]) Links() *fifo.Links[waiter[W]] { return &w.links }
