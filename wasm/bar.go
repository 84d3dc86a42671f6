//go:build js && wasm

package main

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// bar is the playback bar under the picture: play or pause, step, back to
// the start, the time slider over its strip of marks, the speed, and on a
// phone the button that opens the parameters. On a phone it stays on
// screen while the rest of the demo scrolls under it.
type bar struct {
	box                      dom.Element
	pause, back, step, reset dom.Button
	time                     dom.Input
	marks                    dom.Canvas // the timeline's marks, under the time slider
	speed                    dom.Input  // a slider over log10 of the speed
	speedTx                  dom.Element
	fit                      dom.Button // the speed that plays the run in about 15 s
	panel                    dom.Button
}

// speedStep is the speed slider's step, in tenths of a decade: a key press
// changes the speed by about a quarter.
const speedStep = 0.1

func buildBar(doc dom.Document, id string) bar {
	var b bar
	b.box = doc.New("div", "pg-bar", "")
	b.box.SetAttr("role", "group")
	b.box.SetAttr("aria-label", "Playback")
	b.pause = button(doc, "button", "pg-pause", "Play", "")
	b.back = button(doc, "button", "pg-icon", "◀", "Step back to the previous event")
	b.step = button(doc, "button", "pg-icon", "▶", "Step to the next event")
	b.reset = button(doc, "button", "pg-icon pg-reset", "↺", "Back to the start")

	timeline := doc.New("div", "pg-timeline", "")
	b.time = dom.AsInput(doc.New("input", "", ""))
	setAttrs(b.time.Element, "type", "range", "min", "0", "max", "0", "step", "any", "aria-label", "time")
	b.marks = dom.AsCanvas(doc.New("canvas", "pg-marks", ""))
	b.marks.SetAttr("aria-hidden", "true") // the event log and the narration say the same
	timeline.Append(b.time.Element, b.marks.Element)

	b.speed = dom.AsInput(doc.New("input", "", ""))
	setAttrs(b.speed.Element, "type", "range", "aria-label", "speed",
		"min", num(math.Log10(view.MinSpeed)), "max", num(math.Log10(view.MaxSpeed)), "step", num(speedStep))
	b.speedTx = doc.New("output", "pg-speed-text", "1×")
	b.speedTx.SetAttr("aria-hidden", "true") // the slider's value text says it
	b.fit = button(doc, "button", "pg-fit", "fit", "Play the run in about 15 seconds")
	b.fit.SetAttr("aria-pressed", "true")
	speed := doc.New("div", "pg-speed", "")
	speed.Append(doc.New("span", "pg-speed-label", "speed"), b.speed.Element, b.speedTx, b.fit.Element)

	b.panel = button(doc, "button", "pg-open", "Parameters", "")
	b.panel.SetAttr("aria-expanded", "false")

	play := doc.New("div", "pg-bar-row", "")
	play.Append(b.pause.Element, b.back.Element, b.step.Element, b.reset.Element, timeline)
	more := doc.New("div", "pg-bar-row", "")
	more.Append(speed, b.panel.Element)
	b.box.Append(play, more)
	return b
}

// showSpeed sets the speed slider, its readout and the fit button to
// speed s, fitted or chosen.
func (b bar) showSpeed(s float64, fit bool) {
	text := form.FormatSpeed(s) + "×"
	b.speed.SetValue(strconv.FormatFloat(math.Log10(s), 'f', 1, 64))
	b.speed.SetAttr("aria-valuetext", text)
	b.speedTx.SetText(text)
	b.fit.SetAttr("aria-pressed", strconv.FormatBool(fit))
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// setAttrs sets attributes given as name, value pairs, skipping empty
// values.
func setAttrs(el dom.Element, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			el.SetAttr(pairs[i], pairs[i+1])
		}
	}
}
