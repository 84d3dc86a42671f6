package stage_test

import (
	"context"
	"errors"
	"io"
	"math"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/internal/memtest"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// Sizes a user passes are limits, not allocations, and huge ones neither
// crash nor overflow: two consumers of max demand math.MaxInt are owed
// more than an int holds.
func TestHugeSizesCostOnlyWhatIsUsed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var allocated uint64
		allocated = memtest.Allocated(func() {
			pl := newPipeline(t, nil)
			var c count
			c.n = 10
			p := must(stage.NewProducer(pl, c.produce, stage.BufferSize(math.MaxInt)))
			var sink, batches collector
			for range 2 {
				cons := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(math.MaxInt)))
				require.NoError(t, cons.SubscribeTo(p))
			}
			push := must(stage.NewPushProducer[int](pl))
			bt := must(stage.NewBatcher(pl, batches.consume, stage.BatchSize(math.MaxInt)))
			require.NoError(t, bt.SubscribeTo(push))
			require.NoError(t, push.Push(upTo(3)...))
			push.Close()
			require.NoError(t, pl.Run(t.Context()))
			assert.ElementsMatch(t, upTo(10), sink.values())
			assert.Equal(t, []int{3}, batches.calls, "drained at the end")
		})
		assert.Less(t, allocated, uint64(1<<20), "bytes allocated")
	})
}

// A million events through a pipeline whose consumer is far slower than
// its producer: demand keeps what waits bounded, so the live heap does not
// grow with the events. The producer even makes 15,000 more than it is
// asked for each time; its buffer keeps 10,000 and the rest is counted as
// dropped.
func TestMillionEventsWithASlowConsumerInBoundedMemory(t *testing.T) {
	const events = 1_000_000
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		made := 0
		p := must(stage.NewProducer(pl, func(_ context.Context, demand int) ([]int, error) {
			n := min(demand+15_000, events-made) // far more than was asked
			made += n
			out := make([]int, n)
			if made == events {
				return out, io.EOF
			}
			return out, nil
		}))
		handled := 0
		var quarter, last uint64
		c := must(stage.NewConsumer(pl, func(ctx context.Context, batch []int) error {
			time.Sleep(time.Duration(len(batch)) * time.Millisecond) // a millisecond an event
			before := handled
			handled += len(batch)
			if before < events/8 && handled >= events/8 {
				quarter = memtest.LiveHeap()
			}
			if before < events/2 && handled >= events/2 {
				last = memtest.LiveHeap()
			}
			return nil
		}))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		st := p.Stats()
		assert.Equal(t, int64(events), st.Produced)
		assert.Equal(t, st.Produced, st.Sent+st.Dropped, "every event handled or counted as dropped")
		assert.Equal(t, int64(handled), c.Stats().Handled)
		grown := int64(last) - int64(quarter)
		t.Logf("%d events made, %d handled, %d dropped: live heap %.1f MiB, then %.1f MiB (%+d B)",
			events, handled, st.Dropped, float64(quarter)/(1<<20), float64(last)/(1<<20), grown)
		assert.Less(t, grown, int64(1<<20), "the live heap grew with the events")
		assert.Less(t, last, uint64(32<<20))
	})
}

// A cancelled pipeline's error says so with errors.Is, cause or none.
func TestCancelledPipelineErrorKeepsTheCause(t *testing.T) {
	errWhy := errors.New("the user left")
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		p := must(stage.NewPushProducer[int](pl))
		c := must(stage.NewConsumer(pl, func(context.Context, []int) error { return nil }))
		require.NoError(t, c.SubscribeTo(p))
		ctx, cancel := context.WithCancelCause(t.Context())
		require.NoError(t, pl.Start(ctx))
		cancel(errWhy)
		err := pl.Wait()
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, errWhy)
	})
}
