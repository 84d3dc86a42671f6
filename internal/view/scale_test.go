package view_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestTextWidth(t *testing.T) {
	assert.Greater(t, view.TextWidth("mmmm", view.FontCaption), view.TextWidth("iiii", view.FontCaption), "a proportional font")
	assert.InDelta(t, 4*0.61*10, view.TextWidth("mmmm", view.FontLabel), 1e-9, "the label font is monospace")
	assert.Equal(t, view.TextWidth("iiii", view.FontLabel), view.TextWidth("mmmm", view.FontLabel))
	assert.Greater(t, view.TextWidth("1,000 ms", view.FontClock), view.TextWidth("1,000 ms", view.FontLabel), "the clock is larger")
	// "waiting for" in 12 px DejaVu Sans, the widest common system font,
	// measures about 67 px: the estimate must not be below it.
	assert.GreaterOrEqual(t, view.TextWidth("waiting for", view.FontCaption), 67.0)
	assert.Zero(t, view.TextWidth("", view.FontCaption))
}

func TestFitAndOverflow(t *testing.T) {
	long, short := "results: 8729 emitted of 20000; the bar counts all", "results: 8729"
	assert.Equal(t, long, view.Fit(1000, long, short))
	assert.Equal(t, short, view.Fit(120, long, short))
	assert.Equal(t, short, view.Fit(1, long, short), "the last form when none fits")
	assert.Equal(t, "ab", view.FitFont(view.FontLabel, 13, "abc", "ab"))

	p := view.Plan{W: 100, H: 50}
	p.Text(view.Text{X: 10, Y: 10, S: "fits", Font: view.FontCaption})
	p.Text(view.Text{X: 90, Y: 20, S: "runs off the right", Font: view.FontCaption})
	p.Text(view.Text{X: 5, Y: 30, S: "runs off the left", Font: view.FontCaption, Align: view.AlignRight})
	p.Text(view.Text{X: 50, Y: 40, S: "centred", Font: view.FontLabel, Align: view.AlignCenter})
	var off []string
	for _, tx := range p.Overflow() {
		off = append(off, tx.S)
	}
	assert.Equal(t, []string{"runs off the right", "runs off the left"}, off)
	l, r := view.Text{X: 50, S: "centred", Font: view.FontLabel, Align: view.AlignCenter}.Extent()
	assert.InDelta(t, 50, (l+r)/2, 1e-9)
}

func TestTally(t *testing.T) {
	var counts [view.RoleCount]int
	counts[view.RoleOK], counts[view.RoleCrashed] = 990, 1
	p := view.Plan{W: 220, H: 20}
	bar := view.Rect{X: 10, Y: 5, W: 200, H: 8}
	view.Tally(&p, bar, 2000, &counts)
	ok, crashed, rest := p.Fills[view.RoleOK], p.Fills[view.RoleCrashed], p.Fills[view.RoleTrack]
	require.Len(t, ok, 1)
	require.Len(t, crashed, 1)
	require.Len(t, rest, 1)
	assert.InDelta(t, 99, ok[0].W, 1, "half the units ok: half the bar")
	assert.Equal(t, 2.0, crashed[0].W, "one crash in two thousand still shows")
	assert.Equal(t, ok[0].X+ok[0].W, crashed[0].X, "segments follow each other")
	assert.Equal(t, bar.X+bar.W, rest[0].X+rest[0].W, "the rest is track, to the bar's end")
	assert.Equal(t, crashed[0].X+crashed[0].W, rest[0].X)

	empty := view.Plan{W: 220, H: 20}
	view.Tally(&empty, bar, 0, &[view.RoleCount]int{})
	assert.Equal(t, []view.Rect{bar}, empty.Fills[view.RoleTrack], "nothing to count: all track")
}

