package task_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// A task's own shutdown time, not the supervisor's, is the grace a brutal
// kill leaves it and what Stop waits: the one verdict timer reads it.
func TestOwnShutdownTimeFeedsTheVerdict(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		origin := time.Now()
		rec := event.NewRecorder(origin)
		s := newSupervisor(t, task.WithHook(rec.Hook()), task.Shutdown(time.Hour))
		killed, _ := task.Async(s, deaf(3*time.Hour), task.WithShutdown(10*time.Millisecond))
		_, _ = task.Async(s, deaf(3*time.Hour), task.WithShutdown(20*time.Millisecond))
		synctest.Wait()
		_, err, ok := killed.Shutdown(task.BrutalKill)
		assert.False(t, ok)
		require.NoError(t, err)
		time.Sleep(15 * time.Millisecond)
		assert.Equal(t, 1, s.Abandoned(), "the killed task was given its own 10 ms, not the supervisor's hour")
		assert.Equal(t, 1, s.Count())
		assert.Equal(t, 1, s.Stop(), "Stop waited for the other task")
		assert.Equal(t, 35*time.Millisecond, time.Since(origin), "Stop waited the task's own 20 ms")
		var at []time.Duration
		for _, r := range rec.Records() {
			if r.Kind == event.Abandoned {
				at = append(at, r.At)
			}
		}
		assert.Equal(t, []time.Duration{10 * time.Millisecond, 35 * time.Millisecond}, at)
		assert.Equal(t, 2, s.Abandoned())
		time.Sleep(4 * time.Hour) // the deaf tasks end inside the bubble
	})
}
