package streamview_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/streamview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// ev is one trace record at ms virtual milliseconds.
func ev(ms float64, k event.Kind, id, slot int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot)}
}

func halted(ms float64, reason string) event.Record {
	r := ev(ms, event.Halted, -1, -1)
	r.Detail = reason
	return r
}

// orderedTrace: three items on two slots, ordered. Item 0 is slow, so items
// 1 and 2 finish first and wait in the buffer until item 0 is emitted.
var orderedTrace = []event.Record{
	ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
	ev(0, event.Pulled, 1, -1), ev(0, event.Started, 1, 1),
	ev(50, event.Finished, 1, 1),
	ev(50, event.Pulled, 2, -1), ev(50, event.Started, 2, 1),
	ev(80, event.Panicked, 2, 1),
	ev(100, event.Finished, 0, 0),
	ev(100, event.Emitted, 0, -1), ev(100, event.Emitted, 1, -1), ev(100, event.Emitted, 2, -1),
	halted(100, ""),
}

// exitTrace: item 1 times out with on_timeout=exit; the stream halts and
// cancels item 0, which never returns and is abandoned.
var exitTrace = []event.Record{
	ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
	ev(0, event.Pulled, 1, -1), ev(0, event.Started, 1, 1),
	ev(30, event.TimedOut, 1, 1),
	ev(30, event.Halted, -1, -1),
	ev(30, event.Cancelled, 0, 0),
	ev(130, event.Abandoned, 0, 0),
}

func init() { exitTrace[5].Detail = "task 1: exit: task: timeout" }

