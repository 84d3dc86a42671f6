package stream

import (
	"context"
	"errors"
	"iter"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/ctxerr"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
	"github.com/concurrency-patterns/playground/patterns/internal/ring"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// errConsumerStopped is the halt reason recorded when the consumer breaks.
var errConsumerStopped = errors.New("stream: consumer stopped early")

type job[In any] struct {
	index, slot int
	input       In
	child       *child // its place in the task supervisor, if the stream has one
}

// outcome is a task's result on its way to the consumer.
type outcome[In, Out any] struct {
	job   job[In]
	value Out
	err   error
	kind  event.Kind
}

// coordinator is one run of a stream. Its consumer side lives on the
// consumer's goroutine, inside the iterator, and owns every worker it
// starts.
//
// The consumer and the workers meet under one mutex instead of on channels.
// That lets each side move everything that is ready in one step (the
// consumer takes every finished outcome at once; a worker that finishes
// takes the next job in the same step), and it wakes a parked goroutine only
// when there is something for it, one worker at a time: a channel send would
// wake a parked worker per job, and for short tasks those wake-ups cost more
// than the tasks.
type coordinator[In, Out any] struct {
	fn     func(context.Context, In) (Out, error)
	cfg    *config
	events report.To
	caller context.Context // the caller's ctx
	ctx    context.Context // parent of every task's context
	cancel context.CancelFunc
	done   <-chan struct{} // the caller's ctx.Done(), nil if it never ends
	start  time.Time       // deadlines are kept as durations since then
	unhook func() bool     // stops the ctx-done notice

	// Owned by the consumer's goroutine. Nothing is sized by MaxConcurrency
	// up front: slots, queues and the window grow as they are used.
	active int                       // dispatched tasks whose outcome it has not taken
	free   []int                     // freed slots, used as a stack
	slots  int                       // slots handed out so far; the next fresh one is this
	next   int                       // index of the next input
	window *window[outcome[In, Out]] // ordered: results waiting for their turn
	spare  []outcome[In, Out]        // the batch it took last, reused for the next
	reason error                     // why the stream stopped early

	// Shared, guarded by mu, as is every worker's state.
	mu       sync.Mutex
	workers  []*worker[In, Out] // workers not yet settled, each at its pos
	queued   ring.Ring[job[In]] // dispatched jobs no worker has taken yet
	finished []outcome[In, Out] // outcomes the consumer has not taken yet
	idle     []*worker[In, Out] // workers parked until there is a job
	waking   bool               // a parked worker was woken and has not run yet
	waiting  bool               // the consumer is parked until an outcome comes
	bell     chan struct{}      // wakes the parked consumer
	live     int                // workers that still take jobs
	running  int                // live workers running a task
	ctxEnded bool               // the caller's context is done
	halted   bool               // the stream is over: workers take no more jobs
}

// startRoom bounds the room set aside before a run has used any: a huge
// MaxConcurrency costs memory only as slots fill.
const startRoom = 64

func newCoordinator[In, Out any](s *Stream[In, Out], ctx context.Context) *coordinator[In, Out] {
	n := min(s.cfg.maxConcurrency, startRoom)
	c := &coordinator[In, Out]{
		fn:       s.fn,
		cfg:      &s.cfg,
		events:   report.New(s.cfg.hook, s.cfg.clock),
		caller:   ctx,
		done:     ctx.Done(),
		start:    s.cfg.clock.Now(),
		queued:   ring.New[job[In]](n),
		finished: make([]outcome[In, Out], 0, n),
		spare:    make([]outcome[In, Out], 0, n),
		bell:     make(chan struct{}, 1),
	}
	c.ctx, c.cancel = context.WithCancel(ctx)
	if s.cfg.ordered {
		c.window = newWindow[outcome[In, Out]](n)
	}
	if c.done != nil {
		c.unhook = context.AfterFunc(ctx, func() {
			c.mu.Lock()
			c.ctxEnded = true
			c.ringConsumer()
			c.mu.Unlock()
		})
	}
	return c
}

// run feeds inputs to the workers as slots free up and yields results.
func (c *coordinator[In, Out]) run(inputs iter.Seq[In], yield func(Result[Out], error) bool) {
	if c.cancelled() {
		c.fail(ctxerr.Of(c.caller), yield)
		return
	}
	for in := range inputs {
		if err := c.dispatch(in); err != nil {
			c.fail(err, yield)
			return
		}
		for c.full() {
			if !c.await(yield) {
				return
			}
		}
		if c.cancelled() {
			c.fail(ctxerr.Of(c.caller), yield)
			return
		}
	}
	for c.active > 0 {
		if !c.await(yield) {
			return
		}
	}
}

// full reports whether the next input must wait: every slot is taken, or
// the ordered window holds as many inputs as it may. A full window always
// has its head running, so awaiting an outcome makes progress.
func (c *coordinator[In, Out]) full() bool {
	return c.active == c.cfg.maxConcurrency || c.window != nil && c.next-c.window.next >= c.cfg.window
}

func (c *coordinator[In, Out]) cancelled() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// dispatch queues a task for the next input in a free slot, and makes sure
// a worker will take it: a parked one is woken, or a new one started. It
// fails only when the stream's task supervisor refuses the task.
func (c *coordinator[In, Out]) dispatch(in In) error {
	slot := c.slots // a freed slot is reused first, else the lowest never used
	if k := len(c.free); k > 0 {
		slot, c.free = c.free[k-1], c.free[:k-1]
	} else {
		c.slots++
	}
	c.emit(event.Pulled, c.next, -1, nil)
	j := job[In]{index: c.next, slot: slot, input: in}
	c.next++
	c.active++
	if err := c.enroll(&j); err != nil {
		c.active--
		c.free = append(c.free, slot)
		return err
	}

	c.mu.Lock()
	c.queued.PushBack(j)
	c.wakeWorker()
	var w *worker[In, Out]
	if c.live-c.running < c.queued.Len() { // no worker that is not running will take it
		c.live++
		w = newWorker(c)
		w.pos = len(c.workers)
		c.workers = append(c.workers, w)
	}
	c.mu.Unlock()
	if w != nil {
		go w.loop()
	}
	return nil
}

// wakeWorker wakes one parked worker if jobs wait and no other worker is on
// its way. The woken worker wakes the next if jobs still wait once it has
// taken one, so a burst of short jobs is not met by a burst of wake-ups.
// c.mu must be held.
func (c *coordinator[In, Out]) wakeWorker() {
	if c.waking || c.queued.Len() == 0 || len(c.idle) == 0 {
		return
	}
	w := c.idle[len(c.idle)-1]
	c.idle = c.idle[:len(c.idle)-1]
	c.waking = true
	w.bell <- struct{}{} // never blocks: a parked worker has an empty bell
}

// deliver hands an outcome to the consumer. c.mu must be held.
func (c *coordinator[In, Out]) deliver(o outcome[In, Out]) {
	c.finished = append(c.finished, o)
	c.ringConsumer()
}

// ringConsumer wakes the consumer if it is parked. c.mu must be held.
func (c *coordinator[In, Out]) ringConsumer() {
	if c.waiting {
		c.waiting = false
		c.bell <- struct{}{} // never blocks: only a parked consumer is rung
	}
}

// await takes every outcome that has finished, parking until there is one,
// and yields what they make ready. It reports whether the stream goes on.
func (c *coordinator[In, Out]) await(yield func(Result[Out], error) bool) bool {
	c.mu.Lock()
	for len(c.finished) == 0 && !c.ctxEnded {
		c.waiting = true
		c.mu.Unlock()
		<-c.bell
		c.mu.Lock()
	}
	batch := c.finished
	c.finished = c.spare[:0]
	ended := c.ctxEnded
	c.mu.Unlock()
	c.spare = batch

	if ended || c.cancelled() {
		// Tasks see the caller's cancellation as soon as we do; what they
		// return then is not a result.
		return c.fail(ctxerr.Of(c.caller), yield)
	}
	for i, o := range batch {
		batch[i] = outcome[In, Out]{} // the batch is reused: drop the value
		c.active--
		c.free = append(c.free, o.job.slot)
		if o.kind == event.TimedOut && c.cfg.onTimeout == Exit {
			return c.flush(yield) && c.fail(o.err, yield)
		}
		if c.window != nil {
			c.window.put(o.job.index, o)
		} else if !c.yield(o, yield) {
			return false
		}
	}
	return c.flush(yield)
}

// flush yields, when ordered, the results that are next in input order.
func (c *coordinator[In, Out]) flush(yield func(Result[Out], error) bool) bool {
	if c.window == nil {
		return true
	}
	for {
		next, ok := c.window.pop()
		if !ok {
			return true
		}
		if !c.yield(next, yield) {
			return false
		}
	}
}

func (c *coordinator[In, Out]) yield(o outcome[In, Out], yield func(Result[Out], error) bool) bool {
	c.emit(event.Emitted, o.job.index, o.job.slot, o.err)
	if !yield(Result[Out]{Index: o.job.index, Value: o.value, Err: o.err}, nil) {
		c.reason = errConsumerStopped
		return false
	}
	return true
}

// fail ends the stream early with err, the last thing the consumer sees.
func (c *coordinator[In, Out]) fail(err error, yield func(Result[Out], error) bool) bool {
	c.reason = err
	var zero Result[Out]
	yield(zero, err)
	return false
}

// halt cancels what still runs and waits until every worker has settled:
// returned, or abandoned after its shutdown time. Workers settled before
// are no longer listed: a run with many retired workers keeps none.
func (c *coordinator[In, Out]) halt() {
	if c.unhook != nil {
		c.unhook()
	}
	c.mu.Lock()
	c.halted = true
	waits := make([]chan struct{}, 0, len(c.workers))
	for _, w := range c.workers {
		w.stop()
		waits = append(waits, w.done)
	}
	for _, w := range c.idle {
		w.bell <- struct{}{}
	}
	c.idle = nil
	c.dropQueued()
	c.mu.Unlock()
	c.cancel()
	for _, done := range waits {
		<-done
	}
	c.emit(event.Halted, -1, -1, c.reason)
}

// exit wraps a reason as the task's exit, with the input when asked to.
func (c *coordinator[In, Out]) exit(reason error, j job[In]) error {
	e := &task.ExitError{Reason: reason}
	if c.cfg.zipInput {
		e.Input = j.input
	}
	return e
}

func (c *coordinator[In, Out]) emit(k event.Kind, id, slot int, err error) {
	c.events.Emit(k, id, slot, 0, err)
}
