//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
	"github.com/concurrency-patterns/playground/wasm/view"
)

// ui holds the elements of one demo.
type ui struct {
	form    dom.Element
	fields  []fieldUI
	notice  dom.Element // messages that belong to no field
	run     dom.Button
	pause   dom.Button
	step    dom.Button
	reset   dom.Button
	speed   dom.Input
	time    dom.Input
	canvas  dom.Canvas
	summary dom.Element
	failure dom.Element
}

// fieldUI is one parameter's input and its validation message.
type fieldUI struct {
	form.Field
	box   dom.Element
	input dom.Input
	msg   dom.Element
}

// legend names what each colour means, in the order the eye meets them.
var legend = []struct {
	role view.Role
	text string
}{
	{view.RoleWaiting, "waiting input"},
	{view.RoleRunning, "running task"},
	{view.RoleOK, "ok"},
	{view.RoleFailed, "error"},
	{view.RoleCrashed, "crash (panic)"},
	{view.RoleTimedOut, "timed out"},
	{view.RoleCancelled, "cancelled"},
	{view.RoleAbandoned, "abandoned"},
}

// buildUI makes a demo's widget for fields; id prefixes element ids so
// that labels find their inputs when a page has several demos.
func buildUI(doc dom.Document, id string, fields []form.Field) ui {
	var u ui
	u.form = doc.New("form", "pg-form", "")
	u.form.SetAttr("novalidate", "") // our messages, not the browser's bubbles

	params := doc.New("details", "pg-params", "")
	params.SetAttr("open", "")
	params.Append(doc.New("summary", "", "Parameters"))
	grid := doc.New("div", "pg-fields", "")
	for _, f := range fields {
		fu := buildField(doc, id+"-"+f.Name, f)
		u.fields = append(u.fields, fu)
		grid.Append(fu.box)
	}
	params.Append(grid)
	u.notice = doc.New("p", "pg-notice", "")
	u.notice.SetHidden(true)

	controls := doc.New("div", "pg-controls", "")
	u.run = button(doc, "submit", "pg-run", "Run")
	u.pause = button(doc, "button", "", "Play")
	u.step = button(doc, "button", "", "Step")
	u.reset = button(doc, "button", "", "Reset")
	u.speed = dom.AsInput(doc.New("select", "", ""))
	for _, s := range view.Speeds {
		v := strconv.FormatFloat(s, 'f', -1, 64)
		opt := doc.New("option", "", v+"×")
		opt.SetAttr("value", v)
		u.speed.Append(opt)
	}
	u.speed.SetValue("1")
	u.time = dom.AsInput(doc.New("input", "", ""))
	u.time.SetAttr("type", "range")
	u.time.SetAttr("min", "0")
	u.time.SetAttr("max", "0")
	u.time.SetAttr("step", "any")
	controls.Append(u.run.Element, u.pause.Element, u.step.Element, u.reset.Element,
		labelled(doc, "pg-speed", "speed", u.speed.Element),
		labelled(doc, "pg-time", "time", u.time.Element))
	u.form.Append(params, u.notice, controls)

	u.canvas = dom.AsCanvas(doc.New("canvas", "pg-canvas", ""))
	u.canvas.SetAttr("role", "img")
	u.canvas.SetAttr("aria-label", "Animation of the run: inputs waiting, tasks running in their slots, results leaving. The summary below gives its figures.")
	u.summary = doc.New("p", "pg-summary", "")
	u.summary.SetAttr("aria-live", "polite")
	u.failure = doc.New("div", "playground-error", "")
	u.failure.SetAttr("role", "alert")
	u.failure.SetHidden(true)
	return u
}

// parts returns the widget's top-level elements, in page order.
func (u ui) parts(doc dom.Document) []dom.Element {
	keys := doc.New("ul", "pg-legend", "")
	keys.SetAttr("aria-label", "Colours")
	for _, l := range legend {
		li := doc.New("li", "", "")
		li.Append(doc.New("span", "pg-swatch pg-"+l.role.String(), ""), doc.New("span", "", l.text))
		keys.Append(li)
	}
	return []dom.Element{u.form, u.canvas.Element, keys, u.summary, u.failure}
}

func buildField(doc dom.Document, id string, f form.Field) fieldUI {
	box := doc.New("div", "pg-field", "")
	label := doc.New("label", "", f.Name)
	label.SetAttr("for", id)
	var input dom.Element
	if f.Type == "select" {
		input = doc.New("select", "", "")
		for _, o := range f.Options {
			opt := doc.New("option", "", o)
			opt.SetAttr("value", o)
			input.Append(opt)
		}
	} else {
		input = doc.New("input", "", "")
		input.SetAttr("type", f.Type)
		for name, v := range map[string]string{"min": f.Min, "max": f.Max, "step": f.Step, "inputmode": f.InputMode} {
			if v != "" {
				input.SetAttr(name, v)
			}
		}
	}
	input.SetAttr("id", id)
	input.SetAttr("name", f.Name)
	input.SetAttr("aria-describedby", id+"-help "+id+"-msg")
	help := doc.New("small", "pg-help", f.Help)
	help.SetAttr("id", id+"-help")
	msg := doc.New("small", "pg-msg", "")
	msg.SetAttr("id", id+"-msg")
	if f.Type == "checkbox" {
		box.SetAttr("class", "pg-field pg-check")
		box.Append(input, label, help, msg)
	} else {
		box.Append(label, input, help, msg)
	}
	return fieldUI{Field: f, box: box, input: dom.AsInput(input), msg: msg}
}

func button(doc dom.Document, typ, class, text string) dom.Button {
	b := doc.New("button", class, text)
	b.SetAttr("type", typ)
	return dom.AsButton(b)
}

func labelled(doc dom.Document, class, text string, control dom.Element) dom.Element {
	l := doc.New("label", class, "")
	l.Append(doc.New("span", "", text), control)
	return l
}
