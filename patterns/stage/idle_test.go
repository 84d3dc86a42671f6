package stage_test

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

// A pull function that returns no events and no error has nothing now: it
// is not called again until the consumers ask for more or Wake says there
// may be something.
func TestEmptyPullWaitsForDemandOrWake(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var calls atomic.Int32
		var ready atomic.Int32 // events the source has now
		pl := newPipeline(t, nil)
		p := must(stage.NewProducer(pl, func(_ context.Context, demand int) ([]int, error) {
			if calls.Add(1) > 100 {
				return nil, io.EOF // a producer that spins ends here, and fails the test
			}
			n := min(int(ready.Swap(0)), demand)
			return upTo(n), nil
		}))
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(4), stage.MinDemand(0)))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		synctest.Wait()
		assert.Equal(t, int32(1), calls.Load(), "nothing now: not called again")

		ready.Store(2)
		p.Wake()
		synctest.Wait()
		assert.Equal(t, []int{0, 1}, sink.values())
		assert.Equal(t, int32(3), calls.Load(), "woken: made 2, then called for the 2 still owed, which it has not")

		ready.Store(5)
		p.Wake()
		synctest.Wait()
		assert.Equal(t, []int{0, 1, 0, 1}, sink.values(), "only the 2 still owed")
		// The consumer handled its 4 and asked for 4 more: called again at once.
		assert.Equal(t, int32(5), calls.Load())
		p.Close()
		require.NoError(t, pl.Wait())
	})
}
