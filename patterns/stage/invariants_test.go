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

// checkRandomRun checks a random pipeline's trace against the limits it
// was built with.
func checkRandomRun(t *testing.T, l *log, lim limits, made map[int]*int, err error) {
	assertAccounted(t, l)
	type edge struct{ consumer, producer int }
	held := map[edge]int{} // asked and not yet handled
	for _, e := range l.events {
		switch e.Kind {
		case event.DemandAsked:
			held[edge{e.ID, e.Slot}] += e.N
		case event.EventsProcessed, event.StageFailed:
			held[edge{e.ID, e.Slot}] -= e.N
		case event.BufferLevel:
			assert.LessOrEqual(t, e.N, lim.buffer[e.ID], "buffer of stage %d", e.ID)
		case event.BatchFlushed:
			assert.LessOrEqual(t, e.N, lim.batch[e.ID], "batch of stage %d", e.ID)
		}
		if max, ok := lim.maxDemand[e.ID]; ok && e.Kind == event.DemandAsked {
			assert.LessOrEqual(t, held[edge{e.ID, e.Slot}], max, "stage %d holds more than its max demand", e.ID)
		}
	}
	for id, n := range made {
		produced := l.sum(event.EventsProduced, id)
		if err == nil {
			assert.Equal(t, *n, produced, "producer %d", id)
		} else {
			assert.LessOrEqual(t, produced, *n, "producer %d", id)
		}
	}
	if err == nil {
		assert.Empty(t, l.of(event.EventsDiscarded, -1), "a finished pipeline discards nothing")
		assert.Empty(t, l.of(event.StageAbandoned, -1))
	}
}
