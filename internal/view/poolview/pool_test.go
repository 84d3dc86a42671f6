package poolview

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

// run records a real run of the pool scenario.
func run(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "pool", params)
}

// TestRealTraces replays real runs and checks at every event what the
// pool promises: never more workers than size plus overflow, nobody waits
// while a worker could be lent or made, waiters served in FIFO order, and
// the end agrees with the run's summary.
func TestRealTraces(t *testing.T) {
	for _, p := range Kit.Presets {
		t.Run(p.Name, func(t *testing.T) {
			trace, sum, v := run(t, p.Params)
			x := newIndex(trace, v.Int("size"), v.Int("max_overflow"))
			lanes := v.Int("size") + v.Int("max_overflow")
			assert.Equal(t, lanes, x.lanes, "workers stay in their lanes")
			lastStart := view.Tick(-1)
			for _, c := range x.callers {
				if c.queued != view.NoTick && c.start != view.NoTick {
					assert.GreaterOrEqual(t, c.start, lastStart, "caller %d overtook an earlier waiter", c.id)
					lastStart = c.start
				}
			}
			for _, at := range x.times {
				s := x.sceneAt(at, 1<<30, 1<<30)
				require.LessOrEqual(t, s.live, lanes)
				inRoom, poolLive := roomCount(s, x.size)
				require.Equal(t, s.overflow, inRoom, "the overflow room holds the overflow the header counts, at %v", at)
				if inRoom > 0 {
					require.Equal(t, x.size, poolLive, "no pool lane stands empty beside an overflow worker at %v", at)
				}
				if s.waiting > 0 {
					require.Zero(t, s.idle, "nobody waits beside an idle worker at %v", at)
					require.Equal(t, lanes, s.live, "nobody waits while the pool may grow at %v", at)
					require.Equal(t, "full", x.state(s))
				}
			}
			end := x.sceneAt(x.times[len(x.times)-1], 0, 0)
			assert.Equal(t, sum["served"], float64(end.served+end.crashed))
			assert.Equal(t, sum["timed_out"], float64(end.failed))
			assert.Equal(t, sum["max_waiting"], float64(end.maxWaiting))
			assert.Equal(t, v.Int("items"), end.done, "every caller left")
			assert.Zero(t, end.live, "the pool closed at the end")
		})
	}
}

// roomCount counts the live workers drawn in the overflow room, each
// marked as overflow, and those in the pool's lanes.
func roomCount(s scene, size int) (room, pool int) {
	for i, l := range s.lanes {
		switch {
		case l.empty || l.kind == dead:
		case i >= size && l.overflow:
			room++
		case i < size && !l.overflow:
			pool++
		}
	}
	return room, pool
}

func TestPresetsShowWhatTheyAreNamedFor(t *testing.T) {
	type seen struct{ maxOverflow, failed, crashed, waited int }
	got := map[string]seen{}
	for _, p := range Kit.Presets {
		trace, _, v := run(t, p.Params)
		x := newIndex(trace, v.Int("size"), v.Int("max_overflow"))
		var s seen
		for _, at := range x.times {
			sc := x.sceneAt(at, 0, 0)
			s.maxOverflow = max(s.maxOverflow, sc.overflow)
			s.failed, s.crashed, s.waited = sc.failed, sc.crashed, sc.maxWaiting
		}
		got[p.Name] = s
	}
	assert.Zero(t, got["healthy"].maxOverflow)
	assert.Zero(t, got["healthy"].waited)
	assert.Positive(t, got["overflow"].maxOverflow)
	assert.Zero(t, got["overflow"].failed)
	assert.Positive(t, got["full, callers time out"].failed)
	assert.Positive(t, got["dying workers"].crashed)
}

func ev(ms float64, k event.Kind, id, slot int, n int32, detail string) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: n, Detail: detail}
}

