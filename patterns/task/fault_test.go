package task_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/internal/faults"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// TestFaultsOverManySeeds starts random tasks that panic, fail, call
// Goexit, linger or ignore their cancellation, and has random callers
// await, yield and shut them down, with random deadlines, while the
// supervisor is stopped at a random time. Whatever happens: a caller's
// reply is the task's own, every task ends once, a task is abandoned at
// most once and only when it outlived its shutdown time, Abandoned()
// counts each once, MaxChildren holds, and nothing is left running.
func TestFaultsOverManySeeds(t *testing.T) { faults.Seeds(t, 300, faultyRun) }

func faultyRun(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 5))
	shutdown := time.Duration(1+r.IntN(100)) * time.Millisecond
	var l eventtest.Log
	opts := []task.Option{task.Shutdown(shutdown), task.WithHook(l.Hook)}
	maxChildren := 0
	if r.IntN(2) == 0 {
		maxChildren = 1 + r.IntN(8)
		opts = append(opts, task.MaxChildren(maxChildren))
	}
	s := newSupervisor(t, opts...)
	var live atomic.Int32
	var callers sync.WaitGroup
	fates := map[int]faults.Fate{}
	stopAt := time.Duration(r.IntN(600)) * time.Millisecond
	stopped := make(chan int)
	go func() {
		time.Sleep(stopAt)
		stopped <- s.Stop()
	}()

	for i := range 40 {
		time.Sleep(time.Duration(r.IntN(20)) * time.Millisecond)
		f := faults.Random(r, 200*time.Millisecond, 120*time.Millisecond, 8)
		tk, err := task.Async(s, func(ctx context.Context) (int, error) { return f.Run(ctx, i, &live) })
		if err != nil {
			if !errors.Is(err, task.ErrStopped) {
				require.ErrorIs(t, err, task.ErrMaxChildren)
				require.Positive(t, maxChildren)
			}
			continue
		}
		if maxChildren > 0 {
			require.LessOrEqual(t, s.Count(), maxChildren)
		}
		fates[tk.ID()] = f
		how, d := r.IntN(4), time.Duration(r.IntN(150))*time.Millisecond
		wait := []time.Duration{task.BrutalKill, 10 * time.Millisecond, 100 * time.Millisecond}[r.IntN(3)]
		deadline := time.Duration(r.IntN(300)) * time.Millisecond
		callers.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			var v int
			var err error
			ok := true // false: the call says there is no reply
			switch how {
			case 0:
				v, err = tk.Await(ctx)
			case 1:
				v, err, ok = tk.Yield(ctx, d)
			case 2:
				time.Sleep(d)
				v, err, ok = tk.Shutdown(wait)
			case 3:
				v, err = tk.YieldOrShutdown(ctx, d)
			}
			if ok && err == nil {
				assert.Equal(t, i, v, "a reply is the task's own")
			}
		})
	}
	stopAbandoned := <-stopped
	callers.Wait()

	assert.Zero(t, s.Count(), "after Stop nothing runs that is not abandoned")
	assert.LessOrEqual(t, int(live.Load()), s.Abandoned(), "only abandoned tasks still run")
	assert.LessOrEqual(t, stopAbandoned, s.Abandoned())
	_, err := task.Async(s, after(time.Second, 0))
	assert.ErrorIs(t, err, task.ErrStopped)
	checkTaskTrace(t, l.All(), s.Abandoned(), shutdown, fates)
	time.Sleep(time.Hour)
	assert.Zero(t, live.Load(), "every task ended")
}

// checkTaskTrace: every task ends once; an abandoned task was cancelled first,
// did not return at once, and was abandoned once, at least its shortest
// possible shutdown time later (a brutal kill gives the supervisor's);
// the count matches the events.
func checkTaskTrace(t *testing.T, events []event.Event, abandonedCount int, shutdown time.Duration, fates map[int]faults.Fate) {
	ended := map[int]bool{}
	cancelledAt := map[int]time.Time{}
	abandoned := map[int]bool{}
	for _, e := range events {
		switch e.Kind {
		case event.Finished, event.Failed, event.Panicked:
			require.False(t, ended[e.ID], "task %d ended twice", e.ID)
			ended[e.ID] = true
		case event.Cancelled:
			_, twice := cancelledAt[e.ID]
			require.False(t, twice, "task %d cancelled twice", e.ID)
			cancelledAt[e.ID] = e.Time
		case event.Abandoned:
			at, ok := cancelledAt[e.ID]
			require.True(t, ok, "task %d abandoned without a cancellation", e.ID)
			require.False(t, abandoned[e.ID], "task %d abandoned twice", e.ID)
			require.GreaterOrEqual(t, e.Time.Sub(at), min(shutdown, 10*time.Millisecond), "task %d abandoned early", e.ID)
			f := fates[e.ID]
			require.True(t, f.Deaf || f.Linger > 0, "task %d honours its cancellation at once, yet was abandoned", e.ID)
			abandoned[e.ID] = true
		}
	}
	require.Equal(t, len(abandoned), abandonedCount, "Abandoned() counts each abandoned task once")
}
