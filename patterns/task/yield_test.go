package task_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestYieldCanBeCalledAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tk, _ := task.Async(s, after(300*time.Millisecond, "done"))
		_, err, ok := tk.Yield(t.Context(), 100*time.Millisecond)
		assert.False(t, ok, "still running at 100 ms")
		assert.NoError(t, err)
		_, _, ok = tk.Yield(t.Context(), 100*time.Millisecond)
		assert.False(t, ok, "still running at 200 ms")
		v, err, ok := tk.Yield(t.Context(), time.Second)
		assert.True(t, ok)
		assert.NoError(t, err)
		assert.Equal(t, "done", v)
	})
}

// On a virtual clock, a task that finishes exactly when a yield's time runs
// out delivers its reply first.
func TestYieldReplyWinsATie(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := newSupervisor(t, task.WithClock(clk))
		tk, _ := task.Async(s, func(ctx context.Context) (int, error) {
			return 1, clock.Sleep(ctx, clk, 100*time.Millisecond)
		})
		type outcome struct {
			v  int
			ok bool
		}
		got := make(chan outcome, 1)
		go func() {
			v, _, ok := tk.Yield(t.Context(), 100*time.Millisecond)
			got <- outcome{v, ok}
		}()
		for {
			synctest.Wait()
			if !clk.Step() {
				break
			}
		}
		assert.Equal(t, outcome{1, true}, <-got)
	})
}

func TestYieldStopsWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tk, _ := task.Async(s, after(time.Hour, 1))
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, err, ok := tk.Yield(ctx, time.Minute)
		assert.False(t, ok)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		s.Stop()
	})
}

func TestShutdown(t *testing.T) {
	stubborn := func(context.Context) (int, error) { time.Sleep(time.Hour); return 9, nil }
	finishesDuringShutdown := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		time.Sleep(10 * time.Millisecond) // cleaning up, then a last reply
		return 5, nil
	}
	cases := []struct {
		name      string
		fn        func(context.Context) (int, error)
		wait      time.Duration // before shutting down
		shutdown  time.Duration
		wantOK    bool
		wantValue int
		wantErr   error
		wantKind  event.Kind // reported last
	}{
		{"reply already there", after(10*time.Millisecond, 3), 20 * time.Millisecond, time.Second, true, 3, nil, event.Finished},
		{"stops when cancelled", after(time.Hour, 3), 0, time.Second, false, 0, nil, event.Failed},
		{"late reply is kept", finishesDuringShutdown, 0, time.Second, true, 5, nil, event.Late},
		{"ignores cancellation", stubborn, 0, time.Second, false, 0, task.ErrAbandoned, event.Abandoned},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				rec := event.NewRecorder(time.Now())
				s := newSupervisor(t, task.WithHook(rec.Hook()))
				tk, _ := task.Async(s, tc.fn)
				time.Sleep(tc.wait)
				start := time.Now()
				v, err, ok := tk.Shutdown(tc.shutdown)
				assert.LessOrEqual(t, time.Since(start), tc.shutdown)
				assert.Equal(t, tc.wantOK, ok)
				assert.Equal(t, tc.wantValue, v)
				if tc.wantErr != nil {
					assert.ErrorIs(t, err, tc.wantErr)
				} else {
					assert.NoError(t, err)
				}
				synctest.Wait()
				var kinds []event.Kind
				for _, r := range rec.Records() {
					kinds = append(kinds, r.Kind)
				}
				assert.Contains(t, kinds, tc.wantKind)
				if tc.wantErr == task.ErrAbandoned {
					assert.Equal(t, 1, s.Abandoned())
					assert.Zero(t, s.Count(), "an abandoned task no longer counts")
					time.Sleep(2 * time.Hour) // let it finish inside the bubble
				}
			})
		})
	}
}

func TestYieldOrShutdown(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.Shutdown(50*time.Millisecond))
		fast, _ := task.Async(s, after(10*time.Millisecond, "fast"))
		v, err := fast.YieldOrShutdown(t.Context(), time.Second)
		assert.NoError(t, err)
		assert.Equal(t, "fast", v)

		slow, _ := task.Async(s, after(time.Hour, "slow"))
		start := time.Now()
		v, err = slow.YieldOrShutdown(t.Context(), 100*time.Millisecond)
		assert.Empty(t, v)
		require.ErrorIs(t, err, task.ErrTimeout)
		var exit *task.ExitError
		assert.True(t, errors.As(err, &exit))
		assert.Equal(t, 100*time.Millisecond, time.Since(start), "a task that honours its context stops at once")

		stubborn, _ := task.Async(s, func(context.Context) (string, error) { time.Sleep(time.Hour); return "late", nil })
		_, err = stubborn.YieldOrShutdown(t.Context(), 100*time.Millisecond)
		assert.ErrorIs(t, err, task.ErrAbandoned)
		time.Sleep(2 * time.Hour)
	})
}

func TestStopShutsEveryTaskDownInParallel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.Shutdown(100*time.Millisecond))
		for range 3 {
			_, err := task.Async(s, after(time.Hour, 0))
			require.NoError(t, err)
		}
		for range 2 {
			require.NoError(t, task.Go(s, func(context.Context) error { time.Sleep(time.Hour); return nil }))
		}
		start := time.Now()
		assert.Equal(t, 2, s.Stop())
		assert.Equal(t, 100*time.Millisecond, time.Since(start), "in parallel: one shutdown time, not five")
		assert.Zero(t, s.Count())
		_, err := task.Async(s, after(time.Second, 0))
		assert.ErrorIs(t, err, task.ErrStopped)
		time.Sleep(2 * time.Hour)
	})
}

func TestNewSupervisorRejectsInvalidOptions(t *testing.T) {
	_, err := task.NewSupervisor(task.MaxChildren(-1), task.Shutdown(-time.Second))
	require.ErrorIs(t, err, task.ErrInvalidOption)
	assert.ErrorContains(t, err, "max children must not be negative, got -1")
	assert.ErrorContains(t, err, "shutdown must not be negative")
}
