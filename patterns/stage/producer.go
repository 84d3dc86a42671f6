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
	b  base
	d  *dispatcher[T]
	fn func(context.Context, int) ([]T, error) // nil for a push producer
}

// NewProducer adds a producer to pl that calls fn for events when its
// consumers want them (GenStage's handle_demand). demand is how many events
// the consumers asked for and were not yet sent: fn should return up to
// that many. It may return fewer, and is called again while demand remains,
// so it should block (until ctx is done) while it has nothing; it may
// return more, and the excess is buffered. fn returns io.EOF, with its last
// events if any, when it has no more: the consumers get what was made, then
// finish. Any other error, or a panic, stops the pipeline (events returned
// with that error are ignored). The producer copies the events; fn may
// reuse its slice.
//
// Options: [BufferSize], [UnboundedBuffer].
func NewProducer[T any](pl *Pipeline, fn func(ctx context.Context, demand int) ([]T, error), opts ...Option) (*Producer[T], error) {
	return newProducer(pl, fn, fn == nil, opts)
}

// NewPushProducer adds a producer to pl whose events are given to it with
// [Producer.Push], by any goroutine, whether or not anyone asked for them:
// the buffer then keeps the newest and reports what it drops. Call
// [Producer.Close] when there are no more.
//
// Options: [BufferSize], [UnboundedBuffer].
func NewPushProducer[T any](pl *Pipeline, opts ...Option) (*Producer[T], error) {
	return newProducer[T](pl, nil, false, opts)
}

func newProducer[T any](pl *Pipeline, fn func(context.Context, int) ([]T, error), missingFn bool, opts []Option) (*Producer[T], error) {
	cfg, err := configure(producerRole, pl, missingFn, opts)
	if err != nil {
		return nil, err
	}
	p := &Producer[T]{b: newBase(pl, producerRole), fn: fn}
	p.d = newDispatcher[T](&p.b, cfg.bufferSize, make(chan struct{}, 1))
	p.b.release = p.d.stop
	if err := pl.add(p); err != nil {
		return nil, err
	}
	return p, nil
}

// ID is the producer's number in its pipeline, as events report it.
func (p *Producer[T]) ID() int { return p.b.id }

// Push hands events to the producer: they are sent to consumers as far as
// demand allows and buffered beyond it, dropping the oldest when the buffer
// is full. It never blocks. Push may be called before Start, and by any
// goroutine; the producer copies the events. It returns [ErrStopped], and
// the events are discarded, once the pipeline has stopped. Push after
// [Producer.Close] panics.
func (p *Producer[T]) Push(events ...T) error {
	if !p.d.produce(events) {
		return ErrStopped
	}
	return nil
}

// Close says the producer will make no more events: a pull producer's
// function is not called again, and once its buffer has been sent the
// consumers finish. Close may be called more than once.
func (p *Producer[T]) Close() { p.d.close() }

func (p *Producer[T]) dispatcher() *dispatcher[T] {
	if p == nil {
		return nil
	}
	return p.d
}

func (p *Producer[T]) stageBase() *base { return &p.b }

func (p *Producer[T]) askFirst() {}

func (p *Producer[T]) run(ctx context.Context) error {
	for {
		if ctx.Err() != nil {
			p.b.discarded(p.d.stop())
			return ErrStopped
		}
		want, finished := p.d.state()
		if finished {
			return nil
		}
		if want > 0 && p.fn != nil {
			if err := p.pull(ctx, want); err != nil {
				return err
			}
			continue
		}
		select {
		case <-p.d.wake:
		case <-ctx.Done():
		}
	}
}

// pull calls the function for up to want events and produces them.
func (p *Producer[T]) pull(ctx context.Context, want int) error {
	var events []T
	err := p.b.call(ctx, 0, func() error {
		var err error
		events, err = p.fn(ctx, want)
		return err
	})
	switch {
	case err == nil:
		p.d.produce(events)
		return nil
	case err == errNotCalled:
		return nil // the loop sees ctx done
	case errors.Is(err, io.EOF):
		p.d.produce(events)
		p.d.close()
		return nil
	}
	p.b.emit(event.StageFailed, p.b.id, -1, 0, err)
	p.b.discarded(p.d.stop())
	if ctx.Err() != nil {
		return ErrStopped // failing while the pipeline stops is not why it stopped
	}
	p.b.pl.fail(p.b.id, err)
	return err
}
