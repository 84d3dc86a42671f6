package limiter_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// checkTrace replays a hooked limiter's events against a model of the
// queue: never more than max held, a newcomer never takes a slot while
// somebody waits, grants go to the head of the queue, and every caller
// ends exactly once, as its call returned.
func checkTrace(t *testing.T, max int, callers []*caller, events []event.Event) {
	t.Helper()
	var queue []int
	active := 0
	fate := map[int]string{} // id → "waiting", "holding", "released", "gave_up"
	tries := map[string]int{}
	for i, e := range events {
		at := "event " + strconv.Itoa(i) + " " + e.String()
		if e.ID >= 0 && e.ID < 1000 { // a TryAcquire, numbered by the limiter
			tries[e.Kind.String()]++
		}
		switch e.Kind {
		case event.Acquired:
			require.Empty(t, queue, "barging: %s", at)
			active++
			fate[e.ID] = "holding"
		case event.Queued:
			require.NotContains(t, fate, e.ID, at)
			queue = append(queue, e.ID)
			require.Equal(t, len(queue), e.N, at)
			fate[e.ID] = "waiting"
		case event.Granted:
			require.NotEmpty(t, queue, at)
			require.Equal(t, queue[0], e.ID, "not the head of the queue: %s", at)
			queue = queue[1:]
			active++
			fate[e.ID] = "holding"
		case event.Released:
			active--
			if e.ID >= 0 {
				require.Contains(t, []string{"holding", "gave_up"}, fate[e.ID], at)
				if fate[e.ID] == "holding" {
					fate[e.ID] = "released"
				}
			}
		case event.GaveUp:
			if i := slices.Index(queue, e.ID); i >= 0 {
				queue = slices.Delete(queue, i, i+1)
			} else {
				require.Contains(t, []string{"", "holding"}, fate[e.ID], at)
			}
			fate[e.ID] = "gave_up"
		}
		require.LessOrEqual(t, active, max, at)
		require.GreaterOrEqual(t, active, 0, at)
	}
	assert.Zero(t, active)
	assert.Empty(t, queue)
	trying := 0
	for _, c := range callers {
		if c.how == "try" {
			trying++
			continue
		}
		want := "gave_up"
		switch {
		case c.granted && c.how == "do":
			want = "released"
		case c.granted: // Release is anonymous: the trace cannot name who gave the slot back
			want = "holding"
		}
		assert.Equal(t, want, fate[c.id], "caller %d", c.id)
	}
	assert.Equal(t, trying, tries["acquired"]+tries["gave_up"], "each TryAcquire reported once")
}
