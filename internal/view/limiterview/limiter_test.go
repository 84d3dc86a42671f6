package limiterview

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// run records a real run of the limiter scenario.
func run(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "limiter", params)
}

// TestRealTraces replays real runs and checks at every event what the
// limiter promises: no more holders than max, the queue in arrival order,
// slots handed out in queue order (no barging), and the end agreeing with
// the run's summary.
func TestRealTraces(t *testing.T) {
	for _, p := range Kit.Presets {
		t.Run(p.Name, func(t *testing.T) {
			trace, sum, v := run(t, p.Params)
			x := newIndex(trace, v.Int("max"))
			assert.Equal(t, v.Int("max"), x.slots, "a Do caller holds one of max slots")
			lastStart := view.Tick(-1)
			for _, c := range x.callers {
				if c.queued != view.NoTick && c.start != view.NoTick {
					assert.GreaterOrEqual(t, c.start, lastStart, "caller %d was served before an earlier waiter", c.id)
					lastStart = c.start
				}
			}
			for _, at := range x.times {
				s := x.sceneAt(at, 1<<30, 1<<30)
				held := 0
				for _, h := range s.holders {
					if h.id >= 0 {
						held++
					}
				}
				require.LessOrEqual(t, held, v.Int("max"))
				if s.waiting > 0 {
					require.Equal(t, v.Int("max"), held, "nobody waits while a slot is free at %v", at)
				}
				for i := 1; i < len(s.queue); i++ {
					require.Less(t, s.queue[i-1], s.queue[i], "the queue keeps arrival order")
				}
			}
			end := x.sceneAt(x.times[len(x.times)-1], 0, 0)
			assert.Equal(t, sum["granted"], float64(end.granted))
			assert.Equal(t, sum["gave_up"], float64(end.gaveUp))
			assert.Equal(t, sum["max_waiting"], float64(end.maxWaiting))
			assert.Equal(t, v.Int("items"), end.done, "every caller left")
		})
	}
}

func TestPresetsShowWhatTheyAreNamedFor(t *testing.T) {
	ends := map[string]scene{}
	for _, p := range Kit.Presets {
		trace, _, _ := run(t, p.Params)
		x := newIndex(trace, 0)
		ends[p.Name] = x.sceneAt(x.times[len(x.times)-1], 0, 0)
	}
	assert.Zero(t, ends["under the limit"].maxWaiting)
	assert.Positive(t, ends["queueing"].maxWaiting)
	assert.Zero(t, ends["queueing"].gaveUp)
	assert.Positive(t, ends["impatient callers"].gaveUp)
	assert.Positive(t, ends["crashing holders"].crashed)
}

func ev(ms float64, k event.Kind, id, slot int, n int32, detail string) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: n, Detail: detail}
}

// handMade: one slot; 0 holds it and crashes, 1 waits and is granted, 2
// waits and gives up.
var handMade = []event.Record{
	ev(0, event.Acquired, 0, 0, 0, ""),
	ev(10, event.Queued, 1, -1, 1, ""),
	ev(20, event.Queued, 2, -1, 2, ""),
	ev(50, event.GaveUp, 2, -1, 0, "waited longer than its timeout"),
	ev(100, event.Released, 0, 0, 0, "panic: boom\nstack"),
	ev(100, event.Granted, 1, 0, 0, ""),
	ev(200, event.Released, 1, 0, 0, ""),
}

func TestScenesOfAHandMadeTrace(t *testing.T) {
	x := newIndex(handMade, 1)
	s := x.sceneAt(30, 10, 10)
	assert.Equal(t, int32(0), s.holders[0].id)
	assert.InDelta(t, 0.3, s.holders[0].progress, 1e-9)
	assert.Equal(t, 2, s.waiting)
	assert.Equal(t, 2, s.maxWaiting)

	s = x.sceneAt(60, 10, 10)
	assert.Equal(t, 1, s.waiting, "2 left the queue")
	assert.Equal(t, 1, s.gaveUp)

	s = x.sceneAt(100, 10, 10)
	assert.Equal(t, int32(1), s.holders[0].id, "the release handed the slot to the head")
	assert.Equal(t, 1, s.crashed)
	assert.Equal(t, 2, s.granted)
	assert.Zero(t, s.waiting)

	back := x.sceneAt(30, 10, 10)
	assert.Equal(t, x.sceneAt(30, 10, 10), back, "a scene depends on t alone")

	marks := x.marks
	require.Len(t, marks, 2)
	assert.Equal(t, view.RoleTimedOut, marks[0].Role)
	assert.Equal(t, "caller 0 crashed holding slot 0", marks[1].Label)
	assert.Equal(t, "caller 0 released slot 0: panic: boom", Words(handMade[4]))
}

func TestPlanFitsTheCanvas(t *testing.T) {
	for _, p := range []map[string]string{nil, {"max": "200", "items": "2000", "rate": "2000"}, {"max": "1", "items": "300", "rate": "100"}} {
		trace, _, v := run(t, p)
		vis := New(trace, v)
		for _, width := range []float64{360, 1200} {
			for _, at := range []float64{0, vis.End() / 2, vis.End()} {
				checkPlan(t, vis.Plan(at, width), vis.Height(width))
			}
		}
	}
	p := New(nil, mustParse(t, nil)).Plan(0, 800)
	assert.Equal(t, "not run yet", p.Texts[1].S)
}

func mustParse(t *testing.T, params map[string]string) scenario.Values {
	s, _ := scenario.Lookup("limiter")
	v, errs := s.Parse(params)
	require.Empty(t, errs)
	return v
}

func checkPlan(t *testing.T, p view.Plan, h float64) {
	t.Helper()
	assert.Equal(t, h, p.H)
	for role, rects := range p.Fills {
		for _, r := range rects {
			if r.X < 0 || r.Y < 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9 {
				t.Fatalf("%v rect %+v off a %vx%v canvas", view.Role(role), r, p.W, p.H)
			}
		}
	}
	for _, tx := range p.Texts {
		if tx.X < 0 || tx.X > p.W || tx.Y <= 0 || tx.Y >= p.H || strings.TrimSpace(tx.S) == "" {
			t.Fatalf("text %q at %v,%v", tx.S, tx.X, tx.Y)
		}
	}
	assert.Less(t, p.Count(), 2500, "a frame stays cheap")
}
