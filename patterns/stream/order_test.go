package stream_test

import (
	"fmt"
	"iter"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
)

func TestConcurrencyNeverExceedsTheBound(t *testing.T) {
	for _, n := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("max=%d", n), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l eventLog
				s := mustNew(t, sleepFor, stream.MaxConcurrency(n), stream.WithHook(l.hook))
				inputs := []int{5, 1, 9, 3, 3, 7, 2, 8, 1, 1, 4, 6, 2, 9, 5}
				rs, err := collect(t.Context(), s, values(inputs))
				require.NoError(t, err)
				assert.Len(t, rs, len(inputs))
				assert.Equal(t, min(n, len(inputs)), l.peak)
			})
		})
	}
}

func TestOrderedEmitsInInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.MaxConcurrency(4))
		rs, err := collect(t.Context(), s, values([]int{40, 30, 20, 10, 5}))
		require.NoError(t, err)
		assert.Equal(t, []int{0, 1, 2, 3, 4}, indexes(rs))
		assert.Equal(t, 40, rs[0].Value)
	})
}

func TestOrderedFreesASlotWhenItsTaskFinishes(t *testing.T) {
	// Item 0 is slow; items 1.. finish early and wait in the buffer, but their
	// slots are reused at once: item 2 starts when item 1 finishes.
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		start := time.Now()
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2), stream.WithHook(l.hook))
		_, err := collect(t.Context(), s, values([]int{100, 10, 10, 10}))
		require.NoError(t, err)
		started := l.kinds(event.Started)
		require.Len(t, started, 4)
		assert.Equal(t, 10*time.Millisecond, started[2].Time.Sub(start))
		assert.Equal(t, 20*time.Millisecond, started[3].Time.Sub(start))
		emitted := l.kinds(event.Emitted)
		assert.Equal(t, 100*time.Millisecond, emitted[1].Time.Sub(start), "buffered until item 0 is done")
	})
}

func TestUnorderedEmitsAsTasksComplete(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.MaxConcurrency(4), stream.Unordered())
		rs, err := collect(t.Context(), s, values([]int{40, 30, 20, 10}))
		require.NoError(t, err)
		assert.Equal(t, []int{3, 2, 1, 0}, indexes(rs))
	})
}

func TestInputsArePulledOnlyWhenASlotIsFree(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pulled := 0
		inputs := func(yield func(int) bool) {
			for range 100 {
				pulled++
				if !yield(10) {
					return
				}
			}
		}
		s := mustNew(t, sleepFor, stream.MaxConcurrency(3), stream.Unordered())
		results := s.Run(t.Context(), iter.Seq[int](inputs))
		assert.Zero(t, pulled, "Run alone starts nothing")
		for _, err := range results {
			require.NoError(t, err)
			break
		}
		assert.Equal(t, 3, pulled, "one input per slot, no more")
	})
}

func TestEmptyInput(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor)
		rs, err := collect(t.Context(), s, values(nil))
		require.NoError(t, err)
		assert.Empty(t, rs)
	})
}
