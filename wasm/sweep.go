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
	param   string
	figure  string // the summary key plotted beside throughput and p99, if any
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
	s := &sweep{param: d.kit.Sweep.Param, figure: d.kit.Sweep.Figure, values: d.kit.Sweep.Values, began: dom.Now()}
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
		raw[s.param] = value
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
		d.ui.sweepTx.SetText("Sweeping " + s.param + ": run " + strconv.Itoa(s.next+1) + " of " + strconv.Itoa(len(s.values)) + "…")
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
				var figure float64
				if f := d.kit.Sweep.Figure; f != "" {
					figure = run.Summary()[f]
				}
				s.points = append(s.points, chart.PointOf(value, data, figure))
				s.next++
				d.sweepNext()
			})
		})
		return
	}
	s.tookMs = dom.Now() - s.began
	d.ui.sweep.SetDisabled(false)
	d.ui.sweepTx.SetText(strconv.Itoa(len(s.points)) + " runs in " + strconv.FormatFloat(s.tookMs, 'f', 0, 64) +
		" ms of real time; the table under the plot lists their figures.")
	d.ui.sweepTb.Replace(sweepTable(dom.Doc(), s))
	d.drawSweep()
	obj := sweepObject(s)
	for _, w := range s.waiting {
		w.resolve(obj)
	}
	s.waiting = nil
}

func (d *demo) drawSweep() {
	s := d.sweeping
	d.ui.sweepCv.SetHidden(false)
	if d.width > 0 {
		d.paint.sweep.paint(chart.SweepPlan(s.param, d.kit.Sweep.Figure, s.points, d.width))
	}
}

// sweepTable is a sweep's figures as a table, for those who do not see the
// plot and those who want the numbers.
func sweepTable(doc dom.Document, s *sweep) dom.Element {
	table := doc.New("table", "", "")
	head := doc.New("tr", "", "")
	heads := []string{s.param, "throughput (per virtual s)", "p99 latency (ms)"}
	if s.figure != "" {
		heads = append(heads, s.figure)
	}
	for _, h := range heads {
		th := doc.New("th", "", h)
		th.SetAttr("scope", "col")
		head.Append(th)
	}
	table.Append(head)
	for _, p := range s.points {
		tr := doc.New("tr", "", "")
		tr.Append(doc.New("td", "", p.Value), doc.New("td", "", strconv.FormatFloat(p.Throughput, 'f', 1, 64)),
			doc.New("td", "", view.Ms(p.P99)))
		if s.figure != "" {
			tr.Append(doc.New("td", "", strconv.FormatFloat(p.Figure, 'f', -1, 64)))
		}
		table.Append(tr)
	}
	return table
}

// sweepObject is a sweep as the API returns it: {param, figure, ms, points:
// [{value, throughput, p99, <figure>}]}.
func sweepObject(s *sweep) js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("param", s.param)
	obj.Set("figure", s.figure)
	obj.Set("ms", s.tookMs)
	pts := js.Global().Get("Array").New()
	for _, p := range s.points {
		o := js.Global().Get("Object").New()
		o.Set("value", p.Value)
		o.Set("throughput", p.Throughput)
		o.Set("p99", p.P99)
		if s.figure != "" {
			o.Set(s.figure, p.Figure)
		}
		pts.Call("push", o)
	}
	obj.Set("points", pts)
	return obj
}
