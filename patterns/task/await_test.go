package task_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// TestAwaitTimeLimit checks the library's rule for a wait: the OTP default
// limit, 5 s for Task.await, or the option's, and ctx: the earlier wins.
func TestAwaitTimeLimit(t *testing.T) {
	cases := []struct {
		name     string
		opts     []task.Option
		deadline time.Duration // of ctx; 0 for none
		work     time.Duration
		wantErr  error // nil: the value
		wantAt   time.Duration
	}{
		{"within the default", nil, 0, 4 * time.Second, nil, 4 * time.Second},
		{"past the default", nil, 0, 6 * time.Second, task.ErrTimeout, 5 * time.Second},
		{"own timeout", []task.Option{task.AwaitTimeout(time.Second)}, 0, 2 * time.Second, task.ErrTimeout, time.Second},
		{"no timeout", []task.Option{task.NoAwaitTimeout()}, 0, time.Hour, nil, time.Hour},
		{"the default before a later ctx deadline", nil, 10 * time.Second, 8 * time.Second, task.ErrTimeout, 5 * time.Second},
		{"an earlier ctx deadline", nil, time.Second, 2 * time.Second, context.DeadlineExceeded, time.Second},
		{"no timeout but ctx's", []task.Option{task.NoAwaitTimeout()}, time.Minute, time.Hour, context.DeadlineExceeded, time.Minute},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := newSupervisor(t, tc.opts...)
				defer s.Stop()
				tk, err := task.Async(s, after(tc.work, 42))
				require.NoError(t, err)
				ctx := t.Context()
				if tc.deadline > 0 {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeout(ctx, tc.deadline)
					defer cancel()
				}
				start := time.Now()
				v, err := tk.Await(ctx)
				assert.Equal(t, tc.wantAt, time.Since(start))
				if tc.wantErr == nil {
					assert.NoError(t, err)
					assert.Equal(t, 42, v)
					return
				}
				assert.ErrorIs(t, err, tc.wantErr)
				if tc.wantErr == task.ErrTimeout {
					var exit *task.ExitError
					assert.ErrorAs(t, err, &exit, "a timeout is an exit")
				}
				assert.Equal(t, 1, s.Count(), "the task goes on after its caller stopped waiting")
				<-tk.Done()
				v, err = tk.Await(context.Background())
				assert.Equal(t, 42, v, "it can be awaited again")
				assert.NoError(t, err)
			})
		})
	}
}

// On a virtual clock too, a reply due at the same instant as the await
// timeout is delivered.
func TestAwaitReplyWinsATieOnAVirtualClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := newSupervisor(t, task.WithClock(clk), task.AwaitTimeout(100*time.Millisecond))
		tk, _ := task.Async(s, func(ctx context.Context) (int, error) {
			return 1, clock.Sleep(ctx, clk, 100*time.Millisecond)
		})
		got := make(chan error, 1)
		go func() { _, err := tk.Await(context.Background()); got <- err }()
		drive(clk)
		assert.NoError(t, <-got)
	})
}

func TestAwaitTimeoutOptions(t *testing.T) {
	for _, d := range []time.Duration{0, -time.Second} {
		_, err := task.NewSupervisor(task.AwaitTimeout(d))
		assert.ErrorIs(t, err, task.ErrInvalidOption, "%v", d)
		assert.ErrorContains(t, err, "use NoAwaitTimeout")
	}
}

func TestIgnore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		running, _ := task.Async(s, after(time.Second, 1))
		_, err, ok := running.Ignore()
		assert.False(t, ok, "nothing to report yet")
		assert.NoError(t, err)
		_, err = running.Await(t.Context())
		assert.ErrorIs(t, err, task.ErrIgnored)
		_, err, ok = running.Yield(t.Context(), time.Minute)
		assert.ErrorIs(t, err, task.ErrIgnored)
		assert.False(t, ok)
		_, err, _ = running.Shutdown(time.Second)
		assert.ErrorIs(t, err, task.ErrIgnored)
		_, err = running.YieldOrShutdown(t.Context(), time.Second)
		assert.ErrorIs(t, err, task.ErrIgnored)
		_, err, _ = running.Ignore()
		assert.ErrorIs(t, err, task.ErrIgnored, "once ignored, always ignored")
		assert.Equal(t, []int{running.ID()}, s.Children(), "it runs on under its supervisor")
		<-running.Done()

		done, _ := task.Async(s, after(0, 2))
		<-done.Done()
		v, err, ok := done.Ignore()
		assert.True(t, ok, "a task that returned gives its outcome")
		assert.Equal(t, 2, v)
		assert.NoError(t, err)
		s.Stop()
	})
}

func TestIgnoredTaskIsStillStoppedWithItsSupervisor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tk, _ := task.Async(s, after(time.Hour, 1))
		tk.Ignore()
		assert.Zero(t, s.Stop())
		<-tk.Done()
		assert.Zero(t, s.Count())
	})
}

func TestCompleted(t *testing.T) {
	tk := task.Completed("ready")
	assert.Equal(t, -1, tk.ID())
	v, err := tk.Await(context.Background())
	assert.Equal(t, "ready", v)
	assert.NoError(t, err)
	v, err, ok := tk.Yield(context.Background(), 0)
	assert.True(t, ok)
	assert.Equal(t, "ready", v)
	assert.NoError(t, err)
	v, err, ok = tk.Shutdown(time.Second)
	assert.True(t, ok, "shutting a completed task down gives its value")
	assert.Equal(t, "ready", v)
	assert.NoError(t, err)
	select {
	case <-tk.Done():
	default:
		t.Fatal("a completed task is done")
	}
}

// Yield with no time is a poll, on any clock: here a virtual one nobody
// advances.
func TestYieldZeroIsAPoll(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := newSupervisor(t, task.WithClock(clk))
		block := make(chan struct{})
		tk, _ := task.Async(s, func(context.Context) (int, error) { <-block; return 7, nil })
		_, err, ok := tk.Yield(t.Context(), 0)
		assert.False(t, ok)
		assert.NoError(t, err)
		close(block)
		synctest.Wait()
		v, _, ok := tk.Yield(t.Context(), 0)
		assert.True(t, ok)
		assert.Equal(t, 7, v)
	})
}
