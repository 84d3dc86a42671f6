package stage_test

import (
	"context"
	"io"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// A pull producer that makes far more than it was asked for loses the
// oldest beyond its buffer, as in GenStage, and the caller can count
// them: nothing is dropped silently.
func TestOverflowingPullProducerIsCounted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
			return upTo(20 * demand), io.EOF // 20,000 against a demand of 1,000
		}))
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()), "as in GenStage, drops do not fail the pipeline")

		assert.Len(t, sink.values(), 11_000, "the demand and a full buffer")
		assert.Equal(t, stage.Stats{Produced: 20_000, Sent: 11_000, Dropped: 9_000}, p.Stats())
		assert.Equal(t, stage.Stats{Received: 11_000, Handled: 11_000}, c.Stats())
		assert.Equal(t, int64(9_000), pl.Stats().Dropped)
		assert.Equal(t, 9_000, l.sum(event.EventsDropped, p.ID()), "the hook sees the same")
	})
}

// Stats counts what the hook reports, and without a hook too.
func TestStatsCountWithoutAHook(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		src := must(stage.NewPushProducer[int](pl, stage.BufferSize(3)))
		double := must(stage.NewProducerConsumer(pl, func(_ context.Context, in []int) ([]int, error) {
			return append(in, in...), nil
		}, stage.MaxDemand(4), stage.MinDemand(0)))
		require.NoError(t, double.SubscribeTo(src))
		var sink collector
		bt := must(stage.NewBatcher(pl, sink.consume, stage.BatchSize(5)))
		require.NoError(t, bt.SubscribeTo(double))
		require.NoError(t, pl.Start(t.Context()))
		synctest.Wait()
		require.NoError(t, src.Push(upTo(10)...)) // 4 asked, 3 kept, 3 dropped
		src.Close()
		require.NoError(t, pl.Wait())

		assert.Equal(t, stage.Stats{Produced: 10, Sent: 7, Dropped: 3}, src.Stats())
		assert.Equal(t, stage.Stats{Received: 7, Handled: 7, Produced: 14, Sent: 14}, double.Stats())
		assert.Equal(t, stage.Stats{Received: 14, Handled: 14}, bt.Stats())
		assert.Len(t, sink.values(), 14)
		assert.Equal(t, stage.Stats{Produced: 24, Received: 21, Sent: 21, Handled: 21, Dropped: 3}, pl.Stats())
	})
}

// assertStatsBalance checks, for each stage once the pipeline has ended,
// that every event it took in went out once, and that its Stats say what
// its events said.
func assertStatsBalance(t *testing.T, l *log, stages map[int]func() stage.Stats) {
	t.Helper()
	for id, stats := range stages {
		s := stats()
		assert.Equal(t, s.Received+s.Produced, s.Sent+s.Handled+s.Failed+s.Dropped+s.Discarded, "stage %d: %+v", id, s)
		if l == nil {
			continue
		}
		assert.Equal(t, stage.Stats{
			Produced:  int64(l.sum(event.EventsProduced, id)),
			Received:  int64(sumWhere(l, event.EventsDispatched, func(e event.Event) bool { return e.ID == id })),
			Sent:      int64(sumWhere(l, event.EventsDispatched, func(e event.Event) bool { return e.Slot == id })),
			Handled:   int64(l.sum(event.EventsProcessed, id)),
			Failed:    int64(l.sum(event.StageFailed, id)),
			Dropped:   int64(l.sum(event.EventsDropped, id)),
			Discarded: int64(l.sum(event.EventsDiscarded, id) + l.sum(event.StageAbandoned, id)),
		}, s, "stage %d: the stats and the trace agree", id)
	}
}

func sumWhere(l *log, k event.Kind, keep func(event.Event) bool) int {
	n := 0
	for _, e := range l.of(k, -1) {
		if keep(e) {
			n += e.N
		}
	}
	return n
}
