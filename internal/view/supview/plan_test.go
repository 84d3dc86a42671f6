package supview_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/supview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// checkPlan asserts that everything lies on the canvas.
func checkPlan(t *testing.T, p view.Plan) {
	t.Helper()
	for role, rects := range p.Fills {
		for _, r := range rects {
			require.False(t, r.X < 0 || r.Y < 0 || r.W <= 0 || r.H <= 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9,
				"%v rect %+v off a %vx%v canvas", view.Role(role), r, p.W, p.H)
		}
	}
	for _, tx := range p.Texts {
		require.False(t, tx.X < 0 || tx.X > p.W || tx.Y <= 0 || tx.Y >= p.H, "text %q at %v,%v", tx.S, tx.X, tx.Y)
		if tx.Font == view.FontCaption && tx.Align == view.AlignLeft {
			assert.LessOrEqual(t, tx.X+6.6*float64(len([]rune(tx.S))), p.W, "text %q runs off the canvas", tx.S)
		}
	}
}

func texts(p view.Plan) string {
	var b strings.Builder
	for _, tx := range p.Texts {
		b.WriteString(tx.S + "\n")
	}
	return b.String()
}

func TestPlanFitsTheCanvas(t *testing.T) {
	for _, pr := range supview.Kit.Presets {
		trace, _, v := runSupervisor(t, pr.Params)
		vis := supview.New(trace, v)
		for _, w := range []float64{300, 360, 800, 1200} {
			h := vis.Height(w)
			for _, f := range []float64{0, 0.3, 0.7, 1, 2} {
				p := vis.Plan(vis.End()*f, w)
				assert.Equal(t, h, p.H, "the height does not change with t")
				checkPlan(t, p)
			}
		}
	}
}

func TestPlanShowsTheGiveUp(t *testing.T) {
	tl := supview.NewTimeline(giveUpTrace, giveUpCfg)
	l := supview.NewLayout(giveUpCfg, tl.Lanes(), 800)

	p := l.Plan(tl, 400)
	assert.Contains(t, texts(p), "restarts in the last 1 s: 2 of 2 (full)")
	assert.Contains(t, texts(p), "100\n300\n", "the window's restarts show their times")
	assert.Len(t, p.Fills[view.RoleAlert], 2+1+1, "a full window turns its two cells red; the refused start and its swatch are a limit hit too")
	assert.Len(t, p.Fills[view.RoleFailed], 1+2, "the run that returned an error, and the swatches of errors and failed starts")
	assert.Len(t, p.Fills[view.RoleCrashed], 1+1, "the run that panicked, and its swatch")
	assert.Len(t, p.Fills[view.RoleRunning], 2+1)
	assert.NotContains(t, texts(p), "GAVE UP")

	p = l.Plan(tl, 550)
	s := texts(p)
	assert.Contains(t, s, "✕ GAVE UP: every child stopped")
	assert.Contains(t, s, "reason: supervisor: reached max restart intensity")
	assert.Contains(t, s, "✕ gave up at 500 ms")
	assert.Contains(t, s, "max_children 2: 1 start refused")
	refused := 0
	for _, r := range p.Fills[view.RoleAlert] {
		if r.W == 8 && r.H == 8 {
			refused++
		}
	}
	assert.Equal(t, 1+1, refused, "a refused start, and its swatch")
	// The bar through every lane: from the axis to below the last lane.
	var bar view.Rect
	for _, r := range p.Fills[view.RoleAlert] {
		if r.W == 3 {
			bar = r
		}
	}
	assert.Greater(t, bar.H, 40.0, "the give-up crosses the lanes")
	// Child 1, asked to stop at 500, is drawn thinner from then on.
	assert.Len(t, p.Fills[view.RoleRunning], 2+1, "child 1's run: full until 500, thin since")

	p = l.Plan(tl, 600)
	assert.Len(t, p.Fills[view.RoleRunning], 1, "every child stopped: the swatch alone")
	assert.Len(t, p.Fills[view.RoleCancelled], 2+1, "child 1 shut down (two parts), and its swatch")
}

func TestPreviewPlan(t *testing.T) {
	vis := supview.New(nil, values(t, map[string]string{"children": "6", "max_children": "4"}))
	p := vis.Plan(0, 360)
	checkPlan(t, p)
	assert.Contains(t, texts(p), "not run yet")
	assert.Contains(t, texts(p), "in 4 lanes")
}

// TestManyChildrenStayCheap: a thousand children and two thousand runs
// fill a bounded number of rectangles, their lanes a heat map of a few
// dozen rows that says so.
func TestManyChildrenStayCheap(t *testing.T) {
	var trace []event.Record
	for id := range 1000 {
		trace = append(trace, ev(0, event.ChildStarted, id, id, 0, ""))
	}
	for id := range 1000 {
		at := float64(1 + id)
		trace = append(trace, ev(at, event.ChildExited, id, id, 0, ""), ev(at, event.ChildRestarted, id, id, 1, ""),
			ev(at, event.ChildStarted, id, id, 1, ""))
	}
	cfg := supview.Config{Children: 1000, MaxRestarts: 100, Period: 5000, Duration: 2000}
	tl := supview.NewTimeline(trace, cfg)
	l := supview.NewLayout(cfg, tl.Lanes(), 1200)
	p := l.Plan(tl, 1500)
	checkPlan(t, p)
	assert.Less(t, p.Count(), 2000, "rows of cells, not a lane each")
	assert.Less(t, p.H, 800.0)
	assert.Contains(t, texts(p), "1000 lanes, 25 to a row")
	shaded := 0
	for _, levels := range p.Shades {
		for _, rs := range levels {
			shaded += len(rs)
		}
	}
	assert.Positive(t, shaded, "the rows are shaded by how many of their lanes run")
}
