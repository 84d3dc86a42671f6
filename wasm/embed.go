//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// embedPanel is a demo's Embed panel: the HTML that another page pastes to
// embed this demo with the form's values (see form.Snippet and embed.js),
// and a button that copies it. The snippet goes into a textarea's value,
// as text: it is never this page's markup.
//
// The panel is filled the first time it opens: until then it holds no
// control, so Tab and the controls' count see none, and a demo that is
// never embedded builds nothing.
type embedPanel struct {
	open   dom.Button // the tools' "Embed" button, which shows the panel
	box    dom.Element
	code   dom.Input // a read-only <textarea>, once filled
	copy   dom.Button
	status dom.Element
}

func buildEmbed(doc dom.Document, id string) embedPanel {
	e := embedPanel{
		open: button(doc, "button", "pg-embed-open", "Embed", "Embed this demo, with these parameters, in another page"),
		box:  doc.New("div", "pg-embed", ""),
	}
	e.open.SetAttr("aria-expanded", "false")
	e.open.SetAttr("aria-controls", id+"-embed")
	e.box.SetAttr("id", id+"-embed")
	e.box.SetHidden(true)
	return e
}

// fill makes the panel's content.
func (e *embedPanel) fill(doc dom.Document) {
	e.code = dom.AsInput(doc.New("textarea", "pg-embed-code", ""))
	e.code.SetAttr("readonly", "")
	e.code.SetAttr("aria-label", "HTML to embed this demo")
	e.copy = button(doc, "button", "", "Copy", "Copy the HTML to the clipboard")
	e.status = doc.New("span", "pg-embed-status", "")
	e.status.SetAttr("aria-live", "polite")
	row := doc.New("div", "pg-embed-row", "")
	row.Append(e.copy.Element, e.status)
	e.box.Append(doc.New("p", "", "Paste this into any HTML page to show this demo, with these parameters, there:"), e.code.Element, row)
}

// updateEmbed writes the snippet for the form's values, once they are
// valid and the panel is filled; until then it keeps the last valid one.
func (d *demo) updateEmbed() {
	if d.valid && !d.ui.embed.code.JSValue().IsUndefined() {
		d.ui.embed.code.SetValue(form.Snippet(dom.BaseDir(), d.scn, d.values))
	}
}

// toggleEmbed shows or hides the Embed panel, filling it the first time.
func (d *demo) toggleEmbed() {
	e := &d.ui.embed
	if e.code.JSValue().IsUndefined() {
		e.fill(dom.Doc())
		d.release = append(d.release, e.copy.AddEventListener("click", func(dom.Event) { d.guard(d.copyEmbed) }))
	}
	shown := e.box.ToggleHidden()
	e.open.SetAttr("aria-expanded", strconv.FormatBool(shown))
	e.status.SetText("")
	d.updateEmbed()
}

// copyEmbed copies the snippet, or, when the browser refuses, selects it
// for the reader to copy.
func (d *demo) copyEmbed() {
	e := d.ui.embed
	dom.CopyText(e.code.Value(), func(ok bool) {
		d.guard(func() {
			if ok {
				e.status.SetText("Copied.")
				return
			}
			e.code.Select()
			e.status.SetText("Selected: copy it with Ctrl+C (⌘C on a Mac).")
		})
	})
}
