//go:build js && wasm

package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// show replaces the demo shown with a new demo of the trace's pattern,
// replaying the trace. The new one is built first, in the same element,
// so that if it cannot be, the old one stays as it was; then the old one
// is retired and window.playgrounds[0] is the new one.
func (r *replayer) show(tr trace.Trace) ([]string, error) {
	if _, ok := scenario.Lookup(tr.Pattern); !ok {
		return nil, fmt.Errorf("it is a trace of the %s pattern, which this playground does not draw (it draws %s)",
			strconv.Quote(tr.Pattern), strings.Join(scenario.Names(), ", "))
	}
	old, root := r.d, r.d.root
	name, _ := root.Attr("data-playground")
	params, hadParams := root.Attr("data-params")
	if tr.Pattern != name {
		root.SetAttr("data-playground", tr.Pattern)
		root.RemoveAttr("data-params") // the page's values are for its own pattern
	}
	d, err := newDemo(r.doc, root, 0, nil)
	if err != nil {
		root.SetAttr("data-playground", name)
		if hadParams {
			root.SetAttr("data-params", params)
		}
		return nil, err
	}
	notes := d.replay(tr)
	old.retire()
	r.d = d
	js.Global().Get("playgrounds").SetIndex(0, d.api(0))
	return notes, nil
}

// retire takes a demo out of the page for good: what it has under way
// stops, its listeners, timers and frames are released, its functions
// leave window.playgrounds, and its elements leave the page.
func (d *demo) retire() {
	d.broken = true // a callback already queued does nothing
	d.stop("the replay page opened another trace in its place")
	d.unhook()
	if d.withdraw != nil {
		d.withdraw()
	}
	for _, el := range d.ui.parts {
		el.Remove()
	}
}

// replay shows a trace of the demo's pattern instead of a computed run.
// The trace's parameters fill the form where they are the scenario's and
// valid; the others are left at their defaults and named in the notes.
func (d *demo) replay(tr trace.Trace) (notes []string) {
	v, notes := traceValues(d.scn, tr.Params)
	end := 0.0
	if n := len(tr.Events); n > 0 {
		end = float64(tr.Events[n-1].At) / 1e6
	}
	d.setForm(v.Raw())
	d.check(v.Raw(), nil)
	d.startAt = -1
	d.present(&result{trace: tr.Events, summary: d.scn.SummaryOf(v, tr.Events, end), values: v}, 0)
	d.ui.summary.SetText(summaryLine(d.scn, d.last.summary))
	return notes
}

// traceValues keeps the trace's parameters that the scenario has and
// accepts.
func traceValues(scn *scenario.Scenario, params map[string]string) (scenario.Values, []string) {
	known := map[string]string{}
	var notes []string
	for k, val := range params {
		if _, ok := scn.Param(k); ok {
			known[k] = val
		} else {
			notes = append(notes, "The trace's parameter "+strconv.Quote(k)+" is not one of "+scn.Name+"'s, so it is not shown.")
		}
	}
	v, errs := scn.Parse(known)
	for _, e := range errs {
		delete(known, e.Param)
		notes = append(notes, "The trace's "+e.Error()+"; the default is shown instead.")
	}
	if len(errs) > 0 {
		v, _ = scn.Parse(known)
	}
	slices.Sort(notes)
	return v, notes
}

// summaryLine is a replayed trace's summary in words.
func summaryLine(scn *scenario.Scenario, sum map[string]float64) string {
	return "Whole trace: " + figures(scn, sum) + " · " + view.Ms(sum["virtual_ms"]) + " ms recorded."
}
