package streamview_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/streamview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestPlanFitsTheCanvas(t *testing.T) {
	configs := []streamview.Config{
		{Items: 1, Lanes: 1, Ordered: true},
		{Items: 20, Lanes: 4, Ordered: true},
		{Items: 200, Lanes: 50, Ordered: true},
		{Items: 200, Lanes: 50},
		{Items: 3000, Lanes: 1000, Ordered: true},
	}
	for _, cfg := range configs {
		tl := streamview.NewTimeline(randomTrace(rand.New(rand.NewPCG(3, 4)), cfg.Items, cfg.Lanes), cfg)
		for _, width := range []float64{360, 800, 1200} {
			l := streamview.NewLayout(tl.Config(), width)
			for _, at := range []float64{0, tl.End() / 2, tl.End()} {
				p := l.Plan(tl.Scene(at, l.Limits()))
				assert.Equal(t, width, p.W)
				checkPlan(t, p)
			}
		}
	}
}

// checkPlan asserts that everything lies on the canvas and that nothing but
// a progress bar covers anything else.
func checkPlan(t *testing.T, p view.Plan) {
	t.Helper()
	var solid []view.Rect
	for role, rects := range p.Fills {
		for _, r := range rects {
			if r.X < 0 || r.Y < 0 || r.X+r.W > p.W+1e-9 || r.Y+r.H > p.H+1e-9 {
				t.Fatalf("%v rect %+v off a %vx%v canvas", view.Role(role), r, p.W, p.H)
			}
			if view.Role(role) != view.RoleRunning {
				solid = append(solid, r)
			}
		}
	}
	slices.SortFunc(solid, func(a, b view.Rect) int { return cmp.Compare(a.Y, b.Y) })
	for i, a := range solid {
		for _, b := range solid[i+1:] {
			if b.Y >= a.Y+a.H {
				break // sorted by Y: nothing further down reaches a
			}
			if a.X < b.X+b.W && b.X < a.X+a.W {
				t.Fatalf("%+v overlaps %+v", a, b)
			}
		}
	}
	for _, tx := range p.Texts {
		if tx.X < 0 || tx.X > p.W || tx.Y <= 0 || tx.Y >= p.H {
			t.Fatalf("text %q at %v,%v", tx.S, tx.X, tx.Y)
		}
	}
}

func TestPlanDrawsTheScene(t *testing.T) {
	cfg := streamview.Config{Items: 3, Lanes: 2, Ordered: true}
	tl := streamview.NewTimeline(orderedTrace, cfg)
	l := streamview.NewLayout(cfg, 800)
	texts := func(p view.Plan) string {
		var b strings.Builder
		for _, tx := range p.Texts {
			b.WriteString(tx.S + "\n")
		}
		return b.String()
	}

	p := l.Plan(tl.Scene(65, l.Limits()))
	assert.Len(t, p.Fills[view.RoleRunning], 2, "two progress bars")
	assert.Len(t, p.Fills[view.RoleOK], 1, "item 1 waits in the buffer")
	assert.Len(t, p.Fills[view.RoleTrack], 2+3, "two lanes, three results to come")
	assert.Contains(t, texts(p), "#0\n")
	assert.Contains(t, texts(p), "#2\n")
	assert.Contains(t, texts(p), "65 ms\n")
	assert.Contains(t, texts(p), "buffer: 1 result finished out of order, waiting for #0")
	bar := p.Fills[view.RoleRunning][0]
	track := p.Fills[view.RoleTrack][0]
	assert.InDelta(t, 0.65*track.W, bar.W, 1e-9, "item 0 is 65% done")

	p = l.Plan(tl.Scene(100, l.Limits()))
	assert.Len(t, p.Fills[view.RoleOK], 2)
	assert.Len(t, p.Fills[view.RoleCrashed], 1, "the crash has its own colour")
	assert.Empty(t, p.Fills[view.RoleRunning])
	assert.Contains(t, texts(p), "stream done: 3 results emitted")

	p = l.Plan(streamview.NewTimeline(exitTrace, streamview.Config{Items: 2, Lanes: 2}).Scene(130, l.Limits()))
	assert.Len(t, p.Fills[view.RoleAbandoned], 1)
	assert.Equal(t, view.RoleAlert, p.Texts[2].Role)
	assert.Equal(t, "stream halted: task 1: exit: task: timeout", p.Texts[2].S)
	three := []event.Record{exitTrace[0], exitTrace[1], exitTrace[2], exitTrace[3], ev(0, event.Pulled, 2, -1),
		exitTrace[4], exitTrace[5], exitTrace[6], exitTrace[7]}
	p = l.Plan(streamview.NewTimeline(three, streamview.Config{Items: 4, Lanes: 2}).Scene(130, l.Limits()))
	assert.Contains(t, texts(p), "input: 2 items never started: the stream halted", "one pulled, one still in the source")

	p = l.Plan(streamview.NewTimeline(nil, cfg).Scene(0, l.Limits()))
	assert.True(t, strings.HasPrefix(texts(p), "0 ms\nnot run yet\n"), "a preview has no length to show: %q", texts(p))

	ordered := streamview.NewLayout(streamview.Config{Items: 2, Lanes: 2, Ordered: true}, 800)
	p = ordered.Plan(streamview.NewTimeline(exitTrace, streamview.Config{Items: 2, Lanes: 2, Ordered: true}).Scene(30, ordered.Limits()))
	assert.Contains(t, texts(p), "buffer: 1 result never emitted: the stream halted")
}

func TestLayoutKeepsLongRunsBounded(t *testing.T) {
	cfg := streamview.Config{Items: 20000, Lanes: 1000, Ordered: true}
	l := streamview.NewLayout(cfg, 1200)
	lim := l.Limits()
	assert.Less(t, lim.Queue, cfg.Items, "the queue shows its head only")
	assert.Less(t, lim.Out, cfg.Items, "the results show the latest only")
	assert.Less(t, l.H, 1200.0, "the canvas stays shorter than a few screens")
}

func TestManyResultsAreTallied(t *testing.T) {
	cfg := streamview.Config{Items: 5000, Lanes: 10, Ordered: true}
	var trace []event.Record
	for i := range cfg.Items {
		at := float64(i / cfg.Lanes)
		kind := event.Finished
		if i%100 == 0 {
			kind = event.Panicked
		}
		trace = append(trace, ev(at, event.Pulled, i, -1), ev(at, event.Started, i, i%cfg.Lanes),
			ev(at+1, kind, i, i%cfg.Lanes), ev(at+1, event.Emitted, i, -1))
	}
	tl := streamview.NewTimeline(trace, cfg)
	for _, width := range []float64{300, 800} {
		l := streamview.NewLayout(cfg, width)
		lim := l.Limits()
		assert.True(t, lim.Tally, "more results than cells: a tally counts them")
		half := tl.Scene(tl.End()/2, lim)
		p := l.Plan(half)
		checkPlan(t, p)
		assert.Less(t, len(p.Fills[view.RoleOK]), lim.Out+2, "the latest results as cells, and one segment of the tally")
		assert.Equal(t, 2500, half.Left[view.RoleOK]+half.Left[view.RoleCrashed], "the tally counts every result that left")
		assert.Equal(t, 25, half.Left[view.RoleCrashed])
		caption := ""
		for _, tx := range p.Texts {
			if strings.HasPrefix(tx.S, "results:") {
				caption = tx.S
			}
		}
		assert.Contains(t, caption, "of 5000", "the caption says what the bar counts")
		assert.Empty(t, p.Overflow())
	}
}
