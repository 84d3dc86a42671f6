package stream_test

import (
	"context"
	"errors"
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

func newTaskSupervisor(t *testing.T, opts ...task.Option) *task.Supervisor {
	t.Helper()
	sup, err := task.NewSupervisor(opts...)
	require.NoError(t, err)
	return sup
}

func TestSupervisedTasksAreChildren(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := newTaskSupervisor(t)
		s := mustNew(t, sleepFor, stream.MaxConcurrency(3), stream.WithSupervisor(sup))
		var seen []int
		for r, err := range s.Run(t.Context(), values([]int{100, 200, 300, 400, 500})) {
			require.NoError(t, err)
			require.NoError(t, r.Err)
			seen = append(seen, len(sup.Children()))
		}
		// While item i is emitted, the tasks after it still hold their places.
		assert.Equal(t, []int{2, 2, 2, 1, 0}, seen)
		assert.Zero(t, sup.Count())
		sup.Stop()
	})
}

// A start refused by max_children stops the stream, as Elixir's
// async_stream_nolink raises: the running tasks are cancelled.
func TestMaxChildrenRefusalStopsTheStream(t *testing.T) {
	cases := []struct {
		name        string
		maxChildren int
		others      int // tasks the supervisor runs besides the stream's
		concurrency int
		pulled      int // inputs taken before the refusal, the refused one included
	}{
		{"concurrency above the bound", 2, 0, 3, 3},
		{"other tasks share the bound", 3, 2, 3, 2},
		{"no room at all", 0, 0, 2, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sup := newTaskSupervisor(t, task.MaxChildren(tc.maxChildren))
				defer sup.Stop()
				for range tc.others {
					_, err := task.Async(sup, func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, nil })
					require.NoError(t, err)
				}
				var l eventLog
				var cancelled atomic.Int32
				s := mustNew(t, func(ctx context.Context, ms int) (int, error) {
					v, err := sleepFor(ctx, ms)
					if err != nil {
						cancelled.Add(1)
					}
					return v, err
				}, stream.MaxConcurrency(tc.concurrency), stream.WithSupervisor(sup), stream.WithHook(l.hook))
				rs, err := collect(t.Context(), s, values([]int{1000, 1000, 1000, 1000}))
				assert.Empty(t, rs)
				require.ErrorIs(t, err, task.ErrMaxChildren)
				assert.Len(t, l.kinds(event.Pulled), tc.pulled)
				assert.Empty(t, l.kinds(event.Finished))
				assert.Equal(t, len(l.kinds(event.Started)), int(cancelled.Load()), "every task that started was cancelled")
				assert.Equal(t, tc.others, sup.Count(), "the stream left nothing under the supervisor")
				halted := l.kinds(event.Halted)
				require.Len(t, halted, 1)
				assert.ErrorIs(t, halted[0].Err, task.ErrMaxChildren)
			})
		})
	}
}

func TestSupervisorStopEndsTheStream(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := newTaskSupervisor(t)
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2), stream.Unordered(), stream.WithSupervisor(sup))
		time.AfterFunc(150*time.Millisecond, func() { sup.Stop() })
		rs, err := collect(t.Context(), s, values([]int{100, 1000, 1000, 1000}))
		// The first finished; the two running were stopped. The stream ends
		// at the refusal of the next input, whether or not the second
		// stopped task's result reached it first.
		require.NotEmpty(t, rs)
		assert.Contains(t, []int{2, 3}, len(rs))
		assert.NoError(t, rs[0].Err)
		for _, r := range rs[1:] {
			assert.ErrorIs(t, r.Err, task.ErrShutdown)
			var exit *task.ExitError
			assert.True(t, errors.As(r.Err, &exit), "a stopped task's result is an exit")
		}
		assert.ErrorIs(t, err, task.ErrStopped, "the next task is refused")
	})
}

func TestTerminateOneStreamTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := newTaskSupervisor(t)
		s := mustNew(t, sleepFor, stream.MaxConcurrency(3), stream.WithSupervisor(sup))
		time.AfterFunc(50*time.Millisecond, func() {
			ids := sup.Children()
			require.Len(t, ids, 3)
			require.NoError(t, sup.TerminateChild(ids[1]))
		})
		rs, err := collect(t.Context(), s, values([]int{100, 200, 300}))
		require.NoError(t, err, "the stream goes on")
		require.Len(t, rs, 3)
		assert.NoError(t, rs[0].Err)
		assert.ErrorIs(t, rs[1].Err, task.ErrShutdown)
		assert.NoError(t, rs[2].Err)
		sup.Stop()
	})
}

// A task cut off by its timeout keeps its place until it returns or is
// abandoned: Go cannot kill it.
func TestTimedOutTaskHoldsItsPlaceUntilAbandoned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := newTaskSupervisor(t)
		deaf := func(_ context.Context, ms int) (int, error) {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			return ms, nil
		}
		s := mustNew(t, deaf, stream.MaxConcurrency(1), stream.Timeout(100*time.Millisecond),
			stream.OnTimeout(stream.KillTask), stream.Shutdown(200*time.Millisecond), stream.WithSupervisor(sup))
		rs, err := collect(t.Context(), s, values([]int{1000, 10}))
		require.NoError(t, err)
		assert.ErrorIs(t, rs[0].Err, task.ErrTimeout)
		assert.NoError(t, rs[1].Err)
		assert.Equal(t, 1, sup.Abandoned(), "abandoned by the stream, counted by its supervisor")
		assert.Zero(t, sup.Count())
		time.Sleep(time.Second)
		sup.Stop()
	})
}

func TestWithSupervisorNil(t *testing.T) {
	_, err := stream.New(sleepFor, stream.WithSupervisor(nil))
	assert.ErrorIs(t, err, stream.ErrInvalidOption)
	assert.ErrorContains(t, err, "nil task supervisor")
}
