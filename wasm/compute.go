//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/concurrency-patterns/playground/patterns/scenario"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/view"
)

// progressEvery is how many clock steps pass between two "computing…"
// updates of the summary line.
const progressEvery = 512

// compute starts a run of the form's values, unless one is being computed.
// The loader's playgroundDrive calls step from a JavaScript loop, so every
// step happens when all goroutines of the run are blocked (see package
// clock), and calls done at the end; neither blocks.
func (d *demo) compute() {
	if d.computing != nil || !d.valid {
		return
	}
	drive := js.Global().Get("playgroundDrive")
	if drive.Type() != js.TypeFunction {
		d.fail("playgroundDrive is missing: the page must load loader.js")
		return
	}
	run := d.scn.Start(d.values)
	d.computing = run
	began := dom.Now()
	steps := 0
	var step, done js.Func
	step = js.FuncOf(func(js.Value, []js.Value) any {
		more := false
		d.guard(func() {
			more = run.Step()
			if steps++; steps%progressEvery == 0 {
				d.ui.summary.SetText("Computing… " + view.Ms(run.Elapsed()) + " virtual ms so far.")
			}
		})
		return more
	})
	done = js.FuncOf(func(js.Value, []js.Value) any {
		step.Release()
		done.Release()
		d.guard(func() { d.finish(run, dom.Now()-began) })
		return nil
	})
	d.ui.summary.SetText("Computing…")
	drive.Invoke(step, done)
	d.controls()
}

// finish shows a computed run, plays it, and settles the run() promises.
// A run that failed or stalled is a bug in a scenario: it is shown as one.
func (d *demo) finish(run *scenario.Run, tookMs float64) {
	d.computing = nil
	if err := run.Err(); err != nil {
		d.fail(err.Error())
		return
	}
	d.last = &result{trace: run.Trace(), summary: run.Summary()}
	d.show(view.NewTimeline(d.last.trace, configOf(run.Values())))
	d.player.Play()
	d.ui.summary.SetText(summaryText(d.scn, d.last.summary, tookMs))
	sum := summaryObject(d.scn, d.last.summary)
	for _, w := range d.waiting {
		w.resolve(sum)
	}
	d.waiting = nil
}

// configOf is what the view needs of a stream's parameters.
func configOf(v scenario.Values) view.Config {
	return view.Config{Items: v.Int("items"), Lanes: v.Int("max_concurrency"), Ordered: v.Bool("ordered")}
}
