//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/wasm/dom"
)

// on listens to typ events on el, through guard, until the demo breaks.
//
//go:noinline
func (d *demo) on(el dom.Element, typ string, fn func(dom.Event)) {
	d.release = append(d.release, el.AddEventListener(typ, func(e dom.Event) { d.guard(func() { fn(e) }) }))
}

// edited handles an edit of a parameter: a preset fills the fields, a
// slider its number field; valid values re-run the demo a moment after
// the last edit, keeping the moment shown.
func (d *demo) edited(e dom.Event) {
	t := e.Target()
	if len(d.kit.Presets) > 0 && t.Equal(d.ui.preset.JSValue()) {
		if e.Type() == "change" {
			d.applyPreset(d.ui.preset.Value())
		}
		return
	}
	for _, f := range d.ui.fields {
		switch {
		case !f.slider.JSValue().IsUndefined() && t.Equal(f.slider.JSValue()):
			pos, _ := strconv.ParseFloat(f.slider.Value(), 64)
			v := f.scale.Value(pos)
			f.input.SetValue(v)
			f.slider.SetAttr("aria-valuetext", v)
		case t.Equal(f.input.JSValue()):
			f.showSlider(f.input.Value())
		default:
			continue
		}
		delete(d.unshown, f.Name)
		break
	}
	if len(d.kit.Presets) > 0 {
		d.ui.preset.SetValue("") // edited by hand: no longer the preset
	}
	d.changed(d.readForm())
}

// changed takes raw values the form now holds: valid, they become the
// link's and, after debounceMs without another edit, the run's.
func (d *demo) changed(raw map[string]string) {
	if d.check(raw, nil) {
		d.writeURL()
		d.rerun.After(debounceMs)
		if d.pair != nil {
			d.pair.follow(d)
		}
	}
}

// debounceMs is how long after an edit the demo re-runs, in ms: a slider
// dragged re-runs as it pauses, not at each pixel.
const debounceMs = 100
