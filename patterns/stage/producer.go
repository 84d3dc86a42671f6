package stage

import (
	"context"
	"errors"
	"io"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Producer is a stage that makes events for its consumers: GenStage's
// producer with the default DemandDispatcher. Events go to the subscribed
// consumer owed the most demand; events beyond demand wait in a buffer that
// drops its oldest when full (see [BufferSize]).
type Producer[T any] struct {
	b        base
	d        *dispatcher[T]
	fn       func(context.Context, int) ([]T, error) // nil for a push producer
	onCancel func(context.Context, int, error)
}

// NewProducer adds a producer to pl that calls fn for events when its
// consumers want them (GenStage's handle_demand). demand is how many events
// the consumers asked for and were not yet sent: fn should return up to
// that many. It may return fewer, and is called again while demand
// remains. It may return more: the excess waits in the buffer, and what
// does not fit is dropped, oldest first, and counted in [Producer.Stats]
// (GenStage keeps its buffer_size the same way, and logs).
//
// fn returning no events and no error means "nothing now": it is not
// called again until its consumers ask for more or [Producer.Wake] is
// called, so it never spins. A source that will have events later can
// also block in fn until it has some, or until ctx is done.
//
// fn returns io.EOF, with its last events if any, when it has no more: the
// consumers get what was made, then finish. Any other error, or a panic,
// stops the pipeline (events returned with that error are ignored). The
// producer copies the events; fn may reuse its slice.
//
// Options: [BufferSize], [UnboundedBuffer], [BufferKeep], [Demand],
// [HandleCancel].
func NewProducer[T any](pl *Pipeline, fn func(ctx context.Context, demand int) ([]T, error), opts ...Option) (*Producer[T], error) {
	return newProducer(pl, fn, fn == nil, opts)
}

// NewPushProducer adds a producer to pl whose events are given to it with
// [Producer.Push], by any goroutine, whether or not anyone asked for them:
// the buffer then keeps the newest and reports what it drops. Call
// [Producer.Close] when there are no more.
//
// Options: [BufferSize], [UnboundedBuffer], [BufferKeep], [Demand],
// [HandleCancel].
func NewPushProducer[T any](pl *Pipeline, opts ...Option) (*Producer[T], error) {
	return newProducer[T](pl, nil, false, opts)
}

func newProducer[T any](pl *Pipeline, fn func(context.Context, int) ([]T, error), missingFn bool, opts []Option) (*Producer[T], error) {
	cfg, err := configure(producerRole, pl, missingFn, opts)
	if err != nil {
		return nil, err
	}
	p := &Producer[T]{b: newBase(pl, producerRole), fn: fn, onCancel: cfg.handleCancel}
	p.d = newDispatcher[T](&p.b, &cfg, make(chan struct{}, 1))
	p.d.hears = p.onCancel != nil
	p.b.release = p.d.stop
	if err := pl.add(p); err != nil {
		return nil, err
	}
	return p, nil
}

// ID is the producer's number in its pipeline, as events report it.
func (p *Producer[T]) ID() int { return p.base().id }

// base is the producer's, refusing one that no constructor made.
func (p *Producer[T]) base() *base {
	if p.d == nil {
		panic("stage: zero Producer; make one with stage.NewProducer or stage.NewPushProducer")
	}
	return &p.b
}

// Push hands events to the producer: they are sent to consumers as far as
// demand allows and buffered beyond it, dropping the oldest when the buffer
// is full. It never blocks. Push may be called before Start, and by any
// goroutine; the producer copies the events. It returns [ErrStopped], and
// the events are discarded, once the pipeline has stopped. Push after
// [Producer.Close] panics.
func (p *Producer[T]) Push(events ...T) error {
	p.base()
	if !p.d.produce(events) {
		return ErrStopped
	}
	return nil
}

// Wake tells a pull producer that its function, which last returned no
// events, may have some now: it is called again if its consumers still
// want events. It never blocks, may be called by any goroutine, before or
// after Start, and does nothing to a push producer.
func (p *Producer[T]) Wake() {
	p.base()
	p.d.wakeUp()
}

// EstimateBufferedCount returns how many events wait in the producer's
// buffer for demand (GenStage.estimate_buffered_count). Other goroutines
// may change it at any moment, so it is an estimate, for monitoring or
// tests; it never blocks for long and may be called by any goroutine.
func (p *Producer[T]) EstimateBufferedCount() int {
	p.base()
	return p.d.buffered()
}

// Close says the producer will make no more events: a pull producer's
// function is not called again, and once its buffer has been sent the
// consumers finish. Close may be called more than once.
func (p *Producer[T]) Close() {
	p.base()
	p.d.close()
}

func (p *Producer[T]) dispatcher() *dispatcher[T] {
	if p == nil {
		return nil
	}
	return p.d
}

func (p *Producer[T]) stageBase() *base { return &p.b }

func (p *Producer[T]) askFirst() {}

func (p *Producer[T]) run(ctx context.Context) error {
	idle := false    // the function made nothing: wait for news
	var since uint64 // the news it was called with
	for {
		if ctx.Err() != nil {
			p.b.discarded(p.d.stop())
			return ErrStopped
		}
		want, finished, news := p.d.state()
		if err := p.hearLeavers(ctx); err != nil {
			return err
		}
		if finished {
			return nil
		}
		idle = idle && news == since // demand asked, or Wake, since the call
		if want > 0 && p.fn != nil && !idle {
			made, err := p.pull(ctx, want)
			if err != nil {
				return err
			}
			idle, since = made == 0, news
			continue
		}
		select {
		case <-p.d.wake:
		case <-ctx.Done():
		}
	}
}

// pull calls the function for up to want events and produces them. It
// returns how many the function made.
func (p *Producer[T]) pull(ctx context.Context, want int) (int, error) {
	var events []T
	err := p.b.call(ctx, 0, func() error {
		var err error
		events, err = p.fn(ctx, want)
		return err
	})
	switch {
	case err == nil:
		p.d.produce(events)
		return len(events), nil
	case err == errNotCalled:
		return 0, nil // the loop sees ctx done
	case errors.Is(err, io.EOF):
		p.d.produce(events)
		p.d.close()
		return len(events), nil
	}
	p.b.emit(event.StageFailed, p.b.id, -1, 0, err)
	p.b.discarded(p.d.stop())
	if ctx.Err() != nil {
		return 0, ErrStopped // failing while the pipeline stops is not why it stopped
	}
	p.b.pl.fail(p.b.id, err)
	return 0, err
}

// hearLeavers calls HandleCancel for each consumer that left, with the
// consumer's ID and its reason (GenStage calls a producer's handle_cancel
// when a consumer cancels). A panic in it fails the producer.
func (p *Producer[T]) hearLeavers(ctx context.Context) error {
	if p.onCancel == nil {
		return nil
	}
	for _, l := range p.d.leavers() {
		err := p.b.call(ctx, 0, func() error { p.onCancel(ctx, l.consumer, l.reason); return nil })
		switch {
		case err == errNotCalled:
			return nil // the loop sees ctx done
		case err != nil:
			p.b.emit(event.StageFailed, p.b.id, -1, 0, err)
			p.b.discarded(p.d.stop())
			if ctx.Err() != nil {
				return ErrStopped
			}
			p.b.pl.fail(p.b.id, err)
			return err
		}
	}
	return nil
}
