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

// work is a task body for the table tests: it runs d, then returns v, its
// own error, or panics.
type work struct {
	d     time.Duration
	v     int
	err   error
	panic bool
}

func (w work) body() func(context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		select {
		case <-time.After(w.d):
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		if w.panic {
			panic("boom")
		}
		return w.v, w.err
	}
}

func startAll(t *testing.T, s *task.Supervisor, ws []work) []*task.Task[int] {
	t.Helper()
	tasks := make([]*task.Task[int], len(ws))
	for i, w := range ws {
		tk, err := task.Async(s, w.body())
		require.NoError(t, err)
		tasks[i] = tk
	}
	return tasks
}

func TestAwaitMany(t *testing.T) {
	sec := time.Second
	cases := []struct {
		name    string
		work    []work
		want    []int
		wantErr error // errors.Is
		exit    bool  // the error is an *ExitError
		wantAt  time.Duration
	}{
		{"none", nil, []int{}, nil, false, 0},
		{"values in the order given", []work{{3 * sec, 1, nil, false}, {sec, 2, nil, false}, {2 * sec, 3, nil, false}},
			[]int{1, 2, 3}, nil, false, 3 * sec},
		{"the first error in time wins", []work{{4 * sec, 1, nil, false}, {2 * sec, 0, errOwn, false}, {sec, 3, nil, false}},
			nil, errOwn, false, 2 * sec},
		{"a panic is an exit", []work{{4 * sec, 1, nil, false}, {sec, 0, nil, true}},
			nil, nil, true, sec},
		{"the default timeout", []work{{sec, 1, nil, false}, {6 * sec, 2, nil, false}},
			nil, task.ErrTimeout, true, 5 * sec},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := newSupervisor(t)
				defer s.Stop()
				tasks := startAll(t, s, tc.work)
				start := time.Now()
				got, err := task.AwaitMany(t.Context(), tasks...)
				assert.Equal(t, tc.wantAt, time.Since(start))
				if tc.wantErr == nil && !tc.exit {
					require.NoError(t, err)
					assert.Equal(t, tc.want, got)
					return
				}
				assert.Nil(t, got)
				if tc.wantErr != nil {
					assert.ErrorIs(t, err, tc.wantErr)
				}
				var exit *task.ExitError
				assert.Equal(t, tc.exit, errors.As(err, &exit), "exit or own error: %v", err)
			})
		})
	}
}

// sleepy starts a task that sleeps d on clk, then returns v.
func sleepy(s *task.Supervisor, clk clock.Clock, d time.Duration, v int) *task.Task[int] {
	tk, _ := task.Async(s, func(ctx context.Context) (int, error) { return v, clock.Sleep(ctx, clk, d) })
	return tk
}

// drive steps clk until no timer is left, letting every goroutine run
// between two steps.
func drive(clk *clock.Virtual) {
	for {
		synctest.Wait()
		if !clk.Step() {
			return
		}
	}
}

// Replies due at the instant the await timeout runs out count; on a virtual
// clock that instant is exact.
func TestAwaitManyReplyWinsATie(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := newSupervisor(t, task.WithClock(clk), task.AwaitTimeout(100*time.Millisecond))
		tasks := []*task.Task[int]{sleepy(s, clk, 50*time.Millisecond, 1), sleepy(s, clk, 100*time.Millisecond, 2)}
		type result struct {
			v   []int
			err error
		}
		got := make(chan result, 1)
		go func() { v, err := task.AwaitMany(context.Background(), tasks...); got <- result{v, err} }()
		drive(clk)
		assert.Equal(t, result{[]int{1, 2}, nil}, <-got)
	})
}

func TestAwaitManyLeavesTheRestRunning(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.AwaitTimeout(time.Second))
		tasks := startAll(t, s, []work{{d: 500 * time.Millisecond, v: 1}, {d: 3 * time.Second, v: 2}})
		_, err := task.AwaitMany(t.Context(), tasks...)
		assert.ErrorIs(t, err, task.ErrTimeout)
		assert.Equal(t, []int{tasks[1].ID()}, s.Children())
		<-tasks[1].Done()
		got, err := task.AwaitMany(t.Context(), tasks...)
		require.NoError(t, err, "a later call may wait again")
		assert.Equal(t, []int{1, 2}, got)
	})
}

func TestAwaitManyMixesCompletedTasks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		computed, _ := task.Async(s, after(time.Second, 2))
		got, err := task.AwaitMany(t.Context(), task.Completed(1), computed, task.Completed(3))
		require.NoError(t, err)
		assert.Equal(t, []int{1, 2, 3}, got)
	})
}

func TestAwaitManyStopsWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.NoAwaitTimeout())
		tasks := startAll(t, s, []work{{d: time.Hour}})
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Minute, cancel)
		_, err := task.AwaitMany(ctx, tasks...)
		assert.ErrorIs(t, err, context.Canceled)
		s.Stop()
	})
}

func TestAwaitManyRefusesAnIgnoredTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		tasks := startAll(t, s, []work{{d: time.Second}, {d: time.Second}})
		tasks[1].Ignore()
		_, err := task.AwaitMany(t.Context(), tasks...)
		assert.ErrorIs(t, err, task.ErrIgnored)
		s.Stop()
	})
}
