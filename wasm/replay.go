//go:build js && wasm && (!pg_only || pg_stream)

package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/trace"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// traceParam is the replay page's URL parameter naming a trace file of the
// same site.
const traceParam = "trace"

// replayer is the replay page's way in: a file picker, a drop anywhere on
// the page, or the address's trace= parameter. What it opens is shown by
// the page's demo, with the demo's views, scrubbing and charts.
type replayer struct {
	d       *demo
	status  dom.Element // what is shown, or what is being opened
	problem dom.Element // why the last file was refused
}

// startReplay puts the replay controls in front of the demo and opens the
// trace the address names, if any. Listeners live as long as the page.
func startReplay(doc dom.Document, d *demo) {
	r := &replayer{d: d}
	box := doc.New("div", "replay-open", "")
	label := doc.New("label", "", "Open a trace file (or drop one on the page): ")
	input := doc.New("input", "", "")
	input.SetAttr("type", "file")
	input.SetAttr("accept", ".json,application/json")
	input.SetAttr("id", "replay-file")
	label.Append(input)
	r.status = doc.New("p", "replay-status", "No trace opened yet.")
	r.status.SetAttr("role", "status")
	r.problem = doc.New("p", "playground-error replay-problem", "")
	r.problem.SetAttr("role", "alert")
	r.problem.SetHidden(true)
	box.Append(label, r.status, r.problem)
	d.root.JSValue().Call("before", box.JSValue())

	input.AddEventListener("change", func(dom.Event) {
		d.guard(func() { r.openFiles(dom.Files(input.JSValue().Get("files"))) })
	})
	dom.OnWindow("dragover", func(e dom.Event) { e.PreventDefault() })
	dom.OnWindow("drop", func(e dom.Event) {
		e.PreventDefault()
		d.guard(func() { r.openFiles(e.Files()) })
	})
	if raw, ok := dom.Query()[traceParam]; ok {
		r.openURL(raw)
	}
}

// openFiles opens the first file picked or dropped.
func (r *replayer) openFiles(files []dom.File) {
	if len(files) == 0 {
		return
	}
	f := files[0]
	if f.Size() > trace.MaxBytes {
		r.refuse(f.Name(), fmt.Errorf("the file is %d MB, more than the %d MB this page opens", f.Size()>>20, trace.MaxBytes>>20))
		return
	}
	r.status.SetText("Opening " + f.Name() + "…")
	f.Read(func(data []byte, err error) { r.d.guard(func() { r.open(f.Name(), data, err) }) })
}

// openURL opens a trace file of this site by address.
func (r *replayer) openURL(raw string) {
	url, err := dom.SameOrigin(raw)
	if err != nil {
		r.refuse(raw, err)
		return
	}
	r.status.SetText("Opening " + raw + "…")
	dom.Fetch(url, trace.MaxBytes, func(data []byte, err error) { r.d.guard(func() { r.open(raw, data, err) }) })
}

// open reads a trace and shows it, or says why it cannot.
func (r *replayer) open(name string, data []byte, err error) {
	if err != nil {
		r.refuse(name, err)
		return
	}
	tr, skipped, err := trace.Read(bytes.NewReader(data))
	if err == nil {
		var notes []string
		if notes, err = r.d.replay(tr); err == nil {
			r.problem.SetHidden(true)
			r.status.SetText(replayStatus(name, tr, skipped, notes))
			return
		}
	}
	r.refuse(name, err)
}

// refuse says why a file was not opened; the page keeps what it showed.
func (r *replayer) refuse(name string, err error) {
	r.problem.SetText("Could not open " + strconv.Quote(name) + ": " + err.Error() + ". The page still shows what it showed before.")
	r.problem.SetHidden(false)
	if r.d.last == nil {
		r.status.SetText("No trace opened yet.")
	}
}

func replayStatus(name string, tr trace.Trace, skipped int, notes []string) string {
	end := 0.0
	if n := len(tr.Events); n > 0 {
		end = float64(tr.Events[n-1].At) / 1e6
	}
	s := fmt.Sprintf("Replaying %s: %d events over %s ms of %s time.", name, len(tr.Events), view.Ms(end), tr.Clock)
	if skipped > 0 {
		s += fmt.Sprintf(" %d events of kinds this playground does not draw were left out.", skipped)
	}
	return strings.Join(append([]string{s}, notes...), " ")
}

// replay shows a trace instead of a computed run. The trace's parameters
// fill the form where they are the scenario's and valid; the others are
// left at their defaults and named in the notes.
func (d *demo) replay(tr trace.Trace) (notes []string, err error) {
	if tr.Pattern != d.scn.Name {
		return nil, fmt.Errorf("it is a trace of the %s pattern, and this page replays %s traces", strconv.Quote(tr.Pattern), d.scn.Name)
	}
	if d.job != nil || d.sweeping != nil {
		return nil, errors.New("a run is being computed; open the trace again when it ends")
	}
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
	return notes, nil
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
	parts := make([]string, 0, len(scn.Summary))
	for _, k := range scn.Summary {
		if k != "virtual_ms" {
			parts = append(parts, strings.ReplaceAll(k, "_", " ")+" "+view.Ms(sum[k]))
		}
	}
	return "Whole trace: " + strings.Join(parts, " · ") + " · " + view.Ms(sum["virtual_ms"]) + " ms recorded."
}
