package supervisor

import (
	"container/heap"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// exited handles the end of one incarnation of a child: report it, then
// restart the child or let it go.
func (l *loop) exited(m childExited) {
	c := l.children[m.id]
	if c == nil || c.incarnation != m.incarnation {
		return // abandoned earlier; its report comes too late to matter
	}
	c.cancel(nil) // release the context of the incarnation that ended
	kind, abnormal := classify(c, m)
	reported := m.err
	if kind == event.ChildShutdown && !errors.Is(m.err, ErrShutdown) {
		reported = ErrShutdown // it returned nil or its context's error once cancelled
	}
	l.emit(kind, c.id, c.slot, c.incarnation, reported)
	if c.stopping || !restarts(c.spec.restart, abnormal) {
		l.remove(c, nil)
		return
	}
	l.restart(c, m.err)
}

// classify tells a normal, abnormal or shutdown exit, by [ExitOf]. A child
// may stop itself with a shutdown reason; once the supervisor has
// cancelled it, nil or the context's error is a shutdown exit too. A panic
// or another error is abnormal, even then (reported, not restarted).
func classify(c *child, m childExited) (kind event.Kind, abnormal bool) {
	if m.panicked {
		return event.ChildCrashed, true
	}
	switch ExitOf(m.err, c.stopping) {
	case ShutdownExit, ShutdownReasonExit:
		return event.ChildShutdown, false
	case AbnormalExit:
		return event.ChildCrashed, true
	}
	return event.ChildExited, false
}

func restarts(r Restart, abnormal bool) bool {
	return r == Permanent || r == Transient && abnormal
}

// restart starts the child again, unless that restart would exceed the
// intensity: then the supervisor gives up and stops.
func (l *loop) restart(c *child, exit error) {
	n, ok := l.window.Add(l.cfg.clock.Now(), l.cfg.maxRestarts)
	if !ok {
		reason := &IntensityError{Restarts: n, Period: l.cfg.period, Child: c.id, Exit: exit}
		l.emit(event.SupervisorGaveUp, c.id, c.slot, n, reason)
		l.remove(c, nil)
		l.beginStop(reason)
		return
	}
	l.emit(event.RestartWindow, -1, -1, n, nil)
	l.emit(event.ChildRestarted, c.id, c.slot, n, nil)
	c.incarnation++
	now := l.cfg.clock.Now()
	c.delay = l.cfg.backoff.next(c.delay, now.Sub(c.startedAt))
	if c.delay == 0 {
		l.spawn(c)
		return
	}
	// ChildStarted reports the new incarnation when the delay is over.
	c.restarting = true
	heap.Push(&l.due, due{at: now.Add(c.delay), id: c.id, restart: true})
}
