//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// busyAfterMs is how long a computation goes before the picture says it
// is computing, in ms: a short one shows nothing, so edits do not flicker.
const busyAfterMs = 300.0

// yield is what a step hands back to playgroundDrive to say "more, after
// the browser has had its turn": the next piece of work may be a heavy one.
const yield = "yield"

// job is one computation: a run of the form's values stepped to its end,
// then turned into what the canvases show, one piece per call from the
// drive loop, so that the page stays responsive however long the run. A
// newer job supersedes it: the job then stops its run and steps it to its
// end, so that no goroutine of it is left, and shows nothing.
type job struct {
	d         *demo
	run       *scenario.Run
	values    scenario.Values
	edit      int  // the demo's edit whose values these are
	fromStart bool // show it from time 0 (a run() call) rather than at the moment shown
	stale     bool // superseded
	stopped   bool // its run was told to stop
	phase     int
	began     float64 // dom.Now() at its start
	steps     int
	busy      bool    // the picture says it is computing
	toldAt    float64 // when the busy text last changed

	trace   []event.Record
	summary map[string]float64
	vis     view.Visual
	build   *chart.Builder
	charts  *chart.Data
}

// chartPiece is how many records of the trace the charts read per step.
const chartPiece = 4096

// stepMs is how long one call from the drive loop steps a run, in ms: a
// few calls fit in one of its slices.
const stepMs = 3.0

// The pieces of a job, in order; each after phaseRun is one call.
const (
	phaseRun = iota
	phaseTrace
	phaseSummary
	phaseVisual
	phaseCharts
	phaseShow
	phaseCollect
)

// compute starts a run of the form's values, superseding any under way.
func (d *demo) compute(fromStart bool) {
	if !d.valid || d.broken {
		return
	}
	loop, err := driver()
	if err != nil {
		d.fail(err.Error())
		return
	}
	if d.job != nil {
		d.job.supersede()
	}
	holdGC()
	j := &job{d: d, values: d.values, edit: d.edit, fromStart: fromStart, began: dom.Now()}
	d.job = j
	j.run = d.scn.Start(d.values)
	drive(loop, j.step, func(err error) {
		if err == nil && !j.stale && j.phase < phaseCollect {
			err = j.run.Err() // it failed or stalled: a bug in the scenario
		}
		j.run = nil
		releaseGC()
		if err != nil && !j.stale {
			d.guard(func() { d.fail(err.Error()) })
		}
	})
	d.controls()
}

// current reports whether the job computes the values the form holds now.
func (j *job) current() bool { return !j.stale && j.edit == j.d.edit }

// supersede gives the job up: its run is stopped on its next step.
func (j *job) supersede() { j.stale = true }

// step does the next piece of the job and says whether there is more.
func (j *job) step() any {
	if j.stale {
		if !j.stopped {
			j.stopped = true
			j.run.Stop()
		}
		return stepFor(j.run, stepMs, func() {})
	}
	d := j.d
	switch j.phase {
	case phaseRun:
		if stepFor(j.run, stepMs, j.progress) {
			return true
		}
		if j.run.Err() != nil {
			return false // done reports it
		}
	case phaseTrace:
		j.trace = j.run.Trace()
	case phaseSummary:
		j.summary = j.run.Summary()
	case phaseVisual:
		j.vis = d.kit.New(j.trace, j.values)
	case phaseCharts:
		if j.build == nil {
			j.build = chart.NewBuilder(j.trace, d.kit.LifeOf(), d.kit.UpfrontOf(j.values))
		}
		if !j.build.Read(chartPiece) {
			return true
		}
		j.charts = j.build.Data()
	case phaseShow:
		d.guard(func() { d.finish(j) })
	case phaseCollect:
		// Let go of what the demo now holds, and of the run and its own
		// copy of the trace, before the collection at the end.
		j.run.Stop() // it is done: this only releases its context
		j.trace, j.summary, j.vis, j.build, j.charts = nil, nil, nil, nil, nil
		return false
	}
	j.phase++
	return yield
}

// progress says, once the job has taken busyAfterMs, how far its run has
// come in virtual time.
func (j *job) progress() {
	if j.steps++; j.steps%64 != 0 {
		return
	}
	now := dom.Now()
	if now-j.began < busyAfterMs || now-j.toldAt < 250 {
		return
	}
	j.toldAt = now
	if !j.busy {
		j.busy = true
		j.d.showBusy(true)
	}
	j.d.ui.busyTx.SetText("Computing… " + view.Ms(j.run.Elapsed()) + " virtual ms so far")
}

// showBusy says over the picture, or stops saying, that a run is being
// computed; the picture and the summary then fade, as they show the run
// before.
func (d *demo) showBusy(on bool) {
	d.ui.busy.SetHidden(!on)
	d.root.SetClass("pg-computing", on)
}

// driver returns the loader's playgroundDrive.
func driver() (js.Value, error) {
	loop := js.Global().Get("playgroundDrive")
	if loop.Type() != js.TypeFunction {
		return js.Value{}, errors.New("playgroundDrive is missing: the page must load loader.js")
	}
	return loop, nil
}

// drive calls step through loop, the loader's playgroundDrive, from a
// JavaScript loop until it returns false, so that every step happens when
// all goroutines are blocked (see package clock); a step that returns
// [yield] lets the browser in before the next. done runs once at the end,
// with the panic of a step if one panicked. Nothing here blocks. Both
// js.Funcs are released at the end.
func drive(loop js.Value, step func() any, done func(error)) {
	var failed error
	var stepFn, end js.Func
	stepFn = js.FuncOf(func(js.Value, []js.Value) (more any) {
		defer func() {
			if r := recover(); r != nil {
				failed, more = fmt.Errorf("panic: %v", r), false
			}
		}()
		return step()
	})
	end = js.FuncOf(func(js.Value, []js.Value) any {
		stepFn.Release()
		end.Release()
		done(failed)
		return nil
	})
	loop.Invoke(stepFn, end)
}
