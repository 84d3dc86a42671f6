package stage

import (
	"context"
	"math"
)

// ProducerConsumer is a stage that turns the events it takes into events
// for its own consumers: GenStage's producer_consumer. Demand flows
// upstream: it hands events to its function only while its consumers have
// demand, so when they are slow it stops asking its producers.
type ProducerConsumer[In, Out any] struct {
	b    base
	sink *sink[In]
	d    *dispatcher[Out]
	fn   func(context.Context, []In) ([]Out, error)
}

// NewProducerConsumer adds a producer-consumer to pl. fn turns each group
// of events taken (at most max - min, see [MinDemand]) into any number of
// events for the stage's consumers; it must not keep its input slice, and
// may reuse its output slice (the stage copies it).
//
// Options: [MaxDemand], [MinDemand], [HandleFailed] for the consuming side;
// [BufferSize], [UnboundedBuffer], [BufferKeep] for the producing side, where the default
// is unbounded (as in GenStage): the buffer then holds at most what one
// call made beyond its consumers' demand. An error or panic of fn stops the
// pipeline, unless HandleFailed is given; either way a failed call produces
// nothing.
func NewProducerConsumer[In, Out any](pl *Pipeline, fn func(ctx context.Context, events []In) ([]Out, error), opts ...Option) (*ProducerConsumer[In, Out], error) {
	cfg, onFailed, err := configureSink[In](producerConsumerRole, pl, fn == nil, opts)
	if err != nil {
		return nil, err
	}
	pc := &ProducerConsumer[In, Out]{b: newBase(pl, producerConsumerRole), fn: fn}
	pc.sink = newSink(&pc.b, &cfg, onFailed)
	pc.d = newDispatcher[Out](&pc.b, &cfg, pc.sink.wake) // one wake-up for both halves
	pc.b.release = func() int { return pc.sink.release() + pc.d.stop() }
	if err := pl.add(pc); err != nil {
		return nil, err
	}
	return pc, nil
}

// ID is the stage's number in its pipeline, as events report it.
func (pc *ProducerConsumer[In, Out]) ID() int { return pc.base().id }

// base is the stage's, refusing one that no constructor made.
func (pc *ProducerConsumer[In, Out]) base() *base {
	if pc.sink == nil {
		panic("stage: zero ProducerConsumer; make one with stage.NewProducerConsumer")
	}
	return &pc.b
}

// EstimateBufferedCount returns how many events the stage made wait in
// its buffer for its consumers' demand; see
// [Producer.EstimateBufferedCount].
func (pc *ProducerConsumer[In, Out]) EstimateBufferedCount() int {
	pc.base()
	return pc.d.buffered()
}

// SubscribeTo makes the stage take events from src; see
// [Consumer.SubscribeTo].
func (pc *ProducerConsumer[In, Out]) SubscribeTo(src Source[In], opts ...SubscribeOption) error {
	pc.base()
	return pc.sink.subscribeTo(src, opts)
}

// Cancel ends the stage's subscription to src; see [Consumer.Cancel].
func (pc *ProducerConsumer[In, Out]) Cancel(src Source[In], reason error) error {
	pc.base()
	return pc.sink.cancel(src, reason)
}

func (pc *ProducerConsumer[In, Out]) leave() { pc.sink.leave() }

func (pc *ProducerConsumer[In, Out]) dispatcher() *dispatcher[Out] {
	if pc == nil {
		return nil
	}
	return pc.d
}

func (pc *ProducerConsumer[In, Out]) stageBase() *base { return &pc.b }

func (pc *ProducerConsumer[In, Out]) askFirst() { pc.sink.askFirst() }

func (pc *ProducerConsumer[In, Out]) run(ctx context.Context) error {
	for {
		if ctx.Err() != nil {
			return pc.sink.stop(pc.d.stop())
		}
		want, finished, _ := pc.d.state()
		if finished {
			return nil
		}
		if want > 0 {
			if sub, events := pc.sink.next(math.MaxInt); sub != nil {
				if err := pc.transform(ctx, sub, events); err != nil {
					pc.b.discarded(pc.d.stop())
					return err
				}
				continue
			}
		}
		if end, err := pc.sink.finish(ctx); end {
			if err != nil {
				pc.b.discarded(pc.d.stop())
				return err
			}
			pc.d.close() // idempotent; finished once the buffer is sent
			if _, finished, _ := pc.d.state(); finished {
				return nil
			}
		}
		select {
		case <-pc.sink.wake:
		case <-ctx.Done():
		}
	}
}

// transform hands events to the function and produces what it returns.
func (pc *ProducerConsumer[In, Out]) transform(ctx context.Context, sub *subscription[In], events []In) error {
	var out []Out
	err := pc.sink.handle(ctx, sub.from.b.id, events, func() error {
		made, err := pc.fn(ctx, events)
		if err == nil {
			out = made // a failed call produces nothing
		}
		return err
	})
	if err != nil {
		return err
	}
	pc.d.produce(out)
	pc.sink.handed(sub)
	return nil
}
