package stage

import (
	"context"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// batchRoom bounds the room a batcher sets aside for its first batch.
const batchRoom = 1024

// Batcher is a consumer that groups the events it takes into batches, like
// a Broadway batcher with one batch processor: a batch is handed to the
// function when it reaches the batch size, when the batch timeout has
// passed since its first event, or when the producers have finished.
type Batcher[T any] struct {
	b       base
	sink    *sink[T]
	fn      func(context.Context, []T) error
	size    int
	timeout time.Duration
	batch   []T
}

// NewBatcher adds a batcher to pl. fn handles each batch; it must not keep
// the slice after it returns. The batcher asks for more events while it
// fills a batch, so it holds at most the max demand plus one batch.
//
// Options: [BatchSize] (default 100), [BatchTimeout] (default 1 s, on the
// pipeline's clock), [MaxDemand] (default: the batch size, as in
// Broadway), [MinDemand], [HandleFailed]. An error or panic of fn stops the
// pipeline, unless HandleFailed is given.
func NewBatcher[T any](pl *Pipeline, fn func(ctx context.Context, batch []T) error, opts ...Option) (*Batcher[T], error) {
	cfg, onFailed, err := configureSink[T](batcherRole, pl, fn == nil, opts)
	if err != nil {
		return nil, err
	}
	bt := &Batcher[T]{b: newBase(pl, batcherRole), fn: fn, size: cfg.batchSize, timeout: cfg.batchTimeout}
	bt.sink = newSink(&bt.b, &cfg, onFailed)
	bt.b.release = bt.sink.release // the batch itself is in the call
	if err := pl.add(bt); err != nil {
		return nil, err
	}
	return bt, nil
}

// ID is the batcher's number in its pipeline, as events report it.
func (bt *Batcher[T]) ID() int { return bt.base().id }

// base is the batcher's, refusing one that no constructor made.
func (bt *Batcher[T]) base() *base {
	if bt.sink == nil {
		panic("stage: zero Batcher; make one with stage.NewBatcher")
	}
	return &bt.b
}

// SubscribeTo makes the batcher take events from src; see
// [Consumer.SubscribeTo].
func (bt *Batcher[T]) SubscribeTo(src Source[T], opts ...SubscribeOption) error {
	bt.base()
	return bt.sink.subscribeTo(src, opts)
}

// Cancel ends the batcher's subscription to src; see [Consumer.Cancel].
func (bt *Batcher[T]) Cancel(src Source[T], reason error) error {
	bt.base()
	return bt.sink.cancel(src, reason)
}

func (bt *Batcher[T]) leave() { bt.sink.leave() }

func (bt *Batcher[T]) stageBase() *base { return &bt.b }

func (bt *Batcher[T]) askFirst() { bt.sink.askFirst() }

func (bt *Batcher[T]) run(ctx context.Context) error {
	timer := bt.b.pl.clock.NewTimer(bt.timeout)
	timer.Stop()
	defer timer.Stop()
	bt.batch = make([]T, 0, min(bt.size, batchRoom)) // a huge BatchSize grows as it fills
	for {
		if ctx.Err() != nil {
			return bt.sink.stop(len(bt.batch))
		}
		if sub, events := bt.sink.next(bt.size - len(bt.batch)); sub != nil {
			if len(bt.batch) == 0 {
				timer.Reset(bt.timeout) // the timeout counts from a batch's first event
			}
			bt.batch = append(bt.batch, events...)
			bt.sink.handed(sub)
			if len(bt.batch) == bt.size {
				timer.Stop()
				if err := bt.flush(ctx, FlushSize); err != nil {
					return err
				}
			}
			continue
		}
		if end, err := bt.sink.finish(ctx); end {
			timer.Stop()
			if err != nil {
				bt.b.discarded(len(bt.batch))
				return err
			}
			return bt.flush(ctx, FlushDrain)
		}
		if err := bt.wait(ctx, timer); err != nil {
			return err
		}
	}
}

// wait blocks until events arrive, the batch times out, or ctx is done.
func (bt *Batcher[T]) wait(ctx context.Context, timer clock.Timer) error {
	select {
	case <-bt.sink.wake:
	case <-timer.C():
		// A tick left over from a batch already flushed finds it empty.
		return bt.flush(ctx, FlushTimeout)
	case <-ctx.Done():
	}
	return nil
}

// flush hands the batch, if any, to the function.
func (bt *Batcher[T]) flush(ctx context.Context, reason error) error {
	n := len(bt.batch)
	if n == 0 {
		return nil
	}
	err := bt.sink.handle(ctx, -1, bt.batch, func() error {
		bt.b.emit(event.BatchFlushed, bt.b.id, -1, n, reason)
		return bt.fn(ctx, bt.batch[:n:n])
	})
	clear(bt.batch)
	bt.batch = bt.batch[:0]
	return err
}
