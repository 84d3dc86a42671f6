package stream

import (
	"context"
	"errors"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// errGoexit is the exit reason of a task that called runtime.Goexit.
var errGoexit = errors.New("stream: task called runtime.Goexit")

// phase is where a worker is in its life. Transitions happen under the
// coordinator's mutex, which is how a reply and a timeout that coincide are
// settled: whichever takes the lock first decides.
type phase uint8

const (
	idle       phase = iota // waiting for a job
	running                 // running a job's task
	cancelling              // the task was cancelled; it has until deadline to return
	settled                 // gone: out of jobs, returned after cancelling, or abandoned
)

// worker is a goroutine that runs tasks one after another. Its timer serves
// both the running task's timeout and, once cancelled, its shutdown time.
//
// The timer is lazy: it stays armed from task to task and is only moved
// when it fires early, because resetting a runtime timer per task costs
// more than the rest of a task's bookkeeping. A firing checks the deadline
// of what is running now, so a firing meant for an earlier task is never
// mistaken for a timeout of the current one.
type worker[In, Out any] struct {
	c      *coordinator[In, Out]
	ctx    context.Context
	cancel context.CancelFunc
	timer  clock.Timer
	bell   chan struct{} // wakes the worker when it is parked
	done   chan struct{} // closed when settled

	// Guarded by c.mu.
	pos      int // in c.workers, until settled
	phase    phase
	job      job[In]
	deadline time.Duration // since the stream's start: when the running task times out, or the cancelled one is abandoned
	armed    bool          // the timer will fire
}

func newWorker[In, Out any](c *coordinator[In, Out]) *worker[In, Out] {
	w := &worker[In, Out]{c: c, bell: make(chan struct{}, 1), done: make(chan struct{})}
	w.ctx, w.cancel = context.WithCancel(c.ctx)
	w.timer = c.cfg.clock.AfterFunc(time.Hour, w.fire)
	w.timer.Stop()
	return w
}

func (w *worker[In, Out]) loop() {
	defer w.timer.Stop()
	defer w.cancel()
	w.c.mu.Lock()
	for w.take() {
		w.c.mu.Unlock()
		if !w.call(w.job) {
			return
		}
	}
	w.settle()
	w.c.mu.Unlock()
}

// take waits for a job and marks it running, arming its timeout. It reports
// false when the stream is over. c.mu is held on entry and on return.
func (w *worker[In, Out]) take() bool {
	c := w.c
	for {
		if c.halted {
			return false
		}
		if j, ok := c.queued.PopFront(); ok {
			c.wakeWorker()
			if c.stoppedEarly(j) {
				continue
			}
			w.begin(j)
			return true
		}
		c.idle = append(c.idle, w)
		c.mu.Unlock()
		<-w.bell
		c.mu.Lock()
		c.waking = false
	}
}

// begin marks j running and arms its timeout. c.mu must be held.
func (w *worker[In, Out]) begin(j job[In]) {
	c := w.c
	w.phase, w.job = running, j
	w.track(j)
	c.running++
	c.emit(event.Started, j.index, j.slot, nil)
	if c.cfg.timeout > 0 {
		w.deadline = c.cfg.clock.Since(c.start) + c.cfg.timeout
		if !w.armed {
			w.armed = true
			w.timer.Reset(c.cfg.timeout)
		}
	}
}

// call runs the task, recovering a panic into an exit, and reports whether
// the worker may take another job; if so, c.mu is held on return.
func (w *worker[In, Out]) call(j job[In]) (more bool) {
	returned := false
	defer func() {
		if returned {
			return
		}
		var reason error = errGoexit
		if p := recover(); p != nil {
			reason = task.Recovered(p)
			more = w.finish(j, outcome[In, Out]{err: w.c.exit(reason, j), kind: event.Panicked})
			return
		}
		// runtime.Goexit: report the exit, then let the goroutine end.
		if w.finish(j, outcome[In, Out]{err: w.c.exit(reason, j), kind: event.Panicked}) {
			w.c.live--
			w.settle()
			w.c.mu.Unlock()
		}
	}()
	v, err := w.c.fn(w.ctx, j.input)
	returned = true
	kind := event.Finished
	if err != nil {
		kind = event.Failed
	}
	return w.finish(j, outcome[In, Out]{value: v, err: err, kind: kind})
}

// finish hands a returned task's outcome to the consumer, unless the task
// was timed out or cancelled meanwhile; then the worker retires. It reports
// whether the worker goes on, and then keeps c.mu held.
func (w *worker[In, Out]) finish(j job[In], o outcome[In, Out]) bool {
	c := w.c
	j.child.returned(o.err)
	c.mu.Lock()
	if w.phase != running {
		w.settle() // returned after cancellation: no longer abandoned-to-be
		c.mu.Unlock()
		return false
	}
	w.phase = idle
	c.running--
	c.emit(o.kind, j.index, j.slot, o.err)
	o.job = j
	c.deliver(o)
	return true
}

// fire is the timer's callback: a running task timed out, or a cancelled
// one ran out of shutdown time, or neither yet and the timer is moved to
// the deadline of what runs now.
func (w *worker[In, Out]) fire() {
	c := w.c
	now := c.cfg.clock.Since(c.start)
	c.mu.Lock()
	defer c.mu.Unlock()
	w.armed = false
	if w.phase != running && w.phase != cancelling {
		return // idle: the next task arms the timer again
	}
	if now < w.deadline {
		w.armed = true
		w.timer.Reset(w.deadline - now)
		return
	}
	if w.phase == running {
		w.kill(event.TimedOut, task.ErrTimeout, now)
		return
	}
	c.emit(event.Abandoned, w.job.index, w.job.slot, task.ErrAbandoned)
	w.job.child.abandoned()
	w.settle()
}

// kill ends the running task's part in the stream: its item gets an exit
// with reason, reported as kind, and it is cancelled with its shutdown time
// to return. The worker retires with its task: it leaves the running and
// the live count together, so it is not counted on to take a job. c.mu
// must be held.
func (w *worker[In, Out]) kill(kind event.Kind, reason error, now time.Duration) {
	c := w.c
	c.running--
	c.live--
	c.emit(kind, w.job.index, w.job.slot, reason)
	c.deliver(outcome[In, Out]{job: w.job, err: c.exit(reason, w.job), kind: kind})
	w.cancelWithin(now)
}

// stop is the coordinator halting the stream: a running task is cancelled.
// c.mu must be held.
func (w *worker[In, Out]) stop() {
	if w.phase == running {
		w.c.emit(event.Cancelled, w.job.index, w.job.slot, task.ErrShutdown)
		w.cancelWithin(w.c.cfg.clock.Since(w.c.start))
	}
}

// cancelWithin cancels the running task and gives it the shutdown time to
// return. c.mu must be held.
func (w *worker[In, Out]) cancelWithin(now time.Duration) {
	w.phase = cancelling
	w.deadline = now + w.c.cfg.shutdown
	w.cancel()
	w.armed = true
	w.timer.Reset(w.c.cfg.shutdown)
}

// settle marks the worker gone, once, and takes it off the coordinator's
// list, so that a retired worker is not kept until the run ends. c.mu must
// be held.
func (w *worker[In, Out]) settle() {
	if w.phase == settled {
		return
	}
	w.phase = settled
	close(w.done)
	ws := w.c.workers
	last := ws[len(ws)-1]
	ws[w.pos], last.pos = last, w.pos
	ws[len(ws)-1] = nil
	w.c.workers = ws[:len(ws)-1]
}
