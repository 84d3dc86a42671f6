package stream_test

import (
	"context"
	"math"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// A bound is a limit, not a size: a huge MaxConcurrency costs memory only
// as slots are used.
func TestHugeMaxConcurrencyCostsOnlyWhatIsUsed(t *testing.T) {
	for _, n := range []int{math.MaxInt, 1_000_000} {
		for _, ordered := range []bool{true, false} {
			opts := []stream.Option{stream.MaxConcurrency(n)}
			if !ordered {
				opts = append(opts, stream.Unordered())
			}
			s := mustNew(t, func(_ context.Context, i int) (int, error) { return 2 * i, nil }, opts...)
			allocated := allocatedBy(func() {
				rs, err := collect(t.Context(), s, values([]int{1, 2, 3}))
				require.NoError(t, err)
				assert.Len(t, rs, 3)
			})
			assert.Less(t, allocated, uint64(256<<10), "max concurrency %d, ordered %v: %d bytes for 3 items", n, ordered, allocated)
		}
	}
}

// allocatedBy reports how many bytes fn allocated on the heap.
func allocatedBy(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// liveHeap collects garbage and reports the bytes still in use.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Every KillTask timeout retires its worker; a retired worker that has
// returned must be let go at once, not kept until the run ends. The live
// heap is read once a quarter of the items are through and again at the
// end: it must not grow with the items.
func TestKillTaskTimeoutsRunInBoundedMemory(t *testing.T) {
	items := 1_000_000
	if testing.Short() || raceEnabled { // the race detector makes each item cost far more
		items = 20_000
	}
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, func(ctx context.Context, _ int) (int, error) {
			<-ctx.Done() // honours its cancellation, never replies in time
			return 0, ctx.Err()
		}, stream.MaxConcurrency(1000), stream.Unordered(), stream.Timeout(time.Millisecond),
			stream.OnTimeout(stream.KillTask))
		var quarter, end uint64
		got := 0
		for r, err := range s.Run(t.Context(), count(items)) {
			require.NoError(t, err)
			if !assert.ErrorIs(t, r.Err, task.ErrTimeout) {
				break
			}
			got++
			if got == items/4 {
				quarter = liveHeap()
			}
		}
		end = liveHeap()
		require.Equal(t, items, got)
		grown := int64(end) - int64(quarter)
		t.Logf("%d KillTask timeouts: live heap %.1f MiB after a quarter, %.1f MiB at the end (%+d B)",
			items, float64(quarter)/(1<<20), float64(end)/(1<<20), grown)
		// Keeping each retired worker (about 700 B) would add hundreds of
		// bytes per item: 50 MB for 100,000.
		assert.Less(t, grown, int64(4<<20), "the live heap grew with the timeouts")
	})
}
