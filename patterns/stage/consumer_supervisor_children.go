package stage

import (
	"context"
	"fmt"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/intensity"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// kids are the children of a consumer supervisor, owned by its goroutine:
// it starts them, hears of their exits through a mailbox that never
// blocks a child, restarts them by their policy, and waits for them when
// it stops.
type kids[T any] struct {
	cs     *ConsumerSupervisor[T]
	ctx    context.Context // the children's, cancelled when the supervisor stops
	cancel context.CancelFunc

	mu      sync.Mutex
	mailbox []kidExit[T]
	wake    chan struct{}

	running  int                      // children whose goroutine has not been heard to return
	freed    map[*subscription[T]]int // places of children gone for good, not yet asked for again
	restarts intensity.Window
}

// kidExit is how a child ended.
type kidExit[T any] struct {
	sub   *subscription[T]
	event T
	err   error
}

func newKids[T any](cs *ConsumerSupervisor[T], ctx context.Context) *kids[T] {
	k := &kids[T]{cs: cs, wake: make(chan struct{}, 1), freed: map[*subscription[T]]int{},
		restarts: intensity.Window{Period: cs.period}}
	k.ctx, k.cancel = context.WithCancel(ctx)
	return k
}

// start runs a child for e, one of sub's events.
func (k *kids[T]) start(sub *subscription[T], e T) {
	k.running++
	b := &k.cs.b
	b.emit(event.EventChildStarted, b.id, sub.from.b.id, k.running, nil)
	go func() {
		x := kidExit[T]{sub: sub, event: e, err: k.call(e)}
		k.mu.Lock()
		k.mailbox = append(k.mailbox, x)
		k.mu.Unlock()
		signal(k.wake)
	}()
}

// call runs the child function, making a panic or runtime.Goexit an exit
// error.
func (k *kids[T]) call(e T) (err error) {
	returned := false
	defer func() {
		if !returned {
			if p := recover(); p != nil {
				err = &task.ExitError{Reason: task.Recovered(p)}
			} else {
				err = &task.ExitError{Reason: errGoexit}
			}
		}
	}()
	err = k.cs.child(k.ctx, e)
	returned = true
	return err
}

// reap takes in the exits the mailbox holds. It returns the supervisor's
// failure when a child needed one restart more than the intensity allows.
func (k *kids[T]) reap() error {
	k.mu.Lock()
	exits := k.mailbox
	k.mailbox = nil
	k.mu.Unlock()
	for i, x := range exits {
		if err := k.exited(x); err != nil {
			k.requeue(exits[i+1:]) // heard by stop, as the shutdown's exits
			return err
		}
	}
	return nil
}

// requeue puts exits taken from the mailbox back in front of it, so that
// no child that returned goes unheard.
func (k *kids[T]) requeue(exits []kidExit[T]) {
	if len(exits) == 0 {
		return
	}
	k.mu.Lock()
	k.mailbox = append(exits[:len(exits):len(exits)], k.mailbox...)
	k.mu.Unlock()
	signal(k.wake)
}

// exited applies the restart policy to a child that returned.
func (k *kids[T]) exited(x kidExit[T]) error {
	k.running--
	b, slot := &k.cs.b, x.sub.from.b.id
	b.emit(event.EventChildExited, b.id, slot, k.running, x.err)
	stopping := k.ctx.Err() != nil
	switch {
	case x.err == nil:
		b.counts.step(event.EventsProcessed, 1)
	case stopping:
		b.counts.step(event.EventsDiscarded, 1) // a shutdown exit
		return nil
	case k.cs.restart == supervisor.Transient:
		return k.restart(x)
	default:
		b.counts.step(event.StageFailed, 1)
	}
	if !stopping {
		k.free(x.sub)
	}
	return nil
}

// restart runs a failed transient child again, unless that is one restart
// more than the intensity allows.
func (k *kids[T]) restart(x kidExit[T]) error {
	cs := k.cs
	b, slot := &cs.b, x.sub.from.b.id
	n, allowed := k.restarts.Add(b.pl.clock.Now(), cs.maxRestarts)
	if !allowed {
		err := fmt.Errorf("%w: %d restarts within %v; the last child exited: %w",
			supervisor.ErrMaxIntensity, n, cs.period, x.err)
		b.emit(event.StageFailed, b.id, slot, 1, err)
		b.pl.fail(b.id, err)
		return err
	}
	b.emit(event.EventChildRestarted, b.id, slot, n, x.err)
	k.start(x.sub, x.event)
	return nil
}

// free counts the place of a child gone for good and, once min places
// are free, asks its producer for as many events (ConsumerSupervisor's
// rule). A subscription that ended asks for nothing.
func (k *kids[T]) free(sub *subscription[T]) {
	k.freed[sub]++
	s := k.cs.sink
	if k.freed[sub] < max(s.min, 1) {
		return
	}
	sub.mu.Lock()
	over := sub.closed || sub.stopped // finished, cancelled or left
	sub.mu.Unlock()
	if !over {
		s.ask(sub, k.freed[sub])
	}
	k.freed[sub] = 0
}

// stop cancels every child and waits the pipeline's shutdown time for them;
// those still running then are reported abandoned (Go cannot kill a
// goroutine): they end on their own, heard by no one.
func (k *kids[T]) stop() {
	k.cancel()
	b := &k.cs.b
	timer := b.pl.clock.NewTimer(b.pl.shutdown)
	defer timer.Stop()
	for k.running > 0 {
		select {
		case <-k.wake:
			_ = k.reap() // no restarts while stopping
		case <-timer.C():
			b.emit(event.StageAbandoned, b.id, -1, k.running, task.ErrAbandoned)
			return
		}
	}
}
