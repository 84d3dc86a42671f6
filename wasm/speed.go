//go:build js && wasm

package main

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// played handles an edit of the bar's sliders: the time, or the speed.
func (d *demo) played(e dom.Event) {
	b := d.ui.bar
	switch t := e.Target(); {
	case t.Equal(b.time.JSValue()):
		at, _ := strconv.ParseFloat(b.time.Value(), 64)
		d.autoPaused, d.still = false, false
		if e.Type() == "change" { // let go, or a key: the time settles
			d.chosen = true
			d.seek(at)
		} else { // dragged: the link waits for the change event
			d.player.Seek(at)
			d.redraw()
		}
	case t.Equal(b.speed.JSValue()):
		pos, err := strconv.ParseFloat(b.speed.Value(), 64)
		if err != nil {
			return
		}
		d.fit, d.speed = false, math.Pow(10, pos)
		d.showSpeed()
		if e.Type() == "change" {
			d.writeURL()
		}
	}
}

// fitSpeed goes back to the speed that fits the run.
func (d *demo) fitSpeed() {
	d.fit = true
	d.showSpeed()
	d.writeURL()
}

// showSpeed sets the player to the speed chosen, or to the one that fits
// the run shown, and the bar to say so.
func (d *demo) showSpeed() {
	s := d.speed
	if d.fit {
		s = view.FitSpeed(d.player.End())
	}
	d.player.SetSpeed(s)
	d.ui.bar.showSpeed(d.player.Speed(), d.fit)
}
