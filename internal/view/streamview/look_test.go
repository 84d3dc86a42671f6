package streamview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/streamview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// lookAtFinish rings, in a run with ordered set, the moment the item that
// finishes nth does.
func lookAtFinish(t *testing.T, ordered string, nth int) (view.Look, streamview.Scene) {
	t.Helper()
	trace, _, v := scenariotest.Record(t, "stream", map[string]string{"items": "30", "ordered": ordered})
	seen := 0
	for _, r := range trace {
		if r.Kind != event.Finished {
			continue
		}
		if seen++; seen == nth {
			at := view.Millis(r.At)
			vis := streamview.New(trace, v).(*streamview.Visual)
			look, ok := vis.Look(r, at, 720)
			require.True(t, ok)
			return look, vis.Timeline().Scene(at, streamview.Limits{})
		}
	}
	t.Fatalf("fewer than %d finished", nth)
	return view.Look{}, streamview.Scene{}
}

// TestLookAtTheBufferedResult: a result that finishes early in an ordered
// stream points at the slow item that holds it in the buffer, which still
// runs; unordered, it points at the result itself, gone already.
func TestLookAtTheBufferedResult(t *testing.T) {
	ordered, s := lookAtFinish(t, "true", 4)
	require.Positive(t, s.Counts.Buffered, "results wait in the buffer")
	assert.Contains(t, ordered.Say, "#0 still runs")
	assert.Contains(t, ordered.Say, "wait behind it in the buffer")

	unordered, s := lookAtFinish(t, "false", 4)
	assert.Zero(t, s.Counts.Buffered)
	assert.Contains(t, unordered.Say, "has left, ok, ahead of #0")
	assert.Greater(t, unordered.At.Y, ordered.At.Y, "the results row is under the lanes")
}
