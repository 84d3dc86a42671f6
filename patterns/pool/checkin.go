package pool

import (
	"errors"

	"github.com/concurrency-patterns/playground/patterns/event"
)

var errConstructorPanicked = errors.New("pool: constructor panicked")

// A worker's lane is freed only once the worker is destroyed, so that the
// workers alive, counting those being destroyed, never exceed size plus max
// overflow. The destructor runs without the lock. If it panics, the lane is
// freed all the same, and then the panic goes on to the caller: the pool
// loses no capacity, and the destructor's failure is not hidden.

// Checkin gives a worker back. If callers wait, it goes straight to the one
// at the head of the queue; otherwise, if the pool is above its size, the
// worker is dismissed (destroyed); otherwise it becomes idle. Once the pool
// is closed, a worker checked in is destroyed.
//
// Checkin panics when w is not checked out of this pool: checking in twice
// is a programming error.
func (p *Pool[W]) Checkin(w *Worker[W]) {
	p.mustBeMade()
	p.mu.Lock()
	p.mustHold(w, "Checkin")
	w.out = false
	p.out--
	p.emit(event.CheckedIn, w.caller, w.lane, 0, nil)
	retire := p.handOn(w)
	p.mu.Unlock()
	if retire {
		p.retire(w)
	}
}

// Discard gives back a worker that is no longer fit for use, as poolboy
// learns of a worker that died: it is destroyed and replaced at once. Its
// lane goes to the caller at the head of the queue, who creates the
// replacement; with nobody waiting, Discard itself creates it (with the
// context given to [New], cancelled by Close) and makes it idle before it
// returns, unless the dead worker was an overflow one, whose lane is just
// freed. A replacement that cannot be made leaves its lane free for the
// next checkout. reason, which may be nil, is reported to the hook.
//
// Discard panics when w is not checked out of this pool.
func (p *Pool[W]) Discard(w *Worker[W], reason error) {
	p.mustBeMade()
	p.mu.Lock()
	p.mustHold(w, "Discard")
	w.out = false
	p.out--
	p.emit(event.WorkerDied, w.caller, w.lane, 0, reason)
	p.mu.Unlock()
	destroyed := false
	defer func() {
		if !destroyed { // the destructor panicked: free the lane, let the panic go on
			p.freeLane(w.lane)
		}
	}()
	p.destroy(w.value)
	destroyed = true
	p.replace(w.lane)
}

// freeLane is handOnLane for a caller that does not hold p.mu.
func (p *Pool[W]) freeLane(lane int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.handOnLane(lane)
}

func (p *Pool[W]) mustHold(w *Worker[W], op string) {
	if w == nil || w.pool != p || !w.out {
		p.mu.Unlock()
		panic("pool: " + op + " of a worker that is not checked out of this pool")
	}
}

// handOn finds a checked-in worker its next place: the head waiter, or the
// idle list. It reports true when the worker is to be retired instead:
// dismissed above size, or the pool is closed. p.mu must be held.
func (p *Pool[W]) handOn(w *Worker[W]) (retire bool) {
	if p.closed {
		return true
	}
	if wt := p.waiting.Pop(); wt != nil {
		p.settle(wt, w, w.lane, nil)
		p.lend(w, wt.id)
		close(wt.ready)
		return false
	}
	if p.live > p.size {
		return true
	}
	p.idle.PushBack(w)
	return false
}

// retire destroys a worker handOn let go, then frees its lane or, if a
// caller started waiting meanwhile, hands the lane to it.
func (p *Pool[W]) retire(w *Worker[W]) {
	defer p.retired(w) // even if the destructor panics
	p.destroy(w.value)
}

// retireAll retires every worker of ws, even if destructors panic; their
// panics go on once all are done.
func (p *Pool[W]) retireAll(ws []*Worker[W]) {
	if len(ws) == 0 {
		return
	}
	defer p.retireAll(ws[1:])
	p.retire(ws[0])
}

// retired takes a destroyed worker out of the pool. If the pool is closed
// its lane is freed for good; otherwise it was dismissed, and its lane
// goes to a caller who started waiting meanwhile, or is freed.
func (p *Pool[W]) retired(w *Worker[W]) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		p.forget(w)
		return
	}
	p.emit(event.OverflowDismissed, w.caller, w.lane, p.live-1-p.size, nil)
	p.handOnLane(w.lane)
}

// handOnLane passes the lane of a worker that is gone (or was never made)
// to the head waiter, who will create a worker in it, or frees it. p.mu
// must be held.
func (p *Pool[W]) handOnLane(lane int) {
	if wt := p.waiting.Pop(); wt != nil {
		p.settle(wt, nil, lane, nil)
		p.announce(wt.id, lane)
		close(wt.ready)
		return
	}
	p.live--
	p.lanes.Free(lane)
}

// giveBack returns what a waiter was handed as its context ended: a worker
// goes to the next waiter or the pool, and is returned if it is to be
// retired; a dead worker's lane is returned (else -1), for the caller to
// refill with replace once it has let go of p.mu. p.mu must be held.
func (p *Pool[W]) giveBack(wt *waiter[W], err error) (retire *Worker[W], lane int) {
	if w := wt.worker; w != nil {
		w.out = false
		p.out--
		p.emit(event.CheckedIn, wt.id, w.lane, 0, nil)
		if p.handOn(w) {
			return w, -1
		}
		return nil, -1
	}
	p.emit(event.StartFailed, wt.id, wt.lane, 0, err)
	return nil, wt.lane
}
