package stage

import (
	"context"
	"math"
)

// Consumer is a stage that handles events and produces none: GenStage's
// consumer, or a Broadway processor with no batcher after it.
type Consumer[T any] struct {
	b    base
	sink *sink[T]
	fn   func(context.Context, []T) error
}

// NewConsumer adds a consumer to pl. fn handles each group of events the
// consumer takes, at most max - min at a time (see [MinDemand]); it must
// not keep the slice after it returns. Subscribe the consumer to its
// producers with [Consumer.SubscribeTo].
//
// Options: [MaxDemand], [MinDemand], [HandleFailed], [HandleCancel]. An
// error or panic of fn stops the pipeline, unless HandleFailed is given.
func NewConsumer[T any](pl *Pipeline, fn func(ctx context.Context, events []T) error, opts ...Option) (*Consumer[T], error) {
	return newConsumer(consumerRole, pl, fn, opts)
}

// newConsumer makes a consumer configured as a stage of role r.
func newConsumer[T any](r role, pl *Pipeline, fn func(context.Context, []T) error, opts []Option) (*Consumer[T], error) {
	cfg, onFailed, err := configureSink[T](r, pl, fn == nil, opts)
	if err != nil {
		return nil, err
	}
	c := &Consumer[T]{b: newBase(pl, consumerRole), fn: fn}
	c.sink = newSink(&c.b, &cfg, onFailed)
	c.b.release = c.sink.release
	if err := pl.add(c); err != nil {
		return nil, err
	}
	return c, nil
}

// ID is the consumer's number in its pipeline, as events report it.
func (c *Consumer[T]) ID() int { return c.base().id }

// base is the consumer's, refusing one that no constructor made.
func (c *Consumer[T]) base() *base {
	if c.sink == nil {
		panic("stage: zero Consumer; make one with stage.NewConsumer")
	}
	return &c.b
}

// SubscribeTo makes the consumer take events from src, asking it for at
// most the max demand (GenStage.sync_subscribe/3). A consumer may subscribe
// to several producers; it takes their events in turn (subscribe with
// [CancelTransient] to drain them all: by default it ends with the first
// that finishes). It is an error to
// subscribe twice to one producer, across pipelines, or after Start.
//
// Option: [Cancel], what the consumer does when the subscription ends
// (default [CancelPermanent]: it ends too).
func (c *Consumer[T]) SubscribeTo(src Source[T], opts ...SubscribeOption) error {
	c.base()
	return c.sink.subscribeTo(src, opts)
}

// Cancel ends the consumer's subscription to src (GenStage.cancel/2) with
// reason, nil for a normal one. Once Cancel returns, src sends nothing
// more on it, and the consumer hands its function nothing more from it:
// what it had taken is discarded and counted. The consumer then calls
// [HandleCancel], if given, and its [CancelMode] for the subscription
// decides whether it goes on. Cancel may be called by any goroutine after
// Start, more than once; it returns [ErrNotSubscribed] for a producer the
// consumer is not subscribed to.
func (c *Consumer[T]) Cancel(src Source[T], reason error) error {
	c.base()
	return c.sink.cancel(src, reason)
}

func (c *Consumer[T]) leave() { c.sink.leave() }

func (c *Consumer[T]) stageBase() *base { return &c.b }

func (c *Consumer[T]) askFirst() { c.sink.askFirst() }

func (c *Consumer[T]) run(ctx context.Context) error {
	for {
		if ctx.Err() != nil {
			return c.sink.stop(0)
		}
		sub, events := c.sink.next(math.MaxInt)
		if sub == nil {
			if end, err := c.sink.finish(ctx); end {
				return err
			}
			select {
			case <-c.sink.wake:
			case <-ctx.Done():
			}
			continue
		}
		err := c.sink.handle(ctx, sub.from.b.id, events, func() error { return c.fn(ctx, events) })
		if err != nil {
			return err
		}
		c.sink.handed(sub)
	}
}
