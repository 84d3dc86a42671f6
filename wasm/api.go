//go:build js && wasm

package main

import (
	"fmt"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// api returns the demo's entry in window.playgrounds, at index. A side of
// a pair says which side it is, its label and pairOf, the index of the
// other side. Its functions live as long as the demo: for the page's life,
// unless the replay page replaces the demo, which withdraws them
// (d.withdraw). Each recovers: a panic breaks the demo and the call
// returns an error value (or a rejected promise), never an exception.
func (d *demo) api(index int) js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("pattern", d.scn.Name)
	if d.pair != nil { // which entry of window.playgrounds shares its clock
		obj.Set("pairOf", index+1-2*d.side())
		obj.Set("side", d.side())
		if label, ok := d.root.Attr("data-pair-label"); ok {
			obj.Set("label", label)
		}
	}
	var names []string
	var funcs []js.Func
	d.withdraw = func() {
		for i, f := range funcs {
			obj.Delete(names[i])
			f.Release()
		}
		obj.Set("retired", true)
	}
	method := func(name string, fn func(args []js.Value) any, onPanic func(why string) any) {
		names = append(names, name)
		funcs = append(funcs, js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
			defer func() {
				if r := recover(); r != nil {
					why := fmt.Sprint("panic: ", r)
					d.fail(why)
					out = onPanic(why)
				}
			}()
			return fn(args)
		}))
		obj.Set(name, funcs[len(funcs)-1])
	}
	null := func(string) any { return js.Null() }
	method("params", func([]js.Value) any { return paramsObject(d.scn, d.readForm()) }, null)
	method("setParams", d.setParams, func(why string) any {
		return js.ValueOf([]any{fieldError("", why)})
	})
	method("run", func([]js.Value) any { return d.run() }, func(why string) any {
		p, _, reject := dom.NewPromise()
		reject(dom.NewError(why))
		return p
	})
	method("summary", func([]js.Value) any {
		if d.last == nil {
			return js.Null()
		}
		return summaryObject(d.scn, d.last.summary)
	}, null)
	method("trace", func([]js.Value) any { return d.traceArray() }, null)
	method("moment", func([]js.Value) any { return d.momentObject() }, null)
	method("time", func([]js.Value) any { return d.player.T() }, null)
	method("playing", func([]js.Value) any { return d.player.Playing() }, null)
	method("speed", func([]js.Value) any { return d.player.Speed() }, null)
	method("seek", func(args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			d.player.Pause()
			d.autoPaused, d.chosen, d.still = false, true, false
			d.seek(args[0].Float())
		}
		return d.player.T()
	}, null)
	method("presets", func([]js.Value) any {
		names := make([]any, len(d.kit.Presets))
		for i, p := range d.kit.Presets {
			names[i] = p.Name
		}
		return js.ValueOf(names)
	}, null)
	method("applyPreset", func(args []js.Value) any {
		name := ""
		if len(args) > 0 {
			name, _ = dom.Text(args[0])
		}
		out := []any{}
		for _, p := range d.applyPreset(name) {
			out = append(out, fieldError("", p))
		}
		return js.ValueOf(out)
	}, func(why string) any { return js.ValueOf([]any{fieldError("", why)}) })
	method("sweep", func([]js.Value) any {
		p, resolve, reject := dom.NewPromise()
		if d.kit.Sweep.Param == "" {
			reject(dom.NewError(d.scn.Name + " offers no sweep"))
			return p
		}
		d.startSweep(&pending{resolve, reject})
		return p
	}, func(why string) any {
		p, _, reject := dom.NewPromise()
		reject(dom.NewError(why))
		return p
	})
	method("exportTrace", func(args []js.Value) any {
		format := "json"
		if len(args) > 0 {
			format, _ = dom.Text(args[0])
		}
		data := d.exported(format)
		if data == nil {
			return js.Null()
		}
		return string(data)
	}, null)
	return obj
}

// setParams applies parameters given as an object over the form's values.
// On success it updates the form (and the URL, for the first demo), which
// re-runs the demo as an edit does, and returns an empty array; otherwise it changes nothing and returns the
// errors as {param, message} objects.
func (d *demo) setParams(args []js.Value) any {
	in := js.Undefined()
	if len(args) > 0 {
		in = args[0]
	}
	if d.broken {
		return js.ValueOf([]any{fieldError("", "this demo stopped after an error")})
	}
	given, err := dom.StringMap(in)
	if err != nil {
		return js.ValueOf([]any{fieldError("", err.Error())})
	}
	errs := d.setValues(given)
	out := make([]any, len(errs))
	for i, e := range errs {
		out[i] = fieldError(e.Param, e.Message)
	}
	return js.ValueOf(out)
}

