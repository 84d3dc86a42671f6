//go:build js && wasm

package main

import (
	"bytes"
	"fmt"
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
// the page, or the address's trace= parameter. What it opens is shown by a
// demo of the trace's pattern, with that demo's views, scrubbing and
// charts: each trace opened gets a fresh demo, which replaces the one shown.
type replayer struct {
	doc     dom.Document
	d       *demo       // the demo shown, window.playgrounds[0]
	status  dom.Element // what is shown, or what is being opened
	problem dom.Element // why the last file was refused
}

// startReplay puts the replay controls in front of the demo and opens the
// trace the address names, if any. Listeners live as long as the page.
func startReplay(doc dom.Document, d *demo) {
	r := &replayer{doc: doc, d: d}
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
		r.guard("the file", func() { r.openFiles(dom.Files(input.JSValue().Get("files"))) })
	})
	dom.OnWindow("dragover", func(e dom.Event) { e.PreventDefault() })
	dom.OnWindow("drop", func(e dom.Event) {
		e.PreventDefault()
		r.guard("the file", func() { r.openFiles(e.Files()) })
	})
	if raw, ok := dom.Query()[traceParam]; ok {
		r.openURL(raw)
	}
}

// guard runs a callback's body; a panic in it refuses what was being
// opened, and the page keeps what it showed.
func (r *replayer) guard(name string, fn func()) {
	defer func() {
		if p := recover(); p != nil {
			r.refuse(name, fmt.Errorf("the playground hit a bug (panic: %v)", p))
		}
	}()
	fn()
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
	f.Read(func(data []byte, err error) { r.guard(f.Name(), func() { r.open(f.Name(), data, err) }) })
}

// openURL opens a trace file of this site by address.
func (r *replayer) openURL(raw string) {
	url, err := dom.SameOrigin(raw)
	if err != nil {
		r.refuse(raw, err)
		return
	}
	r.status.SetText("Opening " + raw + "…")
	dom.Fetch(url, trace.MaxBytes, func(data []byte, err error) { r.guard(raw, func() { r.open(raw, data, err) }) })
}

// open reads a trace and shows it, or says why it cannot.
func (r *replayer) open(name string, data []byte, err error) {
	if err != nil {
		r.refuse(name, err)
		return
	}
	tr, skipped, err := trace.Read(bytes.NewReader(data))
	if err != nil {
		r.refuse(name, err)
		return
	}
	notes, err := r.show(tr)
	if err != nil {
		r.refuse(name, err)
		return
	}
	r.problem.SetHidden(true)
	r.status.SetText(replayStatus(name, r.d.scn, tr, skipped, notes))
}

// refuse says why a file was not opened; the page keeps what it showed.
func (r *replayer) refuse(name string, err error) {
	r.problem.SetText("Could not open " + strconv.Quote(name) + ": " + err.Error() + ". The page still shows what it showed before.")
	r.problem.SetHidden(false)
	if r.d.last == nil {
		r.status.SetText("No trace opened yet.")
	}
}

// replayStatus says what is shown: which file, of which pattern, how long.
func replayStatus(name string, scn *scenario.Scenario, tr trace.Trace, skipped int, notes []string) string {
	end := 0.0
	if n := len(tr.Events); n > 0 {
		end = float64(tr.Events[n-1].At) / 1e6
	}
	s := fmt.Sprintf("Replaying %s, a trace of the %s (%s): %d events over %s ms of %s time.",
		name, strings.ToLower(scn.Title), scn.Name, len(tr.Events), view.Ms(end), tr.Clock)
	if skipped > 0 {
		s += fmt.Sprintf(" %d events of kinds this playground does not draw were left out.", skipped)
	}
	return strings.Join(append([]string{s}, notes...), " ")
}
