package supervisor

import (
	"container/heap"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// The loop keeps one timer, set to the earliest thing due: a stopping
// child's shutdown time running out, or the oldest restart leaving the
// intensity window (so the window's state can be reported as it drains).

// rearm sets the timer to the earliest of: a stopping child's deadline, the
// oldest restart leaving the window.
func (l *loop) rearm() {
	next, ok := l.nextDue()
	if !ok {
		if !l.armed.IsZero() {
			l.timer.Stop()
			l.armed = time.Time{}
		}
		return
	}
	if next.Equal(l.armed) {
		return
	}
	l.armed = next
	l.timer.Reset(next.Sub(l.cfg.clock.Now()))
}

func (l *loop) nextDue() (time.Time, bool) {
	for len(l.due) > 0 && l.stale(l.due[0]) {
		heap.Pop(&l.due)
	}
	next, ok := time.Time{}, false
	if len(l.due) > 0 {
		next, ok = l.due[0].at, true
	}
	if l.stopping {
		return next, ok
	}
	if at, has := l.window.Expiry(); has && (!ok || at.Before(next)) {
		next, ok = at, true
	}
	return next, ok
}

// stale reports whether d no longer applies: its child returned in time,
// or was removed while it waited for its restart.
func (l *loop) stale(d due) bool {
	c := l.children[d.id]
	return c == nil || d.restart != c.restarting
}

// wake handles what the timer said is due: restarts aging out of the
// window, restart delays ending, and stopping children out of shutdown
// time.
func (l *loop) wake() {
	now := l.cfg.clock.Now()
	if !l.stopping && l.window.Prune(now) {
		l.emit(event.RestartWindow, -1, -1, l.window.Len(), nil)
	}
	for len(l.due) > 0 && !l.due[0].at.After(now) {
		d := heap.Pop(&l.due).(due)
		switch c := l.children[d.id]; {
		case l.stale(d):
		case d.restart:
			c.restarting = false
			l.spawn(c)
		default:
			l.abandon(c)
		}
	}
}
