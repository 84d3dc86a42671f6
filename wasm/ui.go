//go:build js && wasm

package main

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// logSize is how many recent events the event log lists.
const logSize = 40

// ui holds the elements of one demo.
//
// The picture comes first: the canvas, the playback bar under it, the
// legend and the summary. Beside them on a wide screen, under them on a
// narrower one and as a panel the bar opens on a phone, the form: the
// kit's knobs, then every other parameter under "More parameters". The
// charts, the sweep, the tools and the event log follow.
type ui struct {
	main    dom.Element // the picture and the form, side by side when there is room
	form    dom.Element
	side    dom.Element // the form's box: a panel on a phone
	fields  []fieldUI
	notice  dom.Element // messages that belong to no field
	preset  dom.Input   // a <select> of the kit's presets; nil Element when none
	panel   dom.Button  // opens the form as a panel, on a phone
	closeP  dom.Button  // closes it
	bar     bar
	canvas  dom.Canvas
	busy    dom.Element // "computing…" over the picture, for a long compute
	busyTx  dom.Element
	spot    dom.Element // a guided moment's ring over the picture
	spotTx  dom.Element // and its words
	legend  dom.Element
	summary dom.Element
	charts  dom.Canvas
	waitTx  dom.Element // what the charts section says before a run
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

// buildUI makes a demo's widget for fields and kit; id prefixes element
// ids so that labels find their inputs when a page has several demos.
func buildUI(doc dom.Document, id string, scn *scenario.Scenario, kit view.Kit) ui {
	var u ui
	u.main = doc.New("div", "pg-main", "")
	figure := doc.New("div", "pg-figure", "")
	box := doc.New("div", "pg-canvas-box", "")
	u.canvas = dom.AsCanvas(doc.New("canvas", "pg-canvas", ""))
	u.canvas.SetAttr("role", "img")
	u.canvas.SetAttr("tabindex", "0")
	u.canvas.SetAttr("aria-label", kit.Describe+" Keys: space plays or pauses, arrows step, ? lists the shortcuts.")
	u.busy = doc.New("div", "pg-busy", "")
	u.busy.SetHidden(true)
	u.busyTx = doc.New("span", "", "")
	progress := doc.New("progress", "", "")
	progress.SetAttr("aria-label", "Computing the run")
	u.busy.Append(progress, u.busyTx)
	u.spot = doc.New("div", "pg-spot", "")
	u.spot.SetAttr("aria-hidden", "true")
	u.spot.SetHidden(true)
	u.spotTx = doc.New("p", "pg-spot-text", "")
	u.spotTx.SetHidden(true)
	box.Append(u.canvas.Element, u.busy, u.spot, u.spotTx)
	u.bar = buildBar(doc, id)
	u.panel = u.bar.panel
	u.legend = legend(doc, kit.Legend)
	u.summary = doc.New("p", "pg-summary", "")
	u.summary.SetAttr("aria-live", "polite")
	figure.Append(box, u.bar.box, u.legend, u.summary)

	u.side = doc.New("div", "pg-side", "")
	u.side.SetAttr("id", id+"-side")
	u.side.SetAttr("role", "region")
	u.side.SetAttr("aria-label", "Parameters")
	head := doc.New("div", "pg-side-head", "")
	u.closeP = button(doc, "button", "pg-close", "Close", "Close the parameters")
	head.Append(doc.New("span", "", "Parameters"), u.closeP.Element)
	u.panel.SetAttr("aria-controls", id+"-side")
	u.buildForm(doc, id, scn, kit)
	u.side.Append(head, u.form)
	u.main.Append(figure, u.side)

	charts := section(doc, "pg-charts", "Charts", true)
	u.waitTx = doc.New("p", "pg-wait", "The charts draw once the run is computed, as soon as the demo is on screen.")
	u.charts = dom.AsCanvas(doc.New("canvas", "pg-chart", ""))
	u.charts.SetAttr("role", "img")
	u.charts.SetAttr("aria-label", "Charts of the run: tasks active and queued over time, percentiles of task duration, throughput. A vertical line marks the time shown.")
	u.charts.SetHidden(true)
	charts.Append(u.waitTx, u.charts.Element)

	sweep := u.buildSweep(doc, kit)

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

	parts := []dom.Element{u.main, charts}
	if kit.Sweep.Param != "" {
		parts = append(parts, sweep)
	}
	u.parts = append(parts, tools, u.help, u.embed.box, logBox, u.live, u.failure)
	return u
}

// buildSweep makes the sweep's section.
func (u *ui) buildSweep(doc dom.Document, kit view.Kit) dom.Element {
	sweep := section(doc, "pg-sweep", "Sweep", false)
	u.sweepTx = doc.New("p", "pg-sweep-text", "")
	u.sweepTx.SetAttr("aria-live", "polite")
	u.sweepCv = dom.AsCanvas(doc.New("canvas", "pg-chart pg-sweep-chart", ""))
	u.sweepCv.SetAttr("role", "img")
	u.sweepCv.SetHidden(true)
	if p := kit.Sweep.Param; p != "" {
		u.sweep = button(doc, "button", "", "Sweep "+p, "")
		titles := sweepTitles(kit.Sweep)
		u.sweepTx.SetText("Runs the form's parameters " + strconv.Itoa(len(kit.Sweep.Values)) + " times, with " + p +
			" from " + kit.Sweep.Values[0] + " to " + kit.Sweep.Values[len(kit.Sweep.Values)-1] +
			", and plots " + titles + " against it.")
		u.sweepCv.SetAttr("aria-label", "The "+titles+" against "+p+"; the figures are in the table under it, whose buttons load each run.")
		u.sweepTb = doc.New("div", "pg-sweep-table", "")
		sweep.Append(u.sweep.Element, u.sweepTx, u.sweepCv.Element, u.sweepTb)
	}
	return sweep
}

// sweepTitles names a sweep's plots in a sentence: "a, b and c".
func sweepTitles(s view.Sweep) string {
	out := ""
	for i, pl := range s.Plots {
		switch {
		case i == 0:
		case i == len(s.Plots)-1:
			out += " and "
		default:
			out += ", "
		}
		out += pl.Title
	}
	return out
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
	{"Esc", "hide this list, or the parameters' panel"},
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
