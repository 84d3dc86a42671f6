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
			end := x.times[len(x.times)-1]
			live, waiting, arrived := x.now(end)
			served, shed := x.fates(end)
			assert.Equal(t, sum["requests"], float64(arrived))
			assert.Equal(t, sum["served"], float64(served))
			assert.Equal(t, sum["shed"], float64(shed))
			if sum["crashed"] == 1 {
				assert.Equal(t, end, x.crashAt, "the run ends where the process died")
				assert.Equal(t, sum["failed"], float64(live+waiting), "what it held is lost")
				assert.Equal(t, sum["failed"], float64(x.lost))
			} else {
				assert.Equal(t, view.Never, x.crashAt)
				assert.Zero(t, live+waiting, "every request handled at the end")
			}
		})
	}
}

// The lesson of the page, at its heavy load: a goroutine per request dies
// or answers at least five times slower than the bounded handlers, which
// live.
func TestHeavyLoadPresetsShowTheLesson(t *testing.T) {
	preset := func(name string) map[string]string {
		for _, p := range Kit.Presets {
			if p.Name == name {
				return p.Params
			}
		}
		t.Fatalf("no preset %q", name)
		return nil
	}
	_, un, _ := run(t, preset("heavy load, unbounded"))
	_, bo, _ := run(t, preset("heavy load, bounded"))
	assert.Zero(t, bo["crashed"], "bounded: %v", bo)
	assert.True(t, un["crashed"] == 1 || un["p99_ms"] >= 5*bo["p99_ms"], "unbounded %v, bounded %v", un, bo)
	assert.Positive(t, bo["shed"], "bounded turns the excess away")
}

func TestModesDifferByOneParameter(t *testing.T) {
	un, _, uv := run(t, params("unbounded", "400", "8", "40"))
	bo, _, bv := run(t, params("bounded", "400", "8", "40"))
	u, b := New(un, uv).(*Visual), New(bo, bv).(*Visual)
	assert.Equal(t, u.topG, b.topG, "the two modes share their scales at one rate")
	assert.Greater(t, u.x.peakLive, 10*b.x.peakLive, "unbounded grows with the load")
	assert.Equal(t, 8, b.x.peakLive, "bounded stays at max")
	assert.Positive(t, b.x.peakWait, "bounded queues the rest as data")
	assert.Less(t, u.x.crashAt, u.End()+1, "unbounded runs out of memory")
	assert.Equal(t, "✕ out of memory at 662 ms: 257 requests lost", u.Plan(u.End(), 800).Texts[2].S)
	assert.Len(t, u.Plan(u.End(), 800).Fills[view.RoleCrashed], 1+u.x.lost, "the crash line and a cell per lost request")
}

func ev(ms float64, k event.Kind, id, slot int, n int32) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: n}
}

func TestCountsOfAHandMadeTrace(t *testing.T) {
	trace := []event.Record{
		ev(0, scenario.RequestArrived, 0, -1, 1), ev(0, event.Acquired, 0, -1, 0), ev(0, scenario.HandlerStarted, 0, 0, 1),
		ev(10, scenario.RequestArrived, 1, -1, 1), ev(20, scenario.RequestShed, 2, -1, 1),
		ev(50, scenario.HandlerDone, 0, 0, 0), ev(50, event.Released, -1, -1, 0), ev(50, scenario.HandlerStarted, 1, 0, 1),
		ev(60, scenario.HandlerDone, 1, 0, 0),
	}
	x := newIndex(trace, true)
	for _, c := range []struct {
		t                      float64
		live, waiting, arrived int32
	}{{0, 1, 0, 1}, {10, 1, 1, 2}, {49, 1, 1, 3}, {50, 1, 0, 3}, {60, 0, 0, 3}} {
		l, w, a := x.now(c.t)
		assert.Equal(t, []int32{c.live, c.waiting, c.arrived}, []int32{l, w, a}, "at %v", c.t)
	}
	served, shed := x.fates(60)
	assert.Equal(t, []int32{2, 1}, []int32{served, shed})
	assert.Equal(t, 64+2, x.peakMem, "one goroutine and one waiting request")
	assert.Equal(t, "a goroutine started for request 1: 1 live", Words(trace[7]))
	assert.Equal(t, "request 2 was turned away: the queue is full (1 waiting)", Words(trace[4]))
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

// TestMidRunShowsWhatHappenedSoFar: at every moment the readouts' peaks
// are the most seen so far, and the line across the goroutine chart is
// called "max" only where a bound enforces it.
func TestMidRunShowsWhatHappenedSoFar(t *testing.T) {
	for _, p := range Kit.Presets {
		t.Run(p.Name, func(t *testing.T) {
			trace, _, v := run(t, p.Params)
			bounded := v.String("mode") == "bounded"
			vis := New(trace, v).(*Visual)
			var most, mostMem int32
			for k, at := range vis.x.times {
				most = max(most, vis.x.live[k])
				mostMem = max(mostMem, memKB(vis.x.live[k], vis.x.waiting[k]))
				live, mem := vis.x.peaks(at)
				require.Equal(t, most, live, "peak of handlers by %v ms", at)
				require.Equal(t, mostMem, mem, "peak of memory by %v ms", at)
			}
			texts := strings.Join(textsOf(vis.Plan(vis.End()/2, 1000)), "\n")
			assert.Equal(t, bounded, strings.Contains(texts, "max "+v.String("max")), "%s", texts)
		})
	}
}

func textsOf(p view.Plan) []string {
	out := make([]string, len(p.Texts))
	for i, tx := range p.Texts {
		out[i] = tx.S
	}
	return out
}

// TestSharedScale: two runs drawn to one scale put equal times at equal
// places: the shorter run's charts take only its part of the axis, whose
// end label is the longer run's, and its own scale stays its own.
func TestSharedScale(t *testing.T) {
	un, _, uv := run(t, params("unbounded", "400", "8", "40"))
	bo, _, bv := run(t, params("bounded", "400", "8", "40"))
	u, b := New(un, uv).(*Visual), New(bo, bv).(*Visual)
	require.Less(t, u.End(), b.End(), "the unbounded run dies first")
	own := u.Scale()
	shared := u.Scale().Union(b.Scale())
	u.Share(shared)
	assert.Equal(t, own, u.Scale(), "its own scale is kept")
	assert.Equal(t, b.End(), u.axisEnd())
	plot := view.Rect{X: 10, W: 600}
	assert.InDelta(t, 600*u.End()/b.End(), u.ownPart(plot).W, 1e-9)
	texts := ""
	for _, tx := range u.Plan(u.End(), 646).Texts {
		texts += tx.S + "\n"
	}
	assert.Contains(t, texts, view.Ms(b.End())+" ms", "the axis ends where the longer run does")
	u.Share(view.Scale{})
	assert.Equal(t, u.End(), u.axisEnd(), "the zero scale goes back to its own")
}
