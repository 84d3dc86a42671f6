//go:build js && wasm

package main

import (
	"slices"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// fieldUI is one parameter's input, its slider when it is a knob, and its
// validation message.
type fieldUI struct {
	form.Field
	box    dom.Element
	input  dom.Input
	msg    dom.Element
	slider dom.Input   // the knob's range input; nil Element when none
	scale  form.Slider // how the slider maps to the input's text
}

// buildForm makes the form: the knobs first, in the kit's order, then the
// preset and every other parameter under a closed "More parameters".
func (u *ui) buildForm(doc dom.Document, id string, scn *scenario.Scenario, kit view.Kit) {
	u.form = doc.New("form", "pg-form", "")
	u.form.SetAttr("novalidate", "") // our messages, not the browser's bubbles
	fields := form.Fields(scn)
	knobs := doc.New("div", "pg-knobs", "")
	more := doc.New("details", "pg-params", "")
	more.Append(doc.New("summary", "", "More parameters"))
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
		more.Append(box)
	}
	grid := doc.New("div", "pg-fields", "")
	knobAt := make([]int, len(kit.Knobs)) // the field of each knob, in u.fields
	for _, f := range fields {
		i := slices.IndexFunc(kit.Knobs, func(k view.Knob) bool { return k.Param == f.Name })
		var sl *form.Slider
		if i >= 0 {
			knobAt[i] = len(u.fields)
			if s, ok := form.NewSlider(scn, kit.Knobs[i]); ok {
				sl = &s
			}
		}
		fu := buildField(doc, id+"-"+f.Name, f, sl)
		u.fields = append(u.fields, fu)
		if i < 0 {
			grid.Append(fu.box)
		}
	}
	for _, at := range knobAt { // in the kit's order, not the scenario's
		box := u.fields[at].box
		box.SetClass("pg-knob", true)
		knobs.Append(box)
	}
	more.Append(grid)
	u.notice = doc.New("p", "pg-notice", "")
	u.notice.SetHidden(true)
	u.form.Append(knobs, u.notice, more)
}

func buildField(doc dom.Document, id string, f form.Field, sl *form.Slider) fieldUI {
	box := doc.New("div", "pg-field", "")
	label := doc.New("label", "", f.Name)
	label.SetAttr("for", id)
	label.SetAttr("id", id+"-label")
	var input dom.Element
	if f.Type == "select" {
		input = doc.New("select", "", "")
		for _, o := range f.Options {
			input.Append(option(doc, o, o))
		}
	} else {
		input = doc.New("input", "", "")
		input.SetAttr("type", f.Type)
		setAttrs(input, "min", f.Min, "max", f.Max, "step", f.Step, "inputmode", f.InputMode)
	}
	input.SetAttr("id", id)
	input.SetAttr("name", f.Name)
	input.SetAttr("aria-describedby", id+"-help "+id+"-msg")
	help := doc.New("small", "pg-help", f.Help)
	help.SetAttr("id", id+"-help")
	msg := doc.New("small", "pg-msg", "")
	msg.SetAttr("id", id+"-msg")
	fu := fieldUI{Field: f, box: box, input: dom.AsInput(input), msg: msg}
	switch {
	case f.Type == "checkbox":
		box.SetAttr("class", "pg-field pg-check")
		box.Append(input, label, help, msg)
	case sl != nil:
		// The slider for the hand, the number beside it for exact values
		// and the keyboard; both name the same parameter.
		fu.scale = *sl
		fu.slider = dom.AsInput(doc.New("input", "pg-slider", ""))
		lo, hi, step := sl.Attrs()
		setAttrs(fu.slider.Element, "type", "range", "min", lo, "max", hi, "step", step, "id", id+"-slider",
			"aria-labelledby", id+"-label", "aria-describedby", id+"-help")
		row := doc.New("div", "pg-slide", "")
		row.Append(fu.slider.Element, input)
		box.SetAttr("class", "pg-field pg-sliding")
		box.Append(label, row, help, msg)
	default:
		box.Append(label, input, help, msg)
	}
	return fu
}

// showSlider moves a knob's slider to the input's value; a value the
// slider cannot show leaves it where it is.
func (f fieldUI) showSlider(raw string) {
	if f.slider.JSValue().IsUndefined() {
		return
	}
	if pos, ok := f.scale.Pos(raw); ok {
		f.slider.SetValue(num(pos))
		f.slider.SetAttr("aria-valuetext", raw)
	}
}
