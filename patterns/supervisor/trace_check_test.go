package supervisor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// checkTrace replays the events and checks the rules at every step.
func checkTrace(t *testing.T, w world, trace []event.Event) {
	held, began, ended := 0, 0, 0
	stopping := map[int]time.Time{}
	var restarts []time.Time
	refused := 0
	over := false // the supervisor has begun to stop
	exitedAt := map[int]time.Time{}
	started := map[int]time.Time{}
	delay := map[int]time.Duration{} // the last restart delay of each child
	for i, e := range trace {
		switch e.Kind {
		case event.ChildStarted:
			require.False(t, over, "no start once stopping")
			if at, ok := exitedAt[e.ID]; ok {
				checkDelay(t, w, e.Time.Sub(at), delay[e.ID], at.Sub(started[e.ID]))
				delay[e.ID] = e.Time.Sub(at)
			}
			started[e.ID] = e.Time
			began++
			if e.N == 0 {
				held++
			}
			if w.maxChildren > 0 {
				require.LessOrEqual(t, held, w.maxChildren, "never more children than max_children")
			}
		case event.ChildRemoved:
			held--
			require.Equal(t, held, e.N)
		case event.ChildRefused:
			refused++
			require.Equal(t, w.maxChildren, held, "refused only when full")
		case event.ChildStopping:
			stopping[e.ID] = e.Time
		case event.ChildAbandoned:
			ended++
			at, ok := stopping[e.ID]
			require.True(t, ok, "only a cancelled child is abandoned")
			require.Equal(t, w.shutdown[e.ID], e.Time.Sub(at), "abandoned exactly when its shutdown time ran out")
		case event.ChildRestarted:
			require.False(t, over, "no restart once stopping")
			restarts = append(restarts, e.Time)
			n := within(restarts, e.Time, w.period)
			require.LessOrEqual(t, n, w.maxRestarts, "restarts stay within the intensity")
			require.Equal(t, n, e.N)
		case event.SupervisorGaveUp:
			require.Equal(t, w.maxRestarts, within(restarts, e.Time, w.period), "gave up at the first restart too many")
			require.Equal(t, w.maxRestarts+1, e.N)
		case event.SupervisorStopping:
			over = true
		case event.ChildExited, event.ChildCrashed, event.ChildShutdown:
			ended++
			exitedAt[e.ID] = e.Time
			next := nextAbout(trace[i+1:], e.ID)
			_, cancelled := stopping[e.ID]
			abnormal := e.Kind == event.ChildCrashed
			switch {
			case cancelled:
				require.Equal(t, event.ChildRemoved, next, "a cancelled child is not restarted")
			case w.policy[e.ID] == supervisor.Permanent || w.policy[e.ID] == supervisor.Transient && abnormal:
				require.Contains(t, []event.Kind{event.ChildRestarted, event.SupervisorGaveUp}, next, "restarted by its policy")
			default:
				require.Equal(t, event.ChildRemoved, next, "let go by its policy")
				require.NotEqual(t, event.ChildShutdown, e.Kind, "only a cancelled child has a shutdown exit")
			}
		}
	}
	assert.Zero(t, held, "every child let go")
	assert.Equal(t, began, ended, "every incarnation ended once: returned or abandoned")
	assert.Equal(t, w.refused, refused)
	assert.Equal(t, event.SupervisorStopped, trace[len(trace)-1].Kind)
}

// checkDelay checks the gap between an exit and the restart it asked for:
// none without a backoff; with one, the first delay, or twice the last up
// to the max, and the first again after a run of max or longer.
func checkDelay(t *testing.T, w world, gap, last, ran time.Duration) {
	t.Helper()
	first, max := w.backoff[0], w.backoff[1]
	want := min(2*last, max)
	if last == 0 || ran >= max {
		want = first
	}
	require.Equal(t, want, gap, "restart delay (last %v, ran %v)", last, ran)
}

// within counts the restarts in (at-period, at].
func within(restarts []time.Time, at time.Time, period time.Duration) int {
	n := 0
	for _, r := range restarts {
		if !r.After(at) && at.Sub(r) < period {
			n++
		}
	}
	return n
}

// nextAbout returns the kind of the next decision about child id.
func nextAbout(trace []event.Event, id int) event.Kind {
	for _, e := range trace {
		if e.ID == id && e.Slot >= 0 {
			return e.Kind
		}
	}
	return 0
}
