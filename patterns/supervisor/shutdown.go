package supervisor

import (
	"container/heap"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// beginStop cancels every child at once: they stop in parallel, each with
// its own shutdown time. The loop finishes when the last one is gone.
func (l *loop) beginStop(reason error) {
	if l.stopping {
		return
	}
	l.stopping, l.reason = true, reason
	l.emit(event.SupervisorStopping, -1, -1, len(l.children), reason)
	for _, id := range l.sortedIDs() {
		l.cancel(l.children[id])
	}
}

func (l *loop) terminate(m terminateChild) {
	c := l.children[m.id]
	if c == nil {
		m.reply <- ErrNotFound
		return
	}
	c.waiters = append(c.waiters, m.reply)
	l.cancel(c)
}

// cancel cancels a child's context and starts its shutdown time. A
// cancelled child is never restarted; one waiting for its restart has no
// goroutine to wait for and is removed at once.
func (l *loop) cancel(c *child) {
	if c.restarting {
		l.remove(c, nil)
		return
	}
	if c.stopping {
		return
	}
	c.stopping = true
	c.cancel(task.ErrShutdown)
	l.emit(event.ChildStopping, c.id, c.slot, c.incarnation, task.ErrShutdown)
	heap.Push(&l.due, due{at: l.cfg.clock.Now().Add(c.spec.shutdown), id: c.id})
}

// abandon gives up on a cancelled child that outlived its shutdown time. Go
// cannot kill its goroutine; the supervisor stops counting it and drops its
// exit if it ever comes.
func (l *loop) abandon(c *child) {
	l.emit(event.ChildAbandoned, c.id, c.slot, c.incarnation, task.ErrAbandoned)
	l.abandoned++
	if l.stopping {
		l.left = append(l.left, AbandonedChild{ID: c.id, Shutdown: c.spec.shutdown})
	}
	l.remove(c, &task.ExitError{Reason: task.ErrAbandoned})
}
