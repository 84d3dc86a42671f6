//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/view"
)

// maxFrameGap caps the virtual time one frame may skip, in real ms: after a
// hidden tab or a long pause of the page, playback resumes where it was.
const maxFrameGap = 100.0

// show makes tl what the canvas shows, paused at its start at the speed
// chosen.
func (d *demo) show(tl *view.Timeline) {
	d.tl = tl
	speed := d.player.Speed()
	d.player = view.NewPlayer(tl)
	d.player.SetSpeed(speed)
	d.layout = view.NewLayout(tl.Config(), d.layout.W)
	d.redraw()
}

// redraw asks for a frame; several requests before it make one frame.
func (d *demo) redraw() { d.frames.Request() }

// frame advances playback by the real time since the last frame, draws the
// scene at the player's time and brings the controls up to date.
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
	}
	d.painter.paint(d.layout.Plan(d.tl.Scene(d.player.T(), d.layout.Limits())))
	d.controls()
}

// resize fits the canvas to its width and the page's colours on the next
// frame, after the window or its colour scheme changed. Measuring then
// rather than now costs one layout of the page per frame however many
// resize events came, and lets a page become interactive before its first
// layout.
func (d *demo) resize() {
	d.measured = false
	d.redraw()
}

func (d *demo) measure() {
	d.painter.theme(d.root)
	d.layout = view.NewLayout(d.tl.Config(), d.ui.canvas.ClientWidth())
	d.measured = true
}

// controlState is what the controls show; controls changes the DOM only
// where it differs from what is shown.
type controlState struct {
	noRun, noPlay bool
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
		for _, b := range []dom.Button{u.pause, u.step, u.reset} {
			b.SetDisabled(now.noPlay)
		}
		u.time.SetDisabled(now.noPlay)
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
