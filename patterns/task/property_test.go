package task_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
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

// run is what one incarnation of a random task does.
type randomRun struct {
	work time.Duration
	end  int // 0 returns nil, 1 its own error, 2 panics, 3 ErrShutdown, 4 runs until cancelled
	deaf bool
}

func (r randomRun) do(ctx context.Context, live *atomic.Int32) error {
	live.Add(1)
	defer live.Add(-1)
	if r.deaf {
		time.Sleep(r.work)
		return nil
	}
	work := r.work
	if r.end == 4 {
		work = 1000 * time.Hour
	}
	select {
	case <-time.After(work):
	case <-ctx.Done():
		return ctx.Err()
	}
	switch r.end {
	case 1:
		return errOwn
	case 2:
		panic("random crash")
	case 3:
		return task.ErrShutdown
	}
	return nil
}

// A task supervisor under random starts, restarts, terminations and a stop,
// over many seeds: every task is accounted for.
func TestTaskPropertiesOverManySeeds(t *testing.T) {
	seeds := 300
	if testing.Short() {
		seeds = 30
	}
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { randomTasks(t, uint64(seed)) })
		})
	}
}

func randomTasks(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 12))
	maxRestarts, period := r.IntN(8), time.Duration(100+r.IntN(2000))*time.Millisecond
	opts := []task.Option{task.MaxRestarts(maxRestarts, period), task.Shutdown(time.Duration(r.IntN(300)) * time.Millisecond)}
	maxChildren := -1
	if r.IntN(3) > 0 {
		maxChildren = r.IntN(6)
		opts = append(opts, task.MaxChildren(maxChildren))
	}
	var tr eventtest.Log
	var live atomic.Int32
	s := newSupervisor(t, append(opts, task.WithHook(tr.Hook))...)
	policy := map[int]task.Restart{}
	var awaited []*task.Task[int]
	for range 40 {
		time.Sleep(time.Duration(r.IntN(300)) * time.Millisecond)
		switch op := r.IntN(10); {
		case op < 5:
			runs := make([]randomRun, 10)
			for i := range runs {
				runs[i] = randomRun{work: time.Duration(r.IntN(400)) * time.Millisecond, end: r.IntN(5), deaf: r.IntN(10) == 0}
			}
			var n atomic.Int32
			fn := func(ctx context.Context) error { return runs[min(int(n.Add(1))-1, len(runs)-1)].do(ctx, &live) }
			p := task.Restart(r.IntN(3))
			id, err := task.StartChild(s, fn, task.WithRestart(p))
			if err == nil {
				policy[id] = p
			} else if !errors.Is(err, task.ErrMaxChildren) {
				require.ErrorIs(t, err, task.ErrStopped)
			}
		case op < 7:
			run := randomRun{work: time.Duration(r.IntN(400)) * time.Millisecond, end: r.IntN(5)}
			tk, err := task.Async(s, func(ctx context.Context) (int, error) { return 1, run.do(ctx, &live) })
			if err == nil {
				policy[tk.ID()] = task.Temporary
				awaited = append(awaited, tk)
			}
		case op < 9:
			if ids := s.Children(); len(ids) > 0 {
				id := ids[r.IntN(len(ids))]
				go func() { _ = s.TerminateChild(id) }()
			}
		default:
			if maxChildren >= 0 {
				assert.LessOrEqual(t, len(s.Children()), maxChildren)
			}
		}
	}
	_, _ = task.YieldMany(t.Context(), awaited, task.Within(time.Duration(r.IntN(500))*time.Millisecond),
		task.OnTimeout(task.TimeoutAction(r.IntN(4))))
	stopAbandoned := s.Stop()
	assert.Zero(t, s.Count(), "Stop leaves nothing held")
	assert.Empty(t, s.Children())
	if err := s.Err(); !errors.Is(err, task.ErrMaxIntensity) {
		assert.Equal(t, task.ErrStopped, err)
	}
	time.Sleep(2000 * time.Hour) // abandoned and deaf tasks finish their work
	assert.Zero(t, live.Load(), "every task's goroutine ended")
	checkTasks(t, tr.All(), policy, maxRestarts, period, stopAbandoned, s.Abandoned())
}

// checkTasks reads a run's events: each task's incarnations start and end
// in turn, restarts follow the policy and the intensity, and each
// abandonment is counted once.
func checkTasks(t *testing.T, events []event.Event, policy map[int]task.Restart,
	maxRestarts int, period time.Duration, stopAbandoned, abandoned int) {
	type state struct {
		running          bool
		starts, ends     int
		last             event.Kind
		lastErr          error
		cancelled, after int // restarts after a cancellation
	}
	tasks := map[int]*state{}
	var restarts []time.Time
	gaveUp := false
	abandonedEvents := 0
	for _, e := range events {
		st := tasks[e.ID]
		switch e.Kind {
		case event.Started:
			require.False(t, gaveUp && st == nil, "no new task after the supervisor gave up")
			if st == nil {
				st = &state{}
				tasks[e.ID] = st
			} else {
				require.Equal(t, event.Restarted, st.last, "task %d starts again only after a restart", e.ID)
			}
			require.False(t, st.running, "task %d runs once at a time", e.ID)
			st.running, st.last = true, e.Kind
			st.starts++
		case event.Finished, event.Failed, event.Panicked:
			require.NotNil(t, st, "an end without a start")
			require.True(t, st.running, "task %d ends once per start", e.ID)
			st.running, st.last, st.lastErr = false, e.Kind, e.Err
			st.ends++
		case event.Restarted:
			require.NotNil(t, st)
			require.False(t, gaveUp, "no restart after the supervisor gave up")
			p := policy[e.ID]
			abnormal := st.last == event.Panicked || st.last == event.Failed && !errors.Is(st.lastErr, task.ErrShutdown)
			assert.True(t, p == task.Permanent || p == task.Transient && abnormal,
				"task %d (%v) restarted after %v %v", e.ID, p, st.last, st.lastErr)
			for len(restarts) > 0 && e.Time.Sub(restarts[0]) >= period {
				restarts = restarts[1:]
			}
			restarts = append(restarts, e.Time)
			assert.LessOrEqual(t, len(restarts), maxRestarts, "the intensity holds")
			if st.cancelled > 0 {
				st.after++
			}
			st.last = e.Kind
		case event.Cancelled:
			if st != nil {
				st.cancelled++
			}
		case event.IntensityReached:
			gaveUp = true
		case event.Abandoned:
			abandonedEvents++
		}
	}
	for id, st := range tasks {
		assert.False(t, st.running, "task %d ended", id)
		assert.Equal(t, st.starts, st.ends, "task %d: every start has its end", id)
		// A cancellation may catch a task between two incarnations: the
		// restart then happens once, and the new incarnation is cancelled.
		assert.LessOrEqual(t, st.after, 1, "task %d restarted after its cancellation", id)
	}
	assert.Equal(t, abandoned, abandonedEvents, "each abandonment counted once")
	assert.LessOrEqual(t, stopAbandoned, abandoned)
}
