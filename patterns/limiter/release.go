package limiter

import "github.com/concurrency-patterns/playground/patterns/event"

// Release gives back a slot taken with [Limiter.Acquire] or
// [Limiter.TryAcquire]. If callers wait, the slot goes straight to the one
// at the head of the queue, so a newcomer never overtakes it; otherwise the
// slot becomes free.
//
// Release panics when no slot taken that way is held: releasing without
// acquiring is a programming error, as unlocking an unlocked mutex is. Any
// goroutine may release a slot, not only the one that took it.
func (l *Limiter) Release() {
	// Not a call to release: that would cost the uncontended release a
	// call, and only Release checks that a slot is held.
	if l.hook == nil && l.tryGive(true) {
		return
	}
	l.mu.Lock()
	if anonOf(l.state.Load()) == 0 {
		l.mu.Unlock()
		panic(errReleaseUnheld)
	}
	l.emit(event.Released, -1, -1, 0, nil)
	l.handOn(-1, true)
	l.mu.Unlock()
}

// release gives back the slot of a Do caller; reason is why its function
// did not return normally, if so.
func (l *Limiter) release(id, slot int, reason error) {
	if l.hook == nil && l.tryGive(false) {
		return
	}
	l.mu.Lock()
	l.emit(event.Released, id, slot, 0, reason)
	l.handOn(slot, false)
	l.mu.Unlock()
}

// handOn passes a slot just given back to the head of the queue, or frees
// it. slot is its number, -1 when it had none; anon says whether it was
// taken by Acquire. l.mu must be held.
func (l *Limiter) handOn(slot int, anon bool) {
	s := l.state.Load()
	if s&queuedBit == 0 { // nobody waits; lock-free takers may race us
		for !l.state.CompareAndSwap(s, s-holder(anon)) {
			s = l.state.Load()
		}
		l.putSlot(slot)
		return
	}
	// Somebody waits, so only we change the word: active stays at max.
	w := l.queue.Pop()
	s = s - holder(anon) + holder(w.anon)
	if l.queue.Len() == 0 {
		s &^= queuedBit
	}
	l.state.Store(s)
	switch {
	case w.anon:
		l.putSlot(slot)
		slot = -1
	case slot < 0:
		slot = l.takeSlot()
	}
	w.slot, w.granted = slot, true
	l.emit(event.Granted, w.id, slot, 0, nil)
	close(w.ready)
}
