package stage_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// flush is one batch as the batcher's function saw it.
type flush struct {
	at   time.Duration // since the test started
	size int
}

type batches struct {
	start time.Time
	got   []flush
	all   []int
}

func (b *batches) handle(ctx context.Context, batch []int) error {
	b.got = append(b.got, flush{at: time.Since(b.start), size: len(batch)})
	b.all = append(b.all, batch...)
	return nil
}

func reasons(l *log) []string {
	var out []string
	for _, e := range l.of(event.BatchFlushed, -1) {
		out = append(out, e.Err.Error())
	}
	return out
}

func TestBatcherFlushesFullBatchesThenTheRest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 250}).produce))
		b := &batches{start: time.Now()}
		bt := must(stage.NewBatcher(pl, b.handle))
		require.NoError(t, bt.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		assert.Equal(t, []flush{{0, 100}, {0, 100}, {0, 50}}, b.got)
		assert.Equal(t, []string{"size", "size", "drain"}, reasons(&l))
		assert.Equal(t, upTo(250), b.all)
		assert.Equal(t, []int{100, 100, 50}, l.ns(event.EventsProcessed, bt.ID()))
		assert.Equal(t, []int{100}, l.ns(event.Subscribed, bt.ID()), "max demand defaults to the batch size")
	})
}

func TestBatcherFlushesAPartialBatchAtTheTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl))
		b := &batches{start: time.Now()}
		bt := must(stage.NewBatcher(pl, b.handle, stage.BatchSize(10), stage.BatchTimeout(time.Second)))
		require.NoError(t, bt.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))

		push := func(at time.Duration, n int) {
			time.Sleep(at - time.Since(b.start))
			require.NoError(t, p.Push(upTo(n)...))
		}
		push(0, 3)
		push(500*time.Millisecond, 2) // joins the batch begun at 0
		push(2500*time.Millisecond, 12)
		push(2700*time.Millisecond, 1)
		time.Sleep(10 * time.Second)
		p.Close()
		require.NoError(t, pl.Wait())
		assert.Equal(t, []flush{
			{time.Second, 5},              // timed out 1 s after its first event
			{2500 * time.Millisecond, 10}, // full at once
			{3500 * time.Millisecond, 3},  // 2 left over at 2.5 s, 1 more at 2.7 s
		}, b.got)
		assert.Equal(t, []string{"timeout", "size", "timeout"}, reasons(&l))
	})
}

func TestBatcherTimeoutRunsOnThePipelineClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		v := clock.NewVirtual()
		var l log
		pl := newPipeline(t, &l, stage.WithClock(v))
		p := must(stage.NewPushProducer[int](pl))
		var sizes []int
		bt := must(stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
			sizes = append(sizes, len(batch))
			return nil
		}, stage.BatchTimeout(200*time.Millisecond)))
		require.NoError(t, bt.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, p.Push(1, 2))
		synctest.Wait()
		assert.Empty(t, sizes, "the virtual clock has not moved")
		require.True(t, v.Step())
		synctest.Wait()
		assert.Equal(t, []int{2}, sizes)
		assert.Equal(t, 200*time.Millisecond, v.Elapsed())
		p.Close()
		require.NoError(t, pl.Wait())
		flushed := l.of(event.BatchFlushed, bt.ID())
		require.Len(t, flushed, 1)
		assert.Equal(t, clock.Epoch.Add(200*time.Millisecond), flushed[0].Time)
	})
}

func TestBatcherHoldsAtMostMaxDemandPlusABatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 500}).produce))
		bt := must(stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
			return sleep(ctx, 100) // slow batches
		}, stage.BatchSize(20), stage.MaxDemand(8), stage.MinDemand(2)))
		require.NoError(t, bt.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		received, flushed := 0, 0
		for _, e := range l.events {
			switch e.Kind {
			case event.EventsDispatched:
				received += e.N
			case event.EventsProcessed:
				flushed += e.N
			}
			assert.LessOrEqual(t, received-flushed, 8+20)
		}
		assert.Equal(t, 500, flushed)
		for _, n := range l.ns(event.BatchFlushed, bt.ID()) {
			assert.Equal(t, 20, n)
		}
	})
}
