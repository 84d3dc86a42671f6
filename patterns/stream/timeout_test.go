package stream_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestKillTaskGivesATimeoutResultAndGoesOn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		start := time.Now()
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2), stream.Timeout(50*time.Millisecond),
			stream.OnTimeout(stream.KillTask), stream.WithHook(l.hook))
		rs, err := collect(t.Context(), s, values([]int{10, 20, 80, 30}))
		require.NoError(t, err)
		require.Len(t, rs, 4)
		var exit *task.ExitError
		require.ErrorAs(t, rs[2].Err, &exit)
		assert.ErrorIs(t, rs[2].Err, task.ErrTimeout)
		assert.Nil(t, exit.Input, "inputs are zipped only when asked")
		for _, i := range []int{0, 1, 3} {
			assert.NoError(t, rs[i].Err)
		}
		timedOut := l.kinds(event.TimedOut)
		require.Len(t, timedOut, 1)
		assert.Equal(t, 60*time.Millisecond, timedOut[0].Time.Sub(start), "counted from the task's own start (10 ms)")
	})
}

func TestExitEndsTheStreamAndCancelsTheRest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		s := mustNew(t, sleepFor, stream.MaxConcurrency(3), stream.Timeout(50*time.Millisecond), stream.WithHook(l.hook))
		rs, err := collect(t.Context(), s, values([]int{10, 60, 40, 300, 100, 7}))
		require.ErrorIs(t, err, task.ErrTimeout)
		var exit *task.ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, []int{0}, indexes(rs), "item 0 was emitted before item 1 timed out")
		// Items 3 and 4 took the slots of items 0 and 2 and were running when
		// item 1 timed out at 50 ms.
		assert.Len(t, l.kinds(event.Cancelled), 2)
		assert.Len(t, l.kinds(event.Started), 5, "item 5 never started")
		assert.Empty(t, l.kinds(event.Abandoned))
	})
}

func TestZipInputOnExit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, func(ctx context.Context, ms int) (int, error) {
			if ms == 13 {
				panic("unlucky")
			}
			return sleepFor(ctx, ms)
		}, stream.Timeout(50*time.Millisecond), stream.OnTimeout(stream.KillTask), stream.ZipInputOnExit())
		rs, err := collect(t.Context(), s, values([]int{70, 13, 5}))
		require.NoError(t, err)
		var exit *task.ExitError
		require.ErrorAs(t, rs[0].Err, &exit)
		assert.Equal(t, 70, exit.Input)
		require.ErrorAs(t, rs[1].Err, &exit)
		assert.Equal(t, 13, exit.Input)
		assert.NoError(t, rs[2].Err)
	})
}

func TestNoTimeoutLetsTasksRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.NoTimeout())
		rs, err := collect(t.Context(), s, values([]int{int(time.Hour / time.Millisecond)}))
		require.NoError(t, err)
		assert.NoError(t, rs[0].Err)
	})
}

// A reply and a timeout due at the same virtual instant: the reply wins.
// Both items run at once, so the run ends at 50 ms; the test sets two slots
// rather than count on GOMAXPROCS, which is 1 under js/wasm.
func TestReplyWinsATie(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		s := mustNew(t, func(ctx context.Context, ms int) (int, error) {
			return ms, clock.Sleep(ctx, clk, time.Duration(ms)*time.Millisecond)
		}, stream.MaxConcurrency(2), stream.Timeout(50*time.Millisecond), stream.WithClock(clk))
		var rs []stream.Result[int]
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			rs, err = collect(t.Context(), s, values([]int{50, 20}))
		}()
		for {
			synctest.Wait()
			if !clk.Step() {
				break
			}
		}
		<-done
		require.NoError(t, err)
		require.Len(t, rs, 2)
		assert.NoError(t, rs[0].Err)
		assert.Equal(t, 50*time.Millisecond, clk.Elapsed())
	})
}
