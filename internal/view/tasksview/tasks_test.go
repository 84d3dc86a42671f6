package tasksview_test

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
	"github.com/concurrency-patterns/playground/internal/view/tasksview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func ev(ms float64, k event.Kind, id int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: -1}
}

// run records a real run of the tasks scenario.
func run(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "tasks", params)
}

func texts(p view.Plan) string {
	var b strings.Builder
	for _, tx := range p.Texts {
		b.WriteString(tx.S + "\n")
	}
	return b.String()
}

// checkFits asserts that everything lies on the canvas.
func checkFits(t *testing.T, p view.Plan) {
	t.Helper()
	for role, rects := range p.Fills {
		for _, r := range rects {
			require.False(t, r.X < -1e-9 || r.Y < 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9 || r.W < 0,
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

// TestRealRuns replays real runs and checks at every event what must hold:
// no more tasks alive than max_children, counts that agree with the
// summary at the end, and in bare mode nothing alive after the death.
func TestRealRuns(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]string
	}{
		{"defaults", nil},
		{"bare", map[string]string{"mode": "bare"}},
		{"bare, healthy", map[string]string{"mode": "bare", "fail_rate": "0"}},
		{"max_children", map[string]string{"max_children": "3", "items": "40", "interval_ms": "20"}},
		{"many", map[string]string{"items": "2000", "interval_ms": "1", "fail_rate": "0.3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trace, sum, v := run(t, tt.params)
			vis := tasksview.New(trace, v).(*tasksview.Visual)
			tl := vis.Timeline()
			limit := v.Int("max_children")
			for _, at := range vis.Times() {
				c := tl.CountsAt(at)
				require.LessOrEqual(t, c.Running, limit)
				require.LessOrEqual(t, c.Running+c.OK+c.Crashed+c.Lost+c.Refused, v.Int("items"),
					"each start attempt in one place at %v", at)
			}
			c := tl.CountsAt(vis.End())
			assert.Equal(t, sum["ok"], float64(c.OK))
			assert.Equal(t, sum["crashed"], float64(c.Crashed))
			assert.Equal(t, sum["refused"], float64(c.Refused))
			assert.Equal(t, sum["lost"], float64(c.Lost))
			assert.Zero(t, c.Running, "nothing runs on at the end")
			if sum["died"] == 0 {
				assert.Equal(t, v.Int("items"), c.OK+c.Crashed+c.Refused, "every attempt accounted for")
			}
			for _, w := range []float64{360, 1200} {
				for _, at := range []float64{0, vis.End() / 2, vis.End()} {
					p := vis.Plan(at, w)
					assert.Equal(t, vis.Height(w), p.H)
					checkFits(t, p)
				}
			}
			if sum["died"] == 1 {
				p := vis.Plan(vis.End(), 800)
				assert.Contains(t, texts(p), "the program died")
				assert.NotEmpty(t, p.Fills[view.RoleAlert], "the death is marked")
			}
		})
	}
}

func TestHandMade(t *testing.T) {
	bare := []event.Record{
		ev(0, event.Started, 0), ev(10, event.Started, 1), ev(20, event.Started, 2),
		ev(30, event.Finished, 1),
		ev(50, scenario.Died, 2), ev(50, event.Cancelled, 0),
	}
	bare[5].Detail = "lost: the program died"
	s, _ := scenario.Lookup("tasks")
	v, _ := s.Parse(map[string]string{"mode": "bare", "items": "5", "interval_ms": "10", "work_ms_max": "100"})
	vis := tasksview.New(bare, v)
	tl := vis.(*tasksview.Visual).Timeline()
	assert.Equal(t, tasksview.Counts{Running: 3}, tl.CountsAt(25))
	assert.Equal(t, tasksview.Counts{OK: 1, Crashed: 1, Lost: 1}, tl.CountsAt(50))

	before := vis.Plan(49, 800)
	assert.Empty(t, before.Fills[view.RoleAlert], "nothing marked before the death")
	assert.Len(t, before.Fills[view.RoleRunning], 3, "two running, one done with its bar")
	after := vis.Plan(50, 800)
	assert.Len(t, after.Fills[view.RoleAlert], 2, "the band and the moment")
	assert.Len(t, after.Fills[view.RoleCancelled], 1, "task 0 lost")
	assert.Len(t, after.Fills[view.RoleCrashed], 1)
	assert.Contains(t, texts(after), "the program died at 50 ms: 1 task lost with it")
	band := after.Fills[view.RoleAlert][0]
	assert.InDelta(t, 800-24, band.W, 1e-9, "the band runs the full width")
	for _, r := range after.Fills[view.RoleTrack] {
		if r.H <= 1 {
			continue // the axis
		}
		assert.LessOrEqual(t, r.X+r.W, band.X+band.W*50/140+1, "no lane goes on past the death")
	}
	// Scrubbing back shows what playing forward showed.
	assert.Equal(t, before, vis.Plan(49, 800))

	refused := []event.Record{ev(0, event.Started, 0), ev(5, event.Refused, -1), ev(8, event.Refused, -1), ev(10, event.Finished, 0)}
	v, _ = s.Parse(map[string]string{"max_children": "1", "items": "3"})
	vis = tasksview.New(refused, v)
	p := vis.Plan(6, 800)
	assert.Len(t, p.Fills[view.RoleAlert], 1, "one refusal so far")
	assert.Contains(t, texts(p), "refused starts: 1 (max_children 1")
	assert.Equal(t, tasksview.Counts{OK: 1, Refused: 2}, vis.(*tasksview.Visual).Timeline().CountsAt(10))

	preview := tasksview.New(nil, v)
	assert.Contains(t, texts(preview.Plan(0, 360)), "not run yet")
}

func TestWordsAndMarks(t *testing.T) {
	r := ev(3, event.Refused, -1)
	r.Detail = "task: max children reached"
	assert.Equal(t, "a start was refused: task: max children reached", tasksview.Words(r))
	assert.Equal(t, "task 4 finished", tasksview.Words(ev(1, event.Finished, 4)))
	assert.Equal(t, "task 2 panicked in a bare goroutine: the whole program died", tasksview.Words(ev(1, scenario.Died, 2)))
	assert.Equal(t, view.StepEnd, tasksview.Life(scenario.Died))
	assert.Equal(t, view.StepNone, tasksview.Life(event.Refused))
}

// TestManyTasksStayCheap: 2,000 tasks cost a few thousand rectangles in
// a handful of colours.
func TestManyTasksStayCheap(t *testing.T) {
	trace, _, v := run(t, map[string]string{"items": "2000", "interval_ms": "1", "fail_rate": "0.3"})
	vis := tasksview.New(trace, v)
	p := vis.Plan(vis.End(), 1200)
	assert.Less(t, p.Count(), 4200)
	assert.Less(t, len(p.Texts), 20)
}
