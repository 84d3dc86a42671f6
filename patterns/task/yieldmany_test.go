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
	"github.com/concurrency-patterns/playground/patterns/task"
)

// seen sums up an outcome for the table: "" for none, "v=N", "err" for an
// own error, "exit" for an exit.
func seen(o task.Outcome[int]) string {
	var exit *task.ExitError
	switch {
	case !o.Done:
		return ""
	case errors.As(o.Err, &exit):
		return "exit"
	case o.Err != nil:
		return "err"
	}
	return "v=" + string(rune('0'+o.Value))
}

func TestYieldMany(t *testing.T) {
	sec := time.Second
	three := []work{{sec, 1, nil, false}, {3 * sec, 2, nil, false}, {2 * sec, 0, errOwn, false}}
	cases := []struct {
		name    string
		work    []work
		opts    []task.YieldOption
		want    []string
		wantAt  time.Duration
		running int // tasks still running right after
	}{
		{"all in time", three, nil, []string{"v=1", "v=2", "err"}, 3 * sec, 0},
		{"a panic is an exit", []work{{sec, 0, nil, true}}, nil, []string{"exit"}, sec, 0},
		{"the default timeout leaves the rest running", []work{{sec, 1, nil, false}, {6 * sec, 2, nil, false}},
			nil, []string{"v=1", ""}, 5 * sec, 1},
		{"its own timeout", three, []task.YieldOption{task.Within(1500 * time.Millisecond)},
			[]string{"v=1", "", ""}, 1500 * time.Millisecond, 2},
		{"a limit returns early", three, []task.YieldOption{task.Limit(2)},
			[]string{"v=1", "", "err"}, 2 * sec, 1},
		{"a limit reached adds no action", three, []task.YieldOption{task.Limit(1), task.OnTimeout(task.KillTask)},
			[]string{"v=1", "", ""}, sec, 2},
		{"a poll", three, []task.YieldOption{task.Within(0)}, []string{"", "", ""}, 0, 3},
		{"kill on timeout", three, []task.YieldOption{task.Within(sec), task.OnTimeout(task.KillTask)},
			[]string{"v=1", "", ""}, sec, 0},
		{"shutdown on timeout", three, []task.YieldOption{task.Within(sec), task.OnTimeout(task.ShutdownTask)},
			[]string{"v=1", "", ""}, sec, 0},
		{"no timeout", []work{{time.Hour, 5, nil, false}}, []task.YieldOption{task.WithoutTimeout()},
			[]string{"v=5"}, time.Hour, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := newSupervisor(t)
				defer s.Stop()
				tasks := startAll(t, s, tc.work)
				start := time.Now()
				out, err := task.YieldMany(t.Context(), tasks, tc.opts...)
				require.NoError(t, err)
				assert.Equal(t, tc.wantAt, time.Since(start))
				got := make([]string, len(out))
				for i, o := range out {
					got[i] = seen(o)
				}
				assert.Equal(t, tc.want, got)
				synctest.Wait() // cancelled tasks return
				assert.Equal(t, tc.running, s.Count())
			})
		})
	}
}

// A task that replies at the very instant the time runs out has its
// outcome; on a virtual clock that instant is exact.
func TestYieldManyReplyWinsATie(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := newSupervisor(t, task.WithClock(clk))
		tasks := []*task.Task[int]{
			sleepy(s, clk, 100*time.Millisecond, 1),
			sleepy(s, clk, 200*time.Millisecond, 2),
			sleepy(s, clk, 300*time.Millisecond, 3),
		}
		got := make(chan []task.Outcome[int], 1)
		go func() {
			out, _ := task.YieldMany(context.Background(), tasks, task.Within(200*time.Millisecond))
			got <- out
		}()
		drive(clk)
		out := <-got
		assert.True(t, out[0].Done)
		assert.True(t, out[1].Done, "the reply due with the timeout counts")
		assert.False(t, out[2].Done)
		s.Stop()
	})
}

// A task that replies while it is shut down keeps its reply: Elixir's
// Task.shutdown returns it, and so does the ShutdownTask action.
func TestYieldManyShutdownKeepsALateReply(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tk, _ := task.Async(s, func(ctx context.Context) (int, error) {
			<-ctx.Done()
			time.Sleep(10 * time.Millisecond) // a last reply while it shuts down
			return 9, nil
		})
		out, err := task.YieldMany(t.Context(), []*task.Task[int]{tk},
			task.Within(time.Second), task.OnTimeout(task.ShutdownTask))
		require.NoError(t, err)
		assert.Equal(t, task.Outcome[int]{Value: 9, Done: true}, out[0])
	})
}

func TestYieldManyIgnoreOnTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tasks := startAll(t, s, []work{{d: time.Second, v: 1}, {d: time.Hour, v: 2}})
		out, err := task.YieldMany(t.Context(), tasks, task.Within(2*time.Second), task.OnTimeout(task.IgnoreTask))
		require.NoError(t, err)
		assert.True(t, out[0].Done)
		assert.False(t, out[1].Done)
		_, err = tasks[1].Await(t.Context())
		assert.ErrorIs(t, err, task.ErrIgnored, "the slow task was ignored")
		out, err = task.YieldMany(t.Context(), tasks, task.Within(0))
		require.NoError(t, err)
		assert.ErrorIs(t, out[1].Err, task.ErrIgnored, "a later call does not wait for an ignored task")
		assert.Equal(t, 1, s.Count(), "an ignored task runs on")
		s.Stop()
	})
}

func TestYieldManyStopsWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tasks := startAll(t, s, []work{{d: 100 * time.Millisecond, v: 1}, {d: time.Hour}})
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		out, err := task.YieldMany(ctx, tasks, task.WithoutTimeout(), task.OnTimeout(task.KillTask))
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 1, out[0].Value)
		assert.False(t, out[1].Done)
		synctest.Wait()
		assert.Zero(t, s.Count(), "the action applied when the caller left")
	})
}

func TestYieldManyOptions(t *testing.T) {
	cases := []struct {
		name string
		opt  task.YieldOption
		want string
	}{
		{"zero limit", task.Limit(0), "limit must be positive, got 0"},
		{"negative timeout", task.Within(-time.Second), "timeout must not be negative"},
		{"unknown action", task.OnTimeout(9), "unknown timeout action 9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := task.YieldMany(context.Background(), []*task.Task[int]{task.Completed(1)}, tc.opt)
			assert.Nil(t, out)
			assert.ErrorIs(t, err, task.ErrInvalidOption)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
