//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
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
// paused at the start at the speed chosen.
func (d *demo) show(vis view.Visual, charts *chart.Data) {
	d.vis, d.charts = vis, charts
	speed := d.player.Speed()
	d.player = view.NewPlayer(vis.Times(), vis.End())
	d.player.SetSpeed(speed)
	d.story.reset(d.last, vis.Marks())
	d.settle()
}

// redraw asks for a frame; several requests before it make one frame.
func (d *demo) redraw() { d.frames.Request() }

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
	}
	d.lastFrame = 0
	if d.player.Playing() {
		d.lastFrame = ts
		d.frames.Request()
		d.urlDue = true // the time moves: the link takes it once it stops
	} else if d.urlDue && d.last != nil {
		// Paused: the link holds the moment shown. Only once a change has
		// settled: the URL is not rewritten every frame of a scrub.
		d.urlDue = false
		d.writeURL()
	}
	t := d.shownT()
	d.paint.anim.paint(d.vis.Plan(t, d.width))
	d.paint.marks.paint(d.marksPlan(t))
	if d.charts != nil {
		d.paint.charts.paint(d.charts.Plan(t, d.width))
	}
	d.story.at(t, d.player.Playing(), ts)
	d.controls()
}

// shownT is the time drawn: the player's, or with reduced motion while
// playing the last event's, so the picture moves in discrete steps.
func (d *demo) shownT() float64 {
	if d.reduced && d.player.Playing() {
		return d.player.Snap()
	}
	return d.player.T()
}

// marksPlan draws the timeline's strip: a tick per notable event and the
// time shown.
func (d *demo) marksPlan(t float64) view.Plan {
	w := d.width
	p := view.Plan{W: w, H: marksH}
	inner := max(w-2*marksInset, 1)
	p.Fill(view.RoleTrack, view.Rect{X: marksInset, Y: marksH/2 - 1, W: inner, H: 2})
	end := d.player.End()
	if end <= 0 {
		return p
	}
	for _, m := range d.vis.Marks() {
		p.Fill(m.Role, view.Rect{X: marksInset + inner*m.T/end - 1, Y: 1, W: 2, H: marksH - 2})
	}
	p.Fill(view.RoleText, view.Rect{X: marksInset + inner*min(t/end, 1) - 0.5, Y: 0, W: 1, H: marksH})
	return p
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
	if d.sweeping != nil && d.sweeping.done() {
		d.drawSweep()
	}
}

// toggle plays or pauses.
func (d *demo) toggle() {
	if d.last == nil {
		return
	}
	d.player.Toggle()
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
	d.story.tell(d.player.T())
	d.settle()
}

// reset pauses and goes back to time 0.
func (d *demo) reset() {
	d.player.Reset()
	d.settle()
}

// seek moves to t, as the slider let go, a click on the marks, the API or
// a link ask.
func (d *demo) seek(t float64) {
	d.player.Seek(t)
	d.settle()
}

// scrubTo seeks to where the marks strip was pressed.
func (d *demo) scrubTo(e dom.Event) {
	if d.last == nil || d.width <= 2*marksInset {
		return
	}
	d.player.Pause()
	d.seek((e.OffsetX() - marksInset) / (d.width - 2*marksInset) * d.player.End())
}

// writeURL keeps the page URL's query in step with the form and, once a
// run is shown and paused, the time shown, so a copied link opens that
// moment. Only the first demo of a page does.
func (d *demo) writeURL() {
	if !d.syncURL || !d.valid {
		return
	}
	set, del := form.QueryUpdate(d.scn, d.values, d.page)
	if d.last != nil && !d.player.Playing() && d.player.T() > 0 {
		set[form.TimeParam] = form.FormatTime(d.player.T())
	} else {
		del = append(del, form.TimeParam)
	}
	dom.ReplaceQuery(set, del)
}

// controlState is what the controls show; controls changes the DOM only
// where it differs from what is shown.
type controlState struct {
	noRun, noPlay bool
	noBack, noFwd bool
	runLabel      string
	pauseLabel    string
	end, t        float64
}

func (d *demo) controls() {
	now := controlState{
		noRun:      !d.valid || d.computing != nil,
		noPlay:     d.last == nil,
		runLabel:   "Run",
		pauseLabel: "Play",
		end:        d.player.End(),
		t:          d.player.T(),
	}
	now.noBack = now.noPlay || now.t <= 0
	now.noFwd = now.noPlay || now.t >= now.end
	switch {
	case d.computing != nil:
		now.runLabel = "Computing…"
	case d.player.Playing():
		now.pauseLabel = "Pause"
	case d.last != nil && now.t >= now.end:
		now.pauseLabel = "Replay"
	case now.t > 0:
		now.pauseLabel = "Resume"
	}
	was := d.controlsShown
	d.controlsShown = now
	u := d.ui
	if now.noRun != was.noRun {
		u.run.SetDisabled(now.noRun)
	}
	if now.runLabel != was.runLabel {
		u.run.SetText(now.runLabel)
	}
	if now.noPlay != was.noPlay {
		for _, b := range []dom.Button{u.pause, u.reset, u.json, u.chrome} {
			b.SetDisabled(now.noPlay)
		}
		u.time.SetDisabled(now.noPlay)
	}
	// Step buttons stay focusable at the ends (aria-disabled, not
	// disabled), so that a keyboard user stepping does not lose the focus.
	if now.noBack != was.noBack || now.noPlay != was.noPlay {
		ariaDisabled(u.back, now.noBack)
	}
	if now.noFwd != was.noFwd || now.noPlay != was.noPlay {
		ariaDisabled(u.step, now.noFwd)
	}
	if now.pauseLabel != was.pauseLabel {
		u.pause.SetText(now.pauseLabel)
	}
	if now.end != was.end {
		u.time.SetAttr("max", strconv.FormatFloat(now.end, 'f', -1, 64))
	}
	if now.t != was.t || now.end != was.end {
		u.time.SetValue(strconv.FormatFloat(now.t, 'f', -1, 64))
		u.time.SetAttr("aria-valuetext", view.Ms(now.t)+" of "+view.Ms(now.end)+" virtual ms")
	}
}

func ariaDisabled(b dom.Button, off bool) {
	if off {
		b.SetAttr("aria-disabled", "true")
	} else {
		b.RemoveAttr("aria-disabled")
	}
}
