package pool

import (
	"context"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Checkout lends a worker: an idle one if there is one (which one depends
// on the strategy), else a new one while the pool is below size plus max
// overflow, else the first worker checked in, waiting in FIFO order behind
// earlier callers. Creating a worker runs the constructor with ctx.
//
// The wait is bounded by the pool's [Timeout] (5 s by default) on the
// pool's clock, and by ctx: whichever ends first wins. When the timeout
// does, Checkout returns [ErrTimeout]; when ctx does, ctx.Err(). Either way
// the caller leaves the queue and is never handed a worker later; if a
// worker reached it as its context ended, the worker goes to the next
// waiter. A constructor's error is returned as it is. The checkout-failed
// event carries context.Cause(ctx), so a caller that cancels with a cause
// is reported with it. Once the pool is closed, Checkout returns
// [ErrClosed], even to a caller whose worker was being created as Close ran.
func (p *Pool[W]) Checkout(ctx context.Context) (*Worker[W], error) {
	return p.checkout(ctx, true)
}

// TryCheckout is Checkout without the wait: when every worker is checked out
// and the pool may not grow, it returns [ErrFull] at once. It may still
// create a worker, with ctx.
func (p *Pool[W]) TryCheckout(ctx context.Context) (*Worker[W], error) {
	return p.checkout(ctx, false)
}

func (p *Pool[W]) checkout(ctx context.Context, block bool) (*Worker[W], error) {
	p.mustBeMade()
	done := ctx.Done()
	p.mu.Lock()
	id := p.caller(ctx)
	fail := func(err, why error) (*Worker[W], error) {
		p.emit(event.CheckoutFailed, id, -1, 0, why)
		p.mu.Unlock()
		return nil, err
	}
	if p.closed {
		return fail(ErrClosed, ErrClosed)
	}
	select {
	case <-done:
		return fail(ctx.Err(), context.Cause(ctx))
	default:
	}
	if w := p.idle.take(p.strategy); w != nil {
		p.lend(w, id)
		p.mu.Unlock()
		return w, nil
	}
	if p.live < p.size+p.maxOverflow {
		lane := p.lanes.Take()
		p.live++
		p.announce(id, lane)
		p.mu.Unlock()
		return p.start(ctx, id, lane)
	}
	if !block {
		return fail(ErrFull, ErrFull)
	}
	wt := &waiter[W]{id: id, lane: -1, ready: make(chan struct{})}
	p.waiting.Push(wt)
	p.emit(event.CheckoutWaiting, id, -1, p.waiting.Len(), nil)
	var timer clock.Timer
	if p.timeout > 0 { // even when ctx has a deadline: the earlier one wins
		timer = p.clock.AfterFunc(p.timeout, func() { p.expire(wt) })
	}
	p.mu.Unlock()
	return p.wait(ctx, wt, timer)
}

// wait blocks until the waiter is settled: handed a worker or a lane, timed
// out by its timer, or left because ctx ended.
func (p *Pool[W]) wait(ctx context.Context, wt *waiter[W], timer clock.Timer) (*Worker[W], error) {
	select {
	case <-wt.ready:
	case <-ctx.Done():
		p.mu.Lock()
		if !wt.settled {
			p.waiting.Remove(wt)
			p.failWaiter(wt, ctx.Err(), context.Cause(ctx))
		}
		p.mu.Unlock()
	}
	if timer != nil {
		timer.Stop()
	}
	if wt.err != nil {
		return nil, wt.err
	}
	if err := ctx.Err(); err != nil { // served as ctx ended: pass it on
		p.mu.Lock()
		p.emit(event.CheckoutFailed, wt.id, -1, 0, context.Cause(ctx))
		w, lane := p.giveBack(wt, context.Cause(ctx))
		p.mu.Unlock()
		if w != nil {
			p.retire(w)
		}
		if lane >= 0 {
			p.replace(lane)
		}
		return nil, err
	}
	if wt.worker != nil {
		return wt.worker, nil
	}
	return p.start(ctx, wt.id, wt.lane)
}

// expire is a waiter's checkout timer. It runs on the clock's goroutine and
// does not block. If the waiter was served first, it does nothing: a
// worker that arrives as the timeout fires wins.
func (p *Pool[W]) expire(wt *waiter[W]) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if wt.settled {
		return
	}
	p.waiting.Remove(wt)
	p.failWaiter(wt, ErrTimeout, ErrTimeout)
	close(wt.ready)
}

// settle records how a waiter was served. p.mu must be held.
func (p *Pool[W]) settle(wt *waiter[W], w *Worker[W], lane int, err error) {
	wt.settled, wt.worker, wt.lane, wt.err = true, w, lane, err
}

// failWaiter settles a waiter with err, the error its checkout returns, and
// reports why. p.mu must be held.
func (p *Pool[W]) failWaiter(wt *waiter[W], err, why error) {
	p.settle(wt, nil, -1, err)
	p.emit(event.CheckoutFailed, wt.id, -1, 0, why)
}

// lend checks a worker out to caller id. p.mu must be held.
func (p *Pool[W]) lend(w *Worker[W], id int) {
	w.out, w.caller = true, id
	p.out++
	p.emit(event.CheckedOut, id, w.lane, 0, nil)
}

// announce reports that a worker is about to be created in lane for caller
// id: in place of a dead one while the pool is below its size, else as an
// overflow worker. p.live already counts it. p.mu must be held.
func (p *Pool[W]) announce(id, lane int) {
	if p.live <= p.size {
		p.emit(event.WorkerReplaced, id, lane, 0, nil)
	} else {
		p.emit(event.OverflowStarted, id, lane, p.live-p.size, nil)
	}
}

// start creates a worker in a lane reserved for caller id and lends it. If
// the constructor fails (or panics), the lane goes to the next waiter or is
// freed. If the pool is closed, before the constructor runs or while it
// does, the caller gets [ErrClosed] and no worker.
func (p *Pool[W]) start(ctx context.Context, id, lane int) (w *Worker[W], err error) {
	p.mu.Lock()
	if p.closed {
		p.startFailed(id, lane, ErrClosed)
		p.mu.Unlock()
		return nil, ErrClosed
	}
	p.mu.Unlock()
	returned := false
	defer func() {
		if !returned { // the constructor panicked: free the lane, let the panic go on
			p.mu.Lock()
			p.startFailed(id, lane, errConstructorPanicked)
			p.mu.Unlock()
		}
	}()
	v, err := p.create(ctx)
	returned = true
	p.mu.Lock()
	if err != nil {
		p.startFailed(id, lane, err)
		p.mu.Unlock()
		return nil, err
	}
	w = &Worker[W]{pool: p, value: v, lane: lane, caller: id}
	if p.closed { // Close ran while the constructor did
		p.emit(event.CheckoutFailed, id, -1, 0, ErrClosed)
		p.mu.Unlock()
		p.retire(w)
		return nil, ErrClosed
	}
	p.lend(w, id)
	p.mu.Unlock()
	return w, nil
}

// startFailed reports that no worker was made in lane for caller id, and
// why, and passes the lane on. p.mu must be held.
func (p *Pool[W]) startFailed(id, lane int, why error) {
	p.emit(event.StartFailed, id, lane, 0, why)
	p.emit(event.CheckoutFailed, id, -1, 0, why)
	p.handOnLane(lane)
}
