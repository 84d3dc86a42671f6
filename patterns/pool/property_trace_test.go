package pool_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// checkTrace replays the pool's events against a model of its queue and
// lanes: lanes stay within size + max_overflow, a newcomer never gets a
// worker while somebody waits, waiters are served from the head, and every
// caller ends exactly once, as its call returned.
func checkTrace(t *testing.T, wl workload, events []event.Event) {
	t.Helper()
	var queue []int
	lanes := map[int]bool{}
	fate := map[int]string{} // "waiting", "creating", "holding", "done", "failed"
	occupy := func(lane int, at string) {
		require.False(t, lanes[lane], "lane taken twice: %s", at)
		require.Less(t, lane, wl.size+wl.extra, at)
		lanes[lane] = true
	}
	vacate := func(lane int, at string) {
		require.True(t, lanes[lane], "lane was free: %s", at)
		delete(lanes, lane)
	}
	serve := func(id int, at string) { // the caller leaves the queue, served
		if len(queue) > 0 && queue[0] == id {
			queue = queue[1:]
			return
		}
		require.NotContains(t, queue, id, "served out of turn: %s", at)
		require.Empty(t, queue, "barging: %s", at)
	}
	for i, e := range events {
		at := "event " + strconv.Itoa(i) + " " + e.String()
		switch e.Kind {
		case event.WorkerStarted:
			occupy(e.Slot, at)
		case event.WorkerReplaced, event.OverflowStarted:
			if !lanes[e.Slot] {
				occupy(e.Slot, at)
			}
			if e.ID < 0 { // the pool replacing a dead worker, with nobody waiting
				require.Equal(t, event.WorkerReplaced, e.Kind, at)
				continue
			}
			require.Contains(t, []string{"", "waiting"}, fate[e.ID], at)
			serve(e.ID, at)
			fate[e.ID] = "creating"
		case event.StartFailed:
			vacate(e.Slot, at)
		case event.CheckoutWaiting:
			require.NotContains(t, fate, e.ID, at)
			queue = append(queue, e.ID)
			require.Equal(t, len(queue), e.N, at)
			fate[e.ID] = "waiting"
		case event.CheckedOut:
			if fate[e.ID] != "creating" {
				require.Contains(t, []string{"", "waiting"}, fate[e.ID], at)
				serve(e.ID, at)
			}
			fate[e.ID] = "holding"
		case event.CheckoutFailed:
			if j := slices.Index(queue, e.ID); j >= 0 {
				queue = slices.Delete(queue, j, j+1)
			}
			require.NotContains(t, []string{"done", "failed"}, fate[e.ID], at)
			fate[e.ID] = "failed"
		case event.CheckedIn:
			if fate[e.ID] == "holding" {
				fate[e.ID] = "done"
			} else {
				require.Equal(t, "failed", fate[e.ID], "a give-back: %s", at)
			}
		case event.WorkerDied:
			require.Equal(t, "holding", fate[e.ID], at)
			fate[e.ID] = "done"
			vacate(e.Slot, at)
		case event.OverflowDismissed, event.WorkerStopped:
			vacate(e.Slot, at)
		}
	}
	assert.Empty(t, queue)
	assert.Empty(t, lanes, "every lane freed after Close")
	for _, c := range wl.callers {
		want := "failed"
		if c.served {
			want = "done"
		}
		assert.Equal(t, want, fate[c.id], "caller %d", c.id)
	}
}
