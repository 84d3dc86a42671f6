//go:build js && wasm

package main

import (
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// onScreenAt is the fraction of the picture that must be on screen for the
// demo to start: enough to be seen, not a sliver at the bottom.
const onScreenAt = 0.2

// sighted follows how much of the picture is on screen: coming into view,
// the demo computes its first run or plays on where leaving paused it;
// gone from view, it pauses.
func (d *demo) sighted(fraction float64) {
	switch {
	case fraction >= onScreenAt && !d.onScreen:
		d.onScreen = true
		d.arrive()
	case fraction == 0 && d.onScreen:
		d.onScreen = false
		if d.pair != nil && d.pair.onScreen() {
			return // the other picture is still in sight
		}
		if d.player.Playing() {
			d.player.Pause()
			d.autoPaused = true
			d.redraw()
		}
	}
}

// arrive starts the demo as it comes on screen.
func (d *demo) arrive() {
	if d.pair != nil {
		if o := d.pair.other(d); o.last == nil && o.job == nil {
			o.compute(false) // a pair plays once both runs are in
		}
	}
	switch {
	case d.last == nil:
		if d.job == nil {
			d.compute(false)
		}
	case d.autoPaused:
		d.autoPaused = false
		d.player.Play()
		d.redraw()
	}
}

// finish shows a computed job's run and settles the run() promises. The
// first run plays if the demo is on screen (with reduced motion it shows
// a still instead, and the runs after it theirs, until the reader plays;
// a link's moment opens paused); a run() call plays from the start; a run
// after an edit takes over the moment shown and whether it was playing.
func (d *demo) finish(j *job) {
	d.job = nil
	first := d.last == nil
	was := d.player
	if d.pair != nil && (was.Playing() || was.T() > 0 || d.chosen) {
		first = false // the other side's run is playing or was moved: this one joins it
	}
	d.last = &result{trace: j.trace, summary: j.summary, values: j.values}
	d.show(j.vis, j.charts)
	p := &d.player
	switch {
	case d.pair != nil && d.pair.other(d).last == nil:
		// The other side's first run is still being computed: both
		// start together, once it is in.
	case d.startAt >= 0:
		p.Seek(d.startAt)
		d.startAt = -1
	case (first && d.reduced) || (d.still && !j.fromStart):
		p.Seek(d.stillT(j.trace)) // the moment of the page's picture before the wasm
		d.still = true
	case first || j.fromStart:
		d.autoPaused, d.still = !d.inSight(), false
		if d.inSight() {
			p.Play()
		}
	default:
		p.Seek(was.T())
		if was.Playing() && p.T() < p.End() {
			p.Play()
		}
	}
	if j.busy {
		d.showBusy(false)
	}
	d.ui.summary.SetText(summaryText(d.scn, j.summary, dom.Now()-j.began))
	if d.pair != nil {
		d.pair.showDiff()
	}
	sum := summaryObject(d.scn, j.summary)
	for _, w := range d.waiting {
		w.resolve(sum)
	}
	d.waiting = nil
	if d.pair == nil || d.spot != nil { // a side of a pair leaves the other's moment be
		d.stopAt = -1
	}
	d.spot = nil
	if g := d.goal; g != nil && g.edit == j.edit {
		d.reach(g)
	}
	d.goal = nil
	d.settle()
}

// togglePanel opens or closes the parameters as a panel over the lower
// part of the screen, on a phone (on a wider screen the form is always
// shown and the button hidden). Opening brings the picture to the top, so
// that it stays in sight above the panel.
func (d *demo) togglePanel() {
	d.panelOpen = !d.panelOpen
	if d.pair != nil { // the pair's form is under both sides
		d.pair.root.SetClass("pg-panel-open", d.panelOpen)
	} else {
		d.root.SetClass("pg-panel-open", d.panelOpen)
	}
	if d.panelOpen {
		d.ui.panel.SetAttr("aria-expanded", "true")
		d.ui.canvas.ScrollIntoView()
		d.ui.closeP.Focus()
		return
	}
	d.ui.panel.SetAttr("aria-expanded", "false")
	d.ui.panel.Focus()
}

// present shows a run that was not computed here, such as a trace file the
// reader opened, as finish shows a computed one: from its start.
func (d *demo) present(res *result, tookMs float64) {
	d.rerun.Stop()
	d.finish(&job{d: d, values: res.values, fromStart: true, began: dom.Now() - tookMs,
		trace: res.trace, summary: res.summary, vis: d.kit.New(res.trace, res.values),
		charts: chart.New(res.trace, d.kit.LifeOf(), d.kit.UpfrontOf(res.values))})
}
