package stream

import (
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// WithSupervisor runs the stream's tasks as children of sup, as Elixir's
// Task.Supervisor.async_stream_nolink does: each task holds a place among
// sup's children from when it is dispatched until it returns, or is
// abandoned, so it counts against sup's MaxChildren, shows in its Children,
// and sup's Stop and TerminateChild stop it. A task stopped that way gets
// an exit result wrapping [task.ErrShutdown] and the stream goes on, as a
// killed task's {:exit, :shutdown} does in Elixir. sup gives each task the
// stream's [Shutdown] time.
//
// When sup refuses a task (its MaxChildren reached, or it was stopped), the
// stream stops as Elixir's does when max_children is reached: the running
// tasks are cancelled, and the iterator yields an error that wraps
// [task.ErrMaxChildren] (or [task.ErrStopped]) and ends. So keep
// MaxConcurrency no higher than sup's MaxChildren, less what else runs
// under sup; and since Go cannot kill, a task cut off by its timeout under
// [KillTask] keeps its place until it returns or is abandoned.
func WithSupervisor(sup *task.Supervisor) Option {
	return func(c *config) {
		if sup == nil {
			c.invalid("nil task supervisor")
		}
		c.sup = sup
	}
}

// child is a stream task's place among its supervisor's children. A nil
// child is that of a stream without a supervisor, and does nothing.
type child struct {
	lease *task.Lease
	// Guarded by the coordinator's mu.
	kill    func(cause error) // stops the task while a worker runs it
	stopped error             // the supervisor stopped it before a worker took it
}

// enroll gives j its place under the stream's supervisor, if it has one.
func (c *coordinator[In, Out]) enroll(j *job[In]) error {
	if c.cfg.sup == nil {
		return nil
	}
	ch := &child{}
	lease, err := c.cfg.sup.Enroll(func(cause error) { c.stopChild(ch, cause) }, c.cfg.shutdown)
	if err != nil {
		return fmt.Errorf("stream: the task supervisor refused the task for input %d: %w", j.index, err)
	}
	ch.lease = lease
	j.child = ch
	return nil
}

// stopChild is the supervisor stopping one task. It does not block.
func (c *coordinator[In, Out]) stopChild(ch *child, cause error) {
	if cause == nil {
		cause = task.ErrShutdown
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch.kill != nil {
		ch.kill(cause)
		return
	}
	ch.stopped = cause
}

// track lets the supervisor stop j while w runs it. c.mu must be held.
func (w *worker[In, Out]) track(j job[In]) {
	if ch := j.child; ch != nil {
		ch.kill = func(cause error) {
			if w.phase == running && w.job.child == ch {
				w.kill(event.Cancelled, cause, w.c.cfg.clock.Since(w.c.start))
			}
		}
	}
}

// stoppedEarly reports whether j was stopped by the supervisor before a
// worker took it; its item then gets an exit at once. c.mu must be held.
func (c *coordinator[In, Out]) stoppedEarly(j job[In]) bool {
	if j.child == nil || j.child.stopped == nil {
		return false
	}
	err := c.exit(j.child.stopped, j)
	c.emit(event.Cancelled, j.index, j.slot, j.child.stopped)
	c.deliver(outcome[In, Out]{job: j, err: err, kind: event.Cancelled})
	j.child.returned(err)
	return true
}

// dropQueued lets go of the places of jobs no worker will take now that
// the stream has halted. c.mu must be held.
func (c *coordinator[In, Out]) dropQueued() {
	for {
		j, ok := c.queued.PopFront()
		if !ok {
			return
		}
		j.child.returned(c.exit(task.ErrShutdown, j))
	}
}

// returned ends the place of a task that returned with err.
func (ch *child) returned(err error) {
	if ch != nil {
		ch.lease.Done(err)
	}
}

// abandoned ends the place of a task given up on after its shutdown time.
func (ch *child) abandoned() {
	if ch != nil {
		ch.lease.Abandon()
	}
}
