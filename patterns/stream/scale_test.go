package stream_test

import (
	"context"
	"math"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/internal/memtest"
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
			allocated := memtest.Allocated(func() {
				rs, err := collect(t.Context(), s, values([]int{1, 2, 3}))
				require.NoError(t, err)
				assert.Len(t, rs, 3)
			})
			assert.Less(t, allocated, uint64(256<<10), "max concurrency %d, ordered %v: %d bytes for 3 items", n, ordered, allocated)
		}
	}
}

// Every KillTask timeout retires its worker; a retired worker that has
// returned must be let go at once, not kept until the run ends. The live
// heap is read once a quarter of the items are through and again at the
// last result: it must not grow with the items. BenchmarkKillTaskTimeouts measures
// the same over a million items.
func TestKillTaskTimeoutsRunInBoundedMemory(t *testing.T) {
	items := 100_000
	if testing.Short() || raceEnabled { // the race detector makes each item cost far more
		items = 20_000
	}
	synctest.Test(t, func(t *testing.T) {
		quarter, end := killTaskRun(t, items, time.Millisecond)
		grown := int64(end) - int64(quarter)
		t.Logf("%d KillTask timeouts: live heap %.1f MiB after a quarter, %.1f MiB at the last (%+d B)",
			items, float64(quarter)/(1<<20), float64(end)/(1<<20), grown)
		// Keeping each retired worker (about 700 B) would add hundreds of
		// bytes per item: 10 MB for 20,000.
		assert.Less(t, grown, int64(4<<20), "the live heap grew with the timeouts")
	})
}

// BenchmarkKillTaskTimeouts runs b.N items that all time out under
// KillTask, on the real clock, and reports the live heap at the last
// result and how much it grew per item since a quarter were through. Run it with
// -benchtime 1000000x for a million.
func BenchmarkKillTaskTimeouts(b *testing.B) {
	quarter, end := killTaskRun(b, b.N, time.Microsecond)
	b.ReportMetric(float64(end)/(1<<20), "MiB-live")
	b.ReportMetric(float64(int64(end)-int64(quarter))/float64(b.N), "B-grown/item")
}

// killTaskRun streams items whose tasks never reply in time, so that each
// times out under KillTask, and returns the live heap once a quarter of
// them are through and when the last result is out.
func killTaskRun(t testing.TB, items int, timeout time.Duration) (quarter, end uint64) {
	s, err := stream.New(func(ctx context.Context, _ int) (int, error) {
		<-ctx.Done() // honours its cancellation, never replies in time
		return 0, ctx.Err()
	}, stream.MaxConcurrency(1000), stream.Unordered(), stream.Timeout(timeout),
		stream.OnTimeout(stream.KillTask))
	require.NoError(t, err)
	got := 0
	for r, err := range s.Run(context.Background(), count(items)) {
		require.NoError(t, err)
		if !assert.ErrorIs(t, r.Err, task.ErrTimeout) {
			break
		}
		got++
		switch got {
		case max(items/4, 1):
			quarter = memtest.LiveHeap()
		case items: // still inside the run: what it holds, not what is left after
			end = memtest.LiveHeap()
		}
	}
	require.Equal(t, items, got)
	return quarter, end
}
