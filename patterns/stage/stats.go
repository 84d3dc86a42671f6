package stage

import (
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Stats counts what a stage did with events since it was made. Nothing a
// stage takes in is lost without a count: once the pipeline has ended,
//
//	Received + Produced == Sent + Handled + Failed + Dropped + Discarded
//
// for every stage (while it runs, the difference is what it holds). A
// pipeline whose producers drop events still ends with a nil error, as in
// GenStage; Dropped is how the caller learns of it.
type Stats struct {
	Produced  int64 // made by the stage: returned by its function, or pushed
	Received  int64 // sent to the stage by its producers
	Sent      int64 // sent by the stage to its consumers
	Handled   int64 // handed to the stage's function, which returned nil
	Failed    int64 // handed to the stage's function in calls that failed
	Dropped   int64 // dropped, oldest first, by the stage's full buffer (see BufferSize)
	Discarded int64 // held by the stage, or inside a call it was abandoned in, when the pipeline stopped; or held of a subscription that ended by a cancel, or by a producer that lost its last subscriber
}

// add sums two stages' counts.
func (s Stats) add(o Stats) Stats {
	return Stats{
		Produced: s.Produced + o.Produced, Received: s.Received + o.Received, Sent: s.Sent + o.Sent,
		Handled: s.Handled + o.Handled, Failed: s.Failed + o.Failed,
		Dropped: s.Dropped + o.Dropped, Discarded: s.Discarded + o.Discarded,
	}
}

// counters are a stage's Stats as it runs. Each is written by whichever
// goroutine makes the step (the stage's own, a consumer asking, a caller
// pushing) and read by Stats at any time.
type counters struct {
	produced, received, sent, handled, failed, dropped, discarded atomic.Int64
}

// step counts n events of a step of kind k. Kinds that move no event
// leave the counts as they are. A dispatch counts as sent here; the
// consumer's end counts it as received (see subscription.deliver).
func (c *counters) step(k event.Kind, n int) {
	var to *atomic.Int64
	switch k {
	case event.EventsProduced:
		to = &c.produced
	case event.EventsDispatched:
		to = &c.sent
	case event.EventsProcessed:
		to = &c.handled
	case event.StageFailed:
		to = &c.failed
	case event.EventsDropped:
		to = &c.dropped
	case event.EventsDiscarded, event.StageAbandoned:
		to = &c.discarded
	default:
		return
	}
	to.Add(int64(n))
}

func (c *counters) load() Stats {
	return Stats{
		Produced: c.produced.Load(), Received: c.received.Load(), Sent: c.sent.Load(),
		Handled: c.handled.Load(), Failed: c.failed.Load(),
		Dropped: c.dropped.Load(), Discarded: c.discarded.Load(),
	}
}

// Stats sums the counts of every stage of the pipeline: its Dropped and
// Discarded say whether any event was lost anywhere.
func (p *Pipeline) Stats() Stats {
	p.check()
	p.mu.Lock()
	stages := p.stages
	p.mu.Unlock()
	var sum Stats
	for _, s := range stages {
		sum = sum.add(s.stageBase().counts.load())
	}
	return sum
}

// Stats reports what the producer did with events; see [Stats].
func (p *Producer[T]) Stats() Stats { return p.base().counts.load() }

// Stats reports what the consumer did with events; see [Stats].
func (c *Consumer[T]) Stats() Stats { return c.base().counts.load() }

// Stats reports what the stage did with events; see [Stats].
func (pc *ProducerConsumer[In, Out]) Stats() Stats { return pc.base().counts.load() }

// Stats reports what the batcher did with events; see [Stats].
func (bt *Batcher[T]) Stats() Stats { return bt.base().counts.load() }
