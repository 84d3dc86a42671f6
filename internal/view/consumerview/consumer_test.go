package consumerview

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

// TestRealTraces replays each preset's run: the counts at the end are the
// summary's, the children alive never pass max_demand, and every child
// has ended in its lane.
func TestRealTraces(t *testing.T) {
	for _, p := range Kit.Presets {
		t.Run(p.Name, func(t *testing.T) {
			trace, sum, v := scenariotest.Record(t, "consumer", p.Params)
			x := newIndex(trace)
			c := x.at(x.times[len(x.times)-1])
			got := map[string]float64{"produced": float64(c.produced), "started": float64(c.started), "ok": float64(c.ok),
				"failed": float64(c.failed), "restarted": float64(c.restarted), "stopped": float64(c.stopped),
				"max_concurrent": float64(c.most)}
			for k, n := range got {
				assert.Equal(t, sum[k], n, k)
			}
			assert.Equal(t, sum["gave_up"] == 1, c.gaveUp)
			vis := New(trace, v)
			assert.Equal(t, c.gaveUp, len(vis.Plan(vis.End(), 800).Fills[view.RoleAlert]) == 1, "a bar across the lanes where it gave up")
			assert.Zero(t, c.alive)
			for k := range x.times {
				require.LessOrEqual(t, int(x.after[k].alive), v.Int("max_demand"))
			}
			if sum["gave_up"] == 0 && v.Int("jobs") >= 4*v.Int("max_demand") && v.Int("min_demand") == 0 {
				// Under load, every place is taken at every moment of the
				// first half: the chart's columns stand at max_demand.
				for b := range buckets / 2 {
					require.Equal(t, int32(v.Int("max_demand")), x.alive[b], "column %d", b)
				}
			}
			assert.Len(t, x.children, int(c.started))
			for _, ch := range x.children {
				assert.NotEqual(t, view.Never, ch.end, "job %d's child ended", ch.job)
				assert.Less(t, int(ch.lane), v.Int("max_demand"))
			}
		})
	}
}

func ev(ms float64, k event.Kind, id, slot int, n int32, detail string) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: n, Detail: detail}
}

// A hand-made run of two places: job 0 crashes and is run again, job 1
// finishes; the plan at each moment draws what has happened by then.
func TestHandMadeTrace(t *testing.T) {
	trace := []event.Record{
		ev(0, event.EventsProduced, 0, -1, 2, ""),
		ev(0, event.EventChildStarted, 1, 0, 1, ""), ev(0, scenario.JobBegan, 0, 0, 0, ""),
		ev(0, event.EventChildStarted, 1, 0, 2, ""), ev(0, scenario.JobBegan, 1, 1, 0, ""),
		ev(50, scenario.JobEnded, 0, 0, 0, "panic: simulated crash of job 0"), ev(50, event.EventChildExited, 1, 0, 1, "panic"),
		ev(50, event.EventChildRestarted, 1, 0, 1, "panic"), ev(50, event.EventChildStarted, 1, 0, 2, ""), ev(50, scenario.JobBegan, 0, 0, 1, ""),
		ev(80, scenario.JobEnded, 1, 1, 0, ""), ev(80, event.EventChildExited, 1, 0, 1, ""),
		ev(100, scenario.JobEnded, 0, 0, 1, ""), ev(100, event.EventChildExited, 1, 0, 0, ""),
	}
	s, _ := scenario.Lookup("consumer")
	v, errs := s.Parse(map[string]string{"jobs": "2", "max_demand": "2"})
	require.Empty(t, errs)
	vis := New(trace, v).(*Visual)
	for _, tc := range []struct {
		t    float64
		want counts
	}{
		{0, counts{produced: 2, started: 2, alive: 2, most: 2}},
		{50, counts{produced: 2, started: 3, failed: 0, restarted: 1, alive: 2, most: 2}},
		{80, counts{produced: 2, started: 3, ok: 1, restarted: 1, alive: 1, most: 2}},
		{100, counts{produced: 2, started: 3, ok: 2, restarted: 1, most: 2}},
	} {
		assert.Equal(t, tc.want, vis.x.at(tc.t), "at %v ms", tc.t)
	}
	p := vis.Plan(60, 800)
	assert.Equal(t, "started 3 · ok 0 · failed 0 · restarted 1 · stopped 0", p.Texts[2].S)
	assert.Len(t, p.Fills[view.RoleCrashed], 1, "the crashed child in its lane; the jobs' bar shows job 0 at work again")
	assert.Len(t, p.Fills[view.RoleRestart], 1, "the second run opens with a tick")
	assert.Equal(t, []view.Role{view.RoleCrashed, view.RoleRestart}, []view.Role{vis.Marks()[0].Role, vis.Marks()[1].Role})
	assert.Equal(t, "a child began job 0 in lane 0 (run 2)", Words(trace[9]))
	assert.Equal(t, "the child of job 0 failed: panic: simulated crash of job 0", Words(trace[5]))
}

func TestPlanFitsTheCanvas(t *testing.T) {
	for _, p := range Kit.Presets {
		trace, _, v := scenariotest.Record(t, "consumer", p.Params)
		vis := New(trace, v)
		for _, width := range []float64{300, 360, 1200} {
			for _, at := range []float64{0, vis.End() / 3, vis.End()} {
				checkPlan(t, vis.Plan(at, width), vis.Height(width))
			}
		}
		early, late := vis.Plan(vis.End()/3, 800), vis.Plan(vis.End(), 800)
		assert.Less(t, len(early.Fills[view.RoleOK]), len(late.Fills[view.RoleOK]), "the lanes draw up to t only")
	}
	v, _ := scenario.Consumer.Parse(nil)
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
	assert.Empty(t, p.Overflow())
}

// The ring of a moment sits on the picture, at the lane of the child.
func TestLook(t *testing.T) {
	trace, _, v := scenariotest.Record(t, "consumer", nil)
	vis := New(trace, v).(*Visual)
	for _, r := range trace {
		look, ok := vis.Look(r, view.Millis(r.At), 720)
		require.True(t, ok, "%v", r)
		assert.True(t, look.At.X >= 0 && look.At.X+look.At.W <= 720 && look.At.Y >= 0 && look.At.Y+look.At.H <= vis.Height(720), "%v: %+v", r, look.At)
	}
}
