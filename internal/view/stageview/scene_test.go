package stageview_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/stageview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func ev(ms float64, k event.Kind, id, slot, n int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: int32(n)}
}

func flushed(ms float64, n int, why string) event.Record {
	r := ev(ms, event.BatchFlushed, 2, -1, n)
	r.Detail = why
	return r
}

// oneProcessor: a producer (0), one processor (1) with max 4, min 2, a
// batcher (2) of size 2. The processor asks 4, gets 4, handles 2 from 0 to
// 100 ms, asks 2 more, handles 2 more by 200 ms; the batcher gets 2 at 100
// and flushes them full, gets 2 at 200 and flushes them at the end.
var oneProcessor = []event.Record{
	ev(0, event.DemandAsked, 2, 1, 2),
	ev(0, event.DemandAsked, 1, 0, 4),
	ev(0, event.EventsProduced, 0, -1, 4),
	ev(0, event.EventsDispatched, 1, 0, 4),
	ev(100, event.EventsProcessed, 1, 0, 2),
	ev(100, event.EventsProduced, 1, -1, 2),
	ev(100, event.EventsDispatched, 2, 1, 2),
	ev(100, event.DemandAsked, 1, 0, 2),
	ev(100, event.DemandAsked, 2, 1, 2),
	flushed(100, 2, stageview.FlushSize),
	ev(100, event.EventsProcessed, 2, -1, 2),
	ev(200, event.EventsProcessed, 1, 0, 2),
	ev(200, event.EventsDispatched, 2, 1, 2),
	flushed(700, 2, stageview.FlushDrain),
	ev(700, event.PipelineHalted, -1, -1, 0),
}

var small = stageview.Config{Items: 4, Consumers: 1, MaxDemand: 4, MinDemand: 2, BufferSize: 3, BatchSize: 2, BatchTimeout: 1000}

func TestScene(t *testing.T) {
	tl := stageview.NewTimeline(oneProcessor, small)
	tests := []struct {
		name string
		t    float64
		want func(t *testing.T, s stageview.Scene)
	}{
		{"at first the call takes max - min, the rest waits", 0, func(t *testing.T, s stageview.Scene) {
			p := s.Procs[0]
			assert.Equal(t, 2, p.InCall)
			assert.Equal(t, 2, p.Waiting)
			assert.Zero(t, p.Owed)
			require.Len(t, p.Up, 1)
			assert.Equal(t, stageview.Pulse{P: 0, N: 4}, p.Up[0], "the first ask, just sent")
			assert.Equal(t, 4, s.InFlight)
		}},
		{"half way through the call", 50, func(t *testing.T, s stageview.Scene) {
			assert.InDelta(t, 0.5, s.Procs[0].Progress, 1e-9)
			assert.InDelta(t, 50/300.0, s.Procs[0].Up[0].P, 1e-9, "pulses move along in 300 ms")
		}},
		{"the re-ask after the first call, and a full batch", 100, func(t *testing.T, s stageview.Scene) {
			p := s.Procs[0]
			assert.Equal(t, 2, p.Done)
			assert.Equal(t, 2, p.Owed, "asked 2 more, not yet sent: nothing left to make")
			assert.Equal(t, 2, p.InCall, "the next call starts as the last ends")
			assert.Equal(t, 1, s.BatchesBy[stageview.FlushSize])
			assert.Equal(t, -1.0, s.BatchAge)
		}},
		{"a batch waits for its timeout", 450, func(t *testing.T, s stageview.Scene) {
			assert.Equal(t, 2, s.Batch)
			assert.Equal(t, 250.0, s.BatchAge)
			assert.Equal(t, 0, s.InFlight)
		}},
		{"the last batch flushes at the end", 700, func(t *testing.T, s stageview.Scene) {
			assert.True(t, s.Halted)
			assert.Equal(t, []stageview.Flush{{N: 2, Reason: stageview.FlushSize}, {N: 2, Reason: stageview.FlushDrain}}, s.Batches)
			assert.Equal(t, 4, s.Flushed)
			assert.Zero(t, s.Batch)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.want(t, tl.Scene(tt.t)) })
	}
}

// TestSceneIsAFunctionOfTime: any order of times gives the same scenes.
func TestSceneIsAFunctionOfTime(t *testing.T) {
	tl := stageview.NewTimeline(oneProcessor, small)
	times := append([]float64{0, 33, 450, 800}, tl.Times()...)
	forward := map[float64]stageview.Scene{}
	for _, at := range times {
		forward[at] = tl.Scene(at)
	}
	for i := len(times) - 1; i >= 0; i-- {
		assert.Equal(t, forward[times[i]], tl.Scene(times[i]))
	}
}

func TestDropsAndFailures(t *testing.T) {
	failed := ev(30, event.StageFailed, 1, 0, 2)
	failed.Detail = "exit: panic: boom\ngoroutine 7"
	trace := []event.Record{
		ev(0, event.EventsProduced, 0, -1, 5),
		ev(0, event.BufferLevel, 0, -1, 3),
		ev(0, event.EventsDropped, 0, -1, 2),
		ev(10, event.DemandAsked, 1, 0, 4),
		ev(10, event.EventsDispatched, 1, 0, 3),
		ev(10, event.BufferLevel, 0, -1, 0),
		failed,
	}
	tl := stageview.NewTimeline(trace, small)
	s := tl.Scene(5)
	assert.Equal(t, 2, s.Dropped)
	assert.True(t, s.DropFresh)
	assert.Equal(t, 3, s.Level)
	s = tl.Scene(30)
	assert.Equal(t, 2, s.Procs[0].Failed)
	assert.True(t, s.Procs[0].FailFresh)
	assert.Equal(t, 1, s.Procs[0].Owed)
	assert.Equal(t, 1, s.Procs[0].Waiting)
	assert.Equal(t, 3, s.MaxLevel)
	assert.False(t, tl.Scene(1000).DropFresh, "a drop flashes, then fades")

	marks := stageview.Marks(trace, tl.End())
	require.Len(t, marks, 2)
	assert.Equal(t, "2 events dropped: buffer full", marks[0].Label)
	assert.Equal(t, "stage 1 failed on 2 events", marks[1].Label)
	assert.Equal(t, "stage 1 failed on 2 events: exit: panic: boom", stageview.Words(failed))
}

