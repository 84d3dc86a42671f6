//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// writeURL keeps the page URL's query in step with the form, the speed
// when one was chosen and, once a run is shown and paused at a moment the
// reader chose, the time shown, so a copied link opens that moment. Only
// the first demo of a page does.
func (d *demo) writeURL() {
	if !d.syncURL || !d.valid {
		return
	}
	set, del := form.QueryUpdate(d.scn, d.values, d.page)
	if d.last != nil && d.chosen && !d.player.Playing() && d.player.T() > 0 {
		set[form.TimeParam] = form.FormatTime(d.player.T())
	} else {
		del = append(del, form.TimeParam)
	}
	if d.fit {
		del = append(del, form.SpeedParam)
	} else {
		set[form.SpeedParam] = form.FormatSpeed(d.player.Speed())
	}
	dom.ReplaceQuery(set, del)
}

// controlState is what the controls show; controls changes the DOM only
// where it differs from what is shown.
type controlState struct {
	noPlay        bool
	noBack, noFwd bool
	pauseLabel    string
	end, t        float64
}

func (d *demo) controls() {
	now := controlState{
		noPlay:     d.last == nil,
		pauseLabel: "Play",
		end:        d.player.End(),
		t:          d.player.T(),
	}
	now.noBack = now.noPlay || now.t <= 0
	now.noFwd = now.noPlay || now.t >= now.end
	switch {
	case d.player.Playing():
		now.pauseLabel = "Pause"
	case d.last != nil && now.t >= now.end:
		now.pauseLabel = "Replay"
	case now.t > 0 && (d.chosen || d.autoPaused):
		now.pauseLabel = "Resume"
	}
	was := d.controlsShown
	d.controlsShown = now
	u, b := d.ui, d.ui.bar
	if now.noPlay != was.noPlay {
		for _, btn := range []dom.Button{b.pause, b.reset, u.json, u.chrome} {
			btn.SetDisabled(now.noPlay)
		}
		b.time.SetDisabled(now.noPlay)
	}
	// Step buttons stay focusable at the ends (aria-disabled, not
	// disabled), so that a keyboard user stepping does not lose the focus.
	if now.noBack != was.noBack || now.noPlay != was.noPlay {
		ariaDisabled(b.back, now.noBack)
	}
	if now.noFwd != was.noFwd || now.noPlay != was.noPlay {
		ariaDisabled(b.step, now.noFwd)
	}
	if now.pauseLabel != was.pauseLabel {
		b.pause.SetText(now.pauseLabel)
	}
	if now.end != was.end {
		b.time.SetAttr("max", strconv.FormatFloat(now.end, 'f', -1, 64))
	}
	if now.t != was.t || now.end != was.end {
		b.time.SetValue(strconv.FormatFloat(now.t, 'f', -1, 64))
		b.time.SetAttr("aria-valuetext", view.Ms(now.t)+" of "+view.Ms(now.end)+" virtual ms")
	}
}

func ariaDisabled(b dom.Button, off bool) {
	if off {
		b.SetAttr("aria-disabled", "true")
	} else {
		b.RemoveAttr("aria-disabled")
	}
}
