package spawnview

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

func run(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "spawn", params)
}

// TestRealTraces checks the counts against the run's own summary, and the
// bound of bounded mode at every instant.
func TestRealTraces(t *testing.T) {
	for _, p := range Kit.Presets {
		t.Run(p.Name, func(t *testing.T) {
			trace, sum, v := run(t, p.Params)
			bounded := v.String("mode") == "bounded"
			x := newIndex(trace, bounded)
			assert.Equal(t, sum["max_goroutines"], float64(x.peakLive))
			assert.Equal(t, sum["max_waiting"], float64(x.peakWait))
			assert.Equal(t, sum["max_memory_kb"], float64(x.peakMem))
			for k := range x.times {
				require.GreaterOrEqual(t, x.live[k], int32(0))
				require.GreaterOrEqual(t, x.waiting[k], int32(0))
				if bounded {
					require.LessOrEqual(t, int(x.live[k]), v.Int("max"))
				} else {
					require.Zero(t, x.waiting[k], "unbounded mode never queues")
				}
			}
			live, waiting, arrived := x.now(x.times[len(x.times)-1])
			assert.Zero(t, live+waiting, "every request handled at the end")
			assert.Equal(t, sum["requests"], float64(arrived))
		})
	}
}

func TestModesDifferByOneParameter(t *testing.T) {
	un, _, uv := run(t, params("unbounded", "1000", "20"))
	bo, _, bv := run(t, params("bounded", "1000", "20"))
	u, b := New(un, uv).(*Visual), New(bo, bv).(*Visual)
	assert.Equal(t, u.topG, b.topG, "the two modes share their scales at one rate")
	assert.Greater(t, u.x.peakLive, 10*b.x.peakLive, "unbounded grows with the load")
	assert.Equal(t, 20, b.x.peakLive, "bounded stays at max")
	assert.Positive(t, b.x.peakWait, "bounded queues the rest as data")
}

func ev(ms float64, k event.Kind, id, slot int, n int32) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: n}
}

func TestCountsOfAHandMadeTrace(t *testing.T) {
	trace := []event.Record{
		ev(0, event.RequestArrived, 0, -1, 1), ev(0, event.Acquired, 0, -1, 0), ev(0, event.HandlerStarted, 0, 0, 1),
		ev(10, event.RequestArrived, 1, -1, 1),
		ev(50, event.HandlerDone, 0, 0, 0), ev(50, event.Released, -1, -1, 0), ev(50, event.HandlerStarted, 1, 0, 1),
		ev(60, event.HandlerDone, 1, 0, 0),
	}
	x := newIndex(trace, true)
	for _, c := range []struct {
		t                      float64
		live, waiting, arrived int32
	}{{0, 1, 0, 1}, {10, 1, 1, 2}, {49, 1, 1, 2}, {50, 1, 0, 2}, {60, 0, 0, 2}} {
		l, w, a := x.now(c.t)
		assert.Equal(t, []int32{c.live, c.waiting, c.arrived}, []int32{l, w, a}, "at %v", c.t)
	}
	assert.Equal(t, 9, x.peakMem, "one goroutine and one waiting request")
	assert.Equal(t, "a goroutine started for request 1: 1 live", Words(trace[6]))
}

func TestPlanFitsTheCanvas(t *testing.T) {
	for _, p := range Kit.Presets {
		trace, _, v := run(t, p.Params)
		vis := New(trace, v)
		for _, width := range []float64{360, 1200} {
			for _, at := range []float64{0, vis.End() / 3, vis.End()} {
				checkPlan(t, vis.Plan(at, width), vis.Height(width))
			}
		}
		early, late := vis.Plan(vis.End()/3, 800), vis.Plan(vis.End(), 800)
		assert.Less(t, len(early.Fills[view.RoleRunning]), len(late.Fills[view.RoleRunning]), "the charts draw up to t only")
	}
	s, _ := scenario.Lookup("spawn")
	v, _ := s.Parse(nil)
	assert.Equal(t, "not run yet", New(nil, v).Plan(0, 800).Texts[1].S)
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
	assert.Less(t, p.Count(), 2500)
}
