package task_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// deaf ignores its cancellation and replies after d.
func deaf(d time.Duration) func(context.Context) (int, error) {
	return func(context.Context) (int, error) { time.Sleep(d); return 9, nil }
}

// kinds lists the kinds of the events recorded so far.
func kinds(rec *event.Recorder) []event.Kind {
	var out []event.Kind
	for _, r := range rec.Records() {
		out = append(out, r.Kind)
	}
	return out
}

// A brutal kill does not wait, and does not call a task abandoned that
// honours its cancellation: only one still running after the supervisor's
// shutdown time is.
func TestBrutalKill(t *testing.T) {
	cases := []struct {
		name        string
		fn          func(context.Context) (int, error)
		supShutdown time.Duration
		abandonedAt time.Duration // after the kill; -1: never
	}{
		{"honours its cancellation", after(time.Hour, 1), 5 * time.Second, -1},
		{"ignores it", deaf(time.Hour), 5 * time.Second, 5 * time.Second},
		{"ignores it, no grace", deaf(time.Hour), task.BrutalKill, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				origin := time.Now()
				rec := event.NewRecorder(origin)
				s := newSupervisor(t, task.WithHook(rec.Hook()), task.Shutdown(tc.supShutdown))
				tk, _ := task.Async(s, tc.fn)
				synctest.Wait()
				start := time.Now()
				v, err, ok := tk.Shutdown(task.BrutalKill)
				assert.Zero(t, time.Since(start), "a brutal kill does not wait")
				assert.False(t, ok)
				assert.NoError(t, err, "no reply: killed")
				assert.Zero(t, v)
				time.Sleep(time.Minute)
				var abandoned []event.Record
				for _, r := range rec.Records() {
					if r.Kind == event.Abandoned {
						abandoned = append(abandoned, r)
					}
				}
				if tc.abandonedAt < 0 {
					assert.Empty(t, abandoned)
					assert.Zero(t, s.Abandoned())
				} else {
					require.Len(t, abandoned, 1)
					assert.Equal(t, start.Sub(origin)+tc.abandonedAt, abandoned[0].At)
					assert.Equal(t, 1, s.Abandoned())
				}
				assert.Zero(t, s.Count())
				time.Sleep(2 * time.Hour) // a deaf task ends inside the bubble
			})
		})
	}
}

// A caller whose ctx ends is not a timeout: YieldOrShutdown shuts the task
// down and reports ctx's error, and the trace shows no timeout.
func TestYieldOrShutdownWhenTheCallerLeaves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := event.NewRecorder(time.Now())
		s := newSupervisor(t, task.WithHook(rec.Hook()), task.Shutdown(50*time.Millisecond))
		tk, _ := task.Async(s, after(time.Hour, 1))
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()
		_, err := tk.YieldOrShutdown(ctx, time.Minute)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.NotErrorIs(t, err, task.ErrTimeout)
		assert.NotContains(t, kinds(rec), event.TimedOut)
		assert.Contains(t, kinds(rec), event.Cancelled, "the task was shut down")
		synctest.Wait()
		assert.Zero(t, s.Count())

		stubborn, _ := task.Async(s, deaf(time.Hour))
		ctx, cancel = context.WithCancel(t.Context())
		cancel()
		_, err = stubborn.YieldOrShutdown(ctx, time.Minute)
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, task.ErrAbandoned)
		time.Sleep(2 * time.Hour)
	})
}

// A task that ended because it was cancelled left no reply, whether it
// ended during this Shutdown or before it.
func TestShutdownOfATaskAlreadyStoppedByCancellation(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tk, _ := task.Async(s, after(time.Hour, 1))
		v, err, ok := tk.Shutdown(time.Second)
		assert.Equal(t, []any{0, nil, false}, []any{v, err, ok})
		v, err, ok = tk.Shutdown(time.Second)
		assert.Equal(t, []any{0, nil, false}, []any{v, err, ok}, "asked again")

		stopped, _ := task.Async(s, after(time.Hour, 2))
		s.Stop()
		v, err, ok = stopped.Shutdown(time.Second)
		assert.Equal(t, []any{0, nil, false}, []any{v, err, ok}, "after Stop cancelled it")
	})
}

// Stop and Shutdown giving up on one task at the same time count it once.
func TestStopRacingShutdownCountsAnAbandonOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := event.NewRecorder(time.Now())
		s := newSupervisor(t, task.WithHook(rec.Hook()), task.Shutdown(100*time.Millisecond))
		tk, _ := task.Async(s, deaf(time.Hour))
		var wg sync.WaitGroup
		var err error
		wg.Go(func() { _, err, _ = tk.Shutdown(100 * time.Millisecond) })
		stopAbandoned := s.Stop()
		wg.Wait()
		assert.ErrorIs(t, err, task.ErrAbandoned)
		assert.Equal(t, 1, stopAbandoned)
		assert.Equal(t, 1, s.Abandoned())
		n := 0
		for _, k := range kinds(rec) {
			if k == event.Abandoned {
				n++
			}
		}
		assert.Equal(t, 1, n, "one Abandoned event")
		time.Sleep(2 * time.Hour)
	})
}
