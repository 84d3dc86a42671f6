package supervisor_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func explode(ctx context.Context) error { panic(errFail) }

// What a crash event carries, for each way a child can end abnormally.
func TestCrashesCarryTheirCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		temp := supervisor.WithRestart(supervisor.Temporary)
		startChild(t, sup, explode, temp)
		startChild(t, sup, exits(0, errFail), temp)
		startChild(t, sup, func(ctx context.Context) error { runtime.Goexit(); return nil }, temp)
		// context.Canceled is abnormal when the supervisor did not cancel it.
		startChild(t, sup, exits(0, context.Canceled), temp)
		time.Sleep(time.Second)
		crashes := l.kinds(event.ChildCrashed)
		require.Len(t, crashes, 4)
		byID := map[int]error{}
		for _, e := range crashes {
			byID[e.ID] = e.Err
		}

		var exit *task.ExitError
		var p *task.PanicError
		require.ErrorAs(t, byID[0], &exit, "a panic is an exit")
		require.ErrorAs(t, byID[0], &p)
		assert.ErrorIs(t, byID[0], errFail, "panic(err) unwraps to err")
		assert.Contains(t, string(p.Stack), "explode", "the stack is the panicking goroutine's")

		assert.Same(t, errFail, byID[1], "the child's own error, as returned")
		assert.False(t, errors.As(byID[1], &exit))

		require.ErrorAs(t, byID[2], &exit, "Goexit is an exit too")
		assert.ErrorContains(t, exit, "Goexit")

		assert.ErrorIs(t, byID[3], context.Canceled)
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// A panic in a child never reaches the caller, whose goroutine goes on.
func TestAPanickingChildDoesNotCrashTheProgram(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t, supervisor.MaxRestarts(1000, time.Second))
		startChild(t, sup, sequence(explode, explode, explode, blocks))
		time.Sleep(time.Second)
		n, err := sup.CountChildren(t.Context())
		require.NoError(t, err)
		assert.Equal(t, supervisor.Counts{Children: 1, Restarts: 0}, n, "three restarts, a second ago")
		require.NoError(t, sup.Stop(t.Context()))
	})
}
