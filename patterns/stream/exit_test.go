package stream_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

var errOwn = errors.New("not found")

// troubled panics on 1, returns its own error on 2, calls Goexit on 3.
func troubled(ctx context.Context, n int) (int, error) {
	switch n {
	case 1:
		panic("boom")
	case 2:
		return 0, errOwn
	case 3:
		runtime.Goexit()
	}
	return n * 10, nil
}

func TestOutcomesOfEachKind(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		s := mustNew(t, troubled, stream.MaxConcurrency(2), stream.WithHook(l.hook))
		rs, err := collect(t.Context(), s, values([]int{0, 1, 2, 3, 4}))
		require.NoError(t, err, "the caller never panics because of a task")
		require.Equal(t, []int{0, 1, 2, 3, 4}, indexes(rs))

		assert.Equal(t, 0, rs[0].Value)
		assert.Equal(t, 40, rs[4].Value)

		var exit *task.ExitError
		var p *task.PanicError
		require.ErrorAs(t, rs[1].Err, &exit, "a panic is an exit")
		require.ErrorAs(t, rs[1].Err, &p)
		assert.Equal(t, "boom", p.Value)
		assert.Contains(t, string(p.Stack), "troubled", "the stack is the panicking goroutine's")

		assert.ErrorIs(t, rs[2].Err, errOwn)
		assert.False(t, errors.As(rs[2].Err, &exit), "the task's own error is not an exit")

		require.ErrorAs(t, rs[3].Err, &exit, "Goexit is an exit too")
		assert.ErrorContains(t, exit, "Goexit")

		assert.Len(t, l.kinds(event.Panicked), 2)
		assert.Len(t, l.kinds(event.Failed), 1)
		assert.Len(t, l.kinds(event.Finished), 2)
	})
}
