package stage

import (
	"context"
	"math"
	"time"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// ConsumerSupervisor is a consumer that runs one supervised child per
// event, GenStage's ConsumerSupervisor: it works like a pool, but a child
// is started for each event and ends with it. Its max demand is the most
// children that run at once for one producer.
type ConsumerSupervisor[T any] struct {
	b     base
	sink  *sink[T]
	child func(context.Context, T) error

	restart     supervisor.Restart
	maxRestarts int
	period      time.Duration
}

// NewConsumerSupervisor adds a consumer supervisor to pl. For every event
// it takes it starts child(ctx, event) on a goroutine of its own, a child:
// nil is a normal exit, an error or a panic an abnormal one. Children run
// concurrently, at most the max demand per producer.
//
// Demand follows ConsumerSupervisor: the supervisor first asks each
// producer for [MaxDemand] events (default 1000); as children exit it
// counts the freed places and asks for them once they reach [MinDemand]
// (default max / 2). A child restarted runs again for its event and keeps
// its place.
//
// Options: [MaxDemand], [MinDemand], [ChildRestart] (default
// supervisor.Temporary), [MaxRestarts] (default 3 within 5 s),
// [HandleCancel]. The pipeline's [Shutdown] time is how long children may
// take to return once the pipeline stops.
func NewConsumerSupervisor[T any](pl *Pipeline, child func(ctx context.Context, event T) error, opts ...Option) (*ConsumerSupervisor[T], error) {
	cfg, err := configure(consumerSupervisorRole, pl, child == nil, opts)
	if err != nil {
		return nil, err
	}
	cs := &ConsumerSupervisor[T]{b: newBase(pl, consumerRole), child: child,
		restart: cfg.childRestart, maxRestarts: cfg.maxRestarts, period: cfg.restartPeriod}
	cs.sink = newSink[T](&cs.b, &cfg, nil)
	cs.b.release = cs.sink.release
	if err := pl.add(cs); err != nil {
		return nil, err
	}
	return cs, nil
}

// ID is the supervisor's number in its pipeline, as events report it.
func (cs *ConsumerSupervisor[T]) ID() int { return cs.base().id }

// base is the supervisor's, refusing one that no constructor made.
func (cs *ConsumerSupervisor[T]) base() *base {
	if cs.sink == nil {
		panic("stage: zero ConsumerSupervisor; make one with stage.NewConsumerSupervisor")
	}
	return &cs.b
}

// SubscribeTo makes the supervisor take events from src; see
// [Consumer.SubscribeTo].
func (cs *ConsumerSupervisor[T]) SubscribeTo(src Source[T], opts ...SubscribeOption) error {
	cs.base()
	return cs.sink.subscribeTo(src, opts)
}

// Cancel ends the supervisor's subscription to src; see [Consumer.Cancel].
// Children already started for its events run on.
func (cs *ConsumerSupervisor[T]) Cancel(src Source[T], reason error) error {
	cs.base()
	return cs.sink.cancel(src, reason)
}

func (cs *ConsumerSupervisor[T]) stageBase() *base { return &cs.b }

func (cs *ConsumerSupervisor[T]) askFirst() { cs.sink.askFirst() }

func (cs *ConsumerSupervisor[T]) leave() { cs.sink.leave() }

func (cs *ConsumerSupervisor[T]) run(ctx context.Context) error {
	k := newKids(cs, ctx)
	defer k.cancel()
	ending := false // every subscription ended: wait for the children
	for {
		if ctx.Err() != nil {
			k.stop()
			return cs.sink.stop(0)
		}
		if !ending {
			if sub, events := cs.sink.next(math.MaxInt); sub != nil {
				for _, e := range events {
					k.start(sub, e)
				}
				continue
			}
			end, err := cs.sink.finish(ctx)
			if err != nil {
				k.stop()
				return err
			}
			if ending = end; ending {
				cs.sink.leave() // take nothing more while the children finish
			}
		}
		if ending && k.running == 0 {
			return nil
		}
		select {
		case <-cs.sink.wake:
		case <-k.wake:
			if err := k.reap(); err != nil {
				k.stop()
				cs.sink.stop(0)
				return err
			}
		case <-ctx.Done():
		}
	}
}

// Stats reports what the supervisor's children did with events: an event
// is handled when its child exits normally, failed when it exits
// abnormally for good, discarded when the pipeline stops first; see
// [Stats].
func (cs *ConsumerSupervisor[T]) Stats() Stats { return cs.base().counts.load() }
