//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/wasm/form"
)

// setForm shows raw values in the form's inputs.
func (d *demo) setForm(raw map[string]string) {
	d.unshown = map[string]string{}
	for _, f := range d.ui.fields {
		v := raw[f.Name]
		if f.Type == "checkbox" {
			b, _ := strconv.ParseBool(strings.TrimSpace(v))
			f.input.SetChecked(b)
			continue
		}
		f.input.SetValue(v)
		if f.input.Value() != v {
			d.unshown[f.Name] = v
		}
		f.showSlider(v)
	}
}

// readForm returns the values in the form's inputs.
func (d *demo) readForm() map[string]string {
	raw := make(map[string]string, len(d.ui.fields))
	for _, f := range d.ui.fields {
		if f.Type == "checkbox" {
			raw[f.Name] = strconv.FormatBool(f.input.Checked())
			continue
		}
		raw[f.Name] = f.input.Value()
		if v, ok := d.unshown[f.Name]; ok {
			raw[f.Name] = v
		}
	}
	return raw
}

// check validates raw values, shows each field's message and the notes
// that belong to no field, and reports whether the values are valid. Valid
// values become the next run's; before any run the canvas previews them.
func (d *demo) check(raw map[string]string, notes []string) bool {
	v, errs := d.scn.Parse(raw)
	byField, other := form.Messages(d.scn, errs)
	for _, f := range d.ui.fields {
		msg := byField[f.Name]
		f.msg.SetText(msg)
		if msg != "" {
			f.input.SetAttr("aria-invalid", "true")
		} else {
			f.input.RemoveAttr("aria-invalid")
		}
	}
	notes = append(notes, other...)
	if len(errs) > 0 && d.last != nil {
		notes = append(notes, "The picture shows the run of the last valid parameters.")
	}
	d.ui.notice.SetText(strings.Join(notes, " "))
	d.ui.notice.SetHidden(len(notes) == 0)
	d.valid = len(errs) == 0
	if d.valid {
		d.values = v
		d.edit++
		d.updateEmbed()
		if d.last == nil {
			d.show(d.kit.New(nil, v), nil)
		}
	}
	d.controls()
	if d.swept() {
		d.drawSweep() // its marker follows the form
	}
	return d.valid
}

// applyPreset fills the form with the named preset over the page's own
// parameters, which re-runs the demo, and reports the preset's problems (none for a known preset
// whose values the scenario accepts).
func (d *demo) applyPreset(name string) []string {
	for _, p := range d.kit.Presets {
		if p.Name != name {
			continue
		}
		params := p.Params
		if d.pair != nil {
			params = d.pair.common(params)
		}
		raw, unknown := form.Merge(d.scn, d.page, params)
		d.setForm(raw)
		d.ui.preset.SetValue(name)
		if d.changed(raw); !d.valid {
			return d.problems()
		}
		if len(unknown) > 0 {
			return []string{"the preset names unknown parameters: " + strings.Join(unknown, ", ")}
		}
		return nil
	}
	return []string{"no preset named " + strconv.Quote(name)}
}
