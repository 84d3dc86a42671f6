package supervisor_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// ready is a start step that succeeds at once and runs fn.
func ready(fn func(context.Context) error) supervisor.Init {
	return func(context.Context) (func(context.Context) error, error) { return fn, nil }
}

// initFails is a start step that fails with err.
func initFails(err error) supervisor.Init {
	return func(context.Context) (func(context.Context) error, error) { return nil, err }
}

// inits runs steps[i] as the start step of incarnation i, the last one for
// every later incarnation.
func inits(steps ...supervisor.Init) supervisor.Init {
	var i atomic.Int32
	return func(ctx context.Context) (func(context.Context) error, error) {
		n := int(i.Add(1)) - 1
		return steps[min(n, len(steps)-1)](ctx)
	}
}

// What StartChildInit returns for each way a start step can end, and what
// is left of the child (DynamicSupervisor.start_child: {:ok, pid},
// :ignore, {:error, reason}).
func TestStartChildInitOutcomes(t *testing.T) {
	cases := []struct {
		name  string
		init  supervisor.Init
		check func(t *testing.T, err error)
		trail []string
	}{
		{"ok", ready(blocks), func(t *testing.T, err error) { assert.NoError(t, err) },
			[]string{"child_started", "child_ready"}},
		{"ignore", initFails(supervisor.ErrIgnore), func(t *testing.T, err error) { assert.Same(t, supervisor.ErrIgnore, err) },
			[]string{"child_started", "child_ignored", "child_removed"}},
		{"error", initFails(errFail), func(t *testing.T, err error) {
			var se *supervisor.StartError
			require.ErrorAs(t, err, &se)
			assert.Same(t, errFail, se.Err)
			assert.Equal(t, supervisor.ID(0), se.Child)
		}, []string{"child_started", "child_start_failed", "child_removed"}},
		{"panic", func(context.Context) (func(context.Context) error, error) { panic("in init") },
			func(t *testing.T, err error) {
				var p *task.PanicError
				require.ErrorAs(t, err, &p)
				assert.Equal(t, "in init", p.Value)
				assert.ErrorAs(t, err, new(*supervisor.StartError))
			}, []string{"child_started", "child_start_failed", "child_removed"}},
		{"Goexit", func(context.Context) (func(context.Context) error, error) { runtime.Goexit(); return nil, nil },
			func(t *testing.T, err error) { assert.ErrorContains(t, err, "Goexit") },
			[]string{"child_started", "child_start_failed", "child_removed"}},
		{"no run function", func(context.Context) (func(context.Context) error, error) { return nil, nil },
			func(t *testing.T, err error) { assert.ErrorContains(t, err, "nil run function") },
			[]string{"child_started", "child_start_failed", "child_removed"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				sup := start(t, supervisor.WithHook(l.hook))
				id, err := sup.StartChildInit(t.Context(), tc.init)
				tc.check(t, err)
				n, _ := sup.CountChildren(t.Context())
				if err == nil {
					assert.Equal(t, supervisor.ID(0), id)
					assert.Equal(t, 1, n.Children)
				} else {
					assert.Equal(t, supervisor.ID(-1), id)
					assert.Zero(t, n.Children, "nothing is left of it")
				}
				assert.Equal(t, tc.trail, l.trail(0))
				require.NoError(t, sup.Stop(t.Context()))
			})
		})
	}
}

// A start step in progress is visible and holds its place.
func TestStartStepIsVisibleAndCounted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t, supervisor.MaxChildren(1))
		release := make(chan struct{})
		got := make(chan error, 1)
		go func() {
			_, err := sup.StartChildInit(t.Context(), func(context.Context) (func(context.Context) error, error) {
				<-release
				return blocks, nil
			})
			got <- err
		}()
		synctest.Wait()
		which, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		require.Len(t, which, 1)
		assert.True(t, which[0].Starting)
		assert.False(t, which[0].Restarting)
		_, err = sup.StartChild(t.Context(), blocks)
		assert.ErrorIs(t, err, supervisor.ErrMaxChildren, "a start in progress counts against max children")
		close(release)
		assert.NoError(t, <-got)
		which, _ = sup.WhichChildren(t.Context())
		assert.False(t, which[0].Starting)
		require.NoError(t, sup.Stop(t.Context()))
	})
}