func TestShade(t *testing.T) {
	var p view.Plan
	r := view.Rect{W: 1, H: 1}
	for _, share := range []float64{0, 0.1, 0.25, 0.26, 0.6, 1, 3} {
		p.Shade(view.RoleRunning, share, r)
	}
	levels := p.Shades[view.RoleRunning]
	assert.Len(t, levels[0], 2, "0.1 and 0.25 at a quarter")
	assert.Len(t, levels[1], 1, "0.26 at a half")
	assert.Len(t, levels[2], 1, "0.6 at three quarters")
	assert.Len(t, levels[3], 2, "1 and more at full strength")
	assert.Equal(t, 6, p.Count(), "a share of 0 draws nothing")
	assert.Equal(t, 0.25, view.ShadeOpacity(0))
	assert.Equal(t, 1.0, view.ShadeOpacity(view.ShadeLevels-1))
}

func TestHeat(t *testing.T) {
	h := view.NewHeat(100, 10, 0, 20, 30, 5, 1)
	assert.Equal(t, 10, h.Rows)
	assert.Equal(t, 10, h.Per, "ten lanes to a row")
	assert.Equal(t, 10, h.Cols, "columns of three pixels")
	assert.Equal(t, 59.0, h.Height())
	assert.Equal(t, 26.0, h.RowTop(15))
	for lane := range 10 { // row 0: every lane busy over the first 15 px
		h.Span(lane, 0, 15, view.RoleRunning)
	}
	h.Span(10, 0, 30, view.RoleRunning)  // row 1: one lane of ten, all along
	h.End(20, 29, view.RoleCrashed)      // row 2: a crash at the right end
	h.Span(500, 0, 30, view.RoleRunning) // beyond the lanes: ignored
	for lane := 10; lane < 20; lane++ {
		h.Span(lane, 2.9, 0.1, view.RoleRunning) // backwards: nothing
	}
	var p view.Plan
	h.Draw(&p)
	full := p.Shades[view.RoleRunning][view.ShadeLevels-1]
	require.Len(t, full, 1, "five busy columns in a row are one rectangle")
	assert.Equal(t, view.Rect{X: 0, Y: 20, W: 15, H: 5}, full[0])
	faint := p.Shades[view.RoleRunning][0]
	require.Len(t, faint, 1)
	assert.Equal(t, view.Rect{X: 0, Y: 26, W: 30, H: 5}, faint[0], "a tenth of a row busy: the faintest shade")
	crash := p.Shades[view.RoleCrashed][0]
	require.Len(t, crash, 1)
	assert.Equal(t, view.Rect{X: 27, Y: 32, W: 3, H: 5}, crash[0], "the end shades its column")
}

func rec(ms float64, k event.Kind, id int32) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: id, Slot: -1}
}

func TestStill(t *testing.T) {
	// Two tasks overlap from 10 to 20 ms and 30 to 40 ms; a third runs
	// alone in between.
	trace := []event.Record{
		rec(0, event.Started, 0), rec(10, event.Started, 1), rec(20, event.Finished, 0),
		rec(25, event.Finished, 1), rec(25, event.Started, 2), rec(30, event.Started, 3),
		rec(40, event.Finished, 2), rec(50, event.Finished, 3),
	}
	// Two at once at 10 and at 30 (25 has one end and one start): the middle
	// one of those moments is the later.
	assert.Equal(t, 30.0, view.Busiest(trace, view.TaskLife))
	assert.Equal(t, 30.0, view.Kit{}.StillOf(trace), "without a choice of its own, a kit shows the busiest moment")
	assert.Equal(t, 50.0, view.Kit{Still: view.Last}.StillOf(trace))
	assert.Zero(t, view.Busiest(nil, view.TaskLife))
	assert.Zero(t, view.Last(nil))
	quiet := []event.Record{rec(1, event.Halted, -1), rec(5, event.Halted, -1), rec(9, event.Halted, -1)}
	assert.Equal(t, 5.0, view.Busiest(quiet, view.TaskLife), "no unit of work: the middle event")
}
