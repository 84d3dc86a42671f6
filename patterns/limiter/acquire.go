package limiter

import (
	"context"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Acquire takes a slot, waiting in FIFO order behind earlier callers while
// all max are held. It returns nil once the caller holds a slot, which it
// must give back with [Limiter.Release].
//
// If ctx is done first, Acquire returns ctx.Err() and the caller holds
// nothing: it leaves the queue and is never granted later. When the grant
// and the cancellation coincide, the cancellation wins and the slot passes
// on to the next waiter, so it is never lost. A ctx that is already done
// fails even when a slot is free. The gave-up event carries
// context.Cause(ctx), so a caller that cancels with a cause is reported
// with it.
func (l *Limiter) Acquire(ctx context.Context) error {
	// The same lock-free path as fastTake, written out here: a call to it
	// would cost the uncontended acquire a third of its time.
	if l.hook == nil {
		if done := ctx.Done(); done != nil {
			select {
			case <-done:
				l.mustBeMade()
				return ctx.Err()
			default:
			}
		}
		if l.tryTake(true) {
			return nil
		}
	}
	_, _, err := l.acquire(ctx, true)
	return err
}

// TryAcquire takes a slot if one is free and nobody waits for one, and
// reports whether it did. It never waits and never overtakes a waiter.
func (l *Limiter) TryAcquire() bool {
	if l.hook == nil {
		if l.tryTake(true) {
			return true
		}
		l.mustBeMade()
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	id := l.caller(context.Background()) // no context, so no caller id: a sequence number
	if l.tryTake(true) {
		l.emit(event.Acquired, id, -1, 0, nil)
		return true
	}
	l.emit(event.GaveUp, id, -1, 0, ErrFull)
	return false
}

// acquire takes a slot under the lock, or queues for one. anon is false for
// a Do caller, which is given a slot number. It returns the caller's id
// (-1 without a hook) and slot (-1 when unnumbered).
func (l *Limiter) acquire(ctx context.Context, anon bool) (id, slot int, err error) {
	l.mustBeMade()
	done := ctx.Done()
	l.mu.Lock()
	id = -1
	if l.hook != nil {
		id = l.caller(ctx)
	}
	select {
	case <-done:
		l.emit(event.GaveUp, id, -1, 0, context.Cause(ctx))
		l.mu.Unlock()
		return id, -1, ctx.Err()
	default:
	}
	if l.takeOrQueue(anon) {
		slot = -1
		if !anon {
			slot = l.takeSlot()
		}
		l.emit(event.Acquired, id, slot, 0, nil)
		l.mu.Unlock()
		return id, slot, nil
	}
	w := &waiter{id: id, anon: anon, slot: -1, ready: make(chan struct{})}
	l.queue.Push(w)
	l.emit(event.Queued, id, -1, l.queue.Len(), nil)
	l.mu.Unlock()

	select {
	case <-w.ready:
		select {
		case <-done: // granted, but the caller is gone already: pass it on
			l.mu.Lock()
			l.giveBack(w, context.Cause(ctx))
			l.mu.Unlock()
			return id, -1, ctx.Err()
		default:
			return id, w.slot, nil
		}
	case <-done:
		l.mu.Lock()
		if w.granted {
			l.giveBack(w, context.Cause(ctx))
		} else {
			l.leave(w)
			l.emit(event.GaveUp, id, -1, 0, context.Cause(ctx))
		}
		l.mu.Unlock()
		return id, -1, ctx.Err()
	}
}

// takeOrQueue takes a slot if one is free and nobody waits, or else marks
// the word queued (the caller is about to join the queue) and reports
// false. l.mu must be held.
func (l *Limiter) takeOrQueue(anon bool) bool {
	for {
		s := l.state.Load()
		if s&queuedBit != 0 {
			return false
		}
		if s&activeMask < l.max {
			if l.state.CompareAndSwap(s, s+holder(anon)) {
				return true
			}
			continue
		}
		if l.state.CompareAndSwap(s, s|queuedBit) {
			return false
		}
	}
}

// leave takes a waiter that gave up out of the queue. l.mu must be held.
func (l *Limiter) leave(w *waiter) {
	l.queue.Remove(w)
	if l.queue.Len() == 0 {
		l.state.Store(l.state.Load() &^ queuedBit) // queued: nobody else writes
	}
}

// giveBack undoes the grant of a waiter whose context ended at the same
// time: the caller gave up, and its slot goes to the next waiter. l.mu must
// be held.
func (l *Limiter) giveBack(w *waiter, err error) {
	l.emit(event.GaveUp, w.id, -1, 0, err)
	l.emit(event.Released, w.id, w.slot, 0, nil)
	l.handOn(w.slot, w.anon)
}