func TestStartStepCutShort(t *testing.T) {
	waitForCtx := func(ctx context.Context) (func(context.Context) error, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	t.Run("the caller leaves", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var l log
			sup := start(t, supervisor.WithHook(l.hook))
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			_, err := sup.StartChildInit(ctx, waitForCtx)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			synctest.Wait()
			n, _ := sup.CountChildren(t.Context())
			assert.Zero(t, n.Children, "the child was terminated")
			assert.Equal(t, []string{"child_started", "child_stopping", "child_start_failed", "child_removed"}, l.trail(0))
			require.NoError(t, sup.Stop(t.Context()))
		})
	})
	t.Run("the supervisor stops", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t)
			time.AfterFunc(time.Second, func() { _ = sup.Stop(context.Background()) })
			_, err := sup.StartChildInit(t.Context(), waitForCtx)
			assert.ErrorIs(t, err, supervisor.ErrStopped)
			<-sup.Done()
		})
	})
	t.Run("the start step ignores its context", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t)
			time.AfterFunc(time.Second, func() { _ = sup.Stop(context.Background()) })
			_, err := sup.StartChildInit(t.Context(), func(context.Context) (func(context.Context) error, error) {
				time.Sleep(time.Hour)
				return blocks, nil
			}, supervisor.Shutdown(time.Second))
			assert.ErrorIs(t, err, supervisor.ErrStopped, "answered when it is abandoned")
			assert.ErrorIs(t, sup.Stop(t.Context()), task.ErrAbandoned)
			time.Sleep(2 * time.Hour)
		})
	})
}

// A restart runs the start step again; while it runs, or after it failed,
// the child is restarting, and a failed restart is tried again.
func TestRestartRunsTheStartStepAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook), supervisor.MaxRestarts(10, time.Minute))
		release := make(chan struct{})
		slowFailure := func(context.Context) (func(context.Context) error, error) {
			<-release
			return nil, errFail
		}
		id, err := sup.StartChildInit(t.Context(), inits(ready(exits(time.Second, errFail)), slowFailure, ready(blocks)))
		require.NoError(t, err)
		time.Sleep(2 * time.Second)
		which, _ := sup.WhichChildren(t.Context())
		require.Len(t, which, 1)
		assert.True(t, which[0].Restarting, "its restart's start step runs")
		close(release)
		synctest.Wait()
		which, _ = sup.WhichChildren(t.Context())
		assert.False(t, which[0].Restarting)
		assert.Equal(t, 2, which[0].Restarts, "the failed restart was tried again")
		assert.Equal(t, []string{
			"child_started", "child_ready", "child_crashed", "child_restarted",
			"child_started", "child_start_failed", "child_restarted",
			"child_started", "child_ready",
		}, l.trail(id))
		require.NoError(t, sup.Stop(t.Context()))
	})
}

func TestRestartIgnoredRemovesTheChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		id, err := sup.StartChildInit(t.Context(), inits(ready(exits(time.Second, nil)), initFails(supervisor.ErrIgnore)))
		require.NoError(t, err)
		time.Sleep(2 * time.Second)
		assert.Equal(t, []string{"child_started", "child_ready", "child_exited", "child_restarted",
			"child_started", "child_ignored", "child_removed"}, l.trail(id))
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// A start step that keeps failing at restarts ends in the supervisor
// giving up, with the start error as the exit that asked for the restart.
func TestRestartThatKeepsFailingReachesTheIntensity(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t, supervisor.MaxRestarts(3, time.Second))
		_, err := sup.StartChildInit(t.Context(), inits(ready(exits(0, errFail)), initFails(errFail)))
		require.NoError(t, err)
		err = sup.Wait(t.Context())
		var ie *supervisor.IntensityError
		require.ErrorAs(t, err, &ie)
		var se *supervisor.StartError
		assert.ErrorAs(t, err, &se, "the last restart asked for was that of a failed start")
		assert.Equal(t, 4, ie.Restarts)
	})
}

func TestStartChildInitRejectsInvalidOptions(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		_, err := sup.StartChildInit(t.Context(), nil, supervisor.Shutdown(-1))
		require.ErrorIs(t, err, supervisor.ErrInvalidOption)
		assert.ErrorContains(t, err, "nil start function")
		assert.ErrorContains(t, err, "shutdown must not be negative")
		require.NoError(t, sup.Stop(t.Context()))
		_, err = sup.StartChildInit(t.Context(), ready(blocks))
		assert.ErrorIs(t, err, supervisor.ErrStopped)
	})
}

// MaxChildren(0) is valid, as in Elixir: every start is refused.
func TestMaxChildrenZero(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t, supervisor.MaxChildren(0))
		_, err := sup.StartChild(t.Context(), blocks)
		assert.ErrorIs(t, err, supervisor.ErrMaxChildren)
		_, err = sup.StartChildInit(t.Context(), ready(blocks))
		assert.ErrorIs(t, err, supervisor.ErrMaxChildren)
		require.NoError(t, sup.Stop(t.Context()))
	})
}
