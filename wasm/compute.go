//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// progressEvery is how many clock steps pass between two "computing…"
// updates of the summary line.
const progressEvery = 512

// compute starts a run of the form's values, unless one is being computed.
func (d *demo) compute() {
	if d.computing != nil || !d.valid {
		return
	}
	loop, err := driver()
	if err != nil {
		d.fail(err.Error())
		return
	}
	run := d.scn.Start(d.values)
	began := dom.Now()
	steps := 0
	progress := func() {
		if steps++; steps%progressEvery == 0 {
			d.ui.summary.SetText("Computing… " + view.Ms(run.Elapsed()) + " virtual ms so far.")
		}
	}
	drive(loop, run, func() { d.guard(progress) }, func(err error) {
		d.guard(func() {
			if err != nil {
				d.fail(err.Error())
				return
			}
			d.finish(run, dom.Now()-began)
		})
	})
	d.computing = run
	d.ui.summary.SetText("Computing…")
	d.controls()
}

// driver returns the loader's playgroundDrive.
func driver() (js.Value, error) {
	loop := js.Global().Get("playgroundDrive")
	if loop.Type() != js.TypeFunction {
		return js.Value{}, errors.New("playgroundDrive is missing: the page must load loader.js")
	}
	return loop, nil
}

// drive steps run to its end through loop, the loader's playgroundDrive,
// which calls step from a JavaScript loop, so that every step happens when
// all goroutines of the run are blocked (see package clock). after runs
// after each step. done runs once at the end, with the panic of a step if
// one panicked. Nothing here blocks. Both js.Funcs are released at the end.
func drive(loop js.Value, run *scenario.Run, after func(), done func(error)) {
	var failed error
	var step, end js.Func
	step = js.FuncOf(func(js.Value, []js.Value) (more any) {
		defer func() {
			if r := recover(); r != nil {
				failed, more = fmt.Errorf("panic: %v", r), false
			}
		}()
		more = run.Step()
		after()
		return more
	})
	end = js.FuncOf(func(js.Value, []js.Value) any {
		step.Release()
		end.Release()
		done(failed)
		return nil
	})
	loop.Invoke(step, end)
}

// finish shows a computed run, plays it (or opens it, paused, at the time
// a link asked for), and settles the run() promises. A run that failed or
// stalled is a bug in a scenario: it is shown as one.
func (d *demo) finish(run *scenario.Run, tookMs float64) {
	d.computing = nil
	if err := run.Err(); err != nil {
		d.fail(err.Error())
		return
	}
	d.present(&result{trace: run.Trace(), summary: run.Summary(), values: run.Values()}, tookMs)
}

// present shows a run, computed or replayed from a trace file, and settles
// the run() promises.
func (d *demo) present(res *result, tookMs float64) {
	d.last = res
	trace, values := res.trace, res.values
	d.show(d.kit.New(trace, values), chart.New(trace, d.kit.LifeOf(), d.kit.UpfrontOf(values)))
	if d.startAt >= 0 {
		d.player.Seek(d.startAt)
		d.startAt = -1
	} else {
		d.player.Play()
	}
	d.ui.summary.SetText(summaryText(d.scn, d.last.summary, tookMs))
	sum := summaryObject(d.scn, d.last.summary)
	for _, w := range d.waiting {
		w.resolve(sum)
	}
	d.waiting = nil
	d.redraw()
}