// handMade: size 1, overflow 1. Caller 0 takes worker 0, 1 makes an
// overflow worker, 2 waits and gets worker 0; 1's worker is dismissed, 0
// is not; 2 crashes with worker 0, 3 times out.
var handMade = []event.Record{
	ev(0, event.WorkerStarted, -1, 0, 1, ""),
	ev(10, event.CheckedOut, 0, 0, 0, ""),
	ev(20, event.OverflowStarted, 1, 1, 1, ""),
	ev(20, event.CheckedOut, 1, 1, 0, ""),
	ev(30, event.CheckoutWaiting, 2, -1, 1, ""),
	ev(40, event.CheckoutWaiting, 3, -1, 2, ""),
	ev(100, event.CheckedIn, 0, 0, 0, ""),
	ev(100, event.CheckedOut, 2, 0, 0, ""),
	ev(120, event.CheckedIn, 1, 1, 0, ""),
	ev(120, event.CheckedOut, 3, 1, 0, ""),
	ev(150, event.WorkerDied, 2, 0, 0, "panic: boom"),
	ev(200, event.CheckedIn, 3, 1, 0, ""),
	ev(200, event.OverflowDismissed, 3, 1, 0, ""),
}

func TestScenesOfAHandMadeTrace(t *testing.T) {
	x := newIndex(handMade, 1, 1)
	s := x.sceneAt(50, 10, 10)
	assert.Equal(t, 2, s.busy)
	assert.True(t, s.lanes[1].overflow, "the worker beyond size is the overflow")
	assert.False(t, s.lanes[0].overflow)
	assert.Equal(t, 2, s.waiting)
	assert.Equal(t, []int32{2, 3}, []int32{x.callers[s.queue[0]].id, x.callers[s.queue[1]].id}, "head first")
	assert.Equal(t, "full", x.state(s))

	s = x.sceneAt(100, 10, 10)
	assert.Equal(t, int32(2), s.lanes[0].caller, "the check-in went to the head of the queue")
	assert.Equal(t, 1, s.waiting)

	s = x.sceneAt(160, 10, 10)
	assert.Equal(t, int32(3), s.lanes[0].caller, "with worker 0 dead, the worker beyond size is one of the pool's size: it moves in")
	assert.False(t, s.lanes[0].overflow)
	assert.True(t, s.lanes[1].empty)
	assert.Zero(t, s.overflow)
	assert.Equal(t, 1, s.crashed)

	// With no worker to move in, a dead lane shows its death.
	s = newIndex([]event.Record{handMade[0], handMade[1], ev(150, event.WorkerDied, 0, 0, 0, "")}, 1, 1).sceneAt(160, 10, 10)
	assert.Equal(t, dead, s.lanes[0].kind)

	s = x.sceneAt(200, 10, 10)
	assert.True(t, s.lanes[1].empty, "the overflow worker was dismissed")
	assert.Equal(t, 3, s.served)
	assert.Equal(t, "ready", x.state(s), "below size, a checkout makes a worker")
	require.Len(t, x.marks, 1)
	assert.Equal(t, "worker 0 died with caller 2", x.marks[0].Label)
	assert.Equal(t, "worker 0 died with caller 2: panic: boom", Words(handMade[10]))
}

func TestPlanFitsTheCanvas(t *testing.T) {
	for _, p := range []map[string]string{nil, {"size": "100", "max_overflow": "100", "items": "2000", "rate": "2000"}, {"size": "1", "max_overflow": "0", "items": "300", "rate": "100"}} {
		trace, _, v := run(t, p)
		vis := New(trace, v)
		for _, width := range []float64{360, 1200} {
			for _, at := range []float64{0, vis.End() / 2, vis.End()} {
				checkPlan(t, vis.Plan(at, width), vis.Height(width))
			}
		}
	}
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

// The pool replacing a dead worker with nobody waiting: the lane holds an
// idle worker again, and no caller is made up for the pool itself.
func TestTheDeadWorkersReplacementWaitsIdle(t *testing.T) {
	trace := []event.Record{
		ev(0, event.WorkerStarted, -1, 0, 1, ""),
		ev(10, event.CheckedOut, 0, 0, 0, ""),
		ev(50, event.WorkerDied, 0, 0, 0, "worker broken"),
		ev(50, event.WorkerReplaced, -1, 0, 0, ""),
	}
	x := newIndex(trace, 1, 0)
	s := x.sceneAt(60, 10, 10)
	assert.False(t, s.lanes[0].empty)
	assert.Equal(t, idle, s.lanes[0].kind, "the replacement waits idle")
	assert.Len(t, x.callers, 1, "caller 0 only")
	assert.Equal(t, "worker 0 is made in place of one that died, to wait idle", Words(trace[3]))
}
