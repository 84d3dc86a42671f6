package supervisor

import (
	"context"
	"slices"
	"time"

	"github.com/concurrency-patterns/playground/internal/lanes"
	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/intensity"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
)

// loop is the supervisor's goroutine. It alone owns the children and every
// piece of mutable state; the rest of the package talks to it by message.
// It never waits for a child: exits arrive as messages, and shutdown times
// are kept by one timer set to the earliest thing due.
type loop struct {
	s      *Supervisor
	cfg    *config
	events report.To
	base   context.Context // parent of the children's contexts: values, no cancellation

	children map[ID]*child
	nextID   ID
	slots    lanes.Lanes // lowest free lane first: children fill lanes from the top
	window   intensity.Window
	due      dueHeap // stopping children by the time they are abandoned

	timer clock.Timer
	armed time.Time // when the timer fires; zero when it is stopped

	stopping  bool
	reason    error
	abandoned int              // children abandoned so far
	left      []AbandonedChild // children abandoned while stopping, for Stop's error
}

func newLoop(s *Supervisor, cfg *config, base context.Context) *loop {
	l := &loop{
		s:        s,
		cfg:      cfg,
		events:   report.New(cfg.hook, cfg.clock),
		base:     base,
		children: map[ID]*child{},
		window:   intensity.Window{Period: cfg.period},
		timer:    cfg.clock.NewTimer(time.Hour),
	}
	l.timer.Stop()
	return l
}

// run handles messages until the supervisor has stopped and holds no child.
func (l *loop) run(ctx context.Context) {
	stop, parent := l.s.stop, ctx.Done()
	for {
		select {
		case m := <-l.s.mailbox:
			l.handle(m)
		case <-l.timer.C():
			l.armed = time.Time{}
			l.wake()
		case <-stop:
			stop = nil
			l.beginStop(ErrStopped)
		case <-parent:
			parent = nil
			l.beginStop(context.Cause(ctx))
		}
		if l.stopping && len(l.children) == 0 {
			l.finish()
			return
		}
		l.rearm()
	}
}

func (l *loop) handle(m message) {
	switch m := m.(type) {
	case startChild:
		m.reply <- l.start(m)
	case terminateChild:
		l.terminate(m)
	case whichChildren:
		m.reply <- l.which()
	case countChildren:
		m.reply <- l.count()
	case childExited:
		l.exited(m)
	case childStartDone:
		l.startDone(m)
	}
}

func (l *loop) start(m startChild) startReply {
	if l.stopping {
		return startReply{id: -1, err: ErrStopped}
	}
	if l.cfg.maxChildren >= 0 && len(l.children) >= l.cfg.maxChildren {
		l.emit(event.ChildRefused, -1, -1, l.cfg.maxChildren, ErrMaxChildren)
		return startReply{id: -1, err: ErrMaxChildren}
	}
	c := &child{id: l.nextID, slot: l.slots.Take(), fn: m.fn, spec: m.spec, init: m.init, started: m.started}
	l.nextID++
	l.children[c.id] = c
	l.spawn(c)
	return startReply{id: c.id}
}

// spawn starts the child's current incarnation in a goroutine of its own.
func (l *loop) spawn(c *child) {
	ctx, cancel := context.WithCancelCause(l.base)
	c.cancel, c.startedAt = cancel, l.cfg.clock.Now()
	l.emit(event.ChildStarted, c.id, c.slot, c.incarnation, nil)
	l.launch(ctx, c)
}

// remove lets go of a child that returned or was abandoned, answering those
// waiting for its termination with err.
func (l *loop) remove(c *child, err error) {
	delete(l.children, c.id)
	l.slots.Free(c.slot)
	// Reported before anyone waiting hears of it, so that a caller of
	// TerminateChild or StartChildInit finds the removal in the trace.
	l.emit(event.ChildRemoved, c.id, c.slot, len(l.children), nil)
	l.dropStart(c, err)
	for _, w := range c.waiters {
		w <- err
	}
}

// finish records why the supervisor stopped and closes Done.
func (l *loop) finish() {
	l.timer.Stop()
	l.s.err = l.reason
	if len(l.left) > 0 {
		l.s.abandonedErr = &AbandonedError{Children: l.left}
	}
	l.emit(event.SupervisorStopped, -1, -1, len(l.left), l.reason)
	close(l.s.done)
}

func (l *loop) emit(k event.Kind, id ID, slot, n int, err error) {
	l.events.Emit(k, int(id), slot, n, err)
}

// sortedIDs lists the children's ids in order, so that a shutdown reports
// its steps in the same order on every run.
func (l *loop) sortedIDs() []ID {
	ids := make([]ID, 0, len(l.children))
	for id := range l.children {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
