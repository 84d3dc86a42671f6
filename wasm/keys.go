//go:build js && wasm

package main

import "github.com/concurrency-patterns/playground/wasm/dom"

// key handles the shortcuts of a focused demo. Keys typed into a field, a
// select or the slider are theirs, and a button keeps its own Space and
// Enter; Ctrl, Alt and Meta belong to the browser.
func (d *demo) key(e dom.Event) {
	if e.Modified() {
		return
	}
	target := e.TargetKind()
	typing := target == "input:number" || target == "input:text" || target == "select" || target == "textarea"
	switch key := e.Key(); {
	case typing:
	case key == "?":
		e.PreventDefault()
		d.toggleHelp()
	case key == "Escape":
		switch {
		case d.panelOpen:
			e.PreventDefault()
			d.togglePanel()
		case d.helpShown():
			e.PreventDefault()
			d.toggleHelp()
		}
	case target == "input:range" || target == "input:checkbox":
		// arrows move the slider, space ticks the box
	case key == " " && target != "button" && target != "summary":
		e.PreventDefault()
		d.toggle()
	case key == "ArrowRight":
		e.PreventDefault()
		d.stepBy(1)
	case key == "ArrowLeft":
		e.PreventDefault()
		d.stepBy(-1)
	case key == "Home" && target != "button":
		e.PreventDefault()
		d.reset()
	}
}

func (d *demo) helpShown() bool {
	v, _ := d.ui.helpBtn.Attr("aria-expanded")
	return v == "true"
}

// toggleHelp shows or hides the list of shortcuts.
func (d *demo) toggleHelp() {
	shown := d.ui.help.ToggleHidden()
	if shown {
		d.ui.helpBtn.SetAttr("aria-expanded", "true")
	} else {
		d.ui.helpBtn.SetAttr("aria-expanded", "false")
	}
}
