package pool

// Worker is a worker checked out of a pool: the value the constructor made,
// and what the pool needs to take it back. Give it back exactly once, with
// [Pool.Checkin] or, when it is no longer fit for use, [Pool.Discard].
type Worker[W any] struct {
	pool  *Pool[W]
	value W
	lane  int

	// guarded by pool.mu
	out    bool
	caller int // who holds it, for the check-in event
}

// Value returns the worker itself.
func (w *Worker[W]) Value() W { return w.value }

// Lane returns the worker's lane: a number from 0 to size+max_overflow-1,
// unique among the pool's live workers and reused once a worker is gone.
// Events name workers by it.
func (w *Worker[W]) Lane() int { return w.lane }
