//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// sweep is a parameter sweep: the form's values run once per value of the
// kit's swept parameter, one run after another through the same drive loop
// as Run, each measured by package chart.
type sweep struct {
	view.Sweep
	values  []string
	next    int // the index of the next value to run
	points  []chart.Point
	began   float64
	tookMs  float64
	waiting []pending
}

func (s *sweep) done() bool { return s.next >= len(s.values) }

func (s *sweep) fail(why string) {
	for _, w := range s.waiting {
		w.reject(dom.NewError(why))
	}
	s.waiting = nil
}

// startSweep runs a sweep of the form's values; w, when not nil, is the
// promise of an API call to settle at its end. A sweep in progress takes
// the promise rather than starting over.
func (d *demo) startSweep(w *pending) {
	if s := d.sweeping; s != nil && !s.done() {
		if w != nil {
			s.waiting = append(s.waiting, *w)
		}
		return
	}
	if !d.valid {
		d.ui.sweepTx.SetText("Fix the parameters first: " + strings.Join(d.problems(), "; "))
		if w != nil {
			w.reject(dom.NewError("the parameters are not valid"))
		}
		return
	}
	s := &sweep{Sweep: d.kit.Sweep, values: d.kit.Sweep.Values, began: dom.Now()}
	if w != nil {
		s.waiting = append(s.waiting, *w)
	}
	d.sweeping = s
	d.ui.sweep.SetDisabled(true)
	d.sweepNext()
}

// sweepNext starts the next run of the sweep, or ends it. Values the
// scenario refuses (out of range for these parameters) are skipped.
func (d *demo) sweepNext() {
	s := d.sweeping
	for !s.done() {
		value := s.values[s.next]
		raw := d.values.Raw()
		raw[s.Param] = value
		v, errs := d.scn.Parse(raw)
		if len(errs) > 0 {
			s.next++
			continue
		}
		loop, err := driver()
		if err != nil {
			d.fail(err.Error())
			return
		}
		d.ui.sweepTx.SetText("Sweeping " + s.Param + ": run " + strconv.Itoa(s.next+1) + " of " + strconv.Itoa(len(s.values)) + "…")
		holdGC()
		run := d.scn.Start(v)
		drive(loop, func() any { return stepFor(run, stepMs, func() {}) }, func(err error) {
			releaseGC()
			d.guard(func() {
				if err == nil {
					err = run.Err()
				}
				if err != nil {
					d.fail(err.Error())
					return
				}
				data := chart.New(run.Trace(), d.kit.LifeOf(), d.kit.UpfrontOf(v))
				s.points = append(s.points, chart.PointOf(value, data, run.Summary()))
				s.next++
				d.sweepNext()
			})
		})
		return
	}
	s.tookMs = dom.Now() - s.began
	d.ui.sweep.SetDisabled(false)
	d.ui.sweepTx.SetText(strconv.Itoa(len(s.points)) + " runs in " + strconv.FormatFloat(s.tookMs, 'f', 0, 64) +
		" ms of real time. Click a point, or a value in the table under the plot, to load its run.")
	d.ui.sweepTb.Replace(d.sweepTable(dom.Doc(), s))
	d.drawSweep()
	obj := sweepObject(s)
	for _, w := range s.waiting {
		w.resolve(obj)
	}
	s.waiting = nil
}

// drawSweep draws the sweep run, marking the form's value of its parameter.
func (d *demo) drawSweep() {
	s := d.sweeping
	d.ui.sweepCv.SetHidden(false)
	if d.width > 0 {
		d.paint.sweep.paint(chart.SweepPlan(s.Sweep, s.points, d.readForm()[s.Param], d.width))
	}
}

// swept says whether a sweep has run to its end, to be drawn and loaded from.
func (d *demo) swept() bool { return d.sweeping != nil && d.sweeping.done() }

// sweepClicked loads the run of the point a click on the plot picks.
func (d *demo) sweepClicked(e dom.Event) {
	if !d.swept() || d.width <= 0 {
		return
	}
	if i := chart.SweepHit(d.sweeping.Sweep, d.sweeping.points, d.width, e.OffsetX(), e.OffsetY()); i >= 0 {
		d.loadSwept(d.sweeping.points[i].Value)
	}
}

// loadSwept sets the swept parameter to value as setParams does: the form
// and the link take it, the demo runs it and the marker moves to it.
func (d *demo) loadSwept(value string) {
	s := d.sweeping
	if errs := d.setValues(map[string]string{s.Param: value}); len(errs) > 0 {
		d.ui.sweepTx.SetText("That run cannot be loaded: " + errs[0].Error())
		return
	}
	d.ui.sweepTx.SetText("Loaded the run with " + s.Param + " = " + value + "; the demo above plays it.")
}

// loadAttr holds, on a button of the sweep's table, the value it loads.
const loadAttr = "data-value"

// sweepTableClicked loads the run of the table's button clicked, if any:
// one listener for every table a sweep makes.
func (d *demo) sweepTableClicked(e dom.Event) {
	t := e.Target()
	if !d.swept() || t.Type() != js.TypeObject || t.Get("getAttribute").Type() != js.TypeFunction {
		return
	}
	if v := t.Call("getAttribute", loadAttr); v.Type() == js.TypeString {
		d.loadSwept(v.String())
	}
}

// sweepTable is a sweep's figures as a table, for those who do not see the
// plot and those who want the numbers; each value is a button that loads
// its run.
func (d *demo) sweepTable(doc dom.Document, s *sweep) dom.Element {
	table := doc.New("table", "", "")
	head := doc.New("tr", "", "")
	heads := []string{s.Param}
	for _, pl := range s.Plots {
		heads = append(heads, pl.Title+" ("+pl.Unit+")")
	}
	for _, h := range heads {
		th := doc.New("th", "", h)
		th.SetAttr("scope", "col")
		head.Append(th)
	}
	table.Append(head)
	for _, p := range s.points {
		tr := doc.New("tr", "", "")
		load := button(doc, "button", "pg-sweep-load", p.Value, "Load the run with "+s.Param+" = "+p.Value)
		load.SetAttr(loadAttr, p.Value)
		td := doc.New("td", "", "")
		td.Append(load.Element)
		tr.Append(td)
		for _, pl := range s.Plots {
			tr.Append(doc.New("td", "", figureText(pl, p.Of[pl.Key])))
		}
		table.Append(tr)
	}
	return table
}

// figureText writes a plotted figure as the plot draws it.
func figureText(pl view.Plot, v float64) string {
	switch {
	case pl.Scale != 0:
		return strconv.FormatFloat(v*pl.Scale, 'f', 1, 64)
	case pl.Key == view.PlotThroughput:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return view.Ms(v)
}

// sweepObject is a sweep as the API returns it: {param, figure, ms, points:
// [{value, throughput, p99, and every figure of the run's summary}]}.
func sweepObject(s *sweep) js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("param", s.Param)
	obj.Set("figure", s.Figure)
	obj.Set("ms", s.tookMs)
	pts := js.Global().Get("Array").New()
	for _, p := range s.points {
		o := js.Global().Get("Object").New()
		o.Set("value", p.Value)
		for k, v := range p.Of {
			o.Set(k, v)
		}
		pts.Call("push", o)
	}
	obj.Set("points", pts)
	return obj
}
