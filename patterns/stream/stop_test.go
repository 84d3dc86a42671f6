package stream_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestBreakCancelsRunningTasks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		var cancelled atomic.Int32
		s := mustNew(t, func(ctx context.Context, ms int) (int, error) {
			v, err := sleepFor(ctx, ms)
			if err != nil {
				cancelled.Add(1)
			}
			return v, err
		}, stream.MaxConcurrency(3), stream.Unordered(), stream.WithHook(l.hook))
		for r, err := range s.Run(t.Context(), values([]int{10, 500, 600, 700})) {
			require.NoError(t, err)
			assert.Equal(t, 0, r.Index)
			break
		}
		// Run returned only after the cancelled tasks did.
		assert.Equal(t, int32(2), cancelled.Load(), "items 1 and 2; item 3 was never pulled")
		assert.Len(t, l.kinds(event.Cancelled), 2)
		halted := l.kinds(event.Halted)
		require.Len(t, halted, 1)
		assert.ErrorContains(t, halted[0].Err, "consumer stopped")
	})
}

func TestCancelledContextEndsTheStream(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(25*time.Millisecond, cancel)
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2))
		rs, err := collect(ctx, s, values([]int{10, 20, 30, 40, 50}))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, []int{0, 1}, indexes(rs))
	})
}

func TestAlreadyCancelledContextStartsNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		var l eventLog
		s := mustNew(t, sleepFor, stream.WithHook(l.hook))
		rs, err := collect(ctx, s, values([]int{10}))
		require.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, rs)
		assert.Empty(t, l.kinds(event.Started))
	})
}

// stubborn ignores cancellation: Go cannot stop it, so it is abandoned.
func stubborn(ctx context.Context, ms int) (int, error) {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	return ms, nil
}

func TestShutdownAbandonsTasksThatIgnoreCancellation(t *testing.T) {
	cases := []struct {
		name     string
		shutdown time.Duration
	}{
		{"after the shutdown time", 100 * time.Millisecond},
		{"at once with brutal kill", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l eventLog
				s := mustNew(t, stubborn, stream.MaxConcurrency(2), stream.Unordered(),
					stream.Shutdown(tc.shutdown), stream.WithHook(l.hook))
				start := time.Now()
				for range s.Run(t.Context(), values([]int{10, 5000})) {
					break
				}
				assert.Equal(t, 10*time.Millisecond+tc.shutdown, time.Since(start), "Run waits the shutdown time, no longer")
				abandoned := l.kinds(event.Abandoned)
				require.Len(t, abandoned, 1)
				assert.Equal(t, 1, abandoned[0].ID)
				assert.ErrorIs(t, abandoned[0].Err, task.ErrAbandoned)
				time.Sleep(time.Hour) // let the abandoned goroutine finish inside the bubble
			})
		})
	}
}

func TestKilledTaskThatIgnoresCancellationIsAbandonedLater(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		start := time.Now()
		s := mustNew(t, stubborn, stream.MaxConcurrency(1), stream.Timeout(20*time.Millisecond),
			stream.OnTimeout(stream.KillTask), stream.Shutdown(30*time.Millisecond), stream.WithHook(l.hook))
		rs, err := collect(t.Context(), s, values([]int{1000, 5, 5}))
		require.NoError(t, err)
		assert.Len(t, rs, 3)
		abandoned := l.kinds(event.Abandoned)
		require.Len(t, abandoned, 1)
		assert.Equal(t, 50*time.Millisecond, abandoned[0].Time.Sub(start))
		time.Sleep(time.Hour)
	})
}

func TestConsumerPanicStillStopsEveryTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2))
		assert.PanicsWithValue(t, "consumer bug", func() {
			for range s.Run(t.Context(), values([]int{10, 1000, 1000})) {
				panic("consumer bug")
			}
		})
		// goleak (TestMain) and the bubble both fail if a worker is left.
	})
}

// The error a cancelled stream yields does not depend on when the context
// ended: before the run or during it, errors.Is sees context.Canceled and
// the cause alike.
func TestCancelledStreamErrorIsTheSameBeforeAndDuring(t *testing.T) {
	errWhy := errors.New("the user left")
	for _, during := range []bool{false, true} {
		t.Run(fmt.Sprintf("during=%v", during), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithCancelCause(t.Context())
				if during {
					time.AfterFunc(15*time.Millisecond, func() { cancel(errWhy) })
				} else {
					cancel(errWhy)
				}
				s := mustNew(t, sleepFor, stream.MaxConcurrency(2))
				_, err := collect(ctx, s, values([]int{10, 20, 30, 40}))
				assert.ErrorIs(t, err, context.Canceled)
				assert.ErrorIs(t, err, errWhy)
				assert.EqualError(t, err, "context canceled: the user left")
			})
		})
	}
}
