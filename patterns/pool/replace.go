package pool

import (
	"github.com/concurrency-patterns/playground/patterns/event"
)

// replace refills the lane of a worker that died, as poolboy starts a new
// worker as soon as it learns one exited: the head waiter gets the lane and
// creates the worker; with nobody waiting, the pool creates it now, on the
// caller's goroutine, unless the pool is closed or the dead worker was an
// overflow one (poolboy then just lowers its overflow count).
func (p *Pool[W]) replace(lane int) {
	p.mu.Lock()
	if p.closed || p.waiting.Len() > 0 || p.live > p.size {
		p.handOnLane(lane)
		p.mu.Unlock()
		return
	}
	p.emit(event.WorkerReplaced, -1, lane, 0, nil)
	p.mu.Unlock()
	made := false
	defer func() {
		if !made { // the constructor panicked: free the lane, let the panic go on
			p.mu.Lock()
			p.emit(event.StartFailed, -1, lane, 0, errConstructorPanicked)
			p.handOnLane(lane)
			p.mu.Unlock()
		}
	}()
	v, err := p.create(p.base)
	made = true
	p.mu.Lock()
	if err != nil {
		p.emit(event.StartFailed, -1, lane, 0, err)
		p.handOnLane(lane) // a caller who came meanwhile tries again
		p.mu.Unlock()
		return
	}
	w := &Worker[W]{pool: p, value: v, lane: lane, caller: -1}
	retire := p.handOn(w) // to a caller who came meanwhile, or idle
	p.mu.Unlock()
	if retire { // the pool closed while the constructor ran
		p.retire(w)
	}
}