func TestScene(t *testing.T) {
	ordered := streamview.Config{Items: 3, Lanes: 2, Ordered: true}
	tests := []struct {
		name  string
		trace []event.Record
		cfg   streamview.Config
		t     float64
		want  streamview.Scene
	}{{
		name: "before any event every input waits",
		cfg:  ordered, trace: nil, t: 0,
		want: streamview.Scene{Head: 0, Ordered: true,
			Queue:  []streamview.Cell{{ID: 0}, {ID: 1}, {ID: 2}},
			Lanes:  []streamview.Lane{{ID: -1}, {ID: -1}},
			Counts: streamview.Counts{Queued: 3}},
	}, {
		name: "two tasks start at once",
		cfg:  ordered, trace: orderedTrace, t: 0,
		want: streamview.Scene{Head: 0, End: 100, Ordered: true,
			Queue:  []streamview.Cell{{ID: 2}},
			Lanes:  []streamview.Lane{{ID: 0}, {ID: 1}},
			Counts: streamview.Counts{Queued: 1, Pulled: 2, Running: 2}},
	}, {
		name: "progress is measured against the task's end in the trace",
		cfg:  ordered, trace: orderedTrace, t: 25,
		want: streamview.Scene{Head: 0, T: 25, End: 100, Ordered: true,
			Queue:  []streamview.Cell{{ID: 2}},
			Lanes:  []streamview.Lane{{ID: 0, Progress: 0.25}, {ID: 1, Progress: 0.5}},
			Counts: streamview.Counts{Queued: 1, Pulled: 2, Running: 2}},
	}, {
		name: "a finished result waits in the buffer while the slot takes the next input",
		cfg:  ordered, trace: orderedTrace, t: 65,
		want: streamview.Scene{Head: 0, T: 65, End: 100, Ordered: true,
			Lanes:  []streamview.Lane{{ID: 0, Progress: 0.65}, {ID: 2, Progress: 0.5}},
			Buffer: []streamview.Cell{{ID: 1, Pulled: true, Outcome: view.OK}},
			Counts: streamview.Counts{Pulled: 3, Running: 2, Buffered: 1, OK: 1}},
	}, {
		name: "a crash waits in the buffer like any result",
		cfg:  ordered, trace: orderedTrace, t: 99,
		want: streamview.Scene{Head: 0, T: 99, End: 100, Ordered: true,
			Lanes: []streamview.Lane{{ID: 0, Progress: 0.99}, {ID: -1}},
			Buffer: []streamview.Cell{{ID: 1, Pulled: true, Outcome: view.OK},
				{ID: 2, Pulled: true, Outcome: view.Crashed}},
			Counts: streamview.Counts{Pulled: 3, Running: 1, Buffered: 2, OK: 1, Crashed: 1}},
	}, {
		name: "results leave in input order",
		cfg:  ordered, trace: orderedTrace, t: 100,
		want: streamview.Scene{Head: -1, T: 100, End: 100, Ordered: true, Halted: true,
			Lanes: []streamview.Lane{{ID: -1}, {ID: -1}},
			Out: []streamview.Cell{{ID: 0, Pulled: true, Outcome: view.OK},
				{ID: 1, Pulled: true, Outcome: view.OK}, {ID: 2, Pulled: true, Outcome: view.Crashed}},
			Counts: streamview.Counts{Pulled: 3, Emitted: 3, OK: 2, Crashed: 1}},
	}, {
		name: "a timeout with on_timeout=exit halts and cancels the rest",
		cfg:  streamview.Config{Items: 2, Lanes: 2}, trace: exitTrace, t: 30,
		want: streamview.Scene{Head: 1, T: 30, End: 130, Halted: true, Reason: "task 1: exit: task: timeout",
			Lanes:  []streamview.Lane{{ID: -1}, {ID: -1}},
			Buffer: []streamview.Cell{{ID: 1, Pulled: true, Outcome: view.TimedOut}},
			Out:    []streamview.Cell{{ID: 0, Pulled: true, Outcome: view.Cancelled}},
			Counts: streamview.Counts{Pulled: 2, Buffered: 1, TimedOut: 1, Cancelled: 1}},
	}, {
		name: "an abandoned task is marked once its shutdown time is over",
		cfg:  streamview.Config{Items: 2, Lanes: 2}, trace: exitTrace, t: 130,
		want: streamview.Scene{Head: 1, T: 130, End: 130, Halted: true, Reason: "task 1: exit: task: timeout",
			Lanes:  []streamview.Lane{{ID: -1}, {ID: -1}},
			Buffer: []streamview.Cell{{ID: 1, Pulled: true, Outcome: view.TimedOut}},
			Out:    []streamview.Cell{{ID: 0, Pulled: true, Outcome: view.Cancelled, Abandoned: true}},
			Counts: streamview.Counts{Pulled: 2, Buffered: 1, TimedOut: 1, Cancelled: 1, Abandoned: 1}},
	}, {
		name: "an input taken from the source waits in the queue for a slot",
		cfg:  streamview.Config{Items: 2, Lanes: 1},
		trace: []event.Record{ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
			ev(0, event.Pulled, 1, -1), ev(10, event.Finished, 0, 0), ev(10, event.Started, 1, 0)},
		t: 5,
		want: streamview.Scene{Head: 0, T: 5, End: 10,
			Queue:  []streamview.Cell{{ID: 1, Pulled: true}},
			Lanes:  []streamview.Lane{{ID: 0, Progress: 0.5}},
			Counts: streamview.Counts{Queued: 1, Pulled: 2, Running: 1}},
	}, {
		name: "ids and slots beyond the configuration grow it",
		cfg:  streamview.Config{Items: 1, Lanes: 1},
		trace: []event.Record{ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
			ev(0, event.Pulled, 1, -1), ev(0, event.Started, 1, 1)},
		t: 0,
		want: streamview.Scene{Head: 0, Lanes: []streamview.Lane{{ID: 0}, {ID: 1}},
			Counts: streamview.Counts{Pulled: 2, Running: 2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := streamview.NewTimeline(tt.trace, tt.cfg).Scene(tt.t, streamview.Limits{})
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSceneLimits(t *testing.T) {
	var trace []event.Record
	for i := range 10 {
		trace = append(trace, ev(float64(i), event.Pulled, i, -1), ev(float64(i), event.Started, i, 0),
			ev(float64(i)+1, event.Finished, i, 0), ev(float64(i)+1, event.Emitted, i, -1))
	}
	tl := streamview.NewTimeline(trace, streamview.Config{Items: 20, Lanes: 1})

	s := tl.Scene(6, streamview.Limits{Queue: 3, Out: 4})
	assert.Equal(t, []streamview.Cell{{ID: 7}, {ID: 8}, {ID: 9}}, s.Queue, "the head of the queue")
	assert.Equal(t, 13, s.Counts.Queued, "counts stay exact")
	assert.Equal(t, 2, s.OutFrom)
	require.Len(t, s.Out, 4, "the latest results")
	assert.Equal(t, 2, s.Out[0].ID)
	assert.Equal(t, 5, s.Out[3].ID)
}

// randomTrace runs n items through lanes slots in input order with random
// durations and outcomes, emitting in order: the shape of the real stream's
// trace, built by hand.
func randomTrace(r *rand.Rand, n, lanes int) []event.Record {
	free := make([]float64, lanes)
	var trace []event.Record
	var emit float64
	for i := range n {
		slot := 0
		for s := range free {
			if free[s] < free[slot] {
				slot = s
			}
		}
		start := free[slot]
		end := start + float64(1+r.IntN(100))
		free[slot] = end
		kinds := []event.Kind{event.Finished, event.Finished, event.Failed, event.Panicked, event.TimedOut}
		trace = append(trace, ev(start, event.Pulled, i, -1), ev(start, event.Started, i, slot),
			ev(end, kinds[r.IntN(len(kinds))], i, slot))
		emit = max(emit, end)
		trace = append(trace, ev(emit, event.Emitted, i, -1))
	}
	// Order by time, keeping the order of equal times, as a recorder would.
	slices.SortStableFunc(trace, func(a, b event.Record) int { return cmp.Compare(a.At, b.At) })
	return trace
}

// TestSceneIsAFunctionOfTime: scrubbing backwards, forwards or at random
// gives the same scene for the same time, and every item is in exactly one
// place.
func TestSceneIsAFunctionOfTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cfg := streamview.Config{Items: 200, Lanes: 7, Ordered: true}
	tl := streamview.NewTimeline(randomTrace(r, cfg.Items, cfg.Lanes), cfg)
	times := append([]float64{0, tl.End() / 3, tl.End() + 1}, tl.Times()...)
	forward := map[float64]streamview.Scene{}
	for _, at := range times {
		forward[at] = tl.Scene(at, streamview.Limits{})
	}
	for i := len(times) - 1; i >= 0; i-- {
		at := times[len(times)-1-r.IntN(len(times))]
		s := tl.Scene(at, streamview.Limits{})
		require.Equal(t, forward[at], s, "scene at %v", at)
		c := s.Counts
		assert.Equal(t, cfg.Items, c.Queued+c.Running+c.Buffered+len(s.Out), "every item in one place at %v", at)
		assert.LessOrEqual(t, c.Running, cfg.Lanes)
	}
}
