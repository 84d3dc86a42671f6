package supervisor_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestTerminateChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		polite := startChild(t, sup, lingers(30*time.Millisecond))
		stuck := startChild(t, sup, stubborn(time.Hour), supervisor.Shutdown(50*time.Millisecond))
		other := startChild(t, sup, blocks)

		begin := time.Now()
		require.NoError(t, sup.TerminateChild(t.Context(), polite))
		assert.Equal(t, 30*time.Millisecond, time.Since(begin))

		err := sup.TerminateChild(t.Context(), stuck)
		var exit *task.ExitError
		require.ErrorAs(t, err, &exit)
		assert.ErrorIs(t, err, task.ErrAbandoned)
		assert.Equal(t, []string{"child_started", "child_stopping", "child_abandoned", "child_removed"}, l.trail(stuck))

		assert.ErrorIs(t, sup.TerminateChild(t.Context(), polite), supervisor.ErrNotFound, "already gone")
		assert.ErrorIs(t, sup.TerminateChild(t.Context(), 99), supervisor.ErrNotFound)

		children, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		require.Len(t, children, 1)
		assert.Equal(t, other, children[0].ID)
		n, err := sup.CountChildren(t.Context())
		require.NoError(t, err)
		assert.Equal(t, supervisor.Counts{Children: 1, Abandoned: 1}, n)

		require.NoError(t, sup.Stop(t.Context()), "abandoned earlier, not while stopping")
		time.Sleep(2 * time.Hour)
	})
}

func TestTerminateChildContextBoundsOnlyTheWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		id := startChild(t, sup, lingers(time.Second))
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()
		assert.ErrorIs(t, sup.TerminateChild(ctx, id), context.DeadlineExceeded)

		second := make(chan error)
		go func() { second <- sup.TerminateChild(t.Context(), id) }()
		synctest.Wait()
		info, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		require.Len(t, info, 1)
		assert.True(t, info[0].Stopping)
		n, err := sup.CountChildren(t.Context())
		require.NoError(t, err)
		assert.Equal(t, supervisor.Counts{Children: 1, Stopping: 1}, n)

		assert.NoError(t, <-second, "a second caller waits for the same termination")
		assert.Equal(t, []string{"child_started", "child_stopping", "child_shutdown", "child_removed"}, l.trail(id),
			"terminated once, not restarted though permanent")
		require.NoError(t, sup.Stop(t.Context()))
	})
}
