package timeoutview_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/timeoutview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func ev(ms float64, k event.Kind, id int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: -1}
}

func parse(t *testing.T, params map[string]string) scenario.Values {
	t.Helper()
	s, ok := scenario.Lookup("timeout")
	require.True(t, ok)
	v, errs := s.Parse(params)
	require.Empty(t, errs)
	return v
}

// run records a real run of the timeout scenario.
func run(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "timeout", params)
}

func texts(p view.Plan) string {
	var b strings.Builder
	for _, tx := range p.Texts {
		b.WriteString(tx.S + "\n")
	}
	return b.String()
}

func checkFits(t *testing.T, p view.Plan) {
	t.Helper()
	for role, rects := range p.Fills {
		for _, r := range rects {
			require.False(t, r.X < 0 || r.Y < 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9 || r.W < 0,
				"%v rect %+v off a %vx%v canvas", view.Role(role), r, p.W, p.H)
		}
	}
	for _, tx := range p.Texts {
		require.True(t, tx.X >= 0 && tx.X <= p.W && tx.Y > 0 && tx.Y < p.H, "text %q at %v,%v", tx.S, tx.X, tx.Y)
		if tx.Font == view.FontCaption && tx.Align == view.AlignLeft {
			require.LessOrEqual(t, tx.X+6.4*float64(utf8.RuneCountInString(tx.S)), p.W, "caption %q runs off the canvas", tx.S)
		}
	}
}

// TestRealRuns replays the presets and a large run: every started task's
// caller is waiting or has one answer at every event, the end agrees with
// the run's summary, and no abandoned goroutine is left running.
func TestRealRuns(t *testing.T) {
	tests := map[string]map[string]string{"defaults": nil, "many": {"items": "500", "interval_ms": "3", "stubborn_rate": "0.3", "fail_rate": "0.1"}}
	for _, p := range timeoutview.Kit.Presets {
		tests[p.Name] = p.Params
	}
	for name, params := range tests {
		t.Run(name, func(t *testing.T) {
			trace, sum, v := run(t, params)
			vis := timeoutview.New(trace, v).(*timeoutview.Visual)
			tl := vis.Timeline()
			for _, at := range vis.Times() {
				c := tl.CountsAt(at)
				require.LessOrEqual(t, c.Waiting+c.InTime+c.Crashed+c.TimedOut+c.Late+c.Abandoned, v.Int("items"))
				require.LessOrEqual(t, c.Leaked, c.Abandoned)
			}
			c := tl.CountsAt(vis.End())
			assert.Zero(t, c.Waiting, "every caller has its answer")
			assert.Zero(t, c.Leaked, "every abandoned goroutine returned in the end")
			assert.Equal(t, v.Int("items"), c.InTime+c.Crashed+c.TimedOut+c.Late+c.Abandoned)
			assert.Equal(t, sum["ok"], float64(c.InTime))
			assert.Equal(t, sum["timed_out"], float64(c.TimedOut))
			assert.Equal(t, sum["late"], float64(c.Late))
			assert.Equal(t, sum["abandoned"], float64(c.Abandoned))
			assert.Equal(t, sum["crashed"], float64(c.Crashed))
			for _, w := range []float64{360, 1200} {
				for _, at := range []float64{0, vis.End() / 3, vis.End()} {
					p := vis.Plan(at, w)
					assert.Equal(t, vis.Height(w), p.H)
					checkFits(t, p)
					assert.Less(t, p.Count(), 6000)
				}
			}
		})
	}
}

// stubborn: task 0 replies in time; task 1 is stopped at its deadline;
// task 2 replies late, during its grace; task 3 ignores its cancellation,
// is abandoned, and returns by itself much later.
var stubborn = []event.Record{
	ev(0, event.Started, 0), ev(0, event.Started, 1), ev(0, event.Started, 2), ev(0, event.Started, 3),
	ev(50, event.Finished, 0),
	ev(100, event.StillRunning, 1), ev(100, event.Cancelled, 1), ev(100, event.Failed, 1), ev(100, event.TimedOut, 1),
	ev(100, event.StillRunning, 2), ev(100, event.Cancelled, 2), ev(120, event.Finished, 2), ev(120, event.Late, 2),
	ev(100, event.StillRunning, 3), ev(100, event.Cancelled, 3), ev(150, event.Abandoned, 3),
	ev(400, event.Finished, 3),
}

func TestHandMade(t *testing.T) {
	v := parse(t, map[string]string{"items": "4", "timeout": "100", "shutdown": "50"})
	vis := timeoutview.New(stubborn, v)
	tl := vis.(*timeoutview.Visual).Timeline()
	assert.Equal(t, timeoutview.Counts{Waiting: 3, InTime: 1}, tl.CountsAt(60))
	assert.Equal(t, timeoutview.Counts{Waiting: 1, InTime: 1, TimedOut: 1, Late: 1}, tl.CountsAt(130))
	assert.Equal(t, timeoutview.Counts{InTime: 1, TimedOut: 1, Late: 1, Abandoned: 1, Leaked: 1}, tl.CountsAt(200))
	assert.Equal(t, timeoutview.Counts{InTime: 1, TimedOut: 1, Late: 1, Abandoned: 1}, tl.CountsAt(400))

	p := vis.Plan(130, 800)
	assert.Len(t, p.Fills[view.RoleOK], 1)
	assert.Len(t, p.Fills[view.RoleTimedOut], 1)
	assert.Len(t, p.Fills[view.RoleLate], 1, "the late reply")
	assert.Len(t, p.Fills[view.RoleCancelled], 2, "task 2's grace until its reply, task 3's so far")
	assert.Len(t, p.Fills[view.RoleDeadline], 4, "every deadline has passed, answered or not")
	assert.Empty(t, p.Fills[view.RoleAbandoned])
	assert.Contains(t, texts(p), "#3\n")

	p = vis.Plan(300, 800)
	assert.Greater(t, len(p.Fills[view.RoleAbandoned]), 5, "the abandoned cap and the dashes of a goroutine running on")
	assert.Contains(t, texts(p), "1 abandoned goroutine still running")
	end := vis.Plan(400, 800)
	assert.Greater(t, len(end.Fills[view.RoleAbandoned]), len(p.Fills[view.RoleAbandoned]), "it returned: a tick")
	assert.Contains(t, texts(end), "done: every caller has its answer")
	assert.Equal(t, p, vis.Plan(300, 800), "a plan depends on t alone")

	labels := []string{}
	for _, m := range vis.Marks() {
		labels = append(labels, m.Label)
	}
	assert.Equal(t, []string{"task 1 timed out", "task 2: late reply kept", "task 3 abandoned", "task 3 returned by itself, long abandoned"}, labels)

	preview := timeoutview.New(nil, v)
	assert.Contains(t, texts(preview.Plan(0, 360)), "not run yet")
}

func TestWords(t *testing.T) {
	assert.Equal(t, "task 2: its reply arrived during the shutdown and is kept", timeoutview.Words(ev(1, event.Late, 2)))
	assert.Equal(t, "task 4 finished", timeoutview.Words(ev(1, event.Finished, 4)))
	assert.Equal(t, view.StepEnd, timeoutview.Life(event.Abandoned))
	assert.Equal(t, view.StepNone, timeoutview.Life(event.Cancelled))
}
