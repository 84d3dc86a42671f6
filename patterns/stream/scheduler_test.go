package stream_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stream"
)

// TestInvariantsUnderTheRealScheduler runs many streams outside a synctest
// bubble, so goroutines interleave as the Go scheduler pleases: workers
// park and wake in every order. A lost wake-up hangs the test; a data race
// fails it under -race; a leaked worker fails goleak in TestMain.
func TestInvariantsUnderTheRealScheduler(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for run := range 300 {
		n := 1 + rng.IntN(12)
		items := rng.IntN(200)
		ordered := rng.IntN(2) == 0
		stopAt := -1 // the consumer breaks after this many results
		if rng.IntN(4) == 0 {
			stopAt = rng.IntN(items + 1)
		}
		yields := make([]int, items) // how often each task lets others run
		for i := range yields {
			yields[i] = rng.IntN(4)
		}

		var l eventLog
		opts := []stream.Option{stream.MaxConcurrency(n), stream.WithHook(l.hook)}
		if !ordered {
			opts = append(opts, stream.Unordered())
		}
		s := mustNew(t, func(_ context.Context, i int) (int, error) {
			for range yields[i] {
				runtime.Gosched()
			}
			if i%17 == 5 {
				panic("task bug")
			}
			return i, nil
		}, opts...)

		seen := make([]bool, items)
		got := 0
		for r, err := range s.Run(context.Background(), count(items)) {
			require.NoError(t, err, "run %d", run)
			require.False(t, seen[r.Index], "run %d: index %d twice", run, r.Index)
			seen[r.Index] = true
			if ordered {
				require.Equal(t, got, r.Index, "run %d: out of order", run)
			}
			got++
			if got == stopAt {
				break
			}
		}
		if stopAt < 0 {
			assert.Equal(t, items, got, "run %d: every input gets a result", run)
		}
		assert.LessOrEqual(t, l.peak, n, "run %d: never more running than the bound", run)
	}
}

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}
