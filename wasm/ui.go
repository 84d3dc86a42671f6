//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// logSize is how many recent events the event log lists.
const logSize = 40

// ui holds the elements of one demo.
type ui struct {
	form    dom.Element
	fields  []fieldUI
	notice  dom.Element // messages that belong to no field
	preset  dom.Input   // a <select> of the kit's presets; nil Element when none
	run     dom.Button
	back    dom.Button
	pause   dom.Button
	step    dom.Button
	reset   dom.Button
	speed   dom.Input
	time    dom.Input
	marks   dom.Canvas // the timeline's marks, under the time slider
	canvas  dom.Canvas
	legend  dom.Element
	summary dom.Element
	charts  dom.Canvas
	sweep   dom.Button
	sweepTx dom.Element // the sweep's state and figures in words
	sweepCv dom.Canvas
	sweepTb dom.Element // the sweep's figures as a table
	json    dom.Button
	chrome  dom.Button
	helpBtn dom.Button
	help    dom.Element
	embed   embedPanel
	log     []dom.Element // the event log's lines, oldest first
	live    dom.Element   // the narration, for screen readers
	failure dom.Element
	parts   []dom.Element // the widget's top-level elements, in page order
}

// fieldUI is one parameter's input and its validation message.
type fieldUI struct {
	form.Field
	box   dom.Element
	input dom.Input
	msg   dom.Element
}

// buildUI makes a demo's widget for fields and kit; id prefixes element
// ids so that labels find their inputs when a page has several demos.
func buildUI(doc dom.Document, id string, fields []form.Field, kit view.Kit) ui {
	var u ui
	u.form = doc.New("form", "pg-form", "")
	u.form.SetAttr("novalidate", "") // our messages, not the browser's bubbles

	params := doc.New("details", "pg-params", "")
	params.SetAttr("open", "")
	params.Append(doc.New("summary", "", "Parameters"))
	if len(kit.Presets) > 0 {
		u.preset = dom.AsInput(doc.New("select", "", ""))
		u.preset.SetAttr("id", id+"-preset")
		u.preset.Append(option(doc, "", "custom"))
		for _, p := range kit.Presets {
			u.preset.Append(option(doc, p.Name, p.Name))
		}
		box := doc.New("div", "pg-preset", "")
		label := doc.New("label", "", "preset")
		label.SetAttr("for", id+"-preset")
		box.Append(label, u.preset.Element)
		params.Append(box)
	}
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
	u.run = button(doc, "submit", "pg-run", "Run", "")
	u.back = button(doc, "button", "", "◀ Back", "Step back to the previous event")
	u.pause = button(doc, "button", "pg-pause", "Play", "")
	u.step = button(doc, "button", "", "Step ▶", "Step to the next event")
	u.reset = button(doc, "button", "", "Reset", "")
	u.speed = dom.AsInput(doc.New("select", "", ""))
	for _, s := range view.Speeds {
		v := strconv.FormatFloat(s, 'f', -1, 64)
		u.speed.Append(option(doc, v, v+"×"))
	}
	u.speed.SetValue("1")
	controls.Append(u.run.Element, u.back.Element, u.pause.Element, u.step.Element, u.reset.Element,
		labelled(doc, "pg-speed", "speed", u.speed.Element))

	timeline := doc.New("div", "pg-timeline", "")
	u.time = dom.AsInput(doc.New("input", "", ""))
	u.time.SetAttr("type", "range")
	u.time.SetAttr("min", "0")
	u.time.SetAttr("max", "0")
	u.time.SetAttr("step", "any")
	u.time.SetAttr("aria-label", "time")
	u.marks = dom.AsCanvas(doc.New("canvas", "pg-marks", ""))
	u.marks.SetAttr("aria-hidden", "true") // the event log and the narration say the same
	timeline.Append(doc.New("span", "pg-time-label", "time"), u.time.Element, u.marks.Element)
	u.form.Append(params, u.notice, controls, timeline)

	u.canvas = dom.AsCanvas(doc.New("canvas", "pg-canvas", ""))
	u.canvas.SetAttr("role", "img")
	u.canvas.SetAttr("tabindex", "0")
	u.canvas.SetAttr("aria-label", kit.Describe+" Keys: space plays or pauses, arrows step, ? lists the shortcuts.")
	u.legend = legend(doc, kit.Legend)
	u.summary = doc.New("p", "pg-summary", "")
	u.summary.SetAttr("aria-live", "polite")

	charts := section(doc, "pg-charts", "Charts", true)
	u.charts = dom.AsCanvas(doc.New("canvas", "pg-chart", ""))
	u.charts.SetAttr("role", "img")
	u.charts.SetAttr("aria-label", "Charts of the run: tasks active and queued over time, percentiles of task duration, throughput. A vertical line marks the time shown.")
	charts.Append(u.charts.Element)

	sweep := section(doc, "pg-sweep", "Sweep", false)
	u.sweepTx = doc.New("p", "pg-sweep-text", "")
	u.sweepTx.SetAttr("aria-live", "polite")
	u.sweepCv = dom.AsCanvas(doc.New("canvas", "pg-chart", ""))
	u.sweepCv.SetAttr("role", "img")
	u.sweepCv.SetHidden(true)
	if p := kit.Sweep.Param; p != "" {
		u.sweep = button(doc, "button", "", "Sweep "+p, "")
		u.sweepTx.SetText("Runs the form's parameters " + strconv.Itoa(len(kit.Sweep.Values)) + " times, with " + p +
			" from " + kit.Sweep.Values[0] + " to " + kit.Sweep.Values[len(kit.Sweep.Values)-1] +
			", and plots throughput and p99 latency against it.")
		u.sweepCv.SetAttr("aria-label", "Throughput and p99 latency against "+p+"; the figures are in the text above.")
		u.sweepTb = doc.New("div", "pg-sweep-table", "")
		sweep.Append(u.sweep.Element, u.sweepTx, u.sweepCv.Element, u.sweepTb)
	}

	tools := doc.New("div", "pg-tools", "")
	u.json = button(doc, "button", "", "Export trace (JSON)", "")
	u.chrome = button(doc, "button", "", "Export for Perfetto", "Export the trace in the Chrome trace-event format, for Perfetto or chrome://tracing")
	u.helpBtn = button(doc, "button", "", "Shortcuts (?)", "")
	u.helpBtn.SetAttr("aria-expanded", "false")
	u.help = helpPanel(doc, id+"-help")
	u.helpBtn.SetAttr("aria-controls", id+"-help")
	u.embed = buildEmbed(doc, id)
	tools.Append(u.json.Element, u.chrome.Element, u.helpBtn.Element, u.embed.open.Element)

	logBox := section(doc, "pg-log", "Event log", false)
	list := doc.New("ol", "pg-log-list", "")
	list.SetAttr("aria-label", "The latest events up to the time shown")
	list.SetAttr("tabindex", "0")
	for range logSize {
		li := doc.New("li", "", "")
		li.SetHidden(true)
		u.log = append(u.log, li)
		list.Append(li)
	}
	logBox.Append(list)

	u.live = doc.New("p", "pg-live", "")
	u.live.SetAttr("aria-live", "polite")
	u.live.SetAttr("role", "status")
	u.failure = doc.New("div", "playground-error", "")
	u.failure.SetAttr("role", "alert")
	u.failure.SetHidden(true)

	parts := []dom.Element{u.form, u.canvas.Element, u.legend, u.summary, charts}
	if kit.Sweep.Param != "" {
		parts = append(parts, sweep)
	}
	u.parts = append(parts, tools, u.help, u.embed.box, logBox, u.live, u.failure)
	return u
}

