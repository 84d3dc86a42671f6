package task_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// count is how many events of kind l holds.
func count(l *eventtest.Log, kind event.Kind) int {
	n := 0
	for _, e := range l.All() {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// TestRestartPolicies runs a task whose first run ends as the case says and
// whose later runs block until shut down, and counts how often it ran.
func TestRestartPolicies(t *testing.T) {
	ends := map[string]func(context.Context) error{
		"normal":   func(context.Context) error { return nil },
		"error":    func(context.Context) error { return errOwn },
		"panic":    func(context.Context) error { panic("boom") },
		"Goexit":   func(context.Context) error { runtime.Goexit(); return nil },
		"shutdown": func(context.Context) error { return task.ErrShutdown },
	}
	cases := []struct {
		restart task.Restart
		end     string
		runs    int
	}{
		{task.Temporary, "normal", 1}, {task.Temporary, "error", 1}, {task.Temporary, "panic", 1},
		{task.Transient, "normal", 1}, {task.Transient, "shutdown", 1},
		{task.Transient, "error", 2}, {task.Transient, "panic", 2}, {task.Transient, "Goexit", 2},
		{task.Permanent, "normal", 2}, {task.Permanent, "shutdown", 2}, {task.Permanent, "error", 2},
		{task.Permanent, "panic", 2},
	}
	for _, tc := range cases {
		t.Run(tc.restart.String()+" after "+tc.end, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var k eventtest.Log
				s := newSupervisor(t, task.WithHook(k.Hook))
				var runs atomic.Int32
				id, err := task.StartChild(s, func(ctx context.Context) error {
					if runs.Add(1) == 1 {
						return ends[tc.end](ctx)
					}
					<-ctx.Done()
					return ctx.Err()
				}, task.WithRestart(tc.restart))
				require.NoError(t, err)
				synctest.Wait()
				assert.Equal(t, tc.runs, int(runs.Load()))
				if tc.runs > 1 {
					assert.Equal(t, []int{id}, s.Children(), "a restart keeps the id")
				} else {
					assert.Empty(t, s.Children())
				}
				assert.Equal(t, tc.runs-1, count(&k, event.Restarted))
				assert.Zero(t, s.Stop())
				assert.Equal(t, tc.runs, int(runs.Load()), "never restarted once the supervisor cancelled it")
				assert.Equal(t, task.ErrStopped, s.Err(), "stopped, not given up")
			})
		})
	}
}

func TestRestartIntensity(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var k eventtest.Log
		s := newSupervisor(t, task.MaxRestarts(2, time.Second), task.WithHook(k.Hook))
		bystander, _ := task.Async(s, after(time.Hour, 1))
		var runs atomic.Int32
		_, err := task.StartChild(s, func(context.Context) error {
			runs.Add(1)
			time.Sleep(300 * time.Millisecond)
			return errOwn
		}, task.WithRestart(task.Permanent))
		require.NoError(t, err)
		time.Sleep(2 * time.Second)
		assert.Equal(t, 3, int(runs.Load()), "two restarts allowed within the second, the third is not")
		assert.ErrorIs(t, s.Err(), task.ErrMaxIntensity)
		assert.ErrorContains(t, s.Err(), "3 restarts within 1s")
		assert.Equal(t, 1, count(&k, event.IntensityReached))
		_, err = bystander.Await(t.Context())
		assert.ErrorIs(t, err, context.Canceled, "giving up cancels every task")
		_, err = task.Async(s, after(0, 1))
		assert.ErrorIs(t, err, task.ErrStopped)
		assert.Zero(t, s.Stop())
		assert.ErrorIs(t, s.Err(), task.ErrMaxIntensity, "Stop keeps the first reason")
	})
}

// Restarts spread wider than the period never add up to the limit.
func TestRestartsAgeOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.MaxRestarts(1, time.Second))
		var runs atomic.Int32
		_, err := task.StartChild(s, func(context.Context) error {
			if runs.Add(1) > 5 {
				return nil
			}
			time.Sleep(time.Second)
			return errOwn
		}, task.WithRestart(task.Transient))
		require.NoError(t, err)
		time.Sleep(10 * time.Second)
		assert.Equal(t, 6, int(runs.Load()))
		assert.NoError(t, s.Err())
		s.Stop()
	})
}

func TestTerminateChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		var runs atomic.Int32
		id, _ := task.StartChild(s, func(ctx context.Context) error {
			runs.Add(1)
			<-ctx.Done()
			return ctx.Err()
		}, task.WithRestart(task.Permanent))
		awaited, _ := task.Async(s, after(time.Hour, 1))
		deaf, _ := task.StartChild(s, func(context.Context) error { time.Sleep(time.Hour); return nil },
			task.WithShutdown(time.Second))
		assert.Equal(t, []int{id, awaited.ID(), deaf}, s.Children())

		assert.NoError(t, s.TerminateChild(id))
		synctest.Wait()
		assert.Equal(t, 1, int(runs.Load()), "a terminated task is not restarted, whatever its policy")
		assert.ErrorIs(t, s.TerminateChild(id), task.ErrNotFound)

		assert.NoError(t, s.TerminateChild(awaited.ID()))
		_, err := awaited.Await(t.Context())
		assert.ErrorIs(t, err, context.Canceled, "its owner still gets its outcome")

		start := time.Now()
		err = s.TerminateChild(deaf)
		assert.ErrorIs(t, err, task.ErrAbandoned)
		assert.Equal(t, time.Second, time.Since(start), "its own shutdown time")
		assert.Equal(t, 1, s.Abandoned())
		assert.Empty(t, s.Children())
		assert.ErrorIs(t, s.TerminateChild(99), task.ErrNotFound)
		s.Stop()
		time.Sleep(time.Hour)
	})
}

// Stop gives each task its own shutdown time, in parallel.
func TestStopUsesEachTasksShutdown(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t, task.Shutdown(time.Second))
		deaf := func(context.Context) (int, error) { time.Sleep(time.Hour); return 0, nil }
		_, err := task.Async(s, deaf, task.WithShutdown(3*time.Second))
		require.NoError(t, err)
		_, err = task.Async(s, deaf, task.WithShutdown(task.BrutalKill))
		require.NoError(t, err)
		_, err = task.Async(s, deaf)
		require.NoError(t, err)
		start := time.Now()
		assert.Equal(t, 3, s.Stop())
		assert.Equal(t, 3*time.Second, time.Since(start), "the longest shutdown time")
		time.Sleep(time.Hour)
	})
}

func TestChildOptions(t *testing.T) {
	s, err := task.NewSupervisor()
	require.NoError(t, err)
	defer s.Stop()
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"async is temporary", asyncErr(s, task.WithRestart(task.Permanent)), "an async task is temporary"},
		{"unknown policy", asyncErr(s, task.WithRestart(7)), "unknown restart policy 7"},
		{"negative shutdown", startErr(s, noop, task.WithShutdown(-time.Second)), "shutdown must not be negative"},
		{"nil function", startErr(s, nil), "nil task function"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, tc.err, task.ErrInvalidOption)
			assert.ErrorContains(t, tc.err, tc.want)
		})
	}
	assert.Zero(t, s.Count(), "nothing started")
}

func noop(context.Context) error { return nil }

func asyncErr(s *task.Supervisor, opts ...task.ChildOption) error {
	_, err := task.Async(s, func(context.Context) (int, error) { return 0, nil }, opts...)
	return err
}

func startErr(s *task.Supervisor, fn func(context.Context) error, opts ...task.ChildOption) error {
	_, err := task.StartChild(s, fn, opts...)
	return err
}

// MaxChildren(0) is valid, as in Elixir: every start is refused.
func TestMaxChildrenZeroRefusesEveryStart(t *testing.T) {
	s := newSupervisor(t, task.MaxChildren(0))
	_, err := task.Async(s, func(context.Context) (int, error) { return 0, nil })
	assert.ErrorIs(t, err, task.ErrMaxChildren)
	_, err = task.StartChild(s, noop)
	assert.ErrorIs(t, err, task.ErrMaxChildren)
	_, err = s.Enroll(func(error) {}, 0)
	assert.ErrorIs(t, err, task.ErrMaxChildren)
}
