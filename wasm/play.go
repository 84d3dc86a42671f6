//go:build js && wasm

package main

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// maxFrameGap caps the virtual time one frame may skip, in real ms: after a
// hidden tab or a long pause of the page, playback resumes where it was.
const maxFrameGap = 100.0

// marksH is the height of the timeline's strip of marks, in CSS pixels;
// marksInset keeps its ends under the ends of the slider's track.
const (
	marksH     = 14.0
	marksInset = 8.0
)

// show makes vis (and charts, nil for a preview) what the canvases show,
// paused at the start, at the speed chosen or the one that fits it.
func (d *demo) show(vis view.Visual, charts *chart.Data) {
	d.vis, d.charts = vis, charts
	d.shown++
	if d.pair != nil {
		d.pair.span()
	} else {
		d.player = view.NewPlayer(vis.Times(), vis.End())
	}
	d.showSpeed()
	d.story.reset(d.last, vis.Marks())
	d.ui.charts.SetHidden(charts == nil)
	d.ui.waitTx.SetHidden(charts != nil)
	d.settle()
}

// redraw asks for a frame; several requests before it make one frame. A
// side of a pair asks for both sides' frames, which the browser runs with
// one timestamp: the first of the two moves the shared clock, and both
// draw the same time.
func (d *demo) redraw() {
	if d.pair != nil {
		d.pair.sides[0].frames.Request()
		d.pair.sides[1].frames.Request()
		return
	}
	d.frames.Request()
}

// settle asks for a frame after the time shown moved and came to rest:
// the frame writes it into the link.
func (d *demo) settle() {
	d.urlDue = true
	d.redraw()
}

// frame advances playback by the real time since the last frame, then
// draws: update apart from draw, and the drawing a function of the time
// alone.
func (d *demo) frame(ts float64) {
	if !d.measured {
		d.measure()
	}
	if d.player.Playing() && d.lastFrame > 0 {
		d.player.Advance(min(ts-d.lastFrame, maxFrameGap))
		d.arriving()
	}
	d.lastFrame = 0
	if d.player.Playing() {
		d.lastFrame = ts
		d.frames.Request()
		d.urlDue = true // the time moves: the link takes it once it stops
	} else if d.urlDue && d.last != nil && d.job == nil {
		// Paused: the link holds the moment shown. Only once a change has
		// settled: the URL is not rewritten every frame of a scrub.
		d.urlDue = false
		d.writeURL()
	}
	t := d.shownT()
	drawn := t
	if d.pair != nil && d.last != nil {
		drawn = min(t, d.vis.End()) // the shorter run holds its last frame
	}
	d.paint.anim.paint(d.vis.Plan(drawn, d.width))
	d.paint.marks.paint(d.marksPlan(t))
	if d.charts != nil {
		d.paint.charts.paint(d.charts.Plan(drawn, d.width))
	}
	d.story.at(t, d.player.Playing(), ts)
	d.showSpot(t)
	d.controls()
	if d.pair != nil {
		d.pair.label(d.side(), t)
	}
}

// shownT is the time drawn: the player's, or with reduced motion while
// playing the last event's, so the picture moves in discrete steps.
func (d *demo) shownT() float64 {
	if d.reduced && d.player.Playing() {
		return d.player.Snap()
	}
	return d.player.T()
}

// marksPlan draws the timeline's strip: a tick per notable event, one per
// pixel and colour however many fall there, and the time shown.
func (d *demo) marksPlan(t float64) view.Plan {
	w := d.width
	p := view.Plan{W: w, H: marksH}
	inner := max(w-2*marksInset, 1)
	p.Fill(view.RoleTrack, view.Rect{X: marksInset, Y: marksH/2 - 1, W: inner, H: 2})
	end := d.player.End()
	if end <= 0 {
		return p
	}
	for _, k := range d.ticks(inner, end) {
		p.Fill(k.role, view.Rect{X: marksInset + float64(k.x) - 1, Y: 1, W: 2, H: marksH - 2})
	}
	p.Fill(view.RoleText, view.Rect{X: marksInset + inner*min(t/end, 1) - 0.5, Y: 0, W: 1, H: marksH})
	return p
}

// tick is a mark on the strip: a pixel column and a colour.
type tick struct {
	x    int
	role view.Role
}

// ticks are the visual's marks as ticks on a strip inner pixels wide, one
// per column and colour, worked out once per visual and width: a run with
// 20,000 crashes draws a few hundred ticks a frame, not 20,000.
func (d *demo) ticks(inner, end float64) []tick {
	shown, marks := d.shown, d.vis.Marks
	if d.pair != nil { // the one timeline marks both runs
		shown, marks = d.pair.sides[0].shown<<16+d.pair.sides[1].shown, d.pair.marks
	}
	if d.tickCache.shown == shown && d.tickCache.inner == inner {
		return d.tickCache.ticks
	}
	var out []tick
	last := map[view.Role]int{}
	for _, m := range marks() {
		x := int(inner * m.T / end)
		if px, ok := last[m.Role]; ok && px == x {
			continue
		}
		last[m.Role] = x
		out = append(out, tick{x, m.Role})
	}
	d.tickCache.shown, d.tickCache.inner, d.tickCache.ticks = shown, inner, out
	return out
}

// resize fits the canvases to their width and the page's colours on the
// next frame, after the window or its colour scheme changed. Measuring
// then rather than now costs one layout of the page per frame however many
// resize events came, and lets a page become interactive before its first
// layout.
func (d *demo) resize() {
	d.measured = false
	d.redraw()
}

func (d *demo) measure() {
	theme(&d.palette, d.root)
	for _, p := range []*painter{d.paint.anim, d.paint.marks, d.paint.charts, d.paint.sweep} {
		p.invalidate()
	}
	d.width = d.ui.canvas.ClientWidth()
	d.measured = true
	if d.swept() {
		d.drawSweep()
	}
}

// toggle plays or pauses, as the reader asks.
func (d *demo) toggle() {
	if d.last == nil {
		return
	}
	if d.still { // Play on the still plays the run from its start
		d.player.Seek(0)
	}
	d.autoPaused, d.still, d.stopAt = false, false, -1
	d.player.Toggle()
	d.chosen = !d.player.Playing()
	d.settle()
}

// stepBy steps to the next event (dir > 0) or back to the previous one,
// and says in words what happened there.
func (d *demo) stepBy(dir int) {
	if d.last == nil {
		return
	}
	if dir > 0 {
		d.player.Step()
	} else {
		d.player.StepBack()
	}
	d.autoPaused, d.chosen, d.still, d.stopAt = false, true, false, -1
	d.story.tell(d.player.T())
	d.settle()
}

// reset pauses and goes back to time 0.
func (d *demo) reset() {
	d.player.Reset()
	d.autoPaused, d.chosen, d.still, d.stopAt = false, false, false, -1
	d.story.jump()
	d.settle()
}

// seek moves to t, as the slider let go, a click on the marks, the API or
// a link ask.
func (d *demo) seek(t float64) {
	d.stopAt = -1
	d.player.Seek(t)
	d.story.jump()
	d.settle()
}

// scrubTo seeks to where the marks strip was pressed.
func (d *demo) scrubTo(e dom.Event) {
	if d.last == nil || d.width <= 2*marksInset {
		return
	}
	d.player.Pause()
	d.autoPaused, d.chosen, d.still = false, true, false
	d.seek((e.OffsetX() - marksInset) / (d.width - 2*marksInset) * d.player.End())
}
