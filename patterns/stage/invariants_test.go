package stage_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/event"
)

func (l *log) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.events)
}

// assertAccounted checks a finished pipeline's trace: no consumer was sent
// more than it asked for, at any point; and every event is accounted for.
// For each stage, what came in (events sent to it, events it made) equals
// what went out (handled, failed, sent on, dropped, discarded, or inside an
// abandoned call).
func assertAccounted(t *testing.T, l *log) {
	t.Helper()
	type edge struct{ consumer, producer int }
	asked, sent := map[edge]int{}, map[edge]int{}
	in, out := map[int]int{}, map[int]int{}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.events {
		switch e.Kind {
		case event.DemandAsked:
			asked[edge{e.ID, e.Slot}] += e.N
		case event.EventsDispatched:
			k := edge{e.ID, e.Slot}
			sent[k] += e.N
			if sent[k] > asked[k] {
				t.Errorf("stage %d sent stage %d %d events, more than the %d it asked for", e.Slot, e.ID, sent[k], asked[k])
			}
			in[e.ID] += e.N
			out[e.Slot] += e.N
		case event.EventsProduced:
			in[e.ID] += e.N
		case event.EventsProcessed, event.StageFailed, event.EventsDropped, event.EventsDiscarded, event.StageAbandoned:
			out[e.ID] += e.N
		}
	}
	for id, n := range in {
		assert.Equal(t, n, out[id], "stage %d: events in and out", id)
	}
}
