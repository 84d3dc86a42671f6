package pool

import "github.com/concurrency-patterns/playground/patterns/internal/ring"

// idle holds the workers waiting to be checked out: LIFO takes from the
// back, FIFO from the front, and both put back at the back.
type idle[W any] struct{ ring.Ring[*Worker[W]] }

// take removes a worker by the strategy; nil when none is idle.
func (q *idle[W]) take(s Strategy) *Worker[W] {
	var w *Worker[W]
	if s == LIFO {
		w, _ = q.PopBack()
	} else {
		w, _ = q.PopFront()
	}
	return w
}