// setValues applies given over the form's values. If the scenario accepts
// them, it shows them in the form and takes them as an edit (the link and a
// re-run follow); otherwise it changes nothing and returns the errors.
func (d *demo) setValues(given map[string]string) []scenario.FieldError {
	raw := d.readForm()
	for k, v := range given {
		raw[k] = v
	}
	v, errs := d.scn.Parse(raw)
	if len(errs) > 0 {
		return errs
	}
	d.setForm(v.Raw())
	if len(d.kit.Presets) > 0 {
		d.ui.preset.SetValue("")
	}
	d.changed(v.Raw())
	return nil
}

// run computes a run of the form's values, to play from its start, and
// returns a promise of its summary. While a run of these values is being
// computed, it returns a promise of that run's summary.
func (d *demo) run() js.Value {
	p, resolve, reject := dom.NewPromise()
	switch {
	case d.broken:
		reject(dom.NewError("this demo stopped after an error"))
	case !d.valid:
		reject(dom.NewError("the parameters are not valid: " + strings.Join(d.problems(), "; ")))
	default:
		d.waiting = append(d.waiting, pending{resolve, reject})
		d.rerun.Stop()
		d.startAt = -1
		if j := d.job; j != nil && j.current() {
			j.fromStart = true
		} else {
			d.compute(true)
		}
	}
	return p
}

// problems lists the form's validation errors.
func (d *demo) problems() []string {
	_, errs := d.scn.Parse(d.readForm())
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// fieldError is a validation error as data: {param, message}.
func fieldError(param, message string) js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("param", param)
	obj.Set("message", message)
	return obj
}

// paramsObject is raw values with their keys in the scenario's order.
func paramsObject(scn *scenario.Scenario, raw map[string]string) js.Value {
	obj := js.Global().Get("Object").New()
	for _, p := range scn.Params {
		obj.Set(p.Name, raw[p.Name])
	}
	return obj
}

// summaryObject is a run's summary with its keys in the scenario's order.
func summaryObject(scn *scenario.Scenario, sum map[string]float64) js.Value {
	obj := js.Global().Get("Object").New()
	for _, k := range scn.Summary {
		obj.Set(k, sum[k])
	}
	return obj
}

// summaryText is a run's summary in words. It is of the whole run, and
// says so: the picture, paused mid-run, counts only up to the time shown.
func summaryText(scn *scenario.Scenario, sum map[string]float64, tookMs float64) string {
	return "Whole run: " + figures(scn, sum) + " · " + view.Ms(sum["virtual_ms"]) + " virtual ms, computed in " +
		strconv.FormatFloat(tookMs, 'f', 1, 64) + " ms."
}

// figures words a summary's figures but its length, in the scenario's
// order: "items 30 · ok 28 · failed 2".
func figures(scn *scenario.Scenario, sum map[string]float64) string {
	parts := make([]string, 0, len(scn.Summary))
	for _, k := range scn.Summary {
		if k != "virtual_ms" {
			parts = append(parts, figureName(k)+" "+view.Ms(sum[k]))
		}
	}
	return strings.Join(parts, " · ")
}

// figureName is a summary key as the reader reads it: "timed out".
func figureName(key string) string { return strings.ReplaceAll(key, "_", " ") }

// traceArray is the last run's trace as plain objects, [] before a run.
func (d *demo) traceArray() js.Value {
	arr := js.Global().Get("Array").New()
	if d.last == nil {
		return arr
	}
	for _, r := range d.last.trace {
		obj := js.Global().Get("Object").New()
		obj.Set("t", float64(r.At)/1e6)
		obj.Set("kind", r.Kind.String())
		obj.Set("id", int(r.ID))
		obj.Set("slot", int(r.Slot))
		if r.N != 0 { // the count a stage event carries
			obj.Set("n", int(r.N))
		}
		if r.Detail != "" {
			obj.Set("detail", r.Detail)
		}
		arr.Call("push", obj)
	}
	return arr
}
