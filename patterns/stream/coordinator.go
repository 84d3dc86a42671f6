package stream

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// errConsumerStopped is the halt reason recorded when the consumer breaks.
var errConsumerStopped = errors.New("stream: consumer stopped early")

type job[In any] struct {
	index, slot int
	input       In
}

// outcome is a task's result on its way to the coordinator. A zero kind is
// the notice that the caller's context is done.
type outcome[In, Out any] struct {
	job     job[In]
	value   Out
	err     error
	kind    event.Kind
	retired bool // the worker that ran it takes no more jobs
}

// coordinator is one run of a stream. It lives on the consumer's goroutine,
// inside the iterator, and owns every worker it starts.
type coordinator[In, Out any] struct {
	fn     func(context.Context, In) (Out, error)
	cfg    *config
	ctx    context.Context // parent of every task's context
	cancel context.CancelFunc
	done   <-chan struct{} // the caller's ctx.Done(), nil if it never ends
	start  time.Time       // deadlines are kept as durations since then
	unhook func() bool     // stops the ctx-done notice

	jobs    chan job[In]
	results chan outcome[In, Out]
	workers []*worker[In, Out]        // every worker started, retired ones too
	live    int                       // workers still taking jobs
	active  int                       // tasks whose outcome has not arrived
	free    []int                     // free slots, used as a stack
	next    int                       // index of the next input
	window  *window[outcome[In, Out]] // ordered: results waiting for their turn
	ready   []outcome[In, Out]        // unordered: results to yield now
	reason  error                     // why the stream stopped early
}

func newCoordinator[In, Out any](s *Stream[In, Out], ctx context.Context) *coordinator[In, Out] {
	n := s.cfg.maxConcurrency
	c := &coordinator[In, Out]{
		fn:      s.fn,
		cfg:     &s.cfg,
		done:    ctx.Done(),
		jobs:    make(chan job[In], n),
		results: make(chan outcome[In, Out], n+1), // +1 for the ctx-done notice
		free:    make([]int, n),
		start:   s.cfg.clock.Now(),
	}
	c.ctx, c.cancel = context.WithCancel(ctx)
	for i := range c.free {
		c.free[i] = n - 1 - i // slot 0 is handed out first
	}
	if s.cfg.ordered {
		c.window = newWindow[outcome[In, Out]](n)
	} else {
		c.ready = make([]outcome[In, Out], 0, n)
	}
	if c.done != nil {
		c.unhook = context.AfterFunc(ctx, func() { c.results <- outcome[In, Out]{} })
	}
	return c
}

// run feeds inputs to the workers as slots free up and yields results.
func (c *coordinator[In, Out]) run(inputs iter.Seq[In], yield func(Result[Out], error) bool) {
	if c.cancelled() {
		c.fail(c.ctx.Err(), yield)
		return
	}
	for in := range inputs {
		c.dispatch(in)
		for c.active == c.cfg.maxConcurrency {
			if !c.await(yield) {
				return
			}
		}
		if c.cancelled() {
			c.fail(context.Cause(c.ctx), yield)
			return
		}
	}
	for c.active > 0 {
		if !c.await(yield) {
			return
		}
	}
}

func (c *coordinator[In, Out]) cancelled() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// dispatch starts a task for the next input in a free slot.
func (c *coordinator[In, Out]) dispatch(in In) {
	if c.live == c.active {
		w := newWorker(c)
		c.workers = append(c.workers, w)
		c.live++
		go w.loop()
	}
	slot := c.free[len(c.free)-1]
	c.free = c.free[:len(c.free)-1]
	c.emit(event.Pulled, c.next, -1, nil)
	c.jobs <- job[In]{index: c.next, slot: slot, input: in} // never blocks: capacity is the bound
	c.next++
	c.active++
}

// await takes one outcome, and any others already waiting, then yields
// what they make ready. Taking them in a batch saves a wake-up per task when
// the workers outpace the consumer. It reports whether the stream goes on.
func (c *coordinator[In, Out]) await(yield func(Result[Out], error) bool) bool {
	o := <-c.results
	for {
		if o.kind == 0 || c.cancelled() {
			// Tasks see the caller's cancellation as soon as we do; what they
			// return then is not a result.
			return c.fail(context.Cause(c.ctx), yield)
		}
		c.active--
		c.free = append(c.free, o.job.slot)
		if o.retired {
			c.live--
		}
		if o.kind == event.TimedOut && c.cfg.onTimeout == Exit {
			return c.flush(yield) && c.fail(o.err, yield)
		}
		if c.window != nil {
			c.window.put(o.job.index, o)
		} else {
			c.ready = append(c.ready, o)
		}
		select {
		case o = <-c.results:
			continue
		default:
		}
		return c.flush(yield)
	}
}

// flush yields every result that is ready: all of them when unordered, the
// next ones in input order when ordered.
func (c *coordinator[In, Out]) flush(yield func(Result[Out], error) bool) bool {
	if c.window == nil {
		ready := c.ready
		c.ready = c.ready[:0]
		for _, o := range ready {
			if !c.yield(o, yield) {
				return false
			}
		}
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
// returned, or abandoned after its shutdown time.
func (c *coordinator[In, Out]) halt() {
	if c.unhook != nil {
		c.unhook()
	}
	for _, w := range c.workers {
		w.stop()
	}
	c.cancel()
	close(c.jobs)
	for _, w := range c.workers {
		<-w.done
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
	if event.Enabled && c.cfg.hook != nil {
		c.cfg.hook(event.Event{Time: c.cfg.clock.Now(), Kind: k, ID: id, Slot: slot, Err: err})
	}
}
