package stage

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Source is a stage consumers can subscribe to: a [*Producer] or a
// [*ProducerConsumer] whose events are of type T.
type Source[T any] interface {
	// ID is the stage's number in its pipeline, as events report it.
	ID() int
	dispatcher() *dispatcher[T]
}

// runner is a stage as its pipeline runs it.
type runner interface {
	stageBase() *base
	// askFirst sends a consuming stage's first demand to each producer.
	askFirst()
	// run is the stage's goroutine. It returns nil when the stage has done
	// all its work, ErrStopped when the pipeline stopped first, or the
	// failure that stopped it.
	run(ctx context.Context) error
}

// base is what every stage has: its place in the pipeline and the state its
// pipeline needs to shut it down.
type base struct {
	pl   *Pipeline
	id   int
	role role
	done chan struct{} // closed when the stage's goroutine returns

	// release makes the stage refuse further events and returns how many
	// it holds outside its running call. Only abandon calls it, under mu,
	// while the stage's goroutine is inside its function.
	release func() int

	mu        sync.Mutex
	inCall    bool        // the stage's function is running
	busy      int         // how many events that call is handling
	abandoned atomic.Bool // set under mu; the stage counts and reports nothing more

	counts counters
}

func newBase(pl *Pipeline, r role) base {
	return base{pl: pl, role: r, done: make(chan struct{})}
}

// emit counts a step of the stage in its [Stats] and reports it to the
// hook, if anyone listens. An abandoned stage does neither: what it held
// was counted as discarded when it was abandoned.
func (b *base) emit(k event.Kind, id, slot, n int, err error) {
	if b.abandoned.Load() {
		return
	}
	b.counts.step(k, n)
	if b.pl.hook == nil {
		return
	}
	b.pl.emit(k, id, slot, n, err)
}

// call runs fn, one call of the stage's function on n events. It does not
// call fn once ctx is done (errNotCalled), so that a stopping pipeline knows
// which stages may still be inside a function. A panic in fn becomes a
// *task.ExitError; a runtime.Goexit stops the pipeline and lets the
// goroutine end.
func (b *base) call(ctx context.Context, n int, fn func() error) (err error) {
	return b.callUnless(ctx, n, nil, fn)
}

// callUnless is call, but does not call fn, and returns errVetoed, when
// veto (read under mu) is set: a cancel, which takes mu too, thus either
// comes before the call starts or finds it running.
func (b *base) callUnless(ctx context.Context, n int, veto *atomic.Bool, fn func() error) (err error) {
	b.mu.Lock()
	if ctx.Err() != nil {
		b.mu.Unlock()
		return errNotCalled
	}
	if veto != nil && veto.Load() {
		b.mu.Unlock()
		return errVetoed
	}
	b.inCall, b.busy = true, n
	b.mu.Unlock()
	returned := false
	defer func() {
		b.mu.Lock()
		b.inCall, b.busy = false, 0
		b.mu.Unlock()
		if returned {
			return
		}
		if p := recover(); p != nil {
			err = &task.ExitError{Reason: task.Recovered(p)}
			return
		}
		exit := &task.ExitError{Reason: errGoexit}
		b.emit(event.StageFailed, b.id, -1, n, exit)
		b.discarded(b.release()) // the goroutine ends: what it held is lost
		b.pl.fail(b.id, exit)
	}()
	err = fn()
	returned = true
	return err
}

// discarded reports n events the stage dropped because the pipeline
// stopped.
func (b *base) discarded(n int) {
	if n > 0 {
		b.emit(event.EventsDiscarded, b.id, -1, n, nil)
	}
}

// abandon marks the stage abandoned if it is still inside its function,
// and reports whether it did. A stage outside its function cannot enter it
// again (ctx is done), so it is about to return and is not abandoned. The
// goroutine is inside the function and touches nothing until it returns
// and takes mu, so release may reach its state from here.
func (b *base) abandon() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.inCall {
		return false
	}
	b.emit(event.StageAbandoned, b.id, -1, b.busy, task.ErrAbandoned)
	b.discarded(b.release())
	b.abandoned.Store(true)
	return true
}