// section is a <details> with a summary line.
func section(doc dom.Document, class, title string, open bool) dom.Element {
	d := doc.New("details", "pg-section "+class, "")
	if open {
		d.SetAttr("open", "")
	}
	d.Append(doc.New("summary", "", title))
	return d
}

func legend(doc dom.Document, keys []view.Key) dom.Element {
	l := doc.New("ul", "pg-legend", "")
	l.SetAttr("aria-label", "Colours")
	for _, k := range keys {
		li := doc.New("li", "", "")
		sw := doc.New("span", "pg-swatch", "")
		sw.SetStyle("background", "var(--pg-"+k.Role.String()+")")
		li.Append(sw, doc.New("span", "", k.Text))
		l.Append(li)
	}
	return l
}

// shortcuts are the keys a focused demo answers, as the help panel lists
// them.
var shortcuts = [][2]string{
	{"Space", "play or pause"},
	{"→", "step to the next event"},
	{"←", "step back to the previous event"},
	{"Home", "back to the start"},
	{"?", "show or hide this list"},
	{"Esc", "hide this list"},
}

func helpPanel(doc dom.Document, id string) dom.Element {
	panel := doc.New("div", "pg-help-panel", "")
	panel.SetAttr("id", id)
	panel.SetAttr("role", "region")
	panel.SetAttr("aria-label", "Keyboard shortcuts")
	panel.Append(doc.New("p", "", "Keyboard shortcuts, when the demo has the focus (not while typing in a field):"))
	dl := doc.New("dl", "", "")
	for _, s := range shortcuts {
		row := doc.New("div", "", "")
		row.Append(doc.New("dt", "", ""), doc.New("dd", "", s[1]))
		dt, _ := row.QuerySelector("dt")
		dt.Append(doc.New("kbd", "", s[0]))
		dl.Append(row)
	}
	panel.Append(dl)
	panel.SetHidden(true)
	return panel
}

func buildField(doc dom.Document, id string, f form.Field) fieldUI {
	box := doc.New("div", "pg-field", "")
	label := doc.New("label", "", f.Name)
	label.SetAttr("for", id)
	var input dom.Element
	if f.Type == "select" {
		input = doc.New("select", "", "")
		for _, o := range f.Options {
			input.Append(option(doc, o, o))
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

func option(doc dom.Document, value, text string) dom.Element {
	o := doc.New("option", "", text)
	o.SetAttr("value", value)
	return o
}

// button makes a button; label, when set, is its accessible name where the
// text alone says too little.
func button(doc dom.Document, typ, class, text, label string) dom.Button {
	b := doc.New("button", class, text)
	b.SetAttr("type", typ)
	if label != "" {
		b.SetAttr("aria-label", label)
		b.SetAttr("title", label)
	}
	return dom.AsButton(b)
}

func labelled(doc dom.Document, class, text string, control dom.Element) dom.Element {
	l := doc.New("label", class, "")
	l.Append(doc.New("span", "", text), control)
	return l
}
