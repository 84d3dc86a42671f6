package stream_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/faults"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// TestFaultsOverManySeeds runs random streams whose tasks panic, fail,
// call Goexit, ignore their cancellation or run past their timeout, under
// random cancellations and early breaks, and checks what must always hold:
// every input yields at most one result, the right one for what its task
// did, in input order when ordered; never more tasks run than the bound,
// nor more inputs are out than the window; every task that started ends
// once; only abandoned tasks outlive Run; and none outlives its work.
func TestFaultsOverManySeeds(t *testing.T) { faults.Seeds(t, 300, faultyRun) }

func faultyRun(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	fates := make([]faults.Fate, r.IntN(60))
	for i := range fates {
		fates[i] = faults.Random(r, 80*time.Millisecond, 0, 10)
	}
	maxConc := 1 + r.IntN(6)
	ordered := r.IntN(3) > 0
	window := 0
	var l eventLog
	opts := []stream.Option{stream.MaxConcurrency(maxConc), stream.WithHook(l.hook),
		stream.Shutdown(time.Duration(r.IntN(40)) * time.Millisecond)}
	if !ordered {
		opts = append(opts, stream.Unordered())
	} else if r.IntN(2) == 0 {
		window = 1 + r.IntN(2*maxConc+1)
		opts = append(opts, stream.OrderedWindow(window))
	}
	timeout := time.Duration(0)
	killTask := r.IntN(2) == 0
	if r.IntN(3) > 0 {
		timeout = time.Duration(20+r.IntN(60)) * time.Millisecond
		opts = append(opts, stream.Timeout(timeout))
		if killTask {
			opts = append(opts, stream.OnTimeout(stream.KillTask))
		}
	} else {
		opts = append(opts, stream.NoTimeout())
	}
	var live atomic.Int32
	s := mustNew(t, func(ctx context.Context, i int) (int, error) { return fates[i].Run(ctx, i, &live) }, opts...)

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	if r.IntN(4) == 0 {
		time.AfterFunc(time.Duration(r.IntN(300))*time.Millisecond, cancel)
	}
	breakAfter := -1
	if r.IntN(4) == 0 {
		breakAfter = r.IntN(len(fates) + 1)
	}

	seen := map[int]bool{}
	var final error
	got := 0
	for res, err := range s.Run(ctx, values(indexesUpTo(len(fates)))) {
		if err != nil {
			require.Nil(t, final, "one error, the last thing yielded")
			final = err
			continue
		}
		require.Nil(t, final, "nothing after the error")
		require.False(t, seen[res.Index], "input %d yielded twice", res.Index)
		seen[res.Index] = true
		if ordered {
			require.Equal(t, got, res.Index, "out of order")
		}
		checkResult(t, fates[res.Index], res, timeout, killTask)
		got++
		if got == breakAfter {
			break
		}
	}
	switch {
	case final == nil && got != breakAfter:
		assert.Equal(t, len(fates), got, "an exhausted stream yields every input")
	case final != nil && !errors.Is(final, context.Canceled):
		assert.ErrorIs(t, final, task.ErrTimeout, "the stream stops on a timeout (Exit) or on ctx")
		assert.False(t, killTask, "KillTask goes on after a timeout")
	}
	abandoned := len(l.kinds(event.Abandoned))
	assert.LessOrEqual(t, int(live.Load()), abandoned, "only abandoned tasks outlive Run")
	checkStreamTrace(t, l.all(), maxConc, window)
	time.Sleep(time.Hour) // abandoned tasks finish their work inside the bubble
	assert.Zero(t, live.Load())
}

// checkResult says whether res is what the task's fate makes of it.
func checkResult(t *testing.T, f faults.Fate, res stream.Result[int], timeout time.Duration, killTask bool) {
	t.Helper()
	var exit *task.ExitError
	var p *task.PanicError
	switch {
	case timeout > 0 && f.Work > timeout:
		require.True(t, killTask, "under Exit a timeout is no result")
		assert.ErrorIs(t, res.Err, task.ErrTimeout, "input %d ran past its timeout", res.Index)
	case timeout > 0 && f.Work == timeout:
		// A tie: the reply wins if it is there first, else the timeout.
		if errors.Is(res.Err, task.ErrTimeout) {
			return
		}
		fallthrough
	default:
		switch f.End {
		case faults.Return:
			assert.NoError(t, res.Err)
			assert.Equal(t, res.Index, res.Value)
		case faults.Fail:
			assert.ErrorIs(t, res.Err, faults.ErrOwn)
			assert.False(t, errors.As(res.Err, &exit), "its own error is not an exit")
		case faults.Panic:
			assert.ErrorAs(t, res.Err, &p)
			assert.ErrorAs(t, res.Err, &exit)
		case faults.Goexit:
			assert.ErrorAs(t, res.Err, &exit)
			assert.ErrorContains(t, res.Err, "Goexit")
		}
	}
}

// checkStreamTrace checks the trace: the concurrency and window bounds,
// every started task ending once, abandonment only after a cancellation,
// and Halted last.
func checkStreamTrace(t *testing.T, events []event.Event, maxConc, window int) {
	t.Helper()
	ended := map[int]event.Kind{}
	abandoned := map[int]bool{}
	running, pulled, emitted := 0, 0, 0
	for i, e := range events {
		switch e.Kind {
		case event.Pulled:
			pulled++
			if window > 0 {
				require.LessOrEqual(t, pulled-emitted, window, "more inputs out than the window")
			}
		case event.Emitted:
			emitted++
		case event.Started:
			running++
			require.LessOrEqual(t, running, maxConc, "more tasks running than the bound")
		case event.Finished, event.Failed, event.Panicked, event.TimedOut, event.Cancelled:
			_, twice := ended[e.ID]
			require.False(t, twice, "task %d ended twice: %v then %v", e.ID, ended[e.ID], e.Kind)
			ended[e.ID] = e.Kind
			running--
		case event.Abandoned:
			k := ended[e.ID]
			require.True(t, k == event.TimedOut || k == event.Cancelled, "task %d abandoned after %v", e.ID, k)
			require.False(t, abandoned[e.ID], "task %d abandoned twice", e.ID)
			abandoned[e.ID] = true
		case event.Halted:
			require.Equal(t, len(events)-1, i, "Halted is the last event")
		}
	}
	require.Zero(t, running, "every started task ended")
	require.Equal(t, event.Halted, events[len(events)-1].Kind)
}

func indexesUpTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