func TestBurstsOfDropsMakeOneMark(t *testing.T) {
	var trace []event.Record
	for i := range 50 {
		trace = append(trace, ev(float64(i), event.EventsDropped, 0, -1, 1))
	}
	trace = append(trace, ev(10_000, event.EventsDropped, 0, -1, 3))
	marks := stageview.Marks(trace, 10_000)
	require.Len(t, marks, 2)
	assert.Equal(t, "50 events dropped: buffer full", marks[0].Label)
	assert.Equal(t, "3 events dropped: buffer full", marks[1].Label)
}

func TestWords(t *testing.T) {
	tests := []struct {
		r    event.Record
		want string
	}{
		{ev(0, event.DemandAsked, 3, 0, 10), "processor 3 asked the producer for 10 events"},
		{ev(0, event.DemandAsked, 5, 3, 1), "the batcher asked processor 3 for 1 event"},
		{ev(0, event.EventsDispatched, 2, 0, 5), "the producer sent 5 events to processor 2"},
		{ev(0, event.EventsDispatched, 5, 2, 5), "processor 2 sent 5 events to the batcher"},
		{flushed(0, 20, stageview.FlushSize), "the batcher flushed a batch of 20 events, full"},
		{flushed(0, 7, stageview.FlushTimeout), "the batcher flushed a batch of 7 events, on timeout"},
		{ev(0, event.BufferLevel, 0, -1, 3), "the producer's buffer holds 3 events"},
		{ev(0, event.PipelineHalted, -1, -1, 0), "the pipeline finished"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, stageview.Words(tt.r))
	}
}

// TestPlanFitsTheCanvas: at 360 and 1,200 px, with 1 to 64 processors,
// everything lies on the canvas.
func TestPlanFitsTheCanvas(t *testing.T) {
	for _, n := range []int{1, 4, 64} {
		cfg := small
		cfg.Consumers = n
		tl := stageview.NewTimeline(oneProcessor, cfg)
		for _, width := range []float64{360, 1200} {
			l := stageview.NewLayout(tl.Config(), width)
			for _, at := range []float64{0, 50, 450, 700} {
				p := l.Plan(tl.Scene(at))
				checkPlan(t, p)
			}
		}
	}
}

func checkPlan(t *testing.T, p view.Plan) {
	t.Helper()
	for role, rects := range p.Fills {
		for _, r := range rects {
			require.False(t, r.X < 0 || r.Y < 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9,
				"%v rect %+v off a %vx%v canvas", view.Role(role), r, p.W, p.H)
		}
	}
	for _, tx := range p.Texts {
		require.False(t, tx.X < 0 || tx.X > p.W || tx.Y <= 0 || tx.Y >= p.H, "text %q at %v,%v", tx.S, tx.X, tx.Y)
	}
	for _, l := range p.Lines {
		for i := 0; i < len(l.Pts); i += 2 {
			require.False(t, l.Pts[i] < 0 || l.Pts[i] > p.W || l.Pts[i+1] < 0 || l.Pts[i+1] > p.H)
		}
	}
}

func TestPlanDrawsTheScene(t *testing.T) {
	tl := stageview.NewTimeline(oneProcessor, small)
	l := stageview.NewLayout(small, 800)
	texts := func(p view.Plan) string {
		var b strings.Builder
		for _, tx := range p.Texts {
			b.WriteString(tx.S + "\n")
		}
		return b.String()
	}
	p := l.Plan(tl.Scene(50))
	assert.Contains(t, texts(p), "P1\n")
	assert.Contains(t, texts(p), "+4\n", "the first ask's pulse is labelled")
	assert.NotEmpty(t, p.Fills[view.RoleRunning], "the call")
	assert.NotEmpty(t, p.Fills[view.RoleDemand], "the demand pulse")
	p = l.Plan(tl.Scene(450))
	assert.Contains(t, texts(p), "batch open 250 ms of its 1,000 ms timeout")
	assert.NotEmpty(t, p.Fills[view.RoleTimedOut], "the timeout clock")
	p = l.Plan(tl.Scene(700))
	assert.Contains(t, texts(p), "batcher: 2 flushed — 1 full, 0 timeout, 1 end")
	assert.Contains(t, texts(p), "pipeline done: 4 processed, 0 dropped")
	assert.Len(t, p.Fills[view.RoleOK], 2, "the full batch and the drained one: both processed")
}

// TestManyProcessorsStayCheap: 64 processors and a long push run keep a
// frame to a few hundred rectangles.
func TestManyProcessorsStayCheap(t *testing.T) {
	trace, _, v := runStage(t, map[string]string{"items": "2000", "consumers": "64", "rate": "20000", "buffer_size": "50",
		"work_ms_min": "5", "work_ms_max": "30"})
	vis := stageview.New(trace, v)
	for _, at := range []float64{0, vis.End() / 2, vis.End()} {
		p := vis.Plan(at, 1200)
		checkPlan(t, p)
		assert.Less(t, p.Count(), 1500)
	}
	assert.NotEmpty(t, vis.Marks())
}
